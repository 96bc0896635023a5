import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

import {
  createSidebarFrame,
  PRELOAD_TIMEOUT_MS,
  TOGGLE_TAG,
  toggleLabel,
} from '@/lib/content/sidebar-frame';

/** The closed shadow roots the code under test attaches, which the page could never reach. */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

const hosts = () => document.body.querySelectorAll(TOGGLE_TAG);

/** The page's subject, for whom the toggle is shown, and another person the user picks. */
const ADA = { key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' };
const BEA = { key: 'linkedin:bea-marsh', name: 'Bea Marsh' };

const toggleButton = (root: ShadowRoot | undefined) =>
  root?.querySelector('button.acquaint-toggle') as HTMLButtonElement;

/** jsdom has no idle callbacks: these are the ones asked for, run when a test says the page is idle. */
let idle: {
  run: IdleRequestCallback;
  options: IdleRequestOptions | undefined;
  cancelled: boolean;
}[];

function runIdleCallbacks() {
  const due = idle.filter((request) => !request.cancelled);
  idle = [];
  for (const request of due) request.run({ didTimeout: false, timeRemaining: () => 50 });
}

let ctx: ContentScriptContext;

beforeEach(() => {
  document.body.innerHTML = '<main>page</main>';
  idle = [];
  vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback, options?: IdleRequestOptions) =>
    idle.push({ run, options, cancelled: false }),
  );
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    const request = idle[id - 1];
    if (request) request.cancelled = true;
  });
  ctx = new ContentScriptContext('test');
});

