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

export type SiteId = 'linkedin' | 'x' | 'blog';

export type PageKind =
  'profile' | 'feed' | 'post' | 'timeline' | 'status' | 'comments' | 'messaging';

/** One authored item's author, with the element a badge goes beside (the author's name link). */
export interface AuthorMatch {
  person: PersonRef;
  anchor: Element;
}

/** What a site's content script reads at once: which pages it is on, and their authors. */
export interface SitePages {
  id: SiteId;
  /** Human name of the site, for messages to the user ("LinkedIn's page layout wasn't recognised"). */
  label: string;
  /** Whether this adapter handles pages at this URL (host check only). */
  matchesHost(url: URL): boolean;
  /** What kind of page this URL is; null for pages that show no people (settings, search…). */
  pageKind(url: URL): PageKind | null;
  /** Whether a page at this URL has a subject (a profile, a 1:1 thread). */
  expectsSubject(url: URL): boolean;
  /**
   * The subject's identity key from the URL alone, before the DOM has rendered; null when the URL
   * does not say (a messaging thread: its subject is known only from the DOM) or there is no subject.
   */
  subjectKey(url: URL): string | null;
  /**
   * The authors of the authored items (posts, tweets, comments, replies, messages) that are
   * `root`, lie inside it, or contain it, in document order and not de-duplicated. `root` is the
   * document, or an element the page has just added (infinite scroll), so a scan costs only the
   * new part of the page.
   */
  findAuthors(root: ParentNode, url: URL): AuthorMatch[];
}

/**
 * Who a page is about, read from its DOM. A content script loads this part only on a page that
 * has a subject (lib/content/lazy-subject.ts).
 */
export interface SiteSubjects {
  /** The subject with the name shown on the page; null while the page has not rendered it. */
  readSubject(doc: Document, url: URL): PersonRef | null;
  /**
   * Other identity keys the page shows for its subject's account (an X account's number), so a
   * renamed handle or a person imported by number is still recognised. Not part of `readPage`.
   */
  readSubjectAliases?(doc: Document, url: URL): string[];
}

export interface SiteAdapter extends SitePages, SiteSubjects {}
