import { normalizeText, readDisplayName } from '../text';
import type { PersonRef, SiteAdapter } from '../types';
import { FOLLOW_INDICATOR, HOVER_CARD, LINK, PRIMARY_COLUMN, PROFILE_USER_NAME } from './selectors';
import { isXHost, xHandleFromAtText, xKeyFromUrl, xProfileKey, xProfileUrl } from './urls';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** All text nodes under an element, in document order. */
function textNodes(root: Node, out: Node[] = []): Node[] {
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === TEXT_NODE) out.push(child);
    else if (child.nodeType === ELEMENT_NODE) textNodes(child, out);
  }
  return out;
}

interface NameBlock {
  /** The key of the handle the block shows, or null when it shows none. */
  key: string | null;
  /** The "@handle" text node; the name is everything else in the block. */
  handleNode: Node | null;
}

/**
 * The handle a name block shows. It comes after the name, so the last "@handle" text wins: a
 * display name may itself look like a handle.
 */
function nameBlockHandle(block: Element, url: URL): NameBlock {
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

function isFollowIndicator(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && (node as Element).matches(FOLLOW_INDICATOR);
}

/**
 * The profile header's name. Name blocks showing another handle are skipped: a hover card, or the
 * previous profile's header still on screen after a client-side navigation.
 */
function profileName(doc: Document, key: string, url: URL): string | null {
  const column = doc.querySelector(PRIMARY_COLUMN);
  const blocks = Array.from((column ?? doc).querySelectorAll(PROFILE_USER_NAME)).filter(
    (block) => block.closest(HOVER_CARD) === null,
  );
  const read = blocks.map((block) => ({ block, ...nameBlockHandle(block, url) }));
  const ordered = [
    ...read.filter((b) => b.key === key),
    // A block without any handle cannot be checked; it is trusted only after the matching ones.
    ...read.filter((b) => b.key === null),
  ];
  for (const { block, handleNode } of ordered) {
    const name = readDisplayName(block, (n) => n === handleNode || isFollowIndicator(n));
    if (name !== '') return name;
  }
  return null;
}

export const xAdapter: SiteAdapter = {
  id: 'x',
  label: 'X',
  matchesHost: (url) => isXHost(url.hostname),
  subjectKey: xProfileKey,
  readSubject(doc: Document, url: URL): PersonRef | null {
    const key = xProfileKey(url);
    if (key === null) return null;
    const name = profileName(doc, key, url);
    return name === null ? null : { key, name, url: xProfileUrl(key) };
  },
};