afterEach(() => {
  ctx.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the sidebar frame (plain DOM, no WXT UI helper)', () => {
  it('puts one <acquaint-toggle> at the end of the body, its inside in a closed shadow root', async () => {
    const roots = captureShadowRoots();
    const frame = createSidebarFrame(ctx);
    await frame.setAvailable(ADA);
    await frame.setAvailable(ADA);

    expect(hosts()).toHaveLength(1);
    const host = hosts()[0] as HTMLElement;
    expect(document.body.lastElementChild).toBe(host);
    expect(host.shadowRoot).toBeNull();
    const [shadow] = roots;
    expect(shadow?.mode).toBe('closed');
    expect(shadow?.querySelector('style')?.textContent).toContain(':host');
    const button = shadow?.querySelector('button.acquaint-toggle');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
  });

  it('names whose notes it opens and whether they are in Acquaint, only inside the closed root', async () => {
    const roots = captureShadowRoots();
    let known: string[] = [];
    const lookup = vi.fn(async () => known);
    const frame = createSidebarFrame(ctx, { lookup });
    await frame.setAvailable(ADA);
    const button = toggleButton(roots[0]);
    await vi.waitFor(() =>
      expect(button.getAttribute('aria-label')).toBe('Notes on Ada Quill — not in Acquaint yet'),
    );
    expect(lookup).toHaveBeenCalledWith([ADA.key]);

    // A note written in the sidebar adds Ada: the background tells every tab, the toggle asks again.
    known = [ADA.key];
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'people.changed' },
      { id: fakeBrowser.runtime.id },
      () => {},
    );
    await vi.waitFor(() =>
      expect(button.getAttribute('aria-label')).toBe('Notes on Ada Quill — in Acquaint'),
    );
    expect(lookup).toHaveBeenCalledTimes(2);
    // The same person again asks nothing new.
    await frame.setAvailable(ADA);
    expect(lookup).toHaveBeenCalledTimes(2);

    // The page sees the host as before: no name, no label, no text.
    const host = hosts()[0] as HTMLElement;
    expect(host.getAttributeNames()).toEqual(['style']);
    expect(host.textContent).toBe('');
    expect(host.outerHTML).not.toContain('Ada');
    expect(host.outerHTML).not.toContain('Acquaint');
  });

  it('drops an answer about someone the toggle no longer shows', async () => {
    const roots = captureShadowRoots();
    const answers: ((known: string[]) => void)[] = [];
    const lookup = vi.fn(() => new Promise<string[]>((resolve) => answers.push(resolve)));
    const frame = createSidebarFrame(ctx, { lookup });
    await frame.setAvailable(ADA);
    // The user picks Bea's badge before the background has answered about Ada.
    await frame.setAvailable(BEA);
    const button = toggleButton(roots[0]);
    expect(button.getAttribute('aria-label')).toBe(toggleLabel(BEA, false));
    answers[0]?.([ADA.key]);
    await Promise.resolve();
    await Promise.resolve();
    expect(button.getAttribute('aria-label')).toBe('Notes on Bea Marsh — not in Acquaint yet');
    answers[1]?.([BEA.key]);
    await vi.waitFor(() =>
      expect(button.getAttribute('aria-label')).toBe('Notes on Bea Marsh — in Acquaint'),
    );
  });

  it('keeps its label when the background cannot be asked', async () => {
    const roots = captureShadowRoots();
    const lookup = vi.fn(async () => Promise.reject(new Error('no background')));
    const frame = createSidebarFrame(ctx, { lookup });
    await frame.setAvailable(ADA);
    await Promise.resolve();
    expect(toggleButton(roots[0]).getAttribute('aria-label')).toBe(toggleLabel(ADA, false));
  });

  it('opens the sidebar page in an iframe inside, and hides it again on close', async () => {
    const roots = captureShadowRoots();
    const onClosed = vi.fn();
    const token = Promise.resolve('3f1c9a52-6a0e-4c1b-8d7e-5b2a9f0c4e17');
    const frame = createSidebarFrame(ctx, { onClosed, requestToken: () => token });
    await frame.setAvailable(ADA);
    await frame.toggle();

    const host = hosts()[0] as HTMLElement;
    const iframe = roots[0]?.querySelector('iframe.acquaint-frame') as HTMLIFrameElement;
    expect(host.hasAttribute('data-open')).toBe(true);
    // Its address carries the token that makes it the frame the background answers.
    await token;
    await Promise.resolve();
    expect(iframe.src).toMatch(
      /^chrome-extension:\/\/[^/]+\/sidebar\.html#3f1c9a52-6a0e-4c1b-8d7e-5b2a9f0c4e17$/,
    );
    expect(iframe.hidden).toBe(false);

    await frame.close();
    expect(host.hasAttribute('data-open')).toBe(false);
    expect(iframe.hidden).toBe(true);
    expect(onClosed).toHaveBeenCalledTimes(1);
    // Reopening keeps the same frame, so a half-typed note finishes saving.
    await frame.open();
    expect(roots[0]?.querySelectorAll('iframe')).toHaveLength(1);
  });

  it('does nothing while there is nobody to show', async () => {
    const frame = createSidebarFrame(ctx);
    await frame.toggle();
    await frame.open();
    await frame.close();
    expect(hosts()).toHaveLength(0);
  });

  it('keeps typed keys from the page, and takes everything away when unavailable', async () => {
    const roots = captureShadowRoots();
    const heard = vi.fn();
    document.addEventListener('keydown', heard);
    const frame = createSidebarFrame(ctx);
    await frame.setAvailable(ADA);
    roots[0]
      ?.querySelector('button')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    expect(heard).not.toHaveBeenCalled();

    await frame.open();
    await frame.setAvailable(null);
    expect(hosts()).toHaveLength(0);
    // Back again: a fresh toggle, closed.
    await frame.setAvailable(ADA);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.hasAttribute('data-open')).toBe(false);
    document.removeEventListener('keydown', heard);
  });

  it('puts the toggle back when the page re-renders its body, and leaves with the context', async () => {
    const frame = createSidebarFrame(ctx);
    await frame.setAvailable(ADA);
    document.body.replaceChildren(document.createElement('main'));
    expect(hosts()).toHaveLength(0);

    await frame.setAvailable(ADA);
    expect(hosts()).toHaveLength(1);

    ctx.abort();
    expect(hosts()).toHaveLength(0);
  });

  it('loads the sidebar page hidden once the page is idle, so a click only has to show it', async () => {
    const roots = captureShadowRoots();
    const token = Promise.resolve('3f1c9a52-6a0e-4c1b-8d7e-5b2a9f0c4e17');
    const frame = createSidebarFrame(ctx, { requestToken: () => token });
    await frame.setAvailable(ADA);
    await frame.setAvailable(ADA);
    const frames = () => roots[0]?.querySelectorAll('iframe.acquaint-frame') ?? [];
    expect(frames()).toHaveLength(0);
    expect(idle).toHaveLength(1);
    expect(idle[0]?.options).toEqual({ timeout: PRELOAD_TIMEOUT_MS });

    runIdleCallbacks();
    const [iframe] = frames() as NodeListOf<HTMLIFrameElement>;
    await token;
    await Promise.resolve();
    expect(iframe?.src).toMatch(/^chrome-extension:\/\/[^/]+\/sidebar\.html#3f1c9a52-[0-9a-f-]+$/);
    expect(iframe?.hidden).toBe(true);
    const host = hosts()[0] as HTMLElement;
    expect(host.hasAttribute('data-open')).toBe(false);
    expect(roots[0]?.querySelector('button')?.getAttribute('aria-expanded')).toBe('false');

    await frame.toggle();
    expect(frames()).toHaveLength(1);
    expect(frames()[0]).toBe(iframe);
    expect(iframe?.hidden).toBe(false);
    expect(host.hasAttribute('data-open')).toBe(true);
    expect(idle).toHaveLength(0);
  });

  it('loads nothing at idle when nobody is left to show, or the content script has gone', async () => {
    const roots = captureShadowRoots();
    const frame = createSidebarFrame(ctx);
    await frame.setAvailable(null);
    expect(idle).toHaveLength(0);

    await frame.setAvailable(ADA);
    await frame.setAvailable(null);
    runIdleCallbacks();
    expect(roots[0]?.querySelector('iframe')).toBeNull();

    // Available again: the new toggle asks for its own idle time, which the context cancels.
    await frame.setAvailable(ADA);
    expect(idle).toHaveLength(1);
    ctx.abort();
    runIdleCallbacks();
    expect(roots[0]?.querySelector('iframe')).toBeNull();
  });

  it('moves focus into the frame once the page has drawn it shown, unless closed meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'setTimeout'] });
    const focus = vi.spyOn(HTMLIFrameElement.prototype, 'focus');
    try {
      const frame = createSidebarFrame(ctx);
      await frame.setAvailable(ADA);
      runIdleCallbacks();

      await frame.open();
      expect(focus).not.toHaveBeenCalled();
      vi.advanceTimersToNextFrame();
      expect(focus).not.toHaveBeenCalled();
      vi.runOnlyPendingTimers();
      expect(focus).toHaveBeenCalledTimes(1);

      await frame.close();
      await frame.open();
      await frame.close();
      vi.runAllTimers();
      expect(focus).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
