import type { Settings } from '../model/settings';
import { setSiteTracer } from '../sites/trace';
import { sendRequest } from './runtime';

/** The settings a content script follows; the rest of Settings is none of its business. */
export type ContentSettings = Pick<Settings, 'badges' | 'debug' | 'inPageLinkedIn' | 'inPageX'>;

/**
 * What a content script does when the background cannot be asked: nothing the page could see.
 * A user who turned a site's in-page switch off must not find Acquaint in its pages because the
 * background was slow to answer once.
 */
const CONTENT_DEFAULTS: ContentSettings = {
  badges: false,
  debug: false,
  inPageLinkedIn: false,
  inPageX: false,
};

/** The settings a content script follows; nothing visible if the background cannot be asked. */
export async function loadContentSettings(): Promise<ContentSettings> {
  try {
    return await sendRequest({ type: 'settings.get' });
  } catch {
    return CONTENT_DEFAULTS;
  }
}

/** The "debug" setting: log what each site adapter tried, in this page's console. */
export function applyDebugSetting(settings: ContentSettings): void {
  setSiteTracer(
    settings.debug ? (site, message) => console.warn(`[Acquaint · ${site}] ${message}`) : null,
  );
}
