/**
 * Blogs and every other site that is not LinkedIn or X: the authors of a page's comment thread.
 * The article's byline, author box and sidebar widgets are never read; the article's author counts
 * only where they comment. Which comment systems are read is up to the caller (`BlogReaders`).
 */

import { isLinkedInHost } from '../linkedin/urls';
import { traceSite } from '../trace';
import type { AuthorMatch, SiteAdapter } from '../types';
import { isXHost } from '../x/urls';
import { type CommentSystem, documentOrder, type FoundAuthor, isDocument } from './dom';
import { count, personRef, type Placed, type Tally } from './found';
import type { JsonLdReader } from './json-ld-authors';
import { ANY_ELEMENT } from './selectors';
import { commenterKey } from './urls';

/** The comment systems to read, in order of trust: a comment two describe is read by the first. */
export interface BlogReaders {
  systems: CommentSystem[];
  /** JSON-LD comments, read when the whole document is. */
  jsonLd?: JsonLdReader;
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
function readDomAuthors(
  systems: readonly CommentSystem[],
  root: ParentNode,
  tally: Tally,
): FoundAuthor[] {
  const authors: FoundAuthor[] = [];
  const claimed = new Set<Element>();
  for (const system of systems) {
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

function toPlaced(author: FoundAuthor, url: URL, tally: Tally): Placed | null {
  const key = commenterKey(author.href, url, author.name);
  if (key === null) {
    count(tally.skipped, 'no-key');
    return null;
  }
  const person = personRef(key, author.name, author.href, url);
  return { match: { person, anchor: author.anchor }, position: author.item };
}

function describe(tally: Tally): string {
  const part = (map: Map<string, number>) =>
    Array.from(map, ([name, n]) => `${name} ${n}`).join(', ') || 'none';
  return `comments by system: ${part(tally.found)}; skipped: ${part(tally.skipped)}`;
}

function findAuthors(readers: BlogReaders, root: ParentNode, url: URL): AuthorMatch[] {
  const tally: Tally = { found: new Map(), skipped: new Map() };
  const domAuthors = readDomAuthors(readers.systems, root, tally);
  const placed: Placed[] = [];
  for (const author of domAuthors) {
    const one = toPlaced(author, url, tally);
    if (one) placed.push(one);
  }
  if (readers.jsonLd && isDocument(root)) {
    placed.push(...readers.jsonLd(root, url, domAuthors, tally));
  }
  placed.sort((a, b) => documentOrder(a.position, b.position));
  if (tally.found.size > 0 || tally.skipped.size > 0 || isDocument(root)) {
    traceSite('blog', () => describe(tally));
  }
  return placed.map((p) => p.match);
}

/**
 * The blog adapter over `readers`. The blog content script starts with the WordPress reader alone
 * and adds the others to the same `readers` when their markup shows up (lib/content/blog.ts).
 */
export function createBlogAdapter(readers: BlogReaders): SiteAdapter {
  return {
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
    findAuthors: (root, url) => findAuthors(readers, root, url),
  };
}
