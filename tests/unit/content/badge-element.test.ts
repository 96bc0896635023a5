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
function badge(onOpen: () => void = vi.fn()): { handle: BadgeHandle; root: ShadowRoot } {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const handle = createBadge(document, onOpen);
  const root = attach.mock.results[0]?.value as ShadowRoot;
  attach.mockRestore();
  container.append(handle.host);
  return { handle, root };
}

const buttonOf = (root: ShadowRoot) => root.querySelector('button') as HTMLButtonElement;

describe('createBadge', () => {
  it('puts its button in a closed shadow root', () => {
    const { handle, root } = badge();

    expect(handle.host.tagName.toLowerCase()).toBe(BADGE_TAG);
    expect(handle.host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
    expect(buttonOf(root)).not.toBeNull();
    // Nothing of the badge is in the light DOM, where the page's selectors would find it.
    expect(handle.host.childNodes).toHaveLength(0);
    expect(container.querySelector('button')).toBeNull();
  });

  it('shows known and unknown people differently inside the shadow root only', () => {
    const { handle, root } = badge();
    expect(buttonOf(root).classList.contains('known')).toBe(false);
    expect(buttonOf(root).textContent).toBe('+');
    expect(buttonOf(root).getAttribute('aria-label')).toBe('Acquaint: note this person');

    handle.setKnown(true);

    expect(buttonOf(root).classList.contains('known')).toBe(true);
    expect(buttonOf(root).textContent).toBe('✓');
    expect(buttonOf(root).getAttribute('aria-label')).toBe(
      'Acquaint: open your notes on this person',
    );

    handle.setKnown(false);
    expect(buttonOf(root).classList.contains('known')).toBe(false);
    expect(buttonOf(root).textContent).toBe('+');
  });

  it('gives the page the same host for a known and an unknown person', () => {
    const known = badge();
    const unknown = badge();
    known.handle.setKnown(true);
    unknown.handle.setKnown(false);

    expect(known.handle.host.outerHTML).toBe(unknown.handle.host.outerHTML);
    expect(known.handle.host.outerHTML).toBe(`<${BADGE_TAG}></${BADGE_TAG}>`);
    expect(known.handle.host.getAttributeNames()).toEqual([]);
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
