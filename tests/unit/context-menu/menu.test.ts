import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  type ClickedTab,
  createRememberHandler,
  type MenuApi,
  type MenuItem,
  REMEMBER_MENU_ID,
  REMEMBER_MENU_ITEM,
  registerRememberMenu,
  type RememberDeps,
} from '@/lib/context-menu/menu';
import { ERRORS, type RememberClick } from '@/lib/context-menu/resolve';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { Person } from '@/lib/model/types';
import { createPeopleService } from '@/lib/services/people';
import type { PersonRef } from '@/lib/sites/types';

import { disposeDatabase, openTestDatabase, testClock } from '../support/db';

const ADA_LINK = 'https://www.linkedin.com/in/ada-quill-4b21a/';
const ADA_KEY = 'linkedin:ada-quill-4b21a';
const LINKEDIN_TAB: ClickedTab = {
  id: 11,
  url: 'https://www.linkedin.com/feed/',
  title: 'Feed | LinkedIn',
};
const X_TAB: ClickedTab = { id: 12, url: 'https://x.com/home', title: 'Home / X' };
const BLOG_TAB: ClickedTab = {
  id: 13,
  url: 'https://blog.example/post/',
  title: 'A post – Blog',
};

function click(linkUrl: string | undefined, tab: ClickedTab, extra: Partial<RememberClick> = {}) {
  return {
    info: { menuItemId: REMEMBER_MENU_ID, linkUrl, pageUrl: tab.url, ...extra },
    tab,
  };
}

function personFrom(ref: PersonRef, id: string): Person {
  return {
    id,
    name: ref.name,
    identities: [{ key: ref.key, url: ref.url }],
    identityKeys: [ref.key],
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: '2024-05-10T12:00:00.000Z',
    updatedAt: '2024-05-10T12:00:00.000Z',
  };
}

/** Deps over an in-memory store that finds people by identity key, as the real service does. */
function fakeDeps(options: { inTab?: boolean } = {}) {
  const store = new Map<string, Person>();
  const deps = {
    ensurePerson: vi.fn(async (ref: PersonRef) => {
      const found = [...store.values()].find((p) => p.identityKeys.includes(ref.key));
      if (found) return found;
      const created = personFrom(ref, `p-${store.size + 1}`);
      store.set(created.id, created);
      return created;
    }),
    showInTab: vi.fn(async (_tabId: number, _person: PersonRef) => options.inTab ?? true),
    openWindow: vi.fn(async (_person: PersonRef, _focus: 'why') => {}),
    notify: vi.fn((_message: string) => {}),
  } satisfies RememberDeps;
  return { deps, store };
}

