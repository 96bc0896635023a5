import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

import { registerRememberMenu } from '../context-menu/menu';
import { AcquaintDatabase } from '../db/database';
import { contentPartFile } from '../messaging/content-parts';
import { inPageSiteOf } from '../sites/in-page';
import type { ContentCommand } from '../messaging/protocol';
import { systemClock } from '../model/clock';
import { createFollowUpService } from '../services/follow-up';
import { createHealthService } from '../services/health';
import { createIdentitiesService } from '../services/identities';
import { createInteractionsService } from '../services/interactions';
import { createNotesService } from '../services/notes';
import { createPeopleService } from '../services/people';
import { createAutoBackupStateStore } from '../services/auto-backup-state';
import { createSettingsService } from '../services/settings';
import { createTransferService } from '../services/transfer';
import { createJournal, type Journal } from '../storage/journal';
import { createAliasOffers } from './alias-offers';
import {
  AUTO_BACKUP_ALARM,
  AUTO_BACKUP_CHECK_MINUTES,
  type AutoBackupState,
  createAutoBackup,
} from './auto-backup';
import { createBlogSites } from './blog-sites';
import { createBackupDownloads } from './downloads';
import { COLD_BADGE_ALARM, COLD_BADGE_PERIOD_MINUTES, createColdBadge } from './cold-badge';
import { createHandlers } from './handlers';
import { recoverJournal } from './recover-journal';
import { createMessageRouter, type MessageRouter } from './router';
import { createSidebarFrames } from './sidebar-frames';
import { createSidebarHub } from './sidebar-hub';
import { createSidePanel } from './side-panel';
import { welcomeOnInstall } from './welcome';
import { createTabPeople, createTabSubjects, createTabValues } from './tab-subjects';

/** A sidebar saves within a second or retries every few; an entry this old was left behind. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

const SIDEBAR_WINDOW = { width: 400, height: 680 };

/** The toggle and the sidebar's iframe, which the LinkedIn and X content scripts load on need. */
const SIDEBAR_FRAME_SCRIPT = '/content-scripts/sidebar-frame.js';

