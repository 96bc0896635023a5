import { adapterFor } from './registry';
import type { PersonRef } from './types';

export type { PageReading, PersonRef, SiteAdapter, SiteId } from './types';
export { adapterFor, SITE_ADAPTERS } from './registry';

/** The key of the page's subject from its URL alone, before the page has rendered. */
export function subjectKeyFromUrl(url: URL): string | null {
  try {
    return adapterFor(url)?.subjectKey(url) ?? null;
  } catch {
    return null;
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
