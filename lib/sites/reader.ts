import type { AuthorMatch, PersonRef, SitePages, SiteSubjects } from './types';

/** A site's adapter, or its pages alone (a content script that has not loaded its subject part). */
export type ReadableSite = SitePages & Partial<SiteSubjects>;

/**
 * What the rest of Acquaint asks of the site adapters, over a given list of them. `lib/sites`
 * reads every site with all of them; a content script reads only its own site's, through
 * `guarded`, and its subject part builds one over that site alone (issue 6: each content script
 * ≤ 8 KB gzipped).
 * Every reading here is guarded: an unknown page layout gives nothing, never an exception.
 */
export interface SiteReader {
  adapterFor(url: URL): ReadableSite | null;
  /** The key of the page's subject from its URL alone, before the page has rendered. */
  subjectKeyFromUrl(url: URL): string | null;
  /** Whether the page at this URL has a subject (a profile, a 1:1 thread), rendered or not. */
  expectsSubject(url: URL): boolean;
  /**
   * The page's subject with the name the page shows; null on pages without a subject, while the
   * page has not rendered it yet, and for a site whose subject reader is not given.
   */
  readSubject(doc: Document, url: URL): PersonRef | null;
  /** Other keys the page shows for its subject's account; empty when it shows none. */
  readSubjectAliases(doc: Document, url: URL): string[];
  /** Authors of the items in `root` (the document, or a part the page just added). */
  findAuthors(root: ParentNode, url: URL): AuthorMatch[];
}

/** `read`, answering `fallback()` instead of throwing: an unknown page layout gives nothing. */
export function guarded<A extends unknown[], R>(
  read: (...args: A) => R,
  fallback: () => R,
): (...args: A) => R {
  return (...args) => {
    try {
      return read(...args);
    } catch {
      return fallback();
    }
  };
}

export function createSiteReader(adapters: readonly ReadableSite[]): SiteReader {
  const adapterFor = (url: URL) => adapters.find((adapter) => adapter.matchesHost(url)) ?? null;

  return {
    adapterFor,
    subjectKeyFromUrl: guarded(
      (url) => adapterFor(url)?.subjectKey(url) ?? null,
      () => null,
    ),
    expectsSubject: guarded(
      (url) => adapterFor(url)?.expectsSubject(url) ?? false,
      () => false,
    ),
    readSubject: guarded(
      (doc, url) => adapterFor(url)?.readSubject?.(doc, url) ?? null,
      () => null,
    ),
    readSubjectAliases: guarded(
      (doc, url) => adapterFor(url)?.readSubjectAliases?.(doc, url) ?? [],
      () => [],
    ),
    findAuthors: guarded(
      (root, url) => adapterFor(url)?.findAuthors(root, url) ?? [],
      () => [],
    ),
  };
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
