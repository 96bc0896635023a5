import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { setSiteTracer } from '../sites/trace';
import { sendRequest } from './runtime';

/** The settings a content script follows; defaults if the background cannot be asked. */
export async function loadContentSettings(): Promise<Settings> {
  try {
    return await sendRequest({ type: 'settings.get' });
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** The "debug" setting: log what each site adapter tried, in this page's console. */
export function applyDebugSetting(settings: Settings): void {
  setSiteTracer(
    settings.debug ? (site, message) => console.warn(`[Acquaint · ${site}] ${message}`) : null,
  );
}
