import type { Page } from 'playwright-core';

import { type ExtensionSession, loadFixture, openFixture, useExtensionSession } from './harness';
import { trackRealFocus, waitForRealFocus } from './real-focus';
import { isSidePanelOpen, popupPage, setInPage, sidePanelPage } from './side-panel';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display';

/** Chromium ignores a second press within its double-click interval of a dialog appearing. */
const RETRY_MS = 700;

/** What the background knows of a tab's subject (session storage, as lib/background keeps it). */
function tabSubjectKey(session: ExtensionSession, url: string): Promise<string | null> {
  return session.worker.evaluate(async (address) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          storage: { session: { get(key: string): Promise<Record<string, { key?: string }>> } };
        };
      }
    ).chrome;
    const tab = (await api.tabs.query({})).find((candidate) => candidate.url === address);
    if (tab?.id === undefined) return null;
    const key = `tab-subject:${tab.id}`;
    return (await api.storage.session.get(key))[key]?.key ?? null;
  }, url);
}

/** Acquaint's own things in a page: the toggle, the badges, any frame of the extension's. */
function acquaintInPage(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll('acquaint-toggle, acquaint-badge, iframe[src^="chrome-extension:"]')
        .length,
  );
}

/** Puts the keyboard in `page`, as a person does by clicking into the tab they look at. */
async function lookAt(page: Page): Promise<void> {
  await trackRealFocus(page);
  await page.bringToFront();
  await waitForRealFocus(page, true);
}