describe('the Remember this person click', () => {
  it('finds the same person on a second click instead of creating another', async () => {
    const { deps, store } = fakeDeps();
    const handle = createRememberHandler(deps);
    const { info, tab } = click(ADA_LINK, X_TAB);

    await handle(info, tab);
    await handle(info, tab);

    expect(deps.ensurePerson).toHaveBeenCalledTimes(2);
    expect(deps.ensurePerson.mock.calls.map(([ref]) => ref.key)).toEqual([ADA_KEY, ADA_KEY]);
    expect(store.size).toBe(1);
    expect(deps.notify).not.toHaveBeenCalled();
  });

  it('treats two spellings of one profile link as one person', async () => {
    const { deps, store } = fakeDeps();
    const handle = createRememberHandler(deps);
    await handle(click(ADA_LINK, X_TAB).info, X_TAB);
    await handle(click('https://de.linkedin.com/in/Ada-Quill-4b21a?trk=x', X_TAB).info, X_TAB);
    expect(store.size).toBe(1);
  });

  it('shows the person in the sidebar of a LinkedIn tab', async () => {
    const { deps } = fakeDeps();
    await createRememberHandler(deps)(click(ADA_LINK, LINKEDIN_TAB).info, LINKEDIN_TAB);
    expect(deps.showInTab).toHaveBeenCalledWith(11, {
      key: ADA_KEY,
      name: 'ada-quill-4b21a',
      url: ADA_LINK,
    });
    expect(deps.openWindow).not.toHaveBeenCalled();
  });

  it('shows the person in the sidebar of an X tab', async () => {
    const { deps } = fakeDeps();
    const { info } = click('https://x.com/PipWellings/status/1', X_TAB);
    await createRememberHandler(deps)(info, X_TAB);
    expect(deps.showInTab).toHaveBeenCalledWith(
      12,
      expect.objectContaining({ key: 'x:pipwellings' }),
    );
    expect(deps.openWindow).not.toHaveBeenCalled();
  });

  it('opens the small window, asking why, on a page where Acquaint does not run', async () => {
    const { deps } = fakeDeps();
    await createRememberHandler(deps)(click(ADA_LINK, BLOG_TAB).info, BLOG_TAB);
    expect(deps.showInTab).not.toHaveBeenCalled();
    expect(deps.openWindow).toHaveBeenCalledTimes(1);
    expect(deps.openWindow).toHaveBeenCalledWith(
      { key: ADA_KEY, name: 'ada-quill-4b21a', url: ADA_LINK },
      'why',
    );
  });

  it('opens the small window for a selected name on a blog', async () => {
    const { deps, store } = fakeDeps();
    const { info } = click(undefined, BLOG_TAB, { selectionText: ' Ada\u200B Quill ' });
    await createRememberHandler(deps)(info, BLOG_TAB);
    const ref = { key: 'named:blog.example:ada quill', name: 'Ada Quill', url: BLOG_TAB.url };
    expect(deps.ensurePerson).toHaveBeenCalledWith(ref);
    expect(deps.openWindow).toHaveBeenCalledWith(ref, 'why');
    expect(store.size).toBe(1);
  });

  it("falls back to the window when the tab's sidebar did not open", async () => {
    const { deps } = fakeDeps({ inTab: false });
    await createRememberHandler(deps)(click(ADA_LINK, X_TAB).info, X_TAB);
    expect(deps.showInTab).toHaveBeenCalledTimes(1);
    expect(deps.openWindow).toHaveBeenCalledWith(expect.objectContaining({ key: ADA_KEY }), 'why');
  });

  it("falls back to the window when the tab's content script is not there", async () => {
    const { deps } = fakeDeps();
    deps.showInTab.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await createRememberHandler(deps)(click(ADA_LINK, X_TAB).info, X_TAB);
    expect(deps.openWindow).toHaveBeenCalledTimes(1);
    expect(deps.notify).not.toHaveBeenCalled();
  });

  it('opens the window when the click came from no tab', async () => {
    const { deps } = fakeDeps();
    const { info } = click(ADA_LINK, X_TAB);
    await createRememberHandler(deps)(info, { ...X_TAB, id: -1 });
    await createRememberHandler(deps)(info, undefined);
    expect(deps.showInTab).not.toHaveBeenCalled();
    expect(deps.openWindow).toHaveBeenCalledTimes(2);
  });

  it('shows someone already known under the name they were saved with', async () => {
    const { deps, store } = fakeDeps();
    const saved = personFrom({ key: ADA_KEY, name: 'Ada Quill' }, 'p-ada');
    store.set(saved.id, saved);
    await createRememberHandler(deps)(click(ADA_LINK, BLOG_TAB).info, BLOG_TAB);
    expect(deps.openWindow).toHaveBeenCalledWith(
      { key: ADA_KEY, name: 'Ada Quill', url: ADA_LINK },
      'why',
    );
    expect(store.size).toBe(1);
  });

  it.each([
    ['a javascript: link', click('javascript:void(0)', X_TAB), ERRORS.notWebLink('javascript:')],
    ['a mailto: link', click('mailto:ada@ada.example', BLOG_TAB), ERRORS.notWebLink('mailto:')],
    [
      'a company page',
      click('https://www.linkedin.com/company/acme/', LINKEDIN_TAB),
      ERRORS.organization,
    ],
    ['a page with nobody on it', click(undefined, BLOG_TAB), ERRORS.nobodyHere],
    [
      'a chrome:// page',
      click(undefined, { id: 3, url: 'chrome://newtab/', title: 'New Tab' }),
      ERRORS.notWebPage,
    ],
  ])('says why nothing was remembered for %s, and creates nothing', async (_what, c, message) => {
    const { deps, store } = fakeDeps();
    await createRememberHandler(deps)(c.info, c.tab);
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith(message);
    expect(deps.ensurePerson).not.toHaveBeenCalled();
    expect(deps.showInTab).not.toHaveBeenCalled();
    expect(deps.openWindow).not.toHaveBeenCalled();
    expect(store.size).toBe(0);
  });

  it('tells the user when the person could not be saved, and opens nothing', async () => {
    const { deps } = fakeDeps();
    deps.ensurePerson.mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(
      createRememberHandler(deps)(click(ADA_LINK, X_TAB).info, X_TAB),
    ).resolves.toBeUndefined();
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith(
      'Acquaint could not remember ada-quill-4b21a: QuotaExceededError',
    );
    expect(deps.showInTab).not.toHaveBeenCalled();
    expect(deps.openWindow).not.toHaveBeenCalled();
  });

  it('tells the user when the window could not open', async () => {
    const { deps } = fakeDeps();
    deps.openWindow.mockRejectedValueOnce(new Error('No window'));
    await expect(
      createRememberHandler(deps)(click(ADA_LINK, BLOG_TAB).info, BLOG_TAB),
    ).resolves.toBeUndefined();
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith(
      'Acquaint remembered ada-quill-4b21a but could not show them: No window',
    );
  });

  it("ignores another menu item's click entirely", async () => {
    const { deps } = fakeDeps();
    await createRememberHandler(deps)({ menuItemId: 'other', linkUrl: ADA_LINK }, X_TAB);
    expect(deps.ensurePerson).not.toHaveBeenCalled();
    expect(deps.notify).not.toHaveBeenCalled();
    expect(deps.openWindow).not.toHaveBeenCalled();
  });
});

