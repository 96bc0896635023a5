import { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createSidebarFrame, TOGGLE_TAG } from '@/lib/content/sidebar-frame';

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

let ctx: ContentScriptContext;

beforeEach(() => {
  document.body.innerHTML = '<main>page</main>';
  ctx = new ContentScriptContext('test');
});

afterEach(() => {
  ctx.abort();
  vi.restoreAllMocks();
});

describe('the sidebar frame (plain DOM, no WXT UI helper)', () => {
  it('puts one <acquaint-toggle> at the end of the body, its inside in a closed shadow root', async () => {
    const roots = captureShadowRoots();
    const frame = createSidebarFrame(ctx);
    await frame.setAvailable(true);
    await frame.setAvailable(true);

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

  it('opens the sidebar page in an iframe inside, and hides it again on close', async () => {
    const roots = captureShadowRoots();
    const onClosed = vi.fn();
    const frame = createSidebarFrame(ctx, { onClosed });
    await frame.setAvailable(true);
    await frame.toggle();

    const host = hosts()[0] as HTMLElement;
    const iframe = roots[0]?.querySelector('iframe.acquaint-frame') as HTMLIFrameElement;
    expect(host.hasAttribute('data-open')).toBe(true);
    expect(iframe.src).toMatch(/^chrome-extension:\/\/[^/]+\/sidebar\.html$/);
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
    await frame.setAvailable(true);
    roots[0]
      ?.querySelector('button')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    expect(heard).not.toHaveBeenCalled();

    await frame.open();
    await frame.setAvailable(false);
    expect(hosts()).toHaveLength(0);
    // Back again: a fresh toggle, closed.
    await frame.setAvailable(true);
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.hasAttribute('data-open')).toBe(false);
    document.removeEventListener('keydown', heard);
  });

  it('puts the toggle back when the page re-renders its body, and leaves with the context', async () => {
    const frame = createSidebarFrame(ctx);
    await frame.setAvailable(true);
    document.body.replaceChildren(document.createElement('main'));
    expect(hosts()).toHaveLength(0);

    await frame.setAvailable(true);
    expect(hosts()).toHaveLength(1);

    ctx.abort();
    expect(hosts()).toHaveLength(0);
  });
});
