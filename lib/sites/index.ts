import { adapterFor } from './registry';
import type { AuthorMatch, PageReading, PersonRef } from './types';

export type { AuthorMatch, PageKind, PageReading, PersonRef, SiteAdapter, SiteId } from './types';
export { adapterFor, SITE_ADAPTERS } from './registry';

/** The key of the page's subject from its URL alone, before the page has rendered. */
export function subjectKeyFromUrl(url: URL): string | null {
  try {
    return adapterFor(url)?.subjectKey(url) ?? null;
  } catch {
    return null;
  }
}

/** Whether the page at this URL has a subject (a profile, a 1:1 thread), rendered or not. */
export function expectsSubject(url: URL): boolean {
  try {
    return adapterFor(url)?.expectsSubject(url) ?? false;
  } catch {
    return false;
  }
}

/**
 * The page's subject with the name the page shows; null on pages without a subject and while the
 * page has not rendered it yet. Never throws: an unknown page layout just gives null.
 */
export function readSubject(doc: Document, url: URL): PersonRef | null {
  try {
    return adapterFor(url)?.readSubject(doc, url) ?? null;
  } catch {
    return null;
  }
}

/** Other keys the page shows for its subject's account; empty when it shows none. Never throws. */
export function readSubjectAliases(doc: Document, url: URL): string[] {
  try {
    return adapterFor(url)?.readSubjectAliases?.(doc, url) ?? [];
  } catch {
    return [];
  }
}

/** Authors of the items in `root` (the document, or a part the page just added). Never throws. */
export function findAuthors(root: ParentNode, url: URL): AuthorMatch[] {
  try {
    return adapterFor(url)?.findAuthors(root, url) ?? [];
  } catch {
    return [];
  }
}

/** CONTRACT §2: who the page is about, and every distinct author on it in document order. */
export function readPage(doc: Document, url: URL): PageReading {
  return { subject: readSubject(doc, url), people: distinctPeople(findAuthors(doc, url)) };
}

/** First occurrence wins, name included. */
export function distinctPeople(matches: readonly AuthorMatch[]): PersonRef[] {
  const seen = new Set<string>();
  const people: PersonRef[] = [];
  for (const { person } of matches) {
    if (seen.has(person.key)) continue;
    seen.add(person.key);
    people.push(person);
  }
  return people;
}
