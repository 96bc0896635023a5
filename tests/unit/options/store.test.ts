import type { SiteHealth } from '@/lib/model/health';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { createOptionsStore } from '@/lib/options/store';

import { fakeOptionsApi } from '../support/options-api';

const LINKEDIN_DOWN: SiteHealth = {
  site: 'linkedin',
  lastProblemAt: '2024-05-10T12:00:00.000Z',
  lastProblemKind: 'profile',
  lastOkAt: null,
};

describe('options store', () => {
  it('loads settings, health and blogs', async () => {
    const { api } = fakeOptionsApi({ blogs: ['https://blog.example'], health: [LINKEDIN_DOWN] });
    const store = createOptionsStore(api);

    await store.load();

    expect(store.settings.value).toEqual(DEFAULT_SETTINGS);
    expect(store.health.value).toEqual([LINKEDIN_DOWN]);
    expect(store.blogs.value).toEqual(['https://blog.example']);
    expect(store.loadError.value).toBeNull();
  });

  it('says why it could not load', async () => {
    const { api } = fakeOptionsApi();
    api.health.mockRejectedValueOnce(new Error("Acquaint's background did not answer."));
    const store = createOptionsStore(api);

    await store.load();

    expect(store.loadError.value).toBe("Acquaint's background did not answer.");
    expect(store.settings.value).toBeNull();
  });

  it('updates settings with what the background answers', async () => {
    const { api } = fakeOptionsApi();
    const store = createOptionsStore(api);
    await store.updateSettings({ defaultCadenceDays: 14 });
    expect(api.updateSettings).toHaveBeenCalledWith({ defaultCadenceDays: 14 });
    expect(store.settings.value).toEqual({ ...DEFAULT_SETTINGS, defaultCadenceDays: 14 });
  });

  describe('enableBlog', () => {
    it('asks for the typed blog’s permission synchronously, within the click', async () => {
      const { api, calls } = fakeOptionsApi();
      const store = createOptionsStore(api);
      store.blogInput.value = 'blog.example/2024/owls';

      const done = store.enableBlog();

      expect(api.requestOrigin).toHaveBeenCalledTimes(1);
      expect(api.requestOrigin).toHaveBeenCalledWith('https://blog.example');
      expect(calls).toEqual(['requestOrigin https://blog.example']);
      await done;
    });

    it('a granted prompt lists the blog, clears the input and says so', async () => {
      const { api } = fakeOptionsApi({ blogs: ['https://zebra.example'] });
      const store = createOptionsStore(api);
      await store.load();
      store.blogInput.value = '  https://blog.example/post ';

      await store.enableBlog();

      expect(api.enableBlog).toHaveBeenCalledWith('https://blog.example');
      expect(store.blogs.value).toEqual(['https://blog.example', 'https://zebra.example']);
      expect(store.blogInput.value).toBe('');
      expect(store.blogStatus.value).toEqual({
        ok: true,
        text: 'Acquaint now reads comments on blog.example.',
      });
    });

    it('a denied prompt enables nothing, keeps the input and says so', async () => {
      const { api } = fakeOptionsApi({ grant: false });
      const store = createOptionsStore(api);
      store.blogInput.value = 'blog.example';

      await store.enableBlog();

      expect(api.enableBlog).not.toHaveBeenCalled();
      expect(store.blogs.value).toEqual([]);
      expect(store.blogInput.value).toBe('blog.example');
      expect(store.blogStatus.value).toEqual({
        ok: false,
        text: 'Not enabled: access to blog.example was not granted.',
      });
    });

    it('keeps the list when the background fails after the grant', async () => {
      const { api } = fakeOptionsApi({ blogs: ['https://a.example'] });
      api.enableBlog.mockRejectedValueOnce(new Error('no permission'));
      const store = createOptionsStore(api);
      await store.load();
      store.blogInput.value = 'blog.example';

      await store.enableBlog();

      expect(store.blogs.value).toEqual(['https://a.example']);
      expect(store.blogInput.value).toBe('blog.example');
      expect(store.blogStatus.value).toEqual({ ok: false, text: 'no permission' });
    });

    it.each([
      '',
      '   ',
      'linkedin.com/in/ada',
      'https://x.com/pip',
      'chrome://extensions',
      'intranet',
    ])('asks for nothing with %j and explains what to type', async (input) => {
      const { api } = fakeOptionsApi();
      const store = createOptionsStore(api);
      store.blogInput.value = input;

      await store.enableBlog();

      expect(api.requestOrigin).not.toHaveBeenCalled();
      expect(api.enableBlog).not.toHaveBeenCalled();
      expect(store.blogStatus.value?.ok).toBe(false);
      expect(store.blogStatus.value?.text).toContain('LinkedIn and X are always on');
      expect(store.blogInput.value).toBe(input);
    });
  });

  describe('disableBlog', () => {
    it('updates the list and says so', async () => {
      const { api } = fakeOptionsApi({ blogs: ['https://a.example', 'https://blog.example'] });
      const store = createOptionsStore(api);
      await store.load();

      await store.disableBlog('https://blog.example');

      expect(api.disableBlog).toHaveBeenCalledWith('https://blog.example');
      expect(store.blogs.value).toEqual(['https://a.example']);
      expect(store.blogStatus.value).toEqual({
        ok: true,
        text: 'Turned off for blog.example; its access was given back.',
      });
    });

    it('keeps the list when it fails', async () => {
      const { api } = fakeOptionsApi({ blogs: ['https://blog.example'] });
      api.disableBlog.mockRejectedValueOnce(new Error('offline'));
      const store = createOptionsStore(api);
      await store.load();

      await store.disableBlog('https://blog.example');

      expect(store.blogs.value).toEqual(['https://blog.example']);
      expect(store.blogStatus.value).toEqual({ ok: false, text: 'offline' });
    });
  });
});
