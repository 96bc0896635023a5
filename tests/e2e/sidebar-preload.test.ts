import type { Page } from 'playwright-core';

import { isSidebarUrl } from '../support/chromium';
import { readBadges } from './badges-helpers';
import {
  clickToggle,
  type ExtensionSession,
  isSidebarVisible,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';

const PERSON_NAME = '[data-testid="person-name"]';

/** Longer than the frame waits for idle time before it loads anyway (PRELOAD_TIMEOUT_MS). */
const PAST_PRELOAD_MS = 3000;

/**
 * From now on, the type of every message the service worker receives from a sidebar page, in
 * order (read with `sidebarRequests`). The worker's own listener still answers them.
 */
async function recordSidebarRequests(session: ExtensionSession): Promise<void> {
  await session.worker.evaluate(() => {
    type Listener = (message: { type?: string }, sender: { url?: string }) => undefined;
    const scope = globalThis as unknown as {
      __sidebarRequests: string[];
      chrome: { runtime: { onMessage: { addListener(listener: Listener): void } } };
    };
    scope.__sidebarRequests = [];
    scope.chrome.runtime.onMessage.addListener((message, sender) => {
      if (sender.url?.includes('/sidebar.html')) scope.__sidebarRequests.push(String(message.type));
      return undefined;
    });
  });
}

function sidebarRequests(session: ExtensionSession): Promise<string[]> {
  return session.worker.evaluate(
    () => (globalThis as unknown as { __sidebarRequests: string[] }).__sidebarRequests,
  );
}

function sidebarFrames(page: Page) {
  return page.frames().filter((frame) => isSidebarUrl(frame.url()));
}

describe('the sidebar, loaded before it is opened', () => {
  const current = useExtensionSession();
  let session: ExtensionSession;
  beforeEach(() => {
    session = current();
  });

  it('holds the profile’s person hidden before any click, and a click only shows it', async () => {
    const page = await openFixture(session, 'linkedin/profile-classic');
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator(PERSON_NAME).textContent()).toBe('Ada Quill');
    expect(await isSidebarVisible(page)).toBe(false);
    const toggle = page.locator('acquaint-toggle');
    expect(await toggle.getAttribute('data-open')).toBeNull();

    await recordSidebarRequests(session);
    await clickToggle(page);
    await expect.poll(() => isSidebarVisible(page)).toBe(true);
    await frame.locator(PERSON_NAME).filter({ hasText: 'Ada Quill' }).waitFor();
    // Opening moves focus into the sidebar, where a note is written.
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('note-input');
    expect(sidebarFrames(page)).toHaveLength(1);
    expect(await sidebarRequests(session)).toEqual([]);

    // Closed again, it keeps the same page: a reopen asks nothing either.
    await clickToggle(page);
    await expect.poll(() => isSidebarVisible(page)).toBe(false);
    await clickToggle(page);
    await expect.poll(() => isSidebarVisible(page)).toBe(true);
    expect(sidebarFrames(page)).toEqual([frame]);
    expect(await sidebarRequests(session)).toEqual([]);

    // The record is live: what the sidebar does ask for, it shows.
    await frame.locator('[data-testid="note-input"]').pressSequentially('Met at the meetup');
    await expect.poll(() => sidebarRequests(session)).toContain('notes.save');
  });

  it('loads no sidebar on a feed, where nobody is the page’s subject', async () => {
    const page = await openFixture(session, 'linkedin/feed');
    // The content script ran: it has put badges beside the authors.
    await expect.poll(async () => (await readBadges(page)).length).toBeGreaterThan(1);
    await page.waitForTimeout(PAST_PRELOAD_MS);
    expect(sidebarFrames(page)).toEqual([]);
    expect(await page.locator('acquaint-toggle').count()).toBe(0);
  });
});