describe('the click against the real people service', () => {
  let db: AcquaintDatabase | undefined;
  afterEach(async () => {
    await disposeDatabase(db);
    db = undefined;
  });

  it('stores one person for two clicks, even when they race', async () => {
    db = openTestDatabase();
    const people = createPeopleService(db, testClock().clock);
    const { deps } = fakeDeps();
    const handle = createRememberHandler({ ...deps, ensurePerson: (ref) => people.ensure(ref) });
    const { info } = click(ADA_LINK, BLOG_TAB);

    await Promise.all([handle(info, BLOG_TAB), handle(info, BLOG_TAB)]);
    await handle(info, BLOG_TAB);

    const stored = await db.people.where('identityKeys').equals(ADA_KEY).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.identities).toEqual([{ key: ADA_KEY, url: ADA_LINK }]);
    expect(await db.people.count()).toBe(1);
    expect(deps.openWindow).toHaveBeenCalledTimes(3);
  });
});

/** An in-memory context menu that answers as Chrome does, duplicate ids included. */
function fakeMenus(options: { failWith?: string; throwOnCreate?: string } = {}) {
  const items = new Map<string, Omit<MenuItem, 'id'>>();
  const listeners: ((info: RememberClick, tab?: ClickedTab) => void)[] = [];
  let lastError: { message: string } | undefined;
  const api = {
    menus: {
      create: vi.fn((item: MenuItem, callback: () => void) => {
        if (options.throwOnCreate) throw new Error(options.throwOnCreate);
        const { id, ...rest } = item;
        const failure =
          options.failWith ??
          (items.has(id) ? `Cannot create item with duplicate id ${id}` : undefined);
        if (failure === undefined) items.set(id, rest);
        queueMicrotask(() => {
          lastError = failure === undefined ? undefined : { message: failure };
          callback();
          lastError = undefined;
        });
        return id;
      }),
      update: vi.fn(async (id: string, changes: Omit<MenuItem, 'id'>) => {
        if (!items.has(id)) throw new Error(`Cannot find menu item with id ${id}`);
        items.set(id, changes);
      }),
      onClicked: {
        addListener: vi.fn((listener: (info: RememberClick, tab?: ClickedTab) => void) => {
          listeners.push(listener);
        }),
      },
    },
    lastError: () => lastError,
  } satisfies MenuApi;
  return { api, items, listeners };
}

