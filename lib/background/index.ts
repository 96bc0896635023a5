import { browser } from 'wxt/browser';

import { AcquaintDatabase } from '../db/database';
import type { ContentCommand } from '../messaging/protocol';
import { createNotesService } from '../services/notes';
import { createPeopleService } from '../services/people';
import { createHandlers } from './handlers';
import { createMessageRouter } from './router';
import { createSidebarHub } from './sidebar-hub';
import { createTabSubjects } from './tab-subjects';

/** Wires the database, services and message routing into the running background. */
export function startBackground(): void {
  const db = new AcquaintDatabase();
  const sidebars = createSidebarHub((event) => browser.runtime.sendMessage(event));
  const tabSubjects = createTabSubjects(browser.storage.session);

  const tellTab = async (tabId: number, command: ContentCommand) => {
    await browser.tabs.sendMessage(tabId, command, { frameId: 0 });
  };

  const route = createMessageRouter(
    createHandlers({
      people: createPeopleService(db),
      notes: createNotesService(db),
      tabSubjects,
      sidebars,
      tellTab,
    }),
    {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      onError: (error, request) => console.error(`Acquaint: ${request.type} failed`, error),
    },
  );

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.tabs.onRemoved.addListener((tabId) => void tabSubjects.forget(tabId));

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const tabId = tab?.id ?? (await activeTabId());
    // A tab without Acquaint's content script has no listener; there is nothing to toggle there.
    if (tabId !== undefined) await tellTab(tabId, { type: 'sidebar.toggle' }).catch(() => {});
  });

  // Ask the browser not to evict the notes under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
