import { browser } from 'wxt/browser';

import { messagingOptionsApi, type OptionsApi } from '../options/api';

/** What the toolbar popup asks of the browser and the background; tests give a fake. */
export interface PopupApi extends OptionsApi {
  /** The tab the popup was opened over (its address is readable through `activeTab`). */
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  openOptions(): Promise<void>;
  closePopup(): void;
}

export const messagingPopupApi: PopupApi = {
  ...messagingOptionsApi,
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  openOptions: () => browser.runtime.openOptionsPage(),
  closePopup: () => window.close(),
};
