import { browser } from 'wxt/browser';

import { AcquaintDatabase } from '../db/database';
import type { ContentCommand } from '../messaging/protocol';
import { createNotesService } from '../services/notes';
import { createPeopleService } from '../services/people';
import { createJournal, type Journal } from '../storage/journal';
import { createHandlers } from './handlers';
import { recoverJournal } from './recover-journal';
import { createMessageRouter, type MessageRouter } from './router';
import { createSidebarHub } from './sidebar-hub';
import { createTabSubjects } from './tab-subjects';

/** A sidebar saves within a second or retries every few; an entry this old was left behind. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

/** Wires the database, services and message routing into the running background. */
export function startBackground(): void {
  const db = new AcquaintDatabase();
  const sidebars = createSidebarHub((event) => browser.runtime.sendMessage(event));
  const tabSubjects = createTabSubjects(browser.storage.session);

  const tellTab = async (tabId: number, command: ContentCommand) => {
    await browser.tabs.sendMessage(tabId, command, { frameId: 0 });
  };

  const router = createMessageRouter(
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

  browser.runtime.onMessage.addListener((message, sender) => router.handleMessage(message, sender));

  void recoverTyping(createJournal(browser.storage.local), router);

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

/**
 * Saves typing a sidebar journaled but never saved. On the first wake-up of a browser session no
 * sidebar can be open yet (session storage starts empty), so everything is taken; on later
 * wake-ups, only entries old enough to have been abandoned.
 */
async function recoverTyping(journal: Journal, router: MessageRouter): Promise<void> {
  const marker = 'journal-recovered-this-session';
  const firstWake = !(await browser.storage.session.get(marker))[marker];
  await browser.storage.session.set({ [marker]: true });
  await recoverJournal(journal, router, { olderThanMs: firstWake ? 0 : ABANDONED_AFTER_MS });
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
