import { EMPTY_AUTO_BACKUP_STATE } from '@/lib/background/auto-backup';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createAliasOffers } from '@/lib/background/alias-offers';
import { createBlogSites } from '@/lib/background/blog-sites';
import { createHandlers, type HandlerDeps } from '@/lib/background/handlers';
import { createMessageRouter } from '@/lib/background/router';
import { createSidebarFrames } from '@/lib/background/sidebar-frames';
import { createSidebarHub } from '@/lib/background/sidebar-hub';
import { createTabPeople, createTabSubjects, createTabValues } from '@/lib/background/tab-subjects';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { ContentCommand, SidebarEvent } from '@/lib/messaging/protocol';
import type { Clock } from '@/lib/model/clock';
import { createFollowUpService } from '@/lib/services/follow-up';
import { createHealthService } from '@/lib/services/health';
import { createIdentitiesService } from '@/lib/services/identities';
import { createInteractionsService } from '@/lib/services/interactions';
import { createNotesService } from '@/lib/services/notes';
import { createPeopleService } from '@/lib/services/people';
import { createSettingsService } from '@/lib/services/settings';
import { createTransferService } from '@/lib/services/transfer';

import { fakeBlogBrowser } from './blog-browser';
import { testClock } from './db';

export interface TestHandlerOptions extends Partial<HandlerDeps> {
  /** The clock every service runs on; a still test clock when absent. */
  clock?: Clock;
}

/**
 * The background's handlers on real services over `db`, with every browser-facing dependency a
 * spy: sidebar broadcasts, messages to tabs, the sidebar window, the cold badge. Override any
 * dependency by name.
 */
export function createTestHandlers(db: AcquaintDatabase, options: TestHandlerOptions = {}) {
  const { clock = testClock().clock, ...overrides } = options;
  const broadcast = vi.fn<(event: SidebarEvent) => Promise<unknown>>(async () => undefined);
  const tellTab = vi.fn<(tabId: number, command: ContentCommand) => Promise<void>>(
    async () => undefined,
  );
  const tellAllTabs = vi.fn<(command: ContentCommand) => Promise<void>>(async () => undefined);
  const openSidebarWindow = vi.fn<() => Promise<number | undefined>>(async () => undefined);
  const injectSidebarFrame = vi.fn<(tabId: number) => Promise<void>>(async () => undefined);
  const injectContentPart = vi.fn<HandlerDeps['injectContentPart']>(async () => undefined);
  const coldChanged = vi.fn<() => void>();
  const blogBrowser = fakeBlogBrowser();

  const deps: HandlerDeps = {
    people: createPeopleService(db, clock),
    notes: createNotesService(db, clock),
    interactions: createInteractionsService(db, clock),
    followUp: createFollowUpService(db, clock),
    settings: createSettingsService(db),
    health: createHealthService(db, clock),
    blogSites: createBlogSites(blogBrowser.deps),
    transfer: createTransferService(db, clock),
    identities: createIdentitiesService(db, clock),
    autoBackup: {
      status: vi.fn(async () => ({ ...EMPTY_AUTO_BACKUP_STATE })),
      runNow: vi.fn(async () => ({ ...EMPTY_AUTO_BACKUP_STATE })),
    },
    tabSubjects: createTabSubjects(fakeBrowser.storage.session),
    tabSelections: createTabSubjects(fakeBrowser.storage.session, 'tab-selected'),
    aliasOffers: createAliasOffers(fakeBrowser.storage.session),
    tabPeople: createTabPeople(fakeBrowser.storage.session),
    whyWanted: createTabValues<boolean>(
      fakeBrowser.storage.session,
      'why-wanted',
      (a, b) => a === b,
    ),
    tabUrl: vi.fn(async () => undefined),
    inPageChanged: vi.fn<() => void>(),
    sidebars: createSidebarHub(broadcast),
    sidebarFrames: createSidebarFrames(fakeBrowser.storage.session),
    tellTab,
    tellAllTabs,
    openSidebarWindow,
    injectSidebarFrame,
    injectContentPart,
    coldChanged,
    ...overrides,
  };

  return {
    handlers: createHandlers(deps),
    deps,
    broadcast,
    tellTab,
    tellAllTabs,
    openSidebarWindow,
    injectSidebarFrame,
    injectContentPart,
    coldChanged,
    blogBrowser,
  };
}

/**
 * The background's router over `createTestHandlers`, as the journal replay and the sidebar's
 * requests meet it: the same checks of shape and sender as in the extension.
 */
export function createTestRouter(db: AcquaintDatabase, options: TestHandlerOptions = {}) {
  return createMessageRouter(createTestHandlers(db, options).handlers, {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
  });
}
