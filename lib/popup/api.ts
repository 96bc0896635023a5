import { browser } from 'wxt/browser';

import { sendRequest } from '../messaging/client';
import type { NotesTarget, PersonAdded } from '../messaging/protocol';
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
  /** Whom the tab is about, and whether their notes open inside its page or beside it. */
  notesTarget(tabId: number): Promise<NotesTarget>;
  /**
   * Opens the browser's side panel beside the tab. Call it straight from the click: the browser
   * opens it only while the click is being handled.
   */
  openSidePanel(tabId: number): Promise<void>;
  /** Opens the notes inside the tab's page, on whom it is about. */
  showNotesInPage(tabId: number): Promise<void>;
  deleteInteraction(id: string): Promise<void>;
  /** Adds someone by hand; the one already stored under that address, if any. */
  addPerson(entry: { name: string; address: string; why: string }): Promise<PersonAdded>;
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
  notesTarget: (tabId) => sendRequest({ type: 'tab.notesTarget', tabId }),
  openSidePanel: async (tabId) => {
    if (browser.sidePanel) await browser.sidePanel.open({ tabId });
    else await (browser as unknown as FirefoxSidebar).sidebarAction.open();
  },
  showNotesInPage: async (tabId) => {
    await sendRequest({ type: 'tab.showNotes', tabId });
  },
  deleteInteraction: async (id) => {
    await sendRequest({ type: 'interactions.delete', id });
  },
  addPerson: ({ name, address, why }) =>
    sendRequest({
      type: 'people.add',
      name,
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(why.trim() ? { why } : {}),
    }),
};

/** Firefox's sidebar, which its types for `browser` may not declare. */
interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}
