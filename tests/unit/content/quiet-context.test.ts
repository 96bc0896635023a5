import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

import { ContentScriptContext } from '@/lib/content/quiet-context';

/**
 * The content scripts' context (wxt.config.ts puts it in place of WXT's): WXT's work, and no DOM
 * event a page could hear (issue 12). jsdom has no Navigation API, so the address is polled here
 * unless a test gives the window a `navigation` of its own.
 */

type Change = { newUrl: URL; oldUrl: URL };

const START = '/quiet-context/start';
const contexts: ContentScriptContext[] = [];

/** A context, aborted after the test. */
function context(name = 'linkedin'): ContentScriptContext {
  const ctx = new ContentScriptContext(name, { matches: [] });
  contexts.push(ctx);
  return ctx;
}

/** Follows the address changes `ctx` reports, as the content scripts do. */
function follow(ctx: ContentScriptContext): Change[] {
  const changes: Change[] = [];
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl, oldUrl }) =>
    changes.push({ newUrl, oldUrl }),
  );
  return changes;
}

const paths = (changes: Change[]) =>
  changes.map(({ newUrl, oldUrl }) => `${oldUrl.pathname} → ${newUrl.pathname}`);

/** What the Navigation API gives an isolated world: an event target that says where to. */
function fakeNavigation() {
  const navigation = new EventTarget();
  vi.stubGlobal('navigation', navigation);
  return (path: string) => {
    const event = Object.assign(new Event('navigate'), {
      destination: { url: new URL(path, location.href).href },
    });
    navigation.dispatchEvent(event);
    history.pushState({}, '', path);
  };
}

/**
 * Takes the extension away as an update or reload does: in Chromium `runtime` is gone from the old
 * script; `runtime.id` alone undefined is what WXT tests for. Gives back a function that undoes it
 * (fakeBrowser.reset() does not bring back the id).
 */
function orphan(how: 'runtime' | 'id' = 'runtime'): () => void {
  const browser = fakeBrowser as { runtime?: { id?: string } };
  const { runtime } = browser;
  const id = runtime?.id;
  if (how === 'runtime') browser.runtime = undefined;
  else if (runtime) runtime.id = undefined;
  return () => {
    browser.runtime = runtime;
    if (runtime) runtime.id = id;
  };
}

beforeEach(() => {
  history.replaceState({}, '', START);
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the quiet content script context: address changes', () => {
  it('calls the handler once for each change of address, found by polling', () => {
    vi.useFakeTimers();
    const changes = follow(context());

    history.pushState({}, '', '/in/ada-quill-4b21a/');
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(5000);
    expect(paths(changes)).toEqual([`${START} → /in/ada-quill-4b21a/`]);
    expect(changes[0]?.newUrl).toBeInstanceOf(URL);

    // The same address again is no change; a change and back within a second is none either.
    history.replaceState({}, '', '/in/ada-quill-4b21a/');
    history.pushState({}, '', '/feed/');
    history.pushState({}, '', '/in/ada-quill-4b21a/');
    vi.advanceTimersByTime(1000);
    history.pushState({}, '', '/in/bram-oduya-5c/');
    vi.advanceTimersByTime(1000);
    expect(paths(changes)).toEqual([
      `${START} → /in/ada-quill-4b21a/`,
      '/in/ada-quill-4b21a/ → /in/bram-oduya-5c/',
    ]);
  });

  it('calls the handler once for each navigation the Navigation API reports', () => {
    const navigate = fakeNavigation();
    const changes = follow(context());

    navigate('/in/ada-quill-4b21a/');
    navigate('/in/ada-quill-4b21a/');
    navigate('/in/bram-oduya-5c/');
    expect(paths(changes)).toEqual([
      `${START} → /in/ada-quill-4b21a/`,
      '/in/ada-quill-4b21a/ → /in/bram-oduya-5c/',
    ]);
  });

  it('gives every handler the change, even when one of them throws', () => {
    const navigate = fakeNavigation();
    const reported = vi.fn();
    vi.stubGlobal('reportError', reported);
    const ctx = context();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      throw new Error('a broken handler');
    });
    const changes = follow(ctx);

    navigate('/in/ada-quill-4b21a/');
    expect(paths(changes)).toEqual([`${START} → /in/ada-quill-4b21a/`]);
    expect(reported).toHaveBeenCalledWith(new Error('a broken handler'));
  });
});

