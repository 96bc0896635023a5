/**
 * Blogs and every other site that is not LinkedIn or X: the authors of a page's comment thread.
 * The article's byline, author box and sidebar widgets are never read; the article's author counts
 * only where they comment. Comment systems recognised: WordPress (classic and block themes, and
 * engines with the same markup), Blogger (modern and classic layouts), microformats2 and
 * schema.org (microdata, and JSON-LD when the whole document is read).
 */

import { isLinkedInHost } from '../linkedin/urls';
import { traceSite } from '../trace';
import type { AuthorMatch, PersonRef, SiteAdapter } from '../types';
import { isXHost } from '../x/urls';
import { blogger, bloggerClassic } from './blogger';
import {
  type CommentSystem,
  documentOrder,
  type FoundAuthor,
  isDocument,
  type SkipReason,
} from './dom';
import { readJsonLdComments } from './json-ld';
import { fallbackAnchor, placeJsonLdComments } from './json-ld-place';
import { microdata } from './microdata';
import { microformats } from './microformats';
import { ANY_ELEMENT } from './selectors';
import { commenterKey, commenterUrl } from './urls';
import { wordpress } from './wordpress';

/** In order of trust: a comment two systems both describe is read by the first. */
const SYSTEMS: readonly CommentSystem[] = [
  wordpress,
  blogger,
  bloggerClassic,
  microformats,
  microdata,
];

interface Placed {
  match: AuthorMatch;
  /** Where the authored item is in the document, for ordering. */
  position: Node;
}

interface Tally {
  found: Map<string, number>;
  skipped: Map<SkipReason | 'no-key', number>;
}

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Whether `anchor` is, lies in, or contains an anchor already given to a comment. */
function overlapsClaimed(anchor: Element, claimed: ReadonlySet<Element>): boolean {
  for (let el: Element | null = anchor; el; el = el.parentElement) {
    if (claimed.has(el)) return true;
  }
  return Array.from(anchor.querySelectorAll(ANY_ELEMENT)).some((el) => claimed.has(el));
}

/**
 * Reads every system's comments around `root`. A comment that an earlier system already read (its
 * anchor overlaps, or the item holds an anchor already claimed) is not read again.
 */
function readDomAuthors(root: ParentNode, tally: Tally): FoundAuthor[] {
  const authors: FoundAuthor[] = [];
  const claimed = new Set<Element>();
  for (const system of SYSTEMS) {
    let items: Element[];
    try {
      items = system.items(root);
    } catch (error) {
      traceSite('blog', () => `${system.id}: finding comments failed: ${String(error)}`);
      continue;
    }
    if (items.length === 0) continue;
    const alreadyRead = new Set<Element>();
    for (const anchor of claimed) {
      const owner = system.owner(anchor);
      if (owner) alreadyRead.add(owner);
    }
    for (const item of items) {
      if (alreadyRead.has(item)) continue;
      let result: ReturnType<CommentSystem['read']>;
      try {
        result = system.read(item);
      } catch (error) {
        traceSite('blog', () => `${system.id}: reading a comment failed: ${String(error)}`);
        continue;
      }
      if (typeof result === 'string') {
        // Other systems' comments are "unrecognised" here; only real skips are worth telling.
        if (result !== 'unrecognised') count(tally.skipped, result);
        continue;
      }
      if (overlapsClaimed(result.anchor, claimed)) continue;
      claimed.add(result.anchor);
      alreadyRead.add(item);
      authors.push(result);
      count(tally.found, system.id);
    }
  }
  return authors;
}

/** The person, with the address of their link when the key comes from it. */
function personRef(key: string, name: string, href: string | null, page: URL): PersonRef {
  const link = key.startsWith('named:') ? undefined : commenterUrl(href, page);
  return link === undefined ? { key, name } : { key, name, url: link };
}

function toPlaced(author: FoundAuthor, url: URL, tally: Tally): Placed | null {
  const key = commenterKey(author.href, url, author.name);
  if (key === null) {
    count(tally.skipped, 'no-key');
    return null;
  }
  const person = personRef(key, author.name, author.href, url);
  return { match: { person, anchor: author.anchor }, position: author.item };
}

/**
 * JSON-LD comments the DOM readers did not already find (whole documents only). One without an
 * element of its own keeps its place in the JSON: right after the comment before it.
 */
function readJsonLd(doc: Document, url: URL, domAuthors: FoundAuthor[], tally: Tally): Placed[] {
  const comments = readJsonLdComments(doc);
  if (comments.length === 0) return [];
  const placed = placeJsonLdComments(doc, comments, domAuthors);
  traceSite('blog', () => {
    const shown = placed.filter((p) => p.shownAt !== null).length;
    const loose = placed.filter((p) => p.shownAt === null && p.anchor === null).length;
    return `json-ld: ${comments.length} comments, ${shown} already read from the page, ${loose} without an element of their own`;
  });
  const out: Placed[] = [];
  let previous: Node | null = null;
  for (const { comment, anchor, shownAt } of placed) {
    if (shownAt) {
      previous = shownAt;
      continue;
    }
    const key = commenterKey(comment.url, url, comment.name);
    if (key === null) {
      count(tally.skipped, 'no-key');
      continue;
    }
    count(tally.found, 'json-ld');
    const position: Node = anchor ?? previous ?? comment.script;
    previous = position;
    out.push({
      match: {
        person: personRef(key, comment.name, comment.url, url),
        anchor: anchor ?? fallbackAnchor(doc),
      },
      position,
    });
  }
  return out;
}

function describe(tally: Tally): string {
  const part = (map: Map<string, number>) =>
    Array.from(map, ([name, n]) => `${name} ${n}`).join(', ') || 'none';
  return `comments by system: ${part(tally.found)}; skipped: ${part(tally.skipped)}`;
}

function findAuthors(root: ParentNode, url: URL): AuthorMatch[] {
  const tally: Tally = { found: new Map(), skipped: new Map() };
  const domAuthors = readDomAuthors(root, tally);
  const placed: Placed[] = [];
  for (const author of domAuthors) {
    const one = toPlaced(author, url, tally);
    if (one) placed.push(one);
  }
  if (isDocument(root)) placed.push(...readJsonLd(root, url, domAuthors, tally));
  placed.sort((a, b) => documentOrder(a.position, b.position));
  if (tally.found.size > 0 || tally.skipped.size > 0 || isDocument(root)) {
    traceSite('blog', () => describe(tally));
  }
  return placed.map((p) => p.match);
}

export const blogAdapter: SiteAdapter = {
  id: 'blog',
  label: 'Blogs',
  matchesHost: (url) =>
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    !isLinkedInHost(url.hostname) &&
    !isXHost(url.hostname),
  // Any page may carry a comment thread; findAuthors gives nobody when it has none.
  pageKind: () => 'comments',
  expectsSubject: () => false,
  subjectKey: () => null,
  readSubject: () => null,
  findAuthors,
};
