import { browser } from 'wxt/browser';

import { sendRequest } from '../messaging/client';
import type { ColdList } from '../model/cold';
import type { Interaction, Person } from '../model/types';
import { messagingOptionsApi, type OptionsApi } from '../options/api';
import type { PersonRef } from '../sites/types';

/** What the toolbar popup asks of the browser and the background; tests give a fake. */
export interface PopupApi extends OptionsApi {
  /** The tab the popup was opened over (its address is readable through `activeTab`). */
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  openOptions(): Promise<void>;
  closePopup(): void;
  coldList(limit: number): Promise<ColdList>;
  reachedOut(personId: string): Promise<Interaction>;
  snooze(person: PersonRef, until: string): Promise<Person>;
  openTab(url: string): Promise<void>;
  openNotes(personId: string): Promise<void>;
}

export const messagingPopupApi: PopupApi = {
  ...messagingOptionsApi,
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  openOptions: () => browser.runtime.openOptionsPage(),
  closePopup: () => window.close(),
  coldList: (limit) => sendRequest({ type: 'cold.list', limit }),
  reachedOut: (personId) => sendRequest({ type: 'cold.reachedOut', personId }),
  snooze: (person, until) =>
    sendRequest({ type: 'people.followUp', person, change: { snoozedUntil: until } }),
  openTab: async (url) => {
    await browser.tabs.create({ url });
  },
  openNotes: async (personId) => {
    await sendRequest({ type: 'person.openNotes', personId });
  },
};