/** Wires the database, services and message routing into the running background. */
export function startBackground(): void {
  const db = new AcquaintDatabase();
  const sidebars = createSidebarHub((event) => browser.runtime.sendMessage(event));
  const tabSubjects = createTabSubjects(browser.storage.session);
  const tabSelections = createTabSubjects(browser.storage.session, 'tab-selected');
  const aliasOffers = createAliasOffers(browser.storage.session);
  const sidebarFrames = createSidebarFrames(browser.storage.session);
  const tabPeople = createTabPeople(browser.storage.session);
  const whyWanted = createTabValues<boolean>(
    browser.storage.session,
    'why-wanted',
    (a, b) => a === b,
  );

  const tellTab = async (tabId: number, command: ContentCommand) => {
    await browser.tabs.sendMessage(tabId, command, { frameId: 0 });
  };
  const tellTabs = async (query: { url?: string }, command: ContentCommand) => {
    const tabs = await browser.tabs.query(query);
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined ? undefined : tellTab(tab.id, command).catch(() => {}),
      ),
    );
  };

  const blogSites = createBlogSites({
    permissions: browser.permissions,
    scripting: {
      getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
      registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
      unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
      executeScript: ({ target, files }) =>
        browser.scripting.executeScript({ target, files: files as ScriptPublicPath[] }),
    },
    tellOriginTabs: (pattern) => tellTabs({ url: pattern }, { type: 'site.disabled' }),
    tabsMatching: async (pattern) =>
      (await browser.tabs.query({ url: pattern }))
        .map((tab) => tab.id)
        .filter((id): id is number => id !== undefined),
    scriptFile: 'content-scripts/blog.js',
  });

  const followUp = createFollowUpService(db);
  const coldBadge = createColdBadge({
    count: () => followUp.coldCount(),
    setText: (text) => action().setBadgeText({ text }),
    setColor: (color) => action().setBadgeBackgroundColor({ color }),
  });

  const logFailure = (error: unknown) => console.error('Acquaint:', error);
  const settingsService = createSettingsService(db);
  const sidePanel = createSidePanel({
    sidePanel: browser.sidePanel,
    sidebarAction: (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction,
    settings: () => settingsService.get(),
    tabs: () => browser.tabs.query({}),
  });
  const people = createPeopleService(db);
  const openSidebarWindow = async (focus?: 'why') => {
    // The static address: sidebar.html is web-accessible with `use_dynamic_url`, and its dynamic
    // address, which `getURL` gives for it, loads only inside a page, not as a window of its own.
    const page = new URL('sidebar.html', browser.runtime.getURL('/')).href;
    const window = await browser.windows.create({
      url: focus ? `${page}?focus=${focus}` : page,
      type: 'popup',
      ...SIDEBAR_WINDOW,
    });
    return window?.tabs?.[0]?.id;
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void welcomeOnInstall(reason, {
      openTab: (url) => browser.tabs.create({ url }),
      pageUrl: (path) => browser.runtime.getURL(path as '/options.html'),
    }).catch(logFailure);
  });

  // Registered before anything is awaited: the click that woke the worker must find its listener.
  void registerRememberMenu({
    ensurePerson: async (ref) => {
      const person = await people.ensure(ref);
      sidebars.refreshAll();
      void tellTabs({}, { type: 'people.changed' }).catch(() => {});
      return person;
    },
    openSidePanel: (tabId, url) => sidePanel.openFor(tabId, url),
    // Read in the page's frame, in an isolated world of the extension's own: the text of the first
    // link to that address (the user's click on it granted the tab, as for any menu item).
    linkTextOf: async (tabId, frameId, linkUrl) => {
      const [result] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        func: (href: string) => {
          for (const link of document.querySelectorAll('a[href]')) {
            if ((link as HTMLAnchorElement).href !== href) continue;
            // A card's link may hold a headline and a date below the name: its first line.
            const text = ((link as HTMLElement).innerText || link.textContent || '')
              .split('\n')
              .map((line) => line.trim())
              .find((line) => line !== '');
            if (text) return text.slice(0, 500);
          }
          return null;
        },
        args: [linkUrl],
      });
      return typeof result?.result === 'string' ? result.result : undefined;
    },
    nameOnPage: async (tabId, key) =>
      (await tabPeople.get(tabId))?.find((person) => person.key === key)?.name,
    showInPanel: async (tabId, person) => {
      await tabSelections.set(tabId, person);
      await whyWanted.set(tabId, true);
      sidebars.refreshTab(tabId);
    },
    showInTab: async (tabId, person) => {
      // Asked for before the sidebar is shown: it reads the wish with the person.
      await whyWanted.set(tabId, true);
      const command: ContentCommand = { type: 'sidebar.show', person };
      return (await browser.tabs.sendMessage(tabId, command, { frameId: 0 })) === true;
    },
    openWindow: async (person, focus) => {
      const tabId = await openSidebarWindow(focus);
      if (tabId !== undefined) {
        await tabSelections.set(tabId, person);
        sidebars.refreshTab(tabId);
      }
    },
    notify: (message) => {
      void browser.notifications
        .create({
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: 'Acquaint',
          message,
        })
        .catch(logFailure);
    },
  }).catch((error: unknown) => console.error('Acquaint: context menu', error));

  const transfer = createTransferService(db);
  const autoBackup = createAutoBackup({
    exportBackup: () => transfer.exportBackup(),
    settings: () => settingsService.get(),
    ...stateAccess(createAutoBackupStateStore(db)),
    downloads: createBackupDownloads(browser.downloads),
    clock: systemClock,
  });

  const router = createMessageRouter(
    createHandlers({
      people,
      notes: createNotesService(db),
      interactions: createInteractionsService(db),
      followUp,
      coldChanged: () => coldBadge.changed(),
      settings: settingsService,
      health: createHealthService(db),
      blogSites,
      transfer,
      autoBackup,
      identities: createIdentitiesService(db),
      tabSubjects,
      tabSelections,
      aliasOffers,
      tabPeople,
      whyWanted,
      tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
      inPageChanged: () => void sidePanel.settingsChanged().catch(logFailure),
      sidebars,
      sidebarFrames,
      tellTab,
      tellAllTabs: (command) => tellTabs({}, command),
      openSidebarWindow: () => openSidebarWindow(),
      injectSidebarFrame: async (tabId) => {
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [0] },
          files: [SIDEBAR_FRAME_SCRIPT],
        });
      },
      injectContentPart: async (tabId, frameId, part) => {
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          files: [contentPartFile(part)],
        });
      },
    }),
    {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      onError: (error, request) => console.error(`Acquaint: ${request.type} failed`, error),
      isOwnFrame: (tabId, frameId) => sidebarFrames.isBound(tabId, frameId),
    },
  );

  browser.runtime.onMessage.addListener((message, sender) => router.handleMessage(message, sender));

  void recoverTyping(createJournal(browser.storage.local), router);

  // The granted blog origins are the truth; registrations follow them, also when the user
  // revokes one from the browser's own extension settings.
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void blogSites.granted(origins).catch(logFailure);
  });
  browser.permissions.onRemoved.addListener(() => void blogSites.sync().catch(logFailure));
  void blogSites.sync().catch(logFailure);

  // Time alone turns conversations cold: count at start, on a timer, and after every change.
  void coldBadge.update().catch(logFailure);
  void browser.alarms.create(COLD_BADGE_ALARM, { periodInMinutes: COLD_BADGE_PERIOD_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === COLD_BADGE_ALARM) void coldBadge.update().catch(logFailure);
    if (alarm.name === AUTO_BACKUP_ALARM) void autoBackup.runIfDue().catch(logFailure);
  });

  // A backup file now and then, so the notes outlive an uninstall; due or not is decided inside.
  void browser.alarms.create(AUTO_BACKUP_ALARM, { periodInMinutes: AUTO_BACKUP_CHECK_MINUTES });
  void autoBackup.runIfDue().catch(logFailure);

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabSubjects.forget(tabId);
    void tabSelections.forget(tabId);
    void aliasOffers.forget(tabId);
    void sidebarFrames.forget(tabId);
    void tabPeople.forget(tabId);
    void whyWanted.forget(tabId);
  });
  // A LinkedIn or X tab's side panel follows its site's in-page switch (lib/background/side-panel.ts).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') {
      void sidePanel.tabChanged(tabId, tab.url).catch(logFailure);
    }
    // Someone picked in the side panel was on the page the tab has left, as a badge's pick is.
    if (change.url !== undefined && inPageSiteOf(change.url) !== null) {
      void tabSelections
        .set(tabId, null)
        .then((changed) => changed && sidebars.refreshTab(tabId))
        .catch(logFailure);
    }
  });
  void sidePanel.settingsChanged().catch(logFailure);

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar') return;
    // First, before anything is awaited: the key press counts as the user's only until then.
    const inPanel =
      tab?.id === undefined ? Promise.resolve(false) : sidePanel.openFor(tab.id, tab.url);
    void inPanel.then(async (opened) => {
      if (opened) return;
      const tabId = tab?.id ?? (await activeTabId());
      // A tab without Acquaint's content script has no listener; there is nothing to toggle there.
      if (tabId !== undefined) await tellTab(tabId, { type: 'sidebar.toggle' }).catch(() => {});
    });
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

function stateAccess(store: ReturnType<typeof createAutoBackupStateStore>) {
  return {
    readState: () => store.read(),
    writeState: (state: AutoBackupState) => store.write(state),
  };
}

/** The toolbar button: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2. */
function action() {
  return browser.action ?? browser.browserAction;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
