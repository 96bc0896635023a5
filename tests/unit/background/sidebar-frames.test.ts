import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createSidebarFrames } from '@/lib/background/sidebar-frames';

const TAB = 7;

describe('sidebar frames', () => {
  let tokens: string[];
  const frames = () => {
    let n = 0;
    return createSidebarFrames(fakeBrowser.storage.session, () => {
      const token = `token-${(n += 1)}`;
      tokens.push(token);
      return token;
    });
  };

  beforeEach(() => {
    fakeBrowser.reset();
    tokens = [];
  });

  it('binds the first frame that presents the tab’s token, and only that frame', async () => {
    const store = frames();
    const token = await store.issue(TAB);
    expect(await store.isBound(TAB, 3)).toBe(false);

    expect(await store.claim(TAB, 3, token)).toBe(true);
    expect(await store.isBound(TAB, 3)).toBe(true);
    // The same frame loading again keeps its place; another frame with the same token does not.
    expect(await store.claim(TAB, 3, token)).toBe(true);
    expect(await store.claim(TAB, 4, token)).toBe(false);
    expect(await store.isBound(TAB, 4)).toBe(false);
  });

  it('refuses a wrong token, a token of another tab, and a tab that asked for none', async () => {
    const store = frames();
    const token = await store.issue(TAB);
    expect(await store.claim(TAB, 3, 'guessed')).toBe(false);
    expect(await store.claim(TAB + 1, 3, token)).toBe(false);
    expect(await store.isBound(TAB, 3)).toBe(false);
  });

  it('a new token drops the frame bound before, and forgetting the tab drops everything', async () => {
    const store = frames();
    const first = await store.issue(TAB);
    await store.claim(TAB, 3, first);
    const second = await store.issue(TAB);
    expect(await store.isBound(TAB, 3)).toBe(false);
    expect(await store.claim(TAB, 3, first)).toBe(false);
    expect(await store.claim(TAB, 5, second)).toBe(true);

    await store.forget(TAB);
    expect(await store.isBound(TAB, 5)).toBe(false);
  });

  it('survives the service worker stopping: the binding lives in session storage', async () => {
    const token = await frames().issue(TAB);
    await frames().claim(TAB, 3, token);
    expect(await frames().isBound(TAB, 3)).toBe(true);
  });
});
