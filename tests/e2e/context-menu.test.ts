import type { Page } from 'playwright-core';

import {
  type ExtensionSession,
  isSidebarVisible,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';

const MENU_ID = 'remember-person';
const ADA_LINK = 'https://www.linkedin.com/in/ada-quill-4b21a/';
const ADA_KEY = 'linkedin:ada-quill-4b21a';
const PIP_LINK = 'https://x.com/PipWellings';
const PIP_KEY = 'x:pipwellings';

const PLAIN_PAGE_URL = 'https://plain.example/about/';
const PLAIN_PAGE = `<!doctype html><html><head><title>About</title></head>
<body><p>Ada Quill runs the data meetup.</p></body></html>`;

/** The slice of the `chrome` API these tests call inside the service worker. */
interface WorkerChrome {
  contextMenus: {
    update(id: string, changes: Record<string, never>): Promise<void>;
    onClicked: { dispatch(info: unknown, tab: unknown): void };
  };
  tabs: { query(info: Record<string, never>): Promise<{ id?: number }[]> };
}

/** Whether the extension has a context-menu item with this id (updating a missing one fails). */
function menuItemExists(session: ExtensionSession, id: string): Promise<boolean> {
  return session.worker.evaluate(async (itemId) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    try {
      await api.contextMenus.update(itemId, {});
      return true;
    } catch {
      return false;
    }
  }, id);
}

async function tabIds(session: ExtensionSession): Promise<number[]> {
  return session.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    return (await api.tabs.query({})).map((tab) => tab.id ?? -1);
  });
}

interface OpenedPage {
  page: Page;
  tabId: number;
}

/** Opens a page and learns its tab id, which the worker can name without host permissions. */
async function openTracked(
  session: ExtensionSession,
  open: () => Promise<Page>,
): Promise<OpenedPage> {
  const before = new Set(await tabIds(session));
  const page = await open();
  const tabId = (await tabIds(session)).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error('The new page has no tab of its own.');
  return { page, tabId };
}

/**
 * Runs the extension's real click listener, as the browser does when the user picks the item in
 * the page's context menu (a test cannot click the browser's native menu).
 */
async function clickRemember(
  session: ExtensionSession,
  opened: OpenedPage,
  info: { linkUrl?: string; selectionText?: string },
): Promise<void> {
  const pageUrl = opened.page.url();
  await session.worker.evaluate(
    async ({ tabId, pageUrl, info, menuItemId }) => {
      const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      const tab = (await api.tabs.query({})).find((candidate) => candidate.id === tabId);
      if (!tab) throw new Error(`No tab ${tabId}.`);
      api.contextMenus.onClicked.dispatch(
        { menuItemId, editable: false, frameId: 0, pageUrl, ...info },
        { ...tab, url: pageUrl },
      );
    },
    { tabId: opened.tabId, pageUrl, info, menuItemId: MENU_ID },
  );
}

interface StoredPerson {
  name: string;
  identities: { key: string; url?: string }[];
}

/**
 * The people stored with this identity key, read straight from Acquaint's IndexedDB in its own
 * service worker, read-only: a database that does not exist yet is not created, and the
 * connection is closed at once so the extension's own never waits on it. No key: everyone.
 */
function storedPeople(session: ExtensionSession, key?: string): Promise<StoredPerson[]> {
  return session.worker.evaluate(async (wanted) => {
    const names = (await indexedDB.databases()).map((info) => info.name);
    if (!names.includes('acquaint')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('acquaint');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('people')) return [];
      const store = db.transaction('people', 'readonly').objectStore('people');
      const request = wanted === null ? store.getAll() : store.index('identityKeys').getAll(wanted);
      const people = await new Promise<unknown[]>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      return people.map((person) => {
        const { name, identities } = person as StoredPerson;
        return { name, identities };
      });
    } finally {
      db.close();
    }
  }, key ?? null);
}

async function count(session: ExtensionSession, key?: string): Promise<number> {
  return (await storedPeople(session, key)).length;
}

/** Waits until the extension page with this path opens in a window of its own. */
async function extensionWindow(session: ExtensionSession, path: string): Promise<Page> {
  const isIt = (page: Page) =>
    page.url().startsWith(`chrome-extension://${session.extensionId}${path}`);
  const open = session.context.pages().find(isIt);
  return open ?? session.context.waitForEvent('page', { predicate: isIt, timeout: 10_000 });
}