describe('the quiet content script context: what the page can hear', () => {
  /** Every way a content script context could tell the page something, spied on. */
  function spyOnThePage() {
    return [
      vi.spyOn(window, 'dispatchEvent'),
      vi.spyOn(document, 'dispatchEvent'),
      vi.spyOn(window, 'postMessage'),
    ];
  }

  it('dispatches no event and posts no message, as it starts or as the address changes', () => {
    vi.useFakeTimers();
    const spies = spyOnThePage();
    const ctx = context();
    follow(ctx);
    ctx.addEventListener(document, 'visibilitychange', () => {});
    history.pushState({}, '', '/in/ada-quill-4b21a/');
    vi.advanceTimersByTime(1000);
    context('x');
    ctx.notifyInvalidated();

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('dispatches nothing with the Navigation API either', () => {
    const navigate = fakeNavigation();
    const spies = spyOnThePage();
    const changes = follow(context());
    navigate('/in/ada-quill-4b21a/');

    expect(changes).toHaveLength(1);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('is a test that can fail: WXT’s own context is heard at once', () => {
    const [, onDocument] = spyOnThePage();
    const wxt = new WxtContentScriptContext('linkedin', { matches: [] });
    wxt.abort();
    expect(onDocument).toHaveBeenCalledWith(
      expect.objectContaining({
        type: expect.stringMatching(
          new RegExp(`^${fakeBrowser.runtime.id}:[^:]*:wxt:content-script-started$`),
        ),
      }),
    );
  });
});

describe('the quiet content script context: invalidation', () => {
  it('stops its timers, listeners and address handlers once invalidated', () => {
    vi.useFakeTimers();
    const ctx = context();
    const fired = vi.fn();
    ctx.setTimeout(() => fired('timeout'), 100);
    ctx.setInterval(() => fired('interval'), 100);
    ctx.requestAnimationFrame(() => fired('frame'));
    ctx.addEventListener(document, 'click', () => fired('click'));
    ctx.addEventListener(window, 'wxt:locationchange', () => fired('location'));
    const invalidated = vi.fn();
    ctx.onInvalidated(invalidated);

    ctx.notifyInvalidated();
    document.dispatchEvent(new Event('click'));
    history.pushState({}, '', '/in/ada-quill-4b21a/');
    vi.advanceTimersByTime(5000);

    expect(fired).not.toHaveBeenCalled();
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(ctx.isValid).toBe(false);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('stops when the extension was updated or reloaded, at its next timer', () => {
    vi.useFakeTimers();
    const ctx = context();
    const fired = vi.fn();
    ctx.setInterval(() => fired('interval'), 100);
    ctx.addEventListener(document, 'click', () => fired('click'));
    vi.advanceTimersByTime(100);
    expect(fired).toHaveBeenCalledTimes(1);

    const restore = orphan();
    try {
      vi.advanceTimersByTime(100);
      document.dispatchEvent(new Event('click'));
    } finally {
      restore();
    }
    expect(fired).toHaveBeenCalledTimes(1);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('stops when the extension was updated, at its next navigation', () => {
    const navigate = fakeNavigation();
    const ctx = context();
    const changes = follow(ctx);
    const restore = orphan();
    try {
      navigate('/in/ada-quill-4b21a/');
    } finally {
      restore();
    }
    expect(changes).toEqual([]);
    expect(ctx.signal.aborted).toBe(true);
    // Back with a working runtime (a test's, not a browser's), it stays stopped.
    navigate('/in/bram-oduya-5c/');
    expect(changes).toEqual([]);
  });

  it('stops when the extension was updated, as soon as the tab is shown again', () => {
    const ctx = context();
    const removeUi = vi.fn();
    ctx.onInvalidated(removeUi);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(removeUi).not.toHaveBeenCalled();

    const restore = orphan();
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      restore();
    }
    expect(removeUi).toHaveBeenCalledTimes(1);
  });

  it('reads a runtime without an id as gone too', () => {
    const ctx = context();
    expect(ctx.isInvalid).toBe(false);
    const restore = orphan('id');
    try {
      expect(ctx.isInvalid).toBe(true);
    } finally {
      restore();
    }
  });

  it('stops the context of the same script that ran before it in this world, and no other', () => {
    const first = context('blog');
    const other = context('linkedin');
    const second = context('blog');

    expect(first.signal.aborted).toBe(true);
    expect(other.isValid).toBe(true);
    expect(second.isValid).toBe(true);
    // A stopped context leaves its place, so the next one stops nobody still running.
    second.abort();
    const third = context('blog');
    expect(third.isValid).toBe(true);
  });

  it('gives a block() that never settles, and keeps its options', async () => {
    const ctx = context();
    expect(ctx.options).toEqual({ matches: [] });
    const settled = vi.fn();
    void ctx.block().then(settled, settled);
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
  });
});
