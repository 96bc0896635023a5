/**
 * Where a JSON-LD comment's author is shown. JSON-LD has no element of its own, so the author is
 * placed on an element of the comment thread that shows exactly their name; a comment the DOM
 * readers already found is not counted twice.
 */

import { normalizeText, readDisplayName } from '../text';
import type { FoundAuthor } from './dom';
import type { JsonLdComment } from './json-ld';
import { ANY_ELEMENT, COMMENT_TEXT, COMMENT_THREAD, LINK } from './selectors';

/** Elements of the comment thread looked at for names, at most. */
const MAX_THREAD_ELEMENTS = 5_000;

/** Names are short; an element with far more text than the longest one is not a name. */
const NAME_SLACK = 32;

export interface PlacedComment {
  comment: JsonLdComment;
  /** The thread element showing the name, or null when none does. */
  anchor: Element | null;
  /** The anchor of the DOM-read comment by the same name, when one is already counted. */
  shownAt: Element | null;
}

const fold = (name: string): string => normalizeText(name).toLowerCase();

/** The outermost comment-thread containers: nested ones are searched through their parent. */
function threadContainers(doc: Document): Element[] {
  const all = Array.from(doc.querySelectorAll(COMMENT_THREAD));
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

/**
 * The deepest thread elements whose whole text is one of the wanted names, by name, in document
 * order. Comment text is skipped: a commenter may mention someone by name.
 */
function nameElements(doc: Document, wanted: ReadonlySet<string>): Map<string, Element[]> {
  const found = new Map<string, Element[]>();
  if (wanted.size === 0) return found;
  const longest = Math.max(...Array.from(wanted, (n) => n.length)) + NAME_SLACK;
  let budget = MAX_THREAD_ELEMENTS;
  for (const container of threadContainers(doc)) {
    for (const el of Array.from(container.querySelectorAll(ANY_ELEMENT))) {
      if (budget-- <= 0) return found;
      if ((el.textContent ?? '').length > longest * 4) continue;
      if (el.closest(COMMENT_TEXT)) continue;
      const name = fold(readDisplayName(el));
      if (!wanted.has(name)) continue;
      const list = found.get(name) ?? [];
      const last = list[list.length - 1];
      // Document order puts an ancestor first; its descendant with the same text is the name.
      if (last?.contains(el)) list[list.length - 1] = el;
      else list.push(el);
      found.set(name, list);
    }
  }
  return found;
}

/** A name inside a link that shows just that name: the link is the name's visible element. */
function upToLink(el: Element, name: string): Element {
  const link = el.closest(LINK);
  if (link && fold(readDisplayName(link)) === name) return link;
  return el;
}

/**
 * Places each JSON-LD comment, in their order: `shownAt` a comment by the same name that a DOM
 * reader already counted, else `anchor`ed on the thread element showing the name, else neither.
 */
export function placeJsonLdComments(
  doc: Document,
  comments: readonly JsonLdComment[],
  domAuthors: readonly FoundAuthor[],
): PlacedComment[] {
  const unclaimed = new Map<string, Element[]>();
  for (const author of domAuthors) {
    const name = fold(author.name);
    unclaimed.set(name, [...(unclaimed.get(name) ?? []), author.anchor]);
  }
  const shownAt = comments.map((comment) => unclaimed.get(fold(comment.name))?.shift() ?? null);
  const wanted = new Set(comments.filter((_, i) => shownAt[i] === null).map((c) => fold(c.name)));
  const elements = nameElements(doc, wanted);
  const taken = new Set<Element>(domAuthors.map((a) => a.anchor));
  return comments.map((comment, i) => {
    const shown = shownAt[i] ?? null;
    if (shown) return { comment, anchor: null, shownAt: shown };
    const name = fold(comment.name);
    const candidates = elements.get(name) ?? [];
    let anchor: Element | null = null;
    while (anchor === null && candidates.length > 0) {
      const next = candidates.shift() as Element;
      if (!isTaken(next, taken)) anchor = upToLink(next, name);
    }
    if (anchor) taken.add(anchor);
    return { comment, anchor, shownAt: null };
  });
}

/** Whether an element is, or lies inside, an anchor already given to another author. */
function isTaken(el: Element, taken: ReadonlySet<Element>): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (taken.has(node)) return true;
  }
  return false;
}

/**
 * Where a JSON-LD author with no thread element is anchored: the body, which the badge layer
 * knows to skip. (The script's parent would put a badge after an unrelated container.)
 */
export function fallbackAnchor(doc: Document): Element {
  return doc.body ?? doc.documentElement;
}
