import { BADGE_TAG, type BadgeHandle, createBadge } from '@/lib/content/badge-element';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('p');
  document.body.append(container);
});

afterEach(() => {
  container.remove();
  vi.restoreAllMocks();
});

/** A badge, with the closed shadow root a page could never reach, caught as it is attached. */
function badge(
  onOpen: () => void = vi.fn(),
  name = 'Ada Quill',
): { handle: BadgeHandle; root: ShadowRoot } {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const handle = createBadge(document, name, onOpen);
  const root = attach.mock.results[0]?.value as ShadowRoot;
  attach.mockRestore();
  container.append(handle.host);
  return { handle, root };
}

const buttonOf = (root: ShadowRoot) => root.querySelector('button') as HTMLButtonElement;

describe('createBadge', () => {
  it('puts its button in a closed shadow root on a built-in element inside the host', () => {
    const { handle, root } = badge();

    expect(handle.host.tagName.toLowerCase()).toBe(BADGE_TAG);
    expect(handle.host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
    // A page can define <acquaint-badge> but never <span>: the root is on the span.
    expect(root.host.localName).toBe('span');
    expect(root.host.parentElement).toBe(handle.host);
    expect(buttonOf(root)).not.toBeNull();
    // Nothing else of the badge is in the light DOM, where the page's selectors would find it.
    expect(handle.host.childNodes).toHaveLength(1);
    expect(container.querySelector('button')).toBeNull();
  });

  it('gives a page that defined our tag name first no shadow root of ours', () => {
    const seen: { internals?: ElementInternals }[] = [];
    class PageBadge extends HTMLElement {
      internals = this.attachInternals();
      constructor() {
        super();
        seen.push(this);
      }
    }
    // A name of its own per test run: jsdom's registry, like a page's, cannot forget one.
    const tag = `${BADGE_TAG}-${Math.random().toString(36).slice(2)}`;
    customElements.define(tag, PageBadge);
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation(
      (name: string, options?: ElementCreationOptions) =>
        create(name === BADGE_TAG ? tag : name, options),
    );
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const handle = createBadge(document, 'Ada Quill', vi.fn());
    const hosts = attach.mock.contexts as Element[];
    vi.restoreAllMocks();

    // The page's class ran on the outer element, as it would on any element of that name...
    expect(handle.host).toBeInstanceOf(PageBadge);
    expect(seen).toHaveLength(1);
    // ...but the closed root is on the built-in span inside, which no page class can be.
    expect(hosts.map((host) => host.localName)).toEqual(['span']);
    expect(seen[0]?.internals?.shadowRoot).toBeNull();
    expect(handle.host.shadowRoot).toBeNull();
  });

  it('shows known and unknown people differently inside the shadow root only', () => {
    const { handle, root } = badge();
    expect(buttonOf(root).classList.contains('known')).toBe(false);
    handle.setKnown(true);
    expect(buttonOf(root).classList.contains('known')).toBe(true);
    handle.setKnown(false);
    expect(buttonOf(root).classList.contains('known')).toBe(false);
  });

  it('names the author and whether they are in Acquaint, in the closed root only', () => {
    const { handle, root } = badge(vi.fn(), 'Ada Quill');
    const button = buttonOf(root);
    expect(button.getAttribute('aria-label')).toBe('Ada Quill — not in Acquaint yet');
    handle.setKnown(true);
    expect(button.getAttribute('aria-label')).toBe('Ada Quill — in Acquaint');
    handle.setKnown(false);
    expect(button.getAttribute('aria-label')).toBe('Ada Quill — not in Acquaint yet');
    // Its accessible name is the label alone: the button holds no text, and nothing else names it.
    expect(button.textContent).toBe('');
    expect(button.getAttributeNames().sort()).toEqual(['aria-label', 'class', 'type']);
    // The page's side of it has no name, label or text.
    expect(handle.host.getAttributeNames()).toEqual(['style']);
    expect(handle.host.outerHTML).not.toContain('Ada');
    expect(handle.host.outerHTML).not.toContain('Acquaint');
  });

  it('is created known with its label right from the start', () => {
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    createBadge(document, 'Bea Marsh', vi.fn(), true);
    const root = attach.mock.results[0]?.value as ShadowRoot;
    expect(buttonOf(root).getAttribute('aria-label')).toBe('Bea Marsh — in Acquaint');
  });

  it('draws its marks without a single text node, known or not (window.find finds text)', () => {
    const { handle, root } = badge();
    const texts = () => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.localName !== 'style') found.push(node.textContent ?? '');
      }
      return found;
    };
    expect(texts()).toEqual([]);
    handle.setKnown(true);
    expect(texts()).toEqual([]);
    expect(handle.host.textContent).toBe('');
  });

  it('gives the page the same host for a known and an unknown person', () => {
    const known = badge(vi.fn(), 'Quinta Marsh');
    const unknown = badge(vi.fn(), 'Ada Quill');
    known.handle.setKnown(true);
    unknown.handle.setKnown(false);

    expect(known.handle.host.outerHTML).toBe(unknown.handle.host.outerHTML);
    expect(known.handle.host.outerHTML).toMatch(
      new RegExp(`^<${BADGE_TAG} style="[^"]*"><span></span></${BADGE_TAG}>$`),
    );
    expect(known.handle.host.getAttributeNames()).toEqual(['style']);
    expect(known.handle.host.textContent).toBe(unknown.handle.host.textContent);
    const style = (element: Element) => {
      const computed = getComputedStyle(element);
      return [computed.width, computed.height, computed.display, computed.margin].join();
    };
    expect(style(known.handle.host)).toBe(style(unknown.handle.host));
  });

  it('does not open notes on a synthetic click a page script could send', () => {
    const onOpen = vi.fn();
    const { root, handle } = badge(onOpen);
    handle.setKnown(true);

    buttonOf(root).click();
    buttonOf(root).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    handle.host.click();

    expect(onOpen).not.toHaveBeenCalled();
  });

  it('keeps its clicks and presses from the page', () => {
    const { root } = badge();
    const heard = vi.fn();
    const types = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown'];
    for (const type of types) {
      document.addEventListener(type, heard);
      container.addEventListener(type, heard);
    }

    try {
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      buttonOf(root).dispatchEvent(click);
      buttonOf(root).dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
      buttonOf(root).dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
      buttonOf(root).dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
      buttonOf(root).dispatchEvent(new Event('pointerup', { bubbles: true, composed: true }));
      buttonOf(root).dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
      );

      expect(heard).not.toHaveBeenCalled();
      // A link around the author's name must not navigate either.
      expect(click.defaultPrevented).toBe(true);
    } finally {
      for (const type of types) {
        document.removeEventListener(type, heard);
        container.removeEventListener(type, heard);
      }
    }
  });

  it('lets the page hear events that are not its own', () => {
    badge();
    const heard = vi.fn();
    document.addEventListener('click', heard);
    container.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.removeEventListener('click', heard);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('removes itself from the page', () => {
    const { handle } = badge();
    handle.remove();
    expect(container.querySelector(BADGE_TAG)).toBeNull();
    expect(handle.host.isConnected).toBe(false);
  });
});
