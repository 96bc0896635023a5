import type { SiteHealth } from '@/lib/model/health';
import { createPopupStore } from '@/lib/popup/store';

import { fakePopupApi } from '../support/options-api';

async function loaded(tab: { id?: number; url?: string } | undefined, blogs: string[] = []) {
  const fake = fakePopupApi(tab, { blogs });
  const store = createPopupStore(fake.api);
  await store.load();
  return { ...fake, store };
}

describe('popup store: what the tab is', () => {
  it.each<[string, string]>([
    ['https://www.linkedin.com/in/ada-quill-4b21a/', 'linkedin'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://x.com/pipwellings', 'x'],
    ['https://twitter.com/pipwellings/status/1', 'x'],
  ])('calls %s built in (%s)', async (url, site) => {
    const { store } = await loaded({ id: 1, url }, ['https://blog.example']);
    expect(store.site.value).toEqual({ kind: 'built-in', site });
  });

  it('calls a blog that was not enabled a blog to enable', async () => {
    const { store } = await loaded({ id: 1, url: 'https://blog.example/2024/owls?c=1' }, [
      'https://other.example',
    ]);
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'https://blog.example',
      enabled: false,
    });
  });

  it('calls an enabled blog enabled', async () => {
    const { store } = await loaded({ id: 1, url: 'https://blog.example/post' }, [
      'https://blog.example',
    ]);
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'https://blog.example',
      enabled: true,
    });
  });

  it('does not take http for the https blog that was enabled', async () => {
    const { store } = await loaded({ id: 1, url: 'http://blog.example/post' }, [
      'https://blog.example',
    ]);
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'http://blog.example',
      enabled: false,
    });
  });

  it.each<[string, { id?: number; url?: string } | undefined]>([
    ['chrome://', { id: 1, url: 'chrome://newtab/' }],
    ['an extension page', { id: 1, url: 'chrome-extension://abc/options.html' }],
    ['a local file', { id: 1, url: 'file:///home/me/page.html' }],
    ['about:blank', { id: 1, url: 'about:blank' }],
    ['a tab whose address it may not read', { id: 1 }],
    ['no tab at all', undefined],
    ['a garbled address', { id: 1, url: 'not a url' }],
  ])('calls %s none', async (_what, tab) => {
    const { store } = await loaded(tab);
    expect(store.site.value).toEqual({ kind: 'none' });
  });

  it('loads the health readings', async () => {
    const health: SiteHealth[] = [
      {
        site: 'x',
        lastProblemAt: '2024-05-10T12:00:00.000Z',
        lastProblemKind: 'feed',
        lastOkAt: null,
      },
    ];
    const fake = fakePopupApi({ id: 1, url: 'https://x.com/' }, { health });
    const store = createPopupStore(fake.api);
    await store.load();
    expect(store.health.value).toEqual(health);
  });
});

describe('popup store: enabling and disabling', () => {
  it('asks for the permission synchronously, then enables the tab’s origin', async () => {
    const { store, api, calls } = await loaded({ id: 31, url: 'https://blog.example/post' });
    calls.length = 0;

    const done = store.enableHere();
    expect(api.requestOrigin).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['requestOrigin https://blog.example']);
    await done;

    expect(api.enableBlog).toHaveBeenCalledTimes(1);
    expect(api.enableBlog).toHaveBeenCalledWith('https://blog.example');
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'https://blog.example',
      enabled: true,
    });
    expect(store.status.value).toEqual({
      ok: true,
      text: 'Acquaint now reads comments on blog.example.',
    });
  });

  it('a denied prompt enables nothing and says so', async () => {
    const fake = fakePopupApi({ id: 31, url: 'https://blog.example/post' }, { grant: false });
    const store = createPopupStore(fake.api);
    await store.load();

    await store.enableHere();

    expect(fake.api.enableBlog).not.toHaveBeenCalled();
    expect(store.site.value).toMatchObject({ kind: 'blog', enabled: false });
    expect(store.status.value).toEqual({
      ok: false,
      text: 'Not enabled: access to blog.example was not granted.',
    });
  });

  it('asks for nothing on a built-in site or a page that is no site', async () => {
    for (const url of ['https://x.com/pip', 'chrome://newtab/']) {
      const { store, api } = await loaded({ id: 2, url });
      await store.enableHere();
      await store.disableHere();
      expect(api.requestOrigin).not.toHaveBeenCalled();
      expect(api.disableBlog).not.toHaveBeenCalled();
      expect(store.status.value).toBeNull();
    }
  });

  it('disabling turns the blog off and updates the state', async () => {
    const { store, api } = await loaded({ id: 5, url: 'https://blog.example/post' }, [
      'https://blog.example',
    ]);

    await store.disableHere();

    expect(api.disableBlog).toHaveBeenCalledWith('https://blog.example');
    expect(store.site.value).toMatchObject({ kind: 'blog', enabled: false });
    expect(store.status.value?.ok).toBe(true);
  });

  it('opens the options page', async () => {
    const { store, api } = await loaded({ id: 5, url: 'https://blog.example/post' });
    await store.openOptions();
    expect(api.openOptions).toHaveBeenCalledTimes(1);
  });
});
