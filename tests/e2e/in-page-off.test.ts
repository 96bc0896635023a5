import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Page } from 'playwright-core';

import {
  CHROMIUM_PATH,
  CLOSED_NETWORK_ARGS,
  servedKey,
  serveFixturePages,
} from '../support/chromium';
import { loadFixture, useExtensionSession } from './harness';
import { reportedPeople, setInPage } from './side-panel';

/**
 * Everything a page's own script can see of what was added to it: the markup (attributes, inline
 * styles, every element and frame), style sheets of every kind, the frames in `window`, custom
 * element names taken, running animations, and where the keyboard is.
 */
function pageAsItSeesItself(page: Page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    styleSheets: document.styleSheets.length,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
    frames: window.length,
    customElements: ['acquaint-toggle', 'acquaint-badge'].map(
      (name) => customElements.get(name) !== undefined,
    ),
    animations: document.getAnimations().length,
    activeElement: document.activeElement?.localName ?? null,
    title: document.title,
  }));
}

/** The same pages in a browser without Acquaint, for comparison. */
async function withoutExtension(fixtures: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'acquaint-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...CLOSED_NETWORK_ARGS],
  });
  try {
    const pages = new Map<string, string>();
    const seen: Record<string, Awaited<ReturnType<typeof pageAsItSeesItself>>> = {};
    await serveFixturePages(context, pages);
    for (const name of fixtures) {
      const { url, html } = loadFixture(name);
      pages.set(servedKey(url), html);
      const page = await context.newPage();
      await page.goto(url);
      seen[name] = await pageAsItSeesItself(page);
      await page.close();
    }
    return seen;
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const SITES = [
  {
    site: 'linkedin' as const,
    fixtures: [
      'linkedin/profile-classic',
      'linkedin/profile-sdui',
      'linkedin/feed',
      'linkedin/post-comments',
    ],
  },
  { site: 'x' as const, fixtures: ['x/profile', 'x/timeline', 'x/status'] },
];

describe('with a site’s in-page switch off', () => {
  // No page spy: it would be an addition of the test's own to compare against.
  const current = useExtensionSession({ spy: false });

  it.each(SITES)(
    'leaves $site’s pages exactly as they are without Acquaint, while reading who is on them',
    async ({ site, fixtures }) => {
      const session = current();
      await setInPage(session, site, false);
      const plain = await withoutExtension(fixtures);
      for (const name of fixtures) {
        const { url, html } = loadFixture(name);
        session.serve(url, html);
        const page = await session.context.newPage();
        await page.goto(url);
        // Read, and told to the background, for the side panel: the content script did its work.
        await expect.poll(() => reportedPeople(session, url)).not.toEqual([]);
        expect(await pageAsItSeesItself(page), name).toEqual(plain[name]);
        await page.close();
      }
    },
  );

  it('takes everything back out of an open page when the switch is turned off, and back in when on', async () => {
    const session = current();
    // A profile: the sidebar's toggle and its hidden frame are in the page, and badges.
    const name = 'linkedin/profile-classic';
    const plain = await withoutExtension([name]);
    const { url, html } = loadFixture(name);
    session.serve(url, html);
    const page = await session.context.newPage();
    await page.goto(url);
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('acquaint-badge').count()).toBeGreaterThan(0);

    await setInPage(session, 'linkedin', false);
    // Gone from the open page, without a reload, and the page is as it would be without Acquaint.
    await expect.poll(() => pageAsItSeesItself(page)).toEqual(plain[name]);
    await expect.poll(() => reportedPeople(session, url)).not.toEqual([]);

    await setInPage(session, 'linkedin', true);
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('acquaint-badge').count()).toBeGreaterThan(0);
  });
});
