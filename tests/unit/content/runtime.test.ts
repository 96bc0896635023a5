import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Content scripts go without webextension-polyfill (issue 6); lib/content/runtime.ts does what the
 * polyfill did for their calls. In Chrome that means wrapping the callback API exactly as the
 * polyfill does, because the background (still polyfilled) reads the replies the polyfill's way.
 */

type Listener = (
  message: unknown,
  sender: { id?: string },
  respond: (reply: unknown) => void,
) => unknown;

const REJECTED = '__mozWebExtensionPolyfillReject__';

/** Chrome's `chrome.runtime`: callbacks and `lastError`, no `browser` global. */
function fakeChrome() {
  const listeners = new Set<Listener>();
  const runtime = {
    id: 'acquaint-id',
    lastError: undefined as { message: string } | undefined,
    /** What the next sendMessage gets: a reply, or a lastError message. */
    next: { reply: undefined as unknown, error: undefined as string | undefined },
    sendMessage: vi.fn((_message: unknown, callback: (reply: unknown) => void) => {
      queueMicrotask(() => {
        runtime.lastError = runtime.next.error ? { message: runtime.next.error } : undefined;
        callback(runtime.next.error ? undefined : runtime.next.reply);
        runtime.lastError = undefined;
      });
    }),
    getURL: (path: string) => `chrome-extension://acquaint-id${path}`,
    onMessage: {
      addListener: (listener: Listener) => listeners.add(listener),
      removeListener: (listener: Listener) => listeners.delete(listener),
    },
  };
  return { chrome: { runtime }, runtime, listeners };
}

/** Loads lib/content/runtime.ts afresh in a browser with these globals. */
async function loadRuntimeIn(globals: { browser: unknown; chrome: unknown }) {
  vi.stubGlobal('browser', globals.browser);
  vi.stubGlobal('chrome', globals.chrome);
  // What @wxt-dev/browser picks: Firefox's `browser`, else Chrome's `chrome`.
  vi.doMock('@wxt-dev/browser', () => ({ browser: globals.browser ?? globals.chrome }));
  vi.resetModules();
  return import('@/lib/content/runtime');
}

afterEach(() => {
  vi.doUnmock('@wxt-dev/browser');
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
  vi.resetModules();
  fakeBrowser.reset();
});

describe('the content scripts’ runtime in Chrome', () => {
  it('unwraps an answer, and turns refusals and failures into errors', async () => {
    const fake = fakeChrome();
    const { sendRequest } = await loadRuntimeIn({ browser: undefined, chrome: fake.chrome });

    fake.runtime.next = { reply: { ok: true, value: { known: ['x:ada'] } }, error: undefined };
    await expect(sendRequest({ type: 'people.lookup', keys: ['x:ada'] })).resolves.toEqual({
      known: ['x:ada'],
    });

    fake.runtime.next = { reply: { ok: false, error: 'Refused: no.' }, error: undefined };
    await expect(sendRequest({ type: 'settings.get' })).rejects.toThrow('Refused: no.');

    // Nobody answered: the polyfill resolved to undefined, which is "did not answer".
    fake.runtime.next = {
      reply: undefined,
      error: 'The message port closed before a response was received.',
    };
    await expect(sendRequest({ type: 'settings.get' })).rejects.toThrow(
      "Acquaint's background did not answer.",
    );

    fake.runtime.next = { reply: undefined, error: 'Could not establish connection.' };
    await expect(sendRequest({ type: 'settings.get' })).rejects.toThrow(
      "Acquaint's background did not answer: Could not establish connection.",
    );

    // The background's listener threw: the polyfill sends the error across as an object.
    fake.runtime.next = { reply: { [REJECTED]: true, message: 'it broke' }, error: undefined };
    await expect(sendRequest({ type: 'settings.get' })).rejects.toThrow(
      "Acquaint's background did not answer: it broke",
    );
    expect(fake.runtime.sendMessage).toHaveBeenCalledTimes(5);
  });

  it('answers a command with what the listener resolves to, and says when it failed', async () => {
    const fake = fakeChrome();
    const { onCommand, extensionId, extensionUrl } = await loadRuntimeIn({
      browser: undefined,
      chrome: fake.chrome,
    });
    expect(extensionId()).toBe('acquaint-id');
    expect(extensionUrl('/sidebar.html')).toBe('chrome-extension://acquaint-id/sidebar.html');

    const ctx = new ContentScriptContext('test');
    onCommand(ctx, (message) => {
      if (message === 'ignore') return undefined;
      if (message === 'fail') return Promise.reject(new Error('no sidebar'));
      return Promise.resolve(true);
    });
    const [listener] = fake.listeners;
    if (!listener) throw new Error('no listener added');
    const sender = { id: 'acquaint-id' };

    const answered = vi.fn();
    expect(listener('toggle', sender, answered)).toBe(true);
    await vi.waitFor(() => expect(answered).toHaveBeenCalledWith(true));

    const ignored = vi.fn();
    expect(listener('ignore', sender, ignored)).toBe(false);

    const failed = vi.fn();
    expect(listener('fail', sender, failed)).toBe(true);
    await vi.waitFor(() =>
      expect(failed).toHaveBeenCalledWith({ [REJECTED]: true, message: 'no sidebar' }),
    );
    expect(ignored).not.toHaveBeenCalled();

    ctx.abort();
    expect(fake.listeners.size).toBe(0);
  });
});

describe('the content scripts’ runtime in Firefox', () => {
  it('uses the native browser API as it is: it has promises of its own', async () => {
    const listeners = new Set<unknown>();
    const firefox = {
      runtime: {
        id: 'acquaint@acquaint.example',
        sendMessage: vi.fn(async () => ({ ok: true, value: null })),
        onMessage: {
          addListener: (listener: unknown) => listeners.add(listener),
          removeListener: (listener: unknown) => listeners.delete(listener),
        },
      },
    };
    const { onCommand, sendRequest } = await loadRuntimeIn({ browser: firefox, chrome: undefined });

    await expect(sendRequest({ type: 'sidebar.load' })).resolves.toBeNull();
    expect(firefox.runtime.sendMessage).toHaveBeenCalledWith({ type: 'sidebar.load' });

    const ctx = new ContentScriptContext('test');
    const listener = async () => 'done';
    onCommand(ctx, listener);
    // The listener itself, whose promise Firefox sends back as the answer.
    expect([...listeners]).toEqual([listener]);
    ctx.abort();
    expect(listeners.size).toBe(0);
  });
});
