/** DOM helpers shared by the blog comment systems. No `instanceof`: jsdom brings its own classes. */

import { cleanDisplayName, readDisplayName, type SkipNode } from '../text';
import { EXCLUDED_REGIONS, LINK, MAIN_CONTENT, NOT_AUTHORED } from './selectors';

const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;

export function isElement(node: Node | ParentNode | null | undefined): node is Element {
  return (node as Node | null | undefined)?.nodeType === ELEMENT_NODE;
}

export function isDocument(node: Node | ParentNode | null | undefined): node is Document {
  return (node as Node | null | undefined)?.nodeType === DOCUMENT_NODE;
}

/** What a comment system read of one comment, before the key is worked out. */
export interface FoundAuthor {
  /** The comment (or, for Blogger's classic layout, its header) the author wrote. */
  item: Element;
  /** The visible name element or name link, where a badge goes. */
  anchor: Element;
  name: string;
  /** The author's link as written in the page, or null when the name is not linked. */
  href: string | null;
}

/** Why a comment-like element gives no author (for the trace). */
export type SkipReason = 'not-authored' | 'sidebar' | 'no-name' | 'unrecognised';

export type ReadResult = FoundAuthor | SkipReason;

export interface CommentSystem {
  /** Shown in the trace: which system recognised the comments. */
  id: string;
  /** The comments that are `root`, lie inside it, or (innermost) contain it. */
  items(root: ParentNode): Element[];
  /** The comment an element belongs to in this system's markup, if any. */
  owner(el: Element): Element | null;
  read(item: Element): ReadResult;
}

/**
 * Elements matching `selector` that are `root`, lie in it, or are the innermost one containing it.
 * Only `root`'s subtree and its ancestors are looked at.
 */
export function itemsAround(root: ParentNode, selector: string): Element[] {
  const items: Element[] = [];
  if (isElement(root)) {
    const container = root.closest(selector);
    if (container) items.push(container);
  }
  items.push(...Array.from(root.querySelectorAll(selector)));
  return items;
}

/** The nearest ancestor of `el` (not `el` itself) matching `selector`. */
export function ownerOf(el: Element, selector: string): Element | null {
  return el.parentElement?.closest(selector) ?? null;
}

/** Elements in `item` matching `selector` that belong to it, not to a nested `itemSelector`. */
export function ownElements(item: Element, selector: string, itemSelector: string): Element[] {
  return Array.from(item.querySelectorAll(selector)).filter(
    (el) => ownerOf(el, itemSelector) === item,
  );
}

/**
 * Whether a comment-like element sits in a sidebar, a widget, a pingback list or Blogger's
 * backlinks, or is itself a pingback, a like or a quotation. A "sidebar" class on the body or
 * on a wrapper around the main content is a layout hint, not a widget.
 */
export function skipRegion(item: Element): SkipReason | null {
  if (item.closest(NOT_AUTHORED)) return 'not-authored';
  const region = item.closest(EXCLUDED_REGIONS);
  if (!region) return null;
  const tag = region.localName.toLowerCase();
  if (tag === 'body' || tag === 'html') return null;
  const main = item.closest(MAIN_CONTENT);
  if (main && main !== region && region.contains(main)) return null;
  return 'sidebar';
}

/** The link an author name carries: the link around it, or the first link in it. */
export function nameLink(nameEl: Element, within: Element): Element | null {
  const around = nameEl.closest(LINK);
  if (around && within.contains(around)) return around;
  return nameEl.querySelector(LINK);
}

/** An anchor's href as written, or null when it has none. */
export function hrefOf(link: Element | null): string | null {
  const href = link?.getAttribute('href');
  return href === undefined || href === null ? null : href;
}

/** The badge goes on the name link when the name and the link are one block, else on the name. */
export function anchorFor(nameEl: Element, link: Element | null): Element {
  if (link && (link.contains(nameEl) || nameEl.contains(link))) return link;
  return nameEl;
}

/** A display name, skipping the given noise (avatars, "says:" labels). */
export function nameOf(el: Element, noise?: string): string {
  const skip: SkipNode | undefined = noise
    ? (node) => isElement(node) && node !== el && node.matches(noise)
    : undefined;
  return readDisplayName(el, skip);
}

/** A name given as an attribute (`<meta itemprop="name" content>`), cleaned like a shown one. */
export function attributeName(el: Element, attribute: string): string {
  return cleanDisplayName(el.getAttribute(attribute) ?? '');
}

/** Sorts elements into document order; equal elements keep their order. */
export function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  // DOCUMENT_POSITION_FOLLOWING: b comes after a (or inside it).
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}
