import { createShadowHost, HOST_RESET } from './shadow-host';

/** Tag of the small host the page sees beside each author; what it shows is in a closed shadow root. */
export const BADGE_TAG = 'acquaint-badge';

const SIZE = '24px';

/**
 * The marks are drawn, not written: a text node (a "✓"), even in a closed shadow root, is found by
 * `window.find` and the page's selection then lands beside the author, telling it whom the user
 * knows. A plus is two bars, a check mark two borders of a turned box; neither has any text.
 * The button is the only element the root draws, so its rules name no `button` they need not
 * (every byte here is in linkedin.js, tests/e2e/bundle-size.test.ts).
 */
const BADGE_CSS = `${HOST_RESET}
button{all:initial;color-scheme:light dark;box-sizing:border-box;width:${SIZE};height:${SIZE};border-radius:50%;display:block;position:relative;cursor:pointer;border:1.5px solid;color:light-dark(#1f5f5b,#5fb3ab);opacity:.45}
:before,:after{content:'';position:absolute;inset:0;margin:auto;width:10px;height:2px;background:currentColor}
:after{width:2px;height:10px}
.known:before{width:5px;height:10px;background:0 0;border:solid;border-width:0 2px 2px 0;transform:translateY(-1px) rotate(45deg)}
.known:after{display:none}
:hover,:focus-visible{opacity:1}
:focus-visible{outline:2px solid #f2b84b;outline-offset:1px}
.known{background:light-dark(#1f5f5b,#5fb3ab);border-color:#0000;color:light-dark(#fff,#0d1a19);opacity:1}`;

/** The outer box, the same for everyone: the page measures nothing that differs. */
const HOST_CSS = `display:inline-block;width:${SIZE};height:${SIZE};margin:0 0 0 4px;vertical-align:middle;position:relative;z-index:1;`;

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
 *
 * @param name the author's name as the page shows it (never one the user saved).
 */
export function createBadge(
  doc: Document,
  name: string,
  onOpen: () => void,
  known = false,
): BadgeHandle {
  const { outer: host, shadow } = createShadowHost(doc, BADGE_TAG, true, HOST_CSS);
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  shadow.append(style, button);

  const setKnown = (known: boolean) => {
    button.classList.toggle('known', known);
    // What a screen reader says: the name as the page shows it, and whether they are in Acquaint.
    // Only in the closed root; an accessible name is no text for `window.find` to land on.
    button.ariaLabel = `${name} — ${known ? 'in Acquaint' : 'not in Acquaint yet'}`;
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
