/**
 * The "Remember this person" context-menu item: catches someone from a link, a selected name or
 * the page before they are forgotten, then shows them where a "why" line can be written.
 */

import { browser } from 'wxt/browser';

import type { Person } from '../model/types';
import { fallbackName } from '../services/people';
import { inPageSiteOf } from '../sites/in-page';
import type { PersonRef } from '../sites/types';
import {
  nameLike,
  REMEMBER_MENU_ID,
  type RememberClick,
  resolveRemember,
  type RememberTab,
} from './resolve';

export { REMEMBER_MENU_ID } from './resolve';

export const REMEMBER_MENU_TITLE = 'Remember this person';

type MenuContext = 'link' | 'selection' | 'page';

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
}

/** The one item, as it is created (and brought up to date when it already exists). */
export const REMEMBER_MENU_ITEM: MenuItem = {
  id: REMEMBER_MENU_ID,
  title: REMEMBER_MENU_TITLE,
  contexts: ['link', 'selection', 'page'],
};

export interface RememberDeps {
  /** The person with this identity, created the first time; the same one on every later call. */
  ensurePerson(ref: PersonRef): Promise<Person>;
  /**
   * Opens the browser's side panel beside the tab, where its site shows nothing in its pages;
   * resolves to whether it did. Called before anything is awaited (the click counts until then).
   */
  openSidePanel?(tabId: number, pageUrl: string | undefined): Promise<boolean>;
  /** Shows this person in the side panel that follows the tab. */
  showInPanel?(tabId: number, person: PersonRef): Promise<void>;
  /**
   * The name the tab's page shows for this key, as its content script read the page for the side
   * panel ("People on this page"); a link's menu click gives the browser's link address only.
   */
  nameOnPage?(tabId: number, key: string): Promise<string | undefined>;
  /**
   * The text of the link the menu was opened on, read from its page (Chrome's click data has no
   * link text; Firefox's has, and is used first).
   */
  linkTextOf?(tabId: number, frameId: number, linkUrl: string): Promise<string | undefined>;
  /** Opens the tab's own sidebar on this person; true when the tab's content script did. */
  showInTab(tabId: number, person: PersonRef): Promise<boolean>;
  /** Opens the small extension window on this person, ready for the "why this person" line. */
  openWindow(person: PersonRef, focus: 'why'): Promise<void>;
  /** Tells the user something went wrong, in words. */
  notify(message: string): void;
}

/** The clicked tab, as the browser passes it (`id` is -1 when the click was in no tab). */
export interface ClickedTab extends RememberTab {
  id?: number;
}

export type RememberHandler = (info: RememberClick, tab?: ClickedTab) => Promise<void>;

/**
 * The click handler: resolves who was clicked, finds or creates them by identity key, then opens
 * the sidebar in the tab where Acquaint runs (LinkedIn, X) or else the small window. Never rejects:
 * every failure reaches the user through `notify`, and nothing is created when nobody was named.
 */
export function createRememberHandler(deps: RememberDeps): RememberHandler {
  return async (info, tab) => {
    // Another item's click (should the extension ever have more) is not this handler's business.
    if (info.menuItemId !== undefined && info.menuItemId !== REMEMBER_MENU_ID) return;

    const resolved = resolveRemember(info, tab);
    if ('error' in resolved) {
      deps.notify(resolved.error);
      return;
    }
    const tabId = tab?.id !== undefined && tab.id >= 0 ? tab.id : undefined;
    const pageUrl = info.pageUrl ?? tab?.url;
    const inPanel =
      tabId !== undefined && deps.openSidePanel
        ? deps.openSidePanel(tabId, pageUrl)
        : Promise.resolve(false);

    // A link gives only its address, so its person is named after the key: the page knows better.
    const onPage =
      resolved.person.name === fallbackName(resolved.person.key)
        ? await nameShownFor(deps, info, tabId, resolved.person.key)
        : undefined;
    const ref: PersonRef = onPage ? { ...resolved.person, name: onPage } : resolved.person;

    let person: Person;
    try {
      person = await deps.ensurePerson(ref);
    } catch (error) {
      deps.notify(`Acquaint could not remember ${ref.name}: ${messageOf(error)}`);
      return;
    }
    // Someone already known keeps the name they were saved with.
    const shown: PersonRef = { ...ref, name: person.name || ref.name };

    try {
      if (tabId !== undefined && (await inPanel) && deps.showInPanel) {
        await deps.showInPanel(tabId, shown);
        return;
      }
      if (tabId !== undefined && inPageSiteOf(pageUrl) !== null) {
        const opened = await deps.showInTab(tabId, shown).catch(() => false);
        if (opened) return;
      }
      await deps.openWindow(shown, 'why');
    } catch (error) {
      deps.notify(`Acquaint remembered ${shown.name} but could not show them: ${messageOf(error)}`);
    }
  };
}

/** The name the page shows for the clicked link's person: its text, else the side panel's list. */
async function nameShownFor(
  deps: RememberDeps,
  info: RememberClick,
  tabId: number | undefined,
  key: string,
): Promise<string | undefined> {
  const fromClick = info.linkText ? nameLike(info.linkText) : null;
  if (fromClick) return fromClick;
  if (tabId === undefined) return undefined;
  if (info.linkUrl && deps.linkTextOf) {
    const text = await deps
      .linkTextOf(tabId, info.frameId ?? 0, info.linkUrl)
      .catch(() => undefined);
    const name = text ? nameLike(text) : null;
    if (name) return name;
  }
  return deps.nameOnPage ? await deps.nameOnPage(tabId, key).catch(() => undefined) : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The slice of `browser.contextMenus` (and `runtime.lastError`) the menu needs. */
export interface MenuApi {
  menus: {
    create(item: MenuItem, callback: () => void): unknown;
    update(id: string, changes: Omit<MenuItem, 'id'>): Promise<void>;
    onClicked: {
      addListener(listener: (info: RememberClick, tab?: ClickedTab) => void): void;
    };
  };
  lastError(): { message?: string } | null | undefined;
}

function browserMenuApi(): MenuApi {
  return {
    menus: browser.contextMenus,
    lastError: () => browser.runtime.lastError,
  };
}

/**
 * Listens for clicks on the item and creates it. Call once each time the background starts, at its
 * top level: the listener must be in place before the browser delivers the click that woke it. The
 * browser may have kept the item from an earlier run (Chrome does), so a duplicate id is not an
 * error: the existing item is brought up to date instead. Resolves once the item exists.
 */
export function registerRememberMenu(
  deps: RememberDeps,
  api: MenuApi = browserMenuApi(),
): Promise<void> {
  const handler = createRememberHandler(deps);
  api.menus.onClicked.addListener((info, tab) => {
    void handler(info, tab);
  });
  return createOrUpdate(api);
}

const DUPLICATE_ID = /duplicate|already exists/i;

async function createOrUpdate(api: MenuApi): Promise<void> {
  const failure = await new Promise<Error | null>((resolve) => {
    try {
      api.menus.create(REMEMBER_MENU_ITEM, () => {
        const error = api.lastError();
        resolve(error ? new Error(error.message ?? 'the menu item was not created') : null);
      });
    } catch (error) {
      resolve(error instanceof Error ? error : new Error(String(error)));
    }
  });
  if (failure === null) return;
  if (!DUPLICATE_ID.test(failure.message)) throw failure;
  const { id, ...changes } = REMEMBER_MENU_ITEM;
  await api.menus.update(id, changes);
}