describe('"Remember this person" in the context menu, in real Chromium', () => {
  const current = useExtensionSession();
  let session: ExtensionSession;
  beforeEach(() => {
    session = current();
  });

  it('has the item', async () => {
    await expect.poll(() => menuItemExists(session, MENU_ID)).toBe(true);
    // The check itself can fail: an item that does not exist is not found.
    expect(await menuItemExists(session, 'no-such-item')).toBe(false);
  });

  it('remembers a LinkedIn profile link on the X timeline once, however often it is clicked', async () => {
    const timeline = await openTracked(session, () => openFixture(session, 'x/timeline'));
    await expect.poll(() => menuItemExists(session, MENU_ID)).toBe(true);
    expect(await count(session)).toBe(0);

    await clickRemember(session, timeline, { linkUrl: ADA_LINK });
    await expect.poll(() => count(session, ADA_KEY)).toBe(1);
    expect(await storedPeople(session, ADA_KEY)).toEqual([
      { name: 'ada-quill-4b21a', identities: [{ key: ADA_KEY, url: ADA_LINK }] },
    ]);

    await clickRemember(session, timeline, { linkUrl: ADA_LINK });
    // A later click on someone else is stored after the second one, so once it shows, the
    // second click on Ada has been handled too.
    await clickRemember(session, timeline, { linkUrl: PIP_LINK });
    await expect.poll(() => count(session, PIP_KEY)).toBe(1);
    expect(await count(session, ADA_KEY)).toBe(1);
    expect(await count(session)).toBe(2);
  });

  it("opens the tab's own sidebar on the person when Acquaint runs there", async () => {
    const timeline = await openTracked(session, () => openFixture(session, 'x/timeline'));
    await expect.poll(() => menuItemExists(session, MENU_ID)).toBe(true);

    await clickRemember(session, timeline, { linkUrl: ADA_LINK });
    const frame = await sidebarFrame(timeline.page);
    await expect.poll(() => isSidebarVisible(timeline.page)).toBe(true);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('ada-quill-4b21a');
  });

  it('names the person after the link’s text on the page, and asks why in the tab’s sidebar', async () => {
    const feed = await openTracked(session, () => openFixture(session, 'linkedin/feed'));
    await expect.poll(() => menuItemExists(session, MENU_ID)).toBe(true);

    // The link reads "Ilse Brannagh • 3rd+": the name, without LinkedIn's degree.
    await clickRemember(session, feed, { linkUrl: 'https://www.linkedin.com/in/ilse-brannagh/' });
    await expect
      .poll(() => storedPeople(session, 'linkedin:ilse-brannagh'))
      .toEqual([expect.objectContaining({ name: 'Ilse Brannagh' })]);
    const frame = await sidebarFrame(feed.page);
    await expect.poll(() => isSidebarVisible(feed.page)).toBe(true);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Ilse Brannagh');
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null))
      .toBe('why-input');
  });

  it('opens the small window, asking why, for a name selected on any other page', async () => {
    const plain = await openTracked(session, async () => {
      session.serve(PLAIN_PAGE_URL, PLAIN_PAGE);
      const page = await session.context.newPage();
      await page.goto(PLAIN_PAGE_URL);
      return page;
    });
    await expect.poll(() => menuItemExists(session, MENU_ID)).toBe(true);

    await clickRemember(session, plain, { selectionText: ' Ada\u200B Quill ' });
    const window = await extensionWindow(session, '/sidebar.html');
    await window.locator('[data-testid="person-name"]').waitFor();
    await expect
      .poll(() => window.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');
    await expect
      .poll(() =>
        window.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
      )
      .toBe('why-input');
    expect(await storedPeople(session, 'named:plain.example:ada quill')).toEqual([
      {
        name: 'Ada Quill',
        identities: [{ key: 'named:plain.example:ada quill', url: PLAIN_PAGE_URL }],
      },
    ]);
  });

  it('remembers nobody for a link that names nobody', async () => {
    const timeline = await openTracked(session, () => openFixture(session, 'x/timeline'));
    await expect.poll(() => menuItemExists(session, MENU_ID)).toBe(true);

    await clickRemember(session, timeline, { linkUrl: 'javascript:void(0)' });
    await clickRemember(session, timeline, { linkUrl: 'https://www.linkedin.com/company/acme/' });
    // Stored after the two clicks above: once it shows, they have been handled.
    await clickRemember(session, timeline, { linkUrl: PIP_LINK });
    await expect.poll(() => count(session, PIP_KEY)).toBe(1);
    expect(await count(session)).toBe(1);
  });
});
