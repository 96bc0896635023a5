import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

/** The window's globals: a hostile test string sets `__pwned` there if it ever runs as script. */
const globals = () => window as unknown as Record<string, unknown>;

/**
 * Renders components into a fresh container for each test of the file that calls it (at the top
 * level): the container is added before each test, and unmounted and removed after it, along with
 * any `window.__pwned` a hostile string set.
 */
export function useRenderer() {
  let root: HTMLElement;

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });

  afterEach(() => {
    render(null, root);
    root.remove();
    delete globals().__pwned;
  });

  /** The current test's container. */
  const container = () => root;

  function show(vnode: ComponentChild) {
    act(() => {
      render(vnode, root);
    });
  }

  /** Every element with this `data-testid`, in the container or below `within`. */
  function byTestId(id: string, within: ParentNode = root) {
    return [...within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  }

  /** The one element with this `data-testid`; fails the test unless there is exactly one. */
  function one<E extends HTMLElement = HTMLElement>(id: string, within: ParentNode = root) {
    const found = byTestId(id, within);
    expect(found, id).toHaveLength(1);
    return found[0] as E;
  }

  /** Hostile text was shown as text: no markup it carried was made, no script of it ran. */
  function expectNoMarkup() {
    expect(root.querySelector('img, script, iframe, a, b')).toBeNull();
    expect(globals().__pwned).toBeUndefined();
  }

  return { container, show, byTestId, one, expectNoMarkup };
}

export function click(element: Element | undefined) {
  expect(element).toBeInstanceOf(HTMLElement);
  act(() => {
    (element as HTMLElement).click();
  });
}

/** Fires a keydown of `key` (with any modifiers) and returns it, to see if it was prevented. */
export function press(element: Element, key: string, modifiers: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    cancelable: true,
    ...modifiers,
  });
  act(() => {
    element.dispatchEvent(event);
  });
  return event;
}

/** Sets a form control's value and fires the event Preact listens for. */
export function change(element: Element, value: string, type: 'change' | 'input' = 'change') {
  act(() => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event(type, { bubbles: true }));
  });
}
