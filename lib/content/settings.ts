import type { Settings } from '../model/settings';
import { setSiteTracer } from '../sites/trace';
import { sendRequest } from './runtime';

/** The settings a content script follows; the rest of Settings is none of its business. */
export type ContentSettings = Pick<Settings, 'badges' | 'debug'>;

/** The defaults of DEFAULT_SETTINGS for these two, without the others' code in every page. */
const CONTENT_DEFAULTS: ContentSettings = { badges: true, debug: false };

/** The settings a content script follows; defaults if the background cannot be asked. */
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
