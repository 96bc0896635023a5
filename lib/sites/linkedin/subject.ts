/** Who a LinkedIn page is about: a profile's owner, the other participant of a 1:1 thread. */

import { firstTextLine, isScreenReaderOnly, readDisplayName } from '../text';
import { traceSite } from '../trace';
import type { PersonRef, SiteSubjects } from '../types';
import {
  ENTITY_LINK,
  PROFILE_LINK,
  PROFILE_MAIN,
  PROFILE_MAIN_NAME_HEADINGS,
  PROFILE_NAME_HEADINGS,
  PROFILE_TOP_CARD,
  THREAD_HEADER,
  THREAD_HEADER_NAMES,
} from './selectors';
import {
  isLinkedInMemberIdKey,
  linkedInKeyFromUrl,
  linkedInPageKind,
  linkedInProfileKey,
  linkedInProfileUrl,
  linkedInSubPageKeyFromUrl,
} from './urls';

/**
 * After a client-side navigation the previous profile's header can linger under the new URL. A
 * header links to its owner's sub-pages (contact info, about this profile…), which tells the two
 * apart. A member-id URL is not compared: the header's links use the vanity slug.
 */
function showsSomeoneElse(scope: Element, key: string, url: URL): boolean {
  if (isLinkedInMemberIdKey(key)) return false;
  const owners = Array.from(scope.querySelectorAll(PROFILE_LINK))
    .map((a) => linkedInSubPageKeyFromUrl(a.getAttribute('href') ?? '', url))
    .filter((k): k is string => k !== null && !isLinkedInMemberIdKey(k));
  return owners.length > 0 && !owners.includes(key);
}

/** The first name shown on screen by an element of `scope` matching one of `selectors`, in order. */
function headingName(scope: Element, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    for (const heading of Array.from(scope.querySelectorAll(selector))) {
      if (isScreenReaderOnly(heading)) continue;
      const name = readDisplayName(heading);
      if (name !== '') return name;
    }
  }
  return null;
}

/**
 * Where the owner's name may be: the top card, or failing that the page heading. Sub-pages without
 * a top card (all activity, details) head their page with a section title, not with the name.
 */
function nameScopes(doc: Document, url: URL): [Element, readonly string[]][] {
  const cards = Array.from(doc.querySelectorAll(PROFILE_TOP_CARD));
  if (cards.length > 0) return cards.map((card) => [card, PROFILE_NAME_HEADINGS]);
  if (linkedInSubPageKeyFromUrl(url.href, url) !== null) return [];
  return Array.from(doc.querySelectorAll(PROFILE_MAIN)).map((main) => [
    main,
    PROFILE_MAIN_NAME_HEADINGS,
  ]);
}

function profileName(doc: Document, key: string, url: URL): string | null {
  const scopes = nameScopes(doc, url);
  for (const [scope, headings] of scopes) {
    if (showsSomeoneElse(scope, key, url)) continue;
    const name = headingName(scope, headings);
    if (name !== null) return name;
  }
  return null;
}

/* ------------------------------------------------------------------------------------------ */
/* Messaging: the other participant of a one-to-one thread                                      */
/* ------------------------------------------------------------------------------------------ */

/**
 * The thread header names the other participant and links to their profile. A group thread
 * lists several names with no single profile link (or several), so it has no subject.
 */
function threadSubject(doc: Document, url: URL): PersonRef | null {
  const headers = Array.from(doc.querySelectorAll(THREAD_HEADER));
  if (headers.length === 0) {
    traceSite('linkedin', () => `no messaging thread header found; tried ${THREAD_HEADER}`);
    return null;
  }
  for (const header of headers) {
    const people = new Map<string, Element[]>();
    for (const link of Array.from(header.querySelectorAll(ENTITY_LINK))) {
      const key = linkedInKeyFromUrl(link.getAttribute('href') ?? '', url);
      if (key !== null) people.set(key, [...(people.get(key) ?? []), link]);
    }
    if (people.size > 1) {
      traceSite('linkedin', () => `thread header links ${people.size} people: a group thread`);
      return null;
    }
    const [entry] = people;
    if (entry === undefined) continue;
    const [key, links] = entry;
    const name =
      links.map((link) => headingName(link, THREAD_HEADER_NAMES)).find((n) => n !== null) ??
      headingName(header, THREAD_HEADER_NAMES) ??
      links.map((link) => readDisplayName(firstTextLine(link))).find((n) => n !== '') ??
      null;
    if (name !== null) return { key, name, url: linkedInProfileUrl(key) };
  }
  traceSite('linkedin', 'thread header has no single profile link with a name: group or loading');
  return null;
}

export const linkedInSubjects: SiteSubjects = {
  readSubject(doc: Document, url: URL): PersonRef | null {
    const kind = linkedInPageKind(url);
    if (kind === 'messaging') return threadSubject(doc, url);
    if (kind !== 'profile') return null;
    const key = linkedInProfileKey(url);
    if (key === null) return null;
    const name = profileName(doc, key, url);
    if (name === null) {
      traceSite('linkedin', () => `no profile name found for ${key}; tried ${PROFILE_TOP_CARD}`);
    }
    return name === null ? null : { key, name, url: linkedInProfileUrl(key) };
  },
};
