import { browser } from 'wxt/browser';

import { sendRequest } from '../messaging/client';
import type { SiteHealth } from '../model/health';
import type { Settings } from '../model/settings';

/** What the options page asks of the browser and the background; tests give a fake. */
export interface OptionsApi {
  settings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  health(): Promise<SiteHealth[]>;
  blogs(): Promise<string[]>;
  /** Must be the first thing a click does: the browser asks the user only during a user gesture. */
  requestOrigin(origin: string): Promise<boolean>;
  enableBlog(origin: string): Promise<string[]>;
  disableBlog(origin: string): Promise<string[]>;
}

export const messagingOptionsApi: OptionsApi = {
  settings: () => sendRequest({ type: 'settings.get' }),
  updateSettings: (patch) => sendRequest({ type: 'settings.update', patch }),
  health: () => sendRequest({ type: 'health.list' }),
  blogs: () => sendRequest({ type: 'blogs.list' }),
  requestOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
  enableBlog: (origin) => sendRequest({ type: 'blogs.enable', origin }),
  disableBlog: (origin) => sendRequest({ type: 'blogs.disable', origin }),
};
