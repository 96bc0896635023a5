import { isScreenReaderOnly, readDisplayName } from '../text';
import type { PersonRef, SiteAdapter } from '../types';
import {
  PROFILE_LINK,
  PROFILE_MAIN,
  PROFILE_MAIN_NAME_HEADINGS,
  PROFILE_NAME_HEADINGS,
  PROFILE_TOP_CARD,
} from './selectors';
import {
  isLinkedInHost,
  isLinkedInMemberIdKey,
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

export const linkedInAdapter: SiteAdapter = {
  id: 'linkedin',
  label: 'LinkedIn',
  matchesHost: (url) => isLinkedInHost(url.hostname),
  subjectKey: linkedInProfileKey,
  readSubject(doc: Document, url: URL): PersonRef | null {
    const key = linkedInProfileKey(url);
    if (key === null) return null;
    const name = profileName(doc, key, url);
    return name === null ? null : { key, name, url: linkedInProfileUrl(key) };
  },
};
