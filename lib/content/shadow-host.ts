/**
 * Where Acquaint's parts live in a page it does not trust. The page sees an outer element (its
 * tag is what CONTRACT §5 and the tests name) and nothing of what is inside: the closed shadow root
 * is attached to a built-in element within it. A page may define a custom element by our tag name
 * before we run; its class then runs on our outer element, and a shadow root attached to that
 * element would be handed to the page by `attachInternals()`. A built-in element cannot be defined
 * or upgraded by a page, so its closed root stays closed. The page's class gets only the outer
 * element, which any page script can find anyway.
 */

export interface ShadowHost {
  /** What the page sees; sized and placed by `outerCss`. */
  outer: HTMLElement;
  /** The closed root, on a built-in element inside `outer`. */
  shadow: ShadowRoot;
}

/** @param outerCss declarations for the outer element, each ending in `;`. */
export function createShadowHost(
  doc: Document,
  tag: string,
  inline: boolean,
  outerCss: string,
): ShadowHost {
  const outer = doc.createElement(tag);
  // Inline and important: that outranks whatever the page's style sheets say of the element.
  outer.style.cssText = outerCss.replace(/;/g, '!important;');
  // The inner element is styled from inside its own root (`:host`, see HOST_RESET).
  const inner = doc.createElement(inline ? 'span' : 'div');
  const shadow = inner.attachShadow({ mode: 'closed' });
  outer.append(inner);
  return { outer, shadow };
}

/**
 * The inner element's own reset, first in each shadow root's style sheet: a `:host` rule marked
 * important wins over anything the page's style sheets say about the element. It draws no box of
 * its own, so what is inside lays out in the outer element's box.
 */
export const HOST_RESET = ':host{all:initial!important;display:contents!important}';
