import type { Page } from 'playwright-core';

import {
  DEFINE_OUR_TAGS,
  expectNoFileLoads,
  importByNumber,
  listenForOurEvents,
  openWithPageScript,
  recordSubjects,
  storedData,
  webAccessiblePaths,
} from './attack-kit';
import { type ExtensionSession, loadFixture, useExtensionSession } from './harness';
import { trackRealFocus, waitForRealFocus } from './real-focus';
import { isSidePanelOpen, reportedPeople, setInPage, sidePanelPage } from './side-panel';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display';

/**
 * The attacks of tests/e2e/attacks.test.ts against the other mode (issue 12, item 6): the sites'
 * in-page switches off, the notes in the browser's side panel. Whatever a page tries, it finds no
 * trace of Acquaint and reaches nothing of the user's.
 */

/** Chromium ignores a key press within its double-click interval of the window changing. */
const RETRY_MS = 700;

async function bothSitesOff(session: ExtensionSession): Promise<void> {
  await setInPage(session, 'linkedin', false);
  await setInPage(session, 'x', false);
}

/** Opens the side panel over `page` with Acquaint's shortcut, as a person at the keyboard. */
async function openPanelWithShortcut(
  session: ExtensionSession,
  display: VirtualDisplay,
  page: Page,
): Promise<Page> {
  await trackRealFocus(page);
  await page.bringToFront();
  await waitForRealFocus(page, true);
  await expect
    .poll(
      async () => {
        if (!(await isSidePanelOpen(session))) await display.pressKeys('alt+shift+s');
        return isSidePanelOpen(session);
      },
      { timeout: 15_000, interval: RETRY_MS },
    )
    .toBe(true);
  return sidePanelPage(session);
}

describe('attacks from the page, with the in-page switches off', () => {
  const current = useExtensionSession();

  it('loads no extension file by its address, from a LinkedIn or an X page', async () => {
    const session = current();
    await bothSitesOff(session);
    const paths = webAccessiblePaths();
    for (const name of ['linkedin/profile-classic', 'x/profile']) {
      const { url, html } = loadFixture(name);
      session.serve(url, html);
      const page = await session.context.newPage();
      await page.goto(url);
      await expect.poll(() => reportedPeople(session, url)).not.toEqual([]);
      await expectNoFileLoads(page, session.extensionId, paths);
      await page.close();
    }
  });

  it('hears no event of Acquaint’s as it reads a page and follows a move to another profile', async () => {
    const session = current();
    await bothSitesOff(session);
    const subjects = await recordSubjects(session);
    const page = await openWithPageScript(
      session,
      'linkedin/profile-classic',
      listenForOurEvents(session.extensionId),
    );
    await expect.poll(() => subjects()).toContain('linkedin:ada-quill-4b21a');
    const next = loadFixture('linkedin/profile-sdui');
    await page.evaluate(
      ([to, html]) => {
        history.pushState({}, '', to);
        setTimeout(() => {
          const rendered = new DOMParser().parseFromString(html, 'text/html').body;
          for (const img of rendered.querySelectorAll('img')) img.removeAttribute('src');
          document.body.replaceChildren(...rendered.children);
        }, 200);
      },
      [new URL(next.url).pathname, next.html] as const,
    );
    // The content script saw the move and read the new profile's owner, for the side panel.
    await expect.poll(() => subjects(), { timeout: 10_000 }).toContain('linkedin:ember-vantrell');
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard).toEqual([]);
  });

  it('never gets an element of a tag name it defined first: Acquaint makes none', async () => {
    const session = current();
    await bothSitesOff(session);
    for (const name of ['linkedin/post-comments', 'x/timeline']) {
      const page = await openWithPageScript(session, name, DEFINE_OUR_TAGS);
      // Read to the end: the page's authors are with the background.
      await expect.poll(() => reportedPeople(session, loadFixture(name).url)).not.toEqual([]);
      const caught = await page.evaluate(() =>
        (window as unknown as { __whatWasCaught(): unknown[] }).__whatWasCaught(),
      );
      expect(caught).toEqual([]);
      await page.close();
    }
  });
});

describe('attacks on the side panel', () => {
  let display: VirtualDisplay;
  beforeAll(async () => {
    display = await startVirtualDisplay();
  });
  afterAll(() => display.stop());
  const current = useExtensionSession(() => ({ display: display.display, devtools: true }));

  it('cannot take the keyboard from a note typed in the side panel', async () => {
    const session = current();
    await bothSitesOff(session);
    // A key catcher that grabs the focus again and again, and records every key it gets.
    const page = await openWithPageScript(
      session,
      'linkedin/profile-classic',
      `(() => {
        window.__caughtKeys = '';
        addEventListener('DOMContentLoaded', () => {
          const trap = document.createElement('textarea');
          trap.id = 'trap';
          document.body.append(trap);
          addEventListener('keydown', (event) => { window.__caughtKeys += event.key; }, true);
          setInterval(() => trap.focus(), 20);
        });
      })();`,
    );
    const panel = await openPanelWithShortcut(session, display, page);
    const input = panel.locator('[data-testid="note-input"]');
    await expect
      .poll(() => panel.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');
    // The page, in focus when the shortcut was pressed, saw its modifier keys (Alt, Shift), as
    // for any browser shortcut; from here on it is the user typing a note.
    await page.evaluate(() => ((window as unknown as { __caughtKeys: string }).__caughtKeys = ''));
    await input.click();
    await expect.poll(() => panel.evaluate(() => document.hasFocus())).toBe(true);
    await display.pressKeys('o', 'w', 'l', 's');
    await expect.poll(() => input.inputValue()).toBe('owls');
    expect(
      await page.evaluate(() => (window as unknown as { __caughtKeys: string }).__caughtKeys),
    ).toBe('');
    expect(await page.locator('#trap').inputValue()).toBe('');
    // The panel never lost the keyboard, so it has nothing to warn about.
    expect(await panel.locator('[data-testid="notice"]').count()).toBe(0);
  });

  it('changes nothing with a fake follow-button number: the panel asks first', async () => {
    const session = current();
    await bothSitesOff(session);
    await importByNumber(session, '1500000000000000001', 'Sam Ashgrove');
    const before = await storedData(session);
    const { url, html } = loadFixture('x/profile');
    session.serve(url, html);
    const page = await session.context.newPage();
    await page.goto(url);
    const panel = await openPanelWithShortcut(session, display, page);
    const offer = panel.locator('[data-testid="alias-offer"]');
    await expect.poll(() => offer.textContent()).toContain('Sam Ashgrove');
    expect(await storedData(session)).toEqual(before);
    await panel.locator('[data-testid="alias-offer-dismiss"]').click();
    await expect.poll(() => offer.count()).toBe(0);
    expect(await storedData(session)).toEqual(before);
  });
});