describe('the side panel, with LinkedIn’s in-page switch off', () => {
  let display: VirtualDisplay;
  beforeAll(async () => {
    display = await startVirtualDisplay();
  });
  afterAll(() => display.stop());
  // A window on the virtual display, so the browser's own shortcuts and side panel are real.
  const current = useExtensionSession(() => ({ display: display.display, devtools: true }));

  it('opens from the popup’s “Notes on …”, keeps every word out of the page, and follows the tab from profile to profile', async () => {
    const session = current();
    await setInPage(session, 'linkedin', false);
    const ada = loadFixture('linkedin/profile-classic');
    const profile = await openFixture(session, 'linkedin/profile-classic');
    await expect.poll(() => tabSubjectKey(session, ada.url)).toBe('linkedin:ada-quill-4b21a');
    expect(await acquaintInPage(profile)).toBe(0);

    // The toolbar popup over the profile (Acquaint's shortcut for it), then its button.
    await lookAt(profile);
    await display.pressKeys('alt+shift+q');
    const popup = await popupPage(session);
    const notesHere = popup.locator('[data-testid="notes-here"]');
    await expect.poll(() => notesHere.textContent()).toBe('Notes on Ada Quill');
    await notesHere.click();

    const panel = await sidePanelPage(session);
    await expect
      .poll(() => panel.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');
    await panel
      .locator('[data-testid="note-input"]')
      .fill('Met at the letterpress fair; owes me a recipe.');
    await panel.locator('[data-testid="note-save"]').click();
    await expect
      .poll(() => panel.locator('[data-testid="note"]').allTextContents())
      .toEqual([expect.stringContaining('owes me a recipe')]);
    // Nothing reached the page: no element, and not a word of the note.
    expect(await acquaintInPage(profile)).toBe(0);
    expect(await profile.evaluate(() => document.documentElement.outerHTML)).not.toContain(
      'recipe',
    );

    // Another profile in the same tab: the panel follows.
    const ember = loadFixture('linkedin/profile-sdui');
    session.serve(ember.url, ember.html);
    await profile.goto(ember.url);
    await expect
      .poll(() => panel.locator('[data-testid="person-name"]').textContent())
      .toBe('Ember Vantrell');

    // A feed has nobody of its own: the panel lists its authors, and shows the one picked.
    const feed = loadFixture('linkedin/feed');
    session.serve(feed.url, feed.html);
    await profile.goto(feed.url);
    await expect.poll(() => panel.locator('[data-testid="no-subject"]').count()).toBe(1);
    const listed = panel.locator('[data-testid="page-person"]');
    await expect
      .poll(() => listed.allTextContents())
      .toEqual([
        expect.stringContaining('Corin Malvey'),
        expect.stringContaining('Ilse Brannagh'),
        expect.stringContaining('Odo Pellinore'),
      ]);
    await listed.filter({ hasText: 'Ilse Brannagh' }).click();
    await expect
      .poll(() => panel.locator('[data-testid="person-name"]').textContent())
      .toBe('Ilse Brannagh');
    await panel.locator('[data-testid="page-people-back"]').click();
    await expect.poll(() => panel.locator('[data-testid="no-subject"]').count()).toBe(1);
    expect(await acquaintInPage(profile)).toBe(0);
  });

  it('opens with the keyboard shortcut, lists the people the user knows first, and follows the tab switched to', async () => {
    const session = current();
    await setInPage(session, 'linkedin', false);
    const feed = await openFixture(session, 'linkedin/feed');
    await expect.poll(() => acquaintInPage(feed)).toBe(0);

    await lookAt(feed);
    await expect
      .poll(
        async () => {
          if (!(await isSidePanelOpen(session))) await display.pressKeys('alt+shift+s');
          return isSidePanelOpen(session);
        },
        { timeout: 15_000, interval: RETRY_MS },
      )
      .toBe(true);
    const panel = await sidePanelPage(session);
    const listed = panel.locator('[data-testid="page-person"]');
    await expect.poll(() => listed.count()).toBe(3);

    // Someone the user keeps notes on moves to the top, marked as known.
    await listed.filter({ hasText: 'Odo Pellinore' }).click();
    await panel.locator('[data-testid="note-input"]').fill('Runs the Thursday walk.');
    await panel.locator('[data-testid="note-save"]').click();
    await expect.poll(() => panel.locator('[data-testid="note"]').count()).toBe(1);
    await expect.poll(() => listed.first().getAttribute('data-known')).toBe('true');
    expect(await listed.first().textContent()).toContain('Odo Pellinore');
    expect(await acquaintInPage(feed)).toBe(0);

    // Another tab, another person: the panel follows the tab the user switches to, and back.
    const profile = await openFixture(session, 'linkedin/profile-sdui');
    await profile.bringToFront();
    await expect
      .poll(() => panel.locator('[data-testid="person-name"]').textContent())
      .toBe('Ember Vantrell');
    await feed.bringToFront();
    await expect
      .poll(() => panel.locator('[data-testid="person-name"]').textContent())
      .toBe('Odo Pellinore');
  });
});

describe('“Remember this person”, with LinkedIn’s in-page switch off', () => {
  let display: VirtualDisplay;
  beforeAll(async () => {
    display = await startVirtualDisplay();
  });
  afterAll(() => display.stop());
  const current = useExtensionSession(() => ({ display: display.display, devtools: true }));

  it('opens the person whose link the menu was opened on in the side panel, named as the page shows them', async () => {
    const session = current();
    await setInPage(session, 'linkedin', false);
    const feed = await openFixture(session, 'linkedin/feed');
    await lookAt(feed);
    const link = feed.locator('a._4e9a01[href="/in/ilse-brannagh/"]');
    // The keyboard's way to the menu of a link: focus it, then the menu key (Shift+F10).
    await link.focus();
    await display.pressKeys('shift+F10');
    await display.settled();
    // Chromium's menu ends with the extension's item and then Inspect (DevTools is open to the
    // test): from the bottom, two items up.
    await display.pressKeys('Up', 'Up', 'Return');
    const panel = await sidePanelPage(session);
    await expect
      .poll(() => panel.locator('[data-testid="person-name"]').textContent())
      .toBe('Ilse Brannagh');
    // Remembered: stored under the name the page shows, and known on the page's list now.
    await expect
      .poll(() => panel.locator('[data-testid="page-person"][data-known="true"]').allTextContents())
      .toEqual([expect.stringContaining('Ilse Brannagh')]);
    expect(await acquaintInPage(feed)).toBe(0);
  });
});

describe('the in-page switch on (the default)', () => {
  const current = useExtensionSession();

  it('keeps the side panel off on LinkedIn, so the shortcut toggles the in-page sidebar', async () => {
    const session = current();
    const profile = await openFixture(session, 'linkedin/profile-classic');
    await profile.locator('acquaint-toggle').waitFor({ state: 'attached' });
    const enabled = await session.worker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: {
            tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
            sidePanel: { getOptions(o: { tabId: number }): Promise<{ enabled?: boolean }> };
          };
        }
      ).chrome;
      const tab = (await api.tabs.query({})).find((each) => each.url?.includes('linkedin.com'));
      return (await api.sidePanel.getOptions({ tabId: tab?.id ?? -1 })).enabled;
    });
    expect(enabled).toBe(false);
  });
});

describe('the keyboard shortcuts', () => {
  const current = useExtensionSession();

  it('are each given by the browser: none is one Chromium keeps for itself', async () => {
    const session = current();
    // Chromium silently drops a suggested key it uses itself (Alt+Shift+A was one).
    const shortcuts = await session.worker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
        }
      ).chrome;
      return (await api.commands.getAll()).map(({ name, shortcut }) => [name, shortcut]);
    });
    expect(Object.fromEntries(shortcuts)).toEqual({
      _execute_action: 'Alt+Shift+Q',
      'toggle-sidebar': 'Alt+Shift+S',
    });
  });
});
