import { HOST_RESET } from './shadow-host';

/** How wide the open sidebar is; the toggle then sits at its left edge. */
export const SIDEBAR_WIDTH = 'min(380px, 100vw)';

/**
 * The box the page sees (CONTRACT §5: clicking the middle of it opens the sidebar), set inline and
 * `!important` on the outer element, where the page's own style sheets cannot override it.
 */
export const TOGGLE_HOST_CSS = `display:block;position:fixed;top:50%;right:0;width:32px;height:44px;margin:-22px 0 0 0;z-index:2147483646;--acquaint-width:${SIDEBAR_WIDTH};`;

/** Styles inside the closed shadow root. */
export const TOGGLE_CSS = `${HOST_RESET}
:host > div { width: 100%; height: 100%; }
.acquaint { width: 100%; height: 100%; font: 14px/1.2 system-ui, sans-serif; }
.acquaint-toggle {
  box-sizing: border-box; width: 100%; height: 100%; padding: 0; margin: 0;
  display: grid; place-items: center; cursor: pointer;
  border: 1px solid rgba(0, 0, 0, 0.18); border-right: 0; border-radius: 10px 0 0 10px;
  background: #1f5f5b; color: #fff; box-shadow: -2px 2px 8px rgba(0, 0, 0, 0.18);
}
.acquaint-toggle:hover { background: #174a47; }
.acquaint-toggle:focus-visible { outline: 3px solid #f2b84b; outline-offset: 2px; }
.acquaint-toggle svg { width: 18px; height: 18px; pointer-events: none; }
.acquaint-frame {
  position: fixed; top: 0; right: 0; height: 100vh; height: 100dvh; width: var(--acquaint-width);
  margin: 0; padding: 0; border: 0; border-left: 1px solid rgba(0, 0, 0, 0.18);
  box-shadow: -4px 0 16px rgba(0, 0, 0, 0.16); background: Canvas; color-scheme: light dark;
}
/* Closed, the frame stays laid out at its size just past the right edge, invisible (so neither
   focusable nor clickable): opening it then changes where it is drawn, not what it lays out. */
.acquaint-frame[hidden] {
  display: block; visibility: hidden; transform: translateX(calc(100% + 32px));
}
`;

/** A notebook outline, built as DOM nodes (no markup strings in a page we do not own). */
export function createToggleIcon(doc: Document): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  const attributes: Record<string, string> = {
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
  };
  for (const [name, value] of Object.entries(attributes)) svg.setAttribute(name, value);
  for (const d of ['M5 3h11a3 3 0 0 1 3 3v15H8a3 3 0 0 1-3-3z', 'M9 8h6M9 12h6']) {
    const path = doc.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
