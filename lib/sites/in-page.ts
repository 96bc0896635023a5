import type { Settings } from '../model/settings';
import { isLinkedInHost } from './linkedin/urls';
import { isXHost } from './x/urls';

/** The sites whose pages Acquaint can show itself in, each with its own switch (CONTRACT §5). */
export type InPageSite = 'linkedin' | 'x';

export type InPageSettings = Pick<Settings, 'inPageLinkedIn' | 'inPageX'>;

/** Which of those sites an address is on; null for every other page (and for no address). */
export function inPageSiteOf(pageUrl: string | undefined): InPageSite | null {
  if (pageUrl === undefined) return null;
  const url = URL.parse(pageUrl);
  if (!url || url.protocol !== 'https:') return null;
  if (isLinkedInHost(url.hostname)) return 'linkedin';
  if (isXHost(url.hostname)) return 'x';
  return null;
}

/** Whether the user lets Acquaint show itself inside this site's pages. */
export function showsInPage(settings: InPageSettings, site: InPageSite): boolean {
  return site === 'linkedin' ? settings.inPageLinkedIn : settings.inPageX;
}

/** The scheme of the identity keys a site's pages can name. */
export const KEY_SCHEME: Record<InPageSite, string> = { linkedin: 'linkedin:', x: 'x:' };
