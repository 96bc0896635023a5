/** X / Twitter identity from URLs (CONTRACT §1). Pure: no DOM. */

const X_HOSTS = new Set([
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
]);

/**
 * First path segments that are app routes, never accounts. Segments that are not valid handles
 * (`search-advanced`, `robots.txt`…) are rejected by HANDLE already; real accounts named after the
 * company or a product (`x`, `twitter`, `grok`, `business`) stay handles.
 */
export const RESERVED_FIRST_SEGMENTS: ReadonlySet<string> = new Set([
  'about',
  'account',
  'bookmarks',
  'communities',
  'compose',
  'connect_people',
  'download',
  'explore',
  'flow',
  'hashtag',
  'help',
  'home',
  'i',
  'intent',
  'jobs',
  'lists',
  'login',
  'logout',
  'messages',
  'moments',
  'notifications',
  'oauth',
  'premium',
  'privacy',
  'rules',
  'search',
  'settings',
  'share',
  'signin',
  'signup',
  'spaces',
  'statuses',
  'topics',
  'tos',
  'verified',
  'who_to_follow',
]);

/** Tabs and overlays of a profile: the page is still that person's profile. */
const PROFILE_TABS: ReadonlySet<string> = new Set([
  'affiliates',
  'articles',
  'creator-subscriptions',
  'followers',
  'followers_you_follow',
  'following',
  'header_photo',
  'highlights',
  'likes',
  'media',
  'photo',
  'subscriptions',
  'superfollows',
  'verified_followers',
  'with_replies',
]);

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

export function isXHost(host: string): boolean {
  return X_HOSTS.has(host.toLowerCase().replace(/\.$/, ''));
}

/** The lower-cased handle a first path segment names, or null for app routes and non-handles. */
export function xHandleFromPath(segment: string): string | null {
  if (!HANDLE.test(segment)) return null;
  const handle = segment.toLowerCase();
  return RESERVED_FIRST_SEGMENTS.has(handle) ? null : handle;
}

function toUrl(href: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** Non-empty path segments of an X URL, or null when the URL is not on X. */
function xSegments(url: URL): string[] | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!isXHost(url.hostname)) return null;
  return url.pathname.split('/').filter((s) => s !== '');
}

/** `x:<handle>` for any link whose first segment is a handle (a profile, a tweet…); else null. */
export function xKeyFromUrl(href: string | URL, base?: string | URL): string | null {
  const url = toUrl(href, base);
  const first = url ? xSegments(url)?.[0] : undefined;
  const handle = first === undefined ? null : xHandleFromPath(first);
  return handle === null ? null : `x:${handle}`;
}

/** The subject of a page at this URL: a profile or one of its tabs; null for every other page. */
export function xProfileKey(url: URL): string | null {
  const segments = xSegments(url);
  if (!segments || segments.length === 0 || segments.length > 2) return null;
  const [first, tab] = segments;
  if (tab !== undefined && !PROFILE_TABS.has(tab.toLowerCase())) return null;
  const handle = first === undefined ? null : xHandleFromPath(first);
  return handle === null ? null : `x:${handle}`;
}

export function xProfileUrl(key: string): string {
  const handle = key.startsWith('x:') ? key.slice('x:'.length) : key;
  return `https://x.com/${encodeURIComponent(handle)}`;
}

/** The lower-cased handle in an "@handle" text, or null. */
export function xHandleFromAtText(text: string): string | null {
  const match = /^@([A-Za-z0-9_]{1,15})$/.exec(text);
  return match?.[1]?.toLowerCase() ?? null;
}

/** First segments of pages that show no posts: account, settings, messages, sign-in flows… */
const NO_POSTS_FIRST_SEGMENTS: ReadonlySet<string> = new Set([
  'about',
  'account',
  'compose',
  'download',
  'flow',
  'help',
  'intent',
  'jobs',
  'login',
  'logout',
  'messages',
  'oauth',
  'premium',
  'privacy',
  'rules',
  'settings',
  'share',
  'signin',
  'signup',
  'tos',
  'verified',
]);

/** Lists of posts under `/i/…`; every other `/i/…` page (flows, Grok, sign-ups) shows none. */
const POST_LISTS_UNDER_I: ReadonlySet<string> = new Set([
  'bookmarks',
  'communities',
  'events',
  'lists',
  'timeline',
  'topics',
  'trending',
]);

const STATUS_SEGMENTS: ReadonlySet<string> = new Set(['status', 'statuses']);
const STATUS_ID = /^\d{1,25}$/;

/**
 * The kind of page an X URL shows: a profile (`/<handle>` and its tabs), a single post with its
 * conversation (`/<handle>/status/<id>`, `/i/web/status/<id>`), any other list of posts (home,
 * lists, search, explore, notifications…); null for pages that show no posts.
 */
export function xPageKind(url: URL): 'profile' | 'timeline' | 'status' | null {
  const segments = xSegments(url);
  if (!segments) return null;
  if (xProfileKey(url) !== null) return 'profile';
  const [first = '', second = '', third = '', fourth = ''] = segments.map((s) => s.toLowerCase());
  if (first === 'i' && second === 'web' && STATUS_SEGMENTS.has(third) && STATUS_ID.test(fourth)) {
    return 'status';
  }
  if (xHandleFromPath(first) !== null && STATUS_SEGMENTS.has(second) && STATUS_ID.test(third)) {
    return 'status';
  }
  if (first === 'i') return POST_LISTS_UNDER_I.has(second) ? 'timeline' : null;
  if (NO_POSTS_FIRST_SEGMENTS.has(first)) return null;
  return 'timeline';
}
