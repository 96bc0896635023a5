import { disableBlogSite, enableBlogSite } from '@/lib/options/blog-actions';

import { deferred } from '../support/deferred';
import { fakeOptionsApi } from '../support/options-api';

describe('enableBlogSite', () => {
  it('asks the browser first, synchronously, before anything else happens', async () => {
    const { api, calls } = fakeOptionsApi();
    const prompt = deferred<boolean>();
    api.requestOrigin.mockImplementationOnce(() => prompt.promise);

    const outcome = enableBlogSite(api, 'https://blog.example');

    // Still inside the click: the prompt is open, nothing else was asked.
    expect(api.requestOrigin).toHaveBeenCalledTimes(1);
    expect(api.requestOrigin).toHaveBeenCalledWith('https://blog.example');
    expect(api.enableBlog).not.toHaveBeenCalled();
    expect(calls).toEqual([]);

    prompt.resolve(true);
    expect(await outcome).toEqual({
      ok: true,
      blogs: ['https://blog.example'],
      message: 'Acquaint now reads comments on blog.example.',
    });
    expect(api.enableBlog).toHaveBeenCalledWith('https://blog.example');
    expect(calls).toEqual(['enableBlog https://blog.example']);
  });

  it('enables nothing when the user says no, and says so', async () => {
    const { api } = fakeOptionsApi({ grant: false });

    const outcome = await enableBlogSite(api, 'https://blog.example:8443');

    expect(outcome).toEqual({
      ok: false,
      message: 'Not enabled: access to blog.example:8443 was not granted.',
    });
    expect(api.enableBlog).not.toHaveBeenCalled();
  });

  it('reports a prompt the browser refused to show', async () => {
    const { api } = fakeOptionsApi();
    api.requestOrigin.mockRejectedValueOnce(new Error('must be called during a user gesture'));

    expect(await enableBlogSite(api, 'https://blog.example')).toEqual({
      ok: false,
      message: 'The browser refused: must be called during a user gesture',
    });
    expect(api.enableBlog).not.toHaveBeenCalled();
  });

  it('reports the background’s refusal after the grant', async () => {
    const { api } = fakeOptionsApi();
    api.enableBlog.mockRejectedValueOnce(new Error('Acquaint has no permission for it'));

    expect(await enableBlogSite(api, 'https://blog.example')).toEqual({
      ok: false,
      message: 'Acquaint has no permission for it',
    });
  });
});

describe('disableBlogSite', () => {
  it('turns the blog off and gives the remaining list', async () => {
    const { api } = fakeOptionsApi({ blogs: ['https://a.example', 'https://blog.example'] });

    expect(await disableBlogSite(api, 'https://blog.example')).toEqual({
      ok: true,
      blogs: ['https://a.example'],
      message: 'Turned off for blog.example; its access was given back.',
    });
    expect(api.requestOrigin).not.toHaveBeenCalled();
  });

  it('reports a failure', async () => {
    const { api } = fakeOptionsApi({ blogs: ['https://blog.example'] });
    api.disableBlog.mockRejectedValueOnce('background asleep');
    expect(await disableBlogSite(api, 'https://blog.example')).toEqual({
      ok: false,
      message: 'background asleep',
    });
  });
});
