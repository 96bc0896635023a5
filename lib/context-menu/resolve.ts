/**
 * "Remember this person": who a context-menu click names (CONTRACT §1 keys). Pure: no extension
 * APIs, no DOM, never throws.
 */

import { MAX_KEY_LENGTH, MAX_URL_LENGTH } from '../model/limits';
import { fallbackName } from '../services/people';
import { bloggerKeyFromUrl, normalizeHost, webKeyFromUrl } from '../sites/blog/urls';
import { subjectKeyFromUrl } from '../sites/index';
import {
  isLinkedInHost,
  linkedInEntity,
  linkedInKeyFromUrl,
  linkedInProfileUrl,
  linkedInSubPageKeyFromUrl,
} from '../sites/linkedin/urls';
import { cleanDisplayName, normalizeText } from '../sites/text';
import type { PersonRef } from '../sites/types';
import { isXHost, xHandleFromAtText, xKeyFromUrl, xProfileUrl } from '../sites/x/urls';

export const REMEMBER_MENU_ID = 'remember-person';

/** The part of the browser's `OnClickData` this reads. */
export interface RememberClick {
  menuItemId?: string | number;
  linkUrl?: string;
  selectionText?: string;
  /** The clicked link's text: Firefox gives it, Chrome does not (the background reads it). */
  linkText?: string;
  pageUrl?: string;
  frameUrl?: string;
  /** The frame the click was in. */
  frameId?: number;
}

/** The part of the clicked tab this reads. */
export interface RememberTab {
  title?: string;
  url?: string;
}

export type RememberResolution =
  | {
      person: PersonRef;
      /** The web page where the user met this person; null when it is not a web page. */
      context: string | null;
    }
  | { error: string };

/** A selected name is kept to this many UTF-16 code units. */
export const MAX_SELECTED_NAME_LENGTH = 200;

/** A selection longer than this is cut before cleaning, so a whole selected book costs little. */
const MAX_RAW_SELECTION = 20_000;

/** A name has at most this many characters and words; a longer text is a sentence. */
const MAX_NAME_LIKE_LENGTH = 100;
const MAX_NAME_LIKE_WORDS = 8;

/** Link texts that label a link instead of naming anyone. */
const GENERIC_LINK_TEXTS: ReadonlySet<string> = new Set([
  'click here',
  'connect',
  'follow',
  'here',
  'home',
  'homepage',
  'link',
  'message',
  'more',
  'profile',
  'see more',
  'view profile',
  'visit',
  'web',
  'website',
]);

/** Link shorteners: the link names a redirect, not anyone's page. */
const SHORTENER_HOSTS: ReadonlySet<string> = new Set([
  'bit.ly',
  'buff.ly',
  'goo.gl',
  'lnkd.in',
  'ow.ly',
  't.co',
  'tinyurl.com',
]);

export const ERRORS = {
  notOurItem: 'This menu item is not Acquaint’s.',
  unreadable: 'Acquaint could not tell who this is.',
  badLink: 'Acquaint can’t read this link.',
  notWebLink: (scheme: string) =>
    `Acquaint remembers people from web links; this is a ${scheme} link.`,
  tooLong: 'This link is too long to remember.',
  shortener: (host: string) =>
    `This is a shortened link (${host}): open it, then remember the person on the page it leads to.`,
  viewerAlias:
    'This LinkedIn link (/in/me) leads to whoever is signed in, not to a particular person.',
  organization: 'This is a LinkedIn page of a company, school or showcase, not of a person.',
  notLinkedInProfile: 'This LinkedIn link is not a person’s profile.',
  notXProfile: 'This X link is not a person’s profile.',
  notBloggerProfile: 'This Blogger link is not a person’s profile.',
  notWebPage: 'Acquaint only remembers people on web pages.',
  nobodyHere:
    'There is nobody to remember on this page: right-click a link to someone’s profile, or select their name first.',
} as const;

/** Who a "Remember this person" click names, or why it names nobody. Never throws. */
export function resolveRemember(info: RememberClick, tab?: RememberTab): RememberResolution {
  try {
    return resolve(info, tab);
  } catch {
    return { error: ERRORS.unreadable };
  }
}

