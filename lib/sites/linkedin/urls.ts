/** LinkedIn identity from URLs (CONTRACT §1). Pure: no DOM. */

const LINKEDIN_DOMAIN = 'linkedin.com';

/** Member ids (`ACoAA…`) are opaque and case-sensitive; vanity slugs are not. */
const MEMBER_ID_PREFIX = 'ACoAA';

/** `/in/me` redirects to whoever is signed in, so it names nobody in particular. */
const VIEWER_ALIAS = 'me';

export function isLinkedInHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === LINKEDIN_DOMAIN || h.endsWith(`.${LINKEDIN_DOMAIN}`);
}

function toUrl(href: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function decodeOnce(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

interface ProfilePath {
  key: string;
  /** Whether the path goes on below the slug (`/overlay/…`, `/recent-activity/…`). */
  subPage: boolean;
}

function profilePath(url: URL): ProfilePath | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!isLinkedInHost(url.hostname)) return null;
  const segments = url.pathname.split('/');
  // A pathname starts with '/', so segments[0] is always ''.
  if (segments[1] !== 'in') return null;
  const raw = segments[2] ?? '';
  const slug = decodeOnce(raw).trim();
  if (slug === '' || slug.toLowerCase() === VIEWER_ALIAS) return null;
  const normalized = slug.startsWith(MEMBER_ID_PREFIX) ? slug : slug.toLowerCase();
  const subPage = segments.slice(3).some((s) => s !== '');
  return { key: `linkedin:${normalized}`, subPage };
}

/** `linkedin:<slug>` for a link to a profile or any of its sub-pages; null for anything else. */
export function linkedInKeyFromUrl(href: string | URL, base?: string | URL): string | null {
  const url = toUrl(href, base);
  return url ? (profilePath(url)?.key ?? null) : null;
}

/**
 * The owner's key for a link to one of a profile's sub-pages (`/in/<slug>/overlay/…`). Only the
 * owner's own page links to these, so they tell whose profile is rendered.
 */
export function linkedInSubPageKeyFromUrl(href: string, base: string | URL): string | null {
  const url = toUrl(href, base);
  const path = url ? profilePath(url) : null;
  return path?.subPage ? path.key : null;
}

/** The subject of a page at this URL: a profile or one of its sub-pages; null elsewhere. */
export function linkedInProfileKey(url: URL): string | null {
  return profilePath(url)?.key ?? null;
}

export function isLinkedInMemberIdKey(key: string): boolean {
  return key.startsWith(`linkedin:${MEMBER_ID_PREFIX}`);
}

export function linkedInProfileUrl(key: string): string {
  const slug = key.startsWith('linkedin:') ? key.slice('linkedin:'.length) : key;
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/** First path segments of pages that belong to an organisation, never to a person. */
const ORGANIZATION_SEGMENTS: ReadonlySet<string> = new Set(['company', 'showcase', 'school']);

export interface LinkedInEntity {
  /** A member's profile, or an organisation's page (company, showcase, school): not a person. */
  kind: 'person' | 'organization';
  /** `in/<slug>` or `company/<name>`, lower-cased: two links with the same id name the same page. */
  id: string;
}

/** What a link points at when it names a member or an organisation; null for anything else. */
export function linkedInEntity(href: string, base: string | URL): LinkedInEntity | null {
  const url = toUrl(href, base);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (!isLinkedInHost(url.hostname)) return null;
  const [, first = '', second = ''] = url.pathname.toLowerCase().split('/');
  if (second === '') return null;
  if (first === 'in') return { kind: 'person', id: `in/${second}` };
  if (ORGANIZATION_SEGMENTS.has(first)) return { kind: 'organization', id: `${first}/${second}` };
  return null;
}

/** Non-empty, lower-cased path segments. */
function segmentsOf(url: URL): string[] {
  return url.pathname
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '');
}

/** A conversation in LinkedIn messaging: `/messaging/thread/<id>/`. */
export function isLinkedInMessagingThread(url: URL): boolean {
  const [first, second, third] = segmentsOf(url);
  return first === 'messaging' && second === 'thread' && third !== undefined;
}

/**
 * The kind of page a LinkedIn URL shows: a profile (`/in/<slug>` and its sub-pages), a single
 * post (`/posts/…`, `/feed/update/urn:li:…`), a list of posts (the feed, groups, an
 * organisation's posts, content search), a messaging thread; null for pages without authors.
 */
export function linkedInPageKind(url: URL): 'profile' | 'feed' | 'post' | 'messaging' | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!isLinkedInHost(url.hostname)) return null;
  if (linkedInProfileKey(url) !== null) return 'profile';
  const [first, second, third, fourth] = segmentsOf(url);
  if (first === 'messaging') return isLinkedInMessagingThread(url) ? 'messaging' : null;
  if (first === 'posts' && second !== undefined) return 'post';
  if (first === 'feed' && second === 'update') return third === undefined ? null : 'post';
  if (first === 'embed' && second === 'feed' && third === 'update' && fourth !== undefined) {
    return 'post';
  }
  if (first === 'feed') return 'feed';
  if (first === 'groups' && second !== undefined) return 'feed';
  if (first === 'search' && second === 'results' && (third === 'content' || third === 'all')) {
    return 'feed';
  }
  if (first !== undefined && ORGANIZATION_SEGMENTS.has(first) && third === 'posts') return 'feed';
  return null;
}
