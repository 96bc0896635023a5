import { inPageSiteOf, KEY_SCHEME } from './in-page';
import { isLinkedInMessagingThread, linkedInProfileKey } from './linkedin/urls';
import { xProfileKey } from './x/urls';

/**
 * What the background believes of a content script's word about its page. A content script runs
 * inside the page's process, which a compromised or hostile page may control: its claims are
 * checked against the address the browser itself reports for the sender.
 */

/** Whether the page at `pageUrl` can be about the person with `key`. */
export function subjectFitsPage(pageUrl: URL, key: string): boolean {
  const fromAddress = linkedInProfileKey(pageUrl) ?? xProfileKey(pageUrl);
  if (fromAddress !== null) return fromAddress === key;
  // A conversation is about the other member, whom only the page names.
  if (isLinkedInMessagingThread(pageUrl)) return key.startsWith('linkedin:');
  return false;
}

const X_ACCOUNT_NUMBER = /^x-id:\d{1,20}$/;

/** Other keys for the subject: only an X profile shows one, its account's number. */
export function aliasesFitPage(pageUrl: URL, aliases: readonly string[]): boolean {
  if (aliases.length === 0) return true;
  return xProfileKey(pageUrl) !== null && aliases.every((alias) => X_ACCOUNT_NUMBER.test(alias));
}

/**
 * The authors a page lists for the side panel: only people of its own site (a LinkedIn page names
 * LinkedIn members, an X page X accounts). Shown, never stored, so nothing more is checked.
 */
export function peopleFitPage(pageUrl: string | undefined, keys: readonly string[]): boolean {
  const site = inPageSiteOf(pageUrl);
  return site !== null && keys.every((key) => key.startsWith(KEY_SCHEME[site]));
}