function resolve(info: RememberClick, tab: RememberTab | undefined): RememberResolution {
  if (info.menuItemId !== undefined && info.menuItemId !== REMEMBER_MENU_ID) {
    return { error: ERRORS.notOurItem };
  }
  const page = webUrlOf(info.pageUrl) ?? webUrlOf(tab?.url) ?? webUrlOf(info.frameUrl);
  const context = page === null ? null : keptUrl(page);
  const selection = typeof info.selectionText === 'string' ? info.selectionText : '';

  if (typeof info.linkUrl === 'string' && info.linkUrl.trim() !== '') {
    const found = fromLink(info.linkUrl, webUrlOf(info.frameUrl) ?? page, selection);
    return 'error' in found ? found : { person: found, context };
  }
  if (normalizeText(selection) !== '') {
    const found = fromSelection(selection, page);
    return 'error' in found ? found : { person: found, context };
  }
  const found = fromPage(page, typeof tab?.title === 'string' ? tab.title : undefined);
  return 'error' in found ? found : { person: found, context };
}

type Found = PersonRef | { error: string };

// ---------------------------------------------------------------------------------------------
// A link

function fromLink(href: string, base: URL | null, selection: string): Found {
  let url: URL;
  try {
    url = base ? new URL(href.trim(), base) : new URL(href.trim());
  } catch {
    return { error: ERRORS.badLink };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: ERRORS.notWebLink(url.protocol) };
  }
  if (url.hostname === '') return { error: ERRORS.badLink };
  if (url.href.length > MAX_URL_LENGTH) return { error: ERRORS.tooLong };

  const named = (key: string, profileUrl: string): PersonRef => ({
    key,
    name: nameLike(selection) ?? fallbackName(key),
    url: profileUrl,
  });

  if (isLinkedInHost(url.hostname)) {
    const key = linkedInKeyFromUrl(url);
    if (key !== null) return named(key, linkedInProfileUrl(key));
    const [, first = '', second = ''] = url.pathname.toLowerCase().split('/');
    if (first === 'in' && second === 'me') return { error: ERRORS.viewerAlias };
    if (linkedInEntity(url.href, url)?.kind === 'organization') {
      return { error: ERRORS.organization };
    }
    return { error: ERRORS.notLinkedInProfile };
  }

  if (isXHost(url.hostname)) {
    // A tweet's address starts with its author's handle, so a link to a tweet names its author.
    const key = xKeyFromUrl(url);
    return key === null ? { error: ERRORS.notXProfile } : named(key, xProfileUrl(key));
  }

  const blogger = bloggerKeyFromUrl(url);
  if (blogger !== null) {
    return named(blogger, `https://www.blogger.com/profile/${blogger.slice('blogger:'.length)}`);
  }
  const host = normalizeHost(url.host);
  if (host === 'blogger.com' || host.endsWith('.blogger.com')) {
    return { error: ERRORS.notBloggerProfile };
  }
  if (SHORTENER_HOSTS.has(host)) return { error: ERRORS.shortener(host) };

  const key = webKeyFromUrl(url);
  if (key === null) return { error: ERRORS.badLink };
  if (key.length > MAX_KEY_LENGTH) return { error: ERRORS.tooLong };
  return named(key, `${url.protocol}//${url.host}${url.pathname}`);
}

// ---------------------------------------------------------------------------------------------
// Selected text

function fromSelection(selection: string, page: URL | null): Found {
  if (page === null) return { error: ERRORS.notWebPage };
  const name = selectedName(selection);

  // "@handle" selected on X names that account.
  if (isXHost(page.hostname)) {
    const handle = xHandleFromAtText(name);
    const key = handle === null ? null : xKeyFromUrl(`https://x.com/${handle}`);
    if (key !== null) return { key, name: fallbackName(key), url: xProfileUrl(key) };
  }

  return { key: namedKeyOn(page, name), name, url: keptUrl(page) ?? undefined };
}

/**
 * `named:<page host>:<name>` (CONTRACT §1): the host normalised as for `web:`, the name lower-cased
 * with whitespace collapsed. Unlike a blog reading, a selection may be on LinkedIn or X too.
 */
export function namedKeyOn(page: URL, name: string): string {
  return `named:${normalizeHost(page.host)}:${normalizeText(name).toLowerCase()}`;
}

