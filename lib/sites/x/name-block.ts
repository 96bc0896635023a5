import { normalizeText } from '../text';
import { LINK } from './selectors';
import { xHandleFromAtText, xKeyFromUrl } from './urls';

/**
 * X's name blocks (`User-Name`): a display name followed by the "@handle", on a profile header,
 * a post or a hover card. Read by the adapter (for the profile's name) and by the account-id
 * reader (to tell which header is the profile's).
 */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** All text nodes under an element, in document order. */
export function textNodes(root: Node, out: Node[] = []): Node[] {
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === TEXT_NODE) out.push(child);
    else if (child.nodeType === ELEMENT_NODE) textNodes(child, out);
  }
  return out;
}

export interface NameBlock {
  /** The key of the handle the block shows, or null when it shows none. */
  key: string | null;
  /** The "@handle" text node; the name is everything else in the block. */
  handleNode: Node | null;
}

/**
 * The handle a name block shows. It comes after the name, so the last "@handle" text wins: a
 * display name may itself look like a handle. Without one, the block's last link to an account.
 */
export function nameBlockHandle(block: Element, url: URL): NameBlock {
  const atNodes = textNodes(block).filter(
    (n) => xHandleFromAtText(normalizeText(n.nodeValue ?? '')) !== null,
  );
  const handleNode = atNodes[atNodes.length - 1] ?? null;
  if (handleNode) {
    const handle = xHandleFromAtText(normalizeText(handleNode.nodeValue ?? ''));
    return { key: `x:${handle}`, handleNode };
  }
  const links = Array.from(block.querySelectorAll(LINK))
    .map((a) => xKeyFromUrl(a.getAttribute('href') ?? '', url))
    .filter((k): k is string => k !== null);
  return { key: links[links.length - 1] ?? null, handleNode: null };
}
