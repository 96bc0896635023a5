import type { AuthorMatch, PersonRef, SiteAdapter } from './types';

/**
 * What the rest of Acquaint asks of the site adapters, over a given list of them. `lib/sites`
 * reads every site with all of them; each content script builds one over its own site's adapters
 * only, so it carries no other site's readers (issue 6: each content script ≤ 8 KB gzipped).
 * Every reading here is guarded: an unknown page layout gives nothing, never an exception.
 */
export interface SiteReader {
  adapterFor(url: URL): SiteAdapter | null;
  /** The key of the page's subject from its URL alone, before the page has rendered. */
  subjectKeyFromUrl(url: URL): string | null;
  /** Whether the page at this URL has a subject (a profile, a 1:1 thread), rendered or not. */
  expectsSubject(url: URL): boolean;
  /**
   * The page's subject with the name the page shows; null on pages without a subject and while
   * the page has not rendered it yet.
   */
  readSubject(doc: Document, url: URL): PersonRef | null;
  /** Other keys the page shows for its subject's account; empty when it shows none. */
  readSubjectAliases(doc: Document, url: URL): string[];
  /** Authors of the items in `root` (the document, or a part the page just added). */
  findAuthors(root: ParentNode, url: URL): AuthorMatch[];
}

export function createSiteReader(adapters: readonly SiteAdapter[]): SiteReader {
  const adapterFor = (url: URL) => adapters.find((adapter) => adapter.matchesHost(url)) ?? null;

  return {
    adapterFor,
    subjectKeyFromUrl(url) {
      try {
        return adapterFor(url)?.subjectKey(url) ?? null;
      } catch {
        return null;
      }
    },
    expectsSubject(url) {
      try {
        return adapterFor(url)?.expectsSubject(url) ?? false;
      } catch {
        return false;
      }
    },
    readSubject(doc, url) {
      try {
        return adapterFor(url)?.readSubject(doc, url) ?? null;
      } catch {
        return null;
      }
    },
    readSubjectAliases(doc, url) {
      try {
        return adapterFor(url)?.readSubjectAliases?.(doc, url) ?? [];
      } catch {
        return [];
      }
    },
    findAuthors(root, url) {
      try {
        return adapterFor(url)?.findAuthors(root, url) ?? [];
      } catch {
        return [];
      }
    },
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