/** The selection as a display name: cleaned, then cut to MAX_SELECTED_NAME_LENGTH. */
export function selectedName(selection: string): string {
  const cleaned = cleanDisplayName(cutAt(selection, MAX_RAW_SELECTION));
  return cutAt(cleaned, MAX_SELECTED_NAME_LENGTH).trimEnd();
}

/** At most `max` UTF-16 code units, never splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const splitsPair = code >= 0xd800 && code <= 0xdbff;
  return text.slice(0, splitsPair ? max - 1 : max);
}

// ---------------------------------------------------------------------------------------------
// The page itself

function fromPage(page: URL | null, title: string | undefined): Found {
  if (page === null) return { error: ERRORS.notWebPage };
  const key = subjectKeyFromUrl(page);
  if (key === null) return { error: ERRORS.nobodyHere };
  if (key.startsWith('linkedin:')) {
    // A sub-page's title names the sub-page first ("Activity | Ada Quill | LinkedIn").
    const onSubPage = linkedInSubPageKeyFromUrl(page.href, page) !== null;
    const name = onSubPage ? null : linkedInTitleName(title);
    return { key, name: name ?? fallbackName(key), url: linkedInProfileUrl(key) };
  }
  if (key.startsWith('x:')) {
    return { key, name: xTitleName(title, key) ?? fallbackName(key), url: xProfileUrl(key) };
  }
  return { key, name: fallbackName(key), url: keptUrl(page) ?? undefined };
}

/** Longer than any real tab title; a longer one is cut before it is read. */
const MAX_TITLE = 1_000;

/** "(3) " before a title: the count of unread notifications. */
const UNREAD_COUNT = /^\(\d+\+?\)\s*/;

/**
 * The name in a LinkedIn profile's tab title: "Ada Quill | LinkedIn", "(3) Ada Quill | LinkedIn",
 * or, signed out, "Ada Quill - Data Engineer - Acme | LinkedIn".
 */
export function linkedInTitleName(title: string | undefined): string | null {
  const text = normalizeText(cutAt(title ?? '', MAX_TITLE)).replace(UNREAD_COUNT, '');
  const match = /^(.*?)\s*\|\s*LinkedIn$/i.exec(text);
  if (!match) return null;
  const [first = ''] = (match[1] ?? '').split(/\s+[|–—-]\s+/);
  return nameLike(first);
}

/**
 * The name in an X profile's tab title: "Pip Wellings (@PipWellings) / X", with a tab's prefix
 * ("Posts with replies by …"). The handle must be the page's own: while X swaps pages the title
 * may still be the previous page's.
 */
export function xTitleName(title: string | undefined, key: string): string | null {
  const text = normalizeText(cutAt(title ?? '', MAX_TITLE)).replace(UNREAD_COUNT, '');
  const match = /^(.*?)\s*\(@([A-Za-z0-9_]{1,15})\)\s*\/\s*(?:X|Twitter)$/.exec(text);
  if (!match || `x:${(match[2] ?? '').toLowerCase()}` !== key) return null;
  const named = match[1] ?? '';
  const by = named.lastIndexOf(' by ');
  return nameLike(by >= 0 ? named.slice(by + ' by '.length) : named);
}

// ---------------------------------------------------------------------------------------------

/**
 * The text, cleaned, when it reads like someone's name: short, a few words, with a letter, not an
 * address, a handle or a link's label; null otherwise.
 */
export function nameLike(text: string): string | null {
  const name = cleanDisplayName(cutAt(text, MAX_RAW_SELECTION));
  if (name === '' || name.length > MAX_NAME_LIKE_LENGTH) return null;
  if (name.split(' ').length > MAX_NAME_LIKE_WORDS) return null;
  if (!/\p{L}/u.test(name)) return null;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|^@|[/\\<>]/i.test(name)) return null;
  if (GENERIC_LINK_TEXTS.has(name.toLowerCase())) return null;
  return name;
}

function webUrlOf(href: string | undefined): URL | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.hostname === '' ? null : url;
  } catch {
    return null;
  }
}

/** The address as it can be stored: the whole of it, or without query and hash when too long. */
function keptUrl(url: URL): string | null {
  if (url.href.length <= MAX_URL_LENGTH) return url.href;
  const bare = `${url.protocol}//${url.host}${url.pathname}`;
  return bare.length <= MAX_URL_LENGTH ? bare : null;
}
