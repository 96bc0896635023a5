/** Tag of the small host the page sees beside each author; what it shows is in a closed shadow root. */
export const BADGE_TAG = 'acquaint-badge';

const BADGE_CSS = `
:host { all: initial !important; display: inline-block !important; width: 18px !important;
  height: 18px !important; margin: 0 0 0 4px !important; padding: 0 !important;
  vertical-align: middle !important; position: relative !important; z-index: 1 !important; }
button { box-sizing: border-box; width: 18px; height: 18px; margin: 0; padding: 0; border-radius: 50%;
  display: grid; place-items: center; cursor: pointer; font: 700 12px/1 system-ui, sans-serif;
  border: 1.5px solid #1f5f5b; background: transparent; color: #1f5f5b; opacity: 0.45; }
button:hover, button:focus-visible { opacity: 1; }
button:focus-visible { outline: 2px solid #f2b84b; outline-offset: 1px; }
button.known { background: #1f5f5b; color: #fff; opacity: 1; }
@media (prefers-color-scheme: dark) {
  button { border-color: #5fb3ab; color: #5fb3ab; }
  button.known { background: #5fb3ab; color: #0d1a19; }
}
`;

/** Events the site's own handlers (a clickable card, a link around the name) must not see. */
const KEPT_FROM_PAGE = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown'];

const stopPropagation = (event: Event) => event.stopPropagation();

export interface BadgeHandle {
  host: HTMLElement;
  setKnown(known: boolean): void;
  remove(): void;
}

/**
 * One author's button. Every author gets the same host of the same size, known or not, so the page
 * cannot tell whom the user keeps notes on; only the closed shadow root differs.
 */
export function createBadge(doc: Document, onOpen: () => void, known = false): BadgeHandle {
  const host = doc.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  shadow.append(style, button);

  const setKnown = (known: boolean) => {
    button.classList.toggle('known', known);
    button.textContent = known ? '✓' : '+';
    const label = known ? 'Acquaint: open your notes on this person' : 'Acquaint: note this person';
    button.setAttribute('aria-label', label);
    button.title = label;
  };
  setKnown(known);

  for (const type of KEPT_FROM_PAGE) shadow.addEventListener(type, stopPropagation);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    // Only a real click or key press: a page script cannot open notes by synthesising events.
    if (event.isTrusted) onOpen();
  });

  return { host, setKnown, remove: () => host.remove() };
}
