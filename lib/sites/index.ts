import { createSiteReader, distinctPeople } from './reader';
import { SITE_ADAPTERS } from './registry';
import type { AuthorMatch, PageReading, PersonRef } from './types';

export type { AuthorMatch, PageKind, PageReading, PersonRef, SiteAdapter, SiteId } from './types';
export type { SiteReader } from './reader';
export { createSiteReader, distinctPeople } from './reader';
export { adapterFor, SITE_ADAPTERS } from './registry';

/**
 * Every site's readers together. Content scripts do not import this module: each reads its own
 * site's pages (and loads its subject reader on need), so none carries the other sites' code.
 */
const reader = createSiteReader(SITE_ADAPTERS);

/** The key of the page's subject from its URL alone, before the page has rendered. */
export function subjectKeyFromUrl(url: URL): string | null {
  return reader.subjectKeyFromUrl(url);
}

/** Whether the page at this URL has a subject (a profile, a 1:1 thread), rendered or not. */
export function expectsSubject(url: URL): boolean {
  return reader.expectsSubject(url);
}

/**
 * The page's subject with the name the page shows; null on pages without a subject and while the
 * page has not rendered it yet. Never throws: an unknown page layout just gives null.
 */
export function readSubject(doc: Document, url: URL): PersonRef | null {
  return reader.readSubject(doc, url);
}

/** Other keys the page shows for its subject's account; empty when it shows none. Never throws. */
export function readSubjectAliases(doc: Document, url: URL): string[] {
  return reader.readSubjectAliases(doc, url);
}

/** Authors of the items in `root` (the document, or a part the page just added). Never throws. */
export function findAuthors(root: ParentNode, url: URL): AuthorMatch[] {
  return reader.findAuthors(root, url);
}

/** CONTRACT §2: who the page is about, and every distinct author on it in document order. */
export function readPage(doc: Document, url: URL): PageReading {
  return { subject: readSubject(doc, url), people: distinctPeople(findAuthors(doc, url)) };
}
