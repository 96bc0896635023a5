/** Blog commenter identity from URLs (CONTRACT §1). Pure: no DOM. */

import { isLinkedInHost, linkedInKeyFromUrl } from '../linkedin/urls';
import { normalizeText } from '../text';
import { isXHost, xKeyFromUrl } from '../x/urls';

const BLOGGER_DOMAIN = 'blogger.com';

/** `/profile/<digits>`, optionally with a trailing slash; nothing else is a Blogger profile. */
const BLOGGER_PROFILE_PATH = /^\/profile\/(\d+)\/?$/;

/** An href that names no page: empty, or a jump within the page ("#", "#comment-3"). */
const NO_TARGET = /^\s*(?:#.*)?$/s;

function toUrl(href: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** Only web pages count as links: `javascript:`, `mailto:`, `data:`… name no one. */
function webUrl(href: string | URL, base?: string | URL): URL | null {
  if (typeof href === 'string' && NO_TARGET.test(href)) return null;
  const url = toUrl(href, base);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  return url.hostname === '' ? null : url;
}

/** Lower-cased, without a trailing dot or one leading `www.`; a non-default port stays. */
export function normalizeHost(host: string): string {
  const lower = host.toLowerCase().replace(/\.(?=$|:)/, '');
  return lower.startsWith('www.') && lower.length > 'www.'.length ? lower.slice(4) : lower;
}

/** Whether a URL's identities belong to another scheme (LinkedIn, X), never to `web:`. */
function isSocialHost(url: URL): boolean {
  return isLinkedInHost(url.hostname) || isXHost(url.hostname);
}

function isBloggerHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === BLOGGER_DOMAIN || h.endsWith(`.${BLOGGER_DOMAIN}`);
}

/** `blogger:<digits>` for a `blogger.com/profile/<digits>` link on any blogger.com host. */
export function bloggerKeyFromUrl(href: string | URL, base?: string | URL): string | null {
  const url = webUrl(href, base);
  if (!url || !isBloggerHost(url.hostname)) return null;
  const match = BLOGGER_PROFILE_PATH.exec(url.pathname);
  return match ? `blogger:${match[1]}` : null;
}

/**
 * `web:<host><path>` for a commenter's website: scheme, query and fragment dropped, host
 * lower-cased without `www.`, path kept without trailing slashes. LinkedIn and X URLs never give
 * one (their profiles have their own keys, their other pages name nobody), nor do Blogger profiles.
 */
export function webKeyFromUrl(href: string | URL, base?: string | URL): string | null {
  const url = webUrl(href, base);
  if (!url || isSocialHost(url) || bloggerKeyFromUrl(url) !== null) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `web:${normalizeHost(url.host)}${path}`;
}

/**
 * `named:<blog host>:<name>` for a commenter without a link: the blog's host normalised as for
 * `web:`, the display name lower-cased with whitespace collapsed. Null for an empty name and for
 * pages on LinkedIn or X, which are not blogs.
 */
export function namedKey(pageUrl: URL, name: string): string | null {
  const url = webUrl(pageUrl);
  const normalized = normalizeText(name).toLowerCase();
  if (!url || isSocialHost(url) || normalized === '') return null;
  return `named:${normalizeHost(url.host)}:${normalized}`;
}

function isSamePage(a: URL, b: URL): boolean {
  return webKeyFromUrl(a) !== null && webKeyFromUrl(a) === webKeyFromUrl(b);
}

/**
 * The key of a commenter shown with this link (or none) on a blog page: a LinkedIn or X profile
 * link gives that site's key, then a Blogger profile, then any other website; without a usable
 * link the name on this blog decides. Null only when there is neither a link nor a name.
 */
export function commenterKey(href: string | null, pageUrl: URL, name: string): string | null {
  const url = href === null ? null : webUrl(href, pageUrl);
  // A link back to this very page (a comment permalink around the name) is nobody's website.
  if (url && !isSamePage(url, pageUrl)) {
    const key =
      linkedInKeyFromUrl(url) ?? xKeyFromUrl(url) ?? bloggerKeyFromUrl(url) ?? webKeyFromUrl(url);
    if (key !== null) return key;
  }
  return namedKey(pageUrl, name);
}

/** The absolute address of a commenter's link, when it is a web page other than this one. */
export function commenterUrl(href: string | null, pageUrl: URL): string | undefined {
  const url = href === null ? null : webUrl(href, pageUrl);
  return url && !isSamePage(url, pageUrl) ? url.href : undefined;
}
