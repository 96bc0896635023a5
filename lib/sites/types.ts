/** A person as seen on a page: identity key (CONTRACT §1) plus what the page shows of them. */
export interface PersonRef {
  key: string;
  name: string;
  url?: string;
  headline?: string;
}

export interface PageReading {
  /** The profile owner on a profile page, the other person in a 1:1 thread; null elsewhere. */
  subject: PersonRef | null;
  /** Distinct authors on the page, in document order, first occurrence wins. */
  people: PersonRef[];
}

export type SiteId = 'linkedin' | 'x';

export interface SiteAdapter {
  id: SiteId;
  /** Human name of the site, for messages to the user. */
  label: string;
  /** Whether this adapter handles pages at this URL (host check only). */
  matchesHost(url: URL): boolean;
  /** The subject's identity key from the URL alone, before the DOM has rendered; null when the page has no subject. */
  subjectKey(url: URL): string | null;
  /** The subject with the name shown on the page; null while the page has not rendered it. */
  readSubject(doc: Document, url: URL): PersonRef | null;
}