describe('registerRememberMenu', () => {
  it('creates one item on links, selections and pages', async () => {
    const { api, items } = fakeMenus();
    await registerRememberMenu(fakeDeps().deps, api);
    expect([...items]).toEqual([
      [
        'remember-person',
        { title: 'Remember this person', contexts: ['link', 'selection', 'page'] },
      ],
    ]);
    expect(api.menus.update).not.toHaveBeenCalled();
  });

  it('brings an item kept from an earlier run up to date instead of failing', async () => {
    const { api, items } = fakeMenus();
    items.set(REMEMBER_MENU_ID, { title: 'Old title', contexts: ['link', 'selection', 'page'] });
    await expect(registerRememberMenu(fakeDeps().deps, api)).resolves.toBeUndefined();
    expect(api.menus.update).toHaveBeenCalledWith('remember-person', {
      title: 'Remember this person',
      contexts: ['link', 'selection', 'page'],
    });
    expect(items.get(REMEMBER_MENU_ID)?.title).toBe('Remember this person');
    expect(items.size).toBe(1);
  });

  it('survives starting twice, as the background does on every wake-up', async () => {
    const { api, items } = fakeMenus();
    await registerRememberMenu(fakeDeps().deps, api);
    await registerRememberMenu(fakeDeps().deps, api);
    expect(items.size).toBe(1);
    expect(api.menus.create).toHaveBeenCalledTimes(2);
  });

  it('treats a duplicate id thrown at once (as Firefox may) like one reported later', async () => {
    const { api, items } = fakeMenus({ throwOnCreate: 'ID already exists: remember-person' });
    items.set(REMEMBER_MENU_ID, { title: 'Old title', contexts: ['link'] });
    await expect(registerRememberMenu(fakeDeps().deps, api)).resolves.toBeUndefined();
    expect(items.get(REMEMBER_MENU_ID)).toEqual({
      title: 'Remember this person',
      contexts: ['link', 'selection', 'page'],
    });
  });

  it('reports an error thrown at once that is not a duplicate id', async () => {
    const { api } = fakeMenus({ throwOnCreate: 'Invalid value for argument 1' });
    await expect(registerRememberMenu(fakeDeps().deps, api)).rejects.toThrow(
      'Invalid value for argument 1',
    );
    expect(api.menus.update).not.toHaveBeenCalled();
  });

  it('reports any other failure to create the item', async () => {
    const { api } = fakeMenus({ failWith: 'contextMenus permission missing' });
    await expect(registerRememberMenu(fakeDeps().deps, api)).rejects.toThrow(
      'contextMenus permission missing',
    );
    expect(api.menus.update).not.toHaveBeenCalled();
  });

  it('listens with the handler: a click on the item remembers the person', async () => {
    const { api, listeners } = fakeMenus();
    const { deps, store } = fakeDeps();
    await registerRememberMenu(deps, api);
    expect(listeners).toHaveLength(1);

    const { info, tab } = click(ADA_LINK, X_TAB);
    listeners[0]?.(info, tab);
    await vi.waitFor(() => expect(deps.showInTab).toHaveBeenCalledTimes(1));
    expect(store.size).toBe(1);
  });

  it('adds its listener before the item exists, so the click that woke the worker is heard', () => {
    const { api } = fakeMenus();
    void registerRememberMenu(fakeDeps().deps, api);
    expect(api.menus.onClicked.addListener).toHaveBeenCalledTimes(1);
  });

  it("uses the browser's own contextMenus by default", async () => {
    const create = vi
      .spyOn(fakeBrowser.contextMenus, 'create')
      .mockImplementation((_item, callback) => {
        queueMicrotask(() => callback?.());
        return REMEMBER_MENU_ID;
      });
    const addListener = vi
      .spyOn(fakeBrowser.contextMenus.onClicked, 'addListener')
      .mockImplementation(() => {});
    await registerRememberMenu(fakeDeps().deps);
    expect(create).toHaveBeenCalledWith(REMEMBER_MENU_ITEM, expect.any(Function));
    expect(addListener).toHaveBeenCalledTimes(1);
    create.mockRestore();
    addListener.mockRestore();
  });
});
