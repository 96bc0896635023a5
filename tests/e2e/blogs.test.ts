import type { Page } from 'playwright-core';

import { clickBadgeBeside, readBadges } from './badges-helpers';
import { type ExtensionSession, loadFixture, openFixture, useExtensionSession } from './harness';
import { trackRealFocus, waitForRealFocus } from './real-focus';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display';

const BLOG = loadFixture('blog/wordpress-classic');
const ORIGIN = new URL(BLOG.url).origin;
/** Longer than Chromium's double-click interval (500 ms), the least a dialog wants between presses. */
const DOUBLE_CLICK_MS = 700;
/** Longer than a browser dialog's fade-in and its guard against early presses together. */
const DIALOG_APPEARS_MS = 1_000;

/** Whether the user has granted Acquaint access to `origin`. */
function isGranted(session: ExtensionSession, origin: string): Promise<boolean> {
  return session.worker.evaluate(
    (pattern) =>
      (
        globalThis as unknown as {
          chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
        }
      ).chrome.permissions.contains({ origins: [pattern] }),
    `${origin}/*`,
  );
}

/** Whether the toolbar popup is open, as the browser tells the extension. */
function isPopupOpen(session: ExtensionSession): Promise<boolean> {
  return session.worker.evaluate(async () => {
    const { runtime } = (
      globalThis as unknown as {
        chrome: {
          runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
        };
      }
    ).chrome;
    return (await runtime.getContexts({ contextTypes: ['POPUP'] })).length > 0;
  });
}

/**
 * The browser asks "allow access to this site?" over `asking`, the user moves from Deny to Allow
 * and presses Enter, each step once they can see it is due:
 * - the dialog is up: the page that asked has lost the keyboard to it;
 * - it has finished appearing: it fades in and ignores presses within a double-click interval of
 *   showing (Chromium's guard against clicks meant for what was there before). Both last a fixed
 *   time on the wall clock, whatever the machine's load, and the screen is then still;
 * - the focus has moved to Allow: the screen changed after Tab.
 * Enter is pressed again, a double-click interval apart, for as long as the dialog is up and access
 * not granted.
 */
async function allowInBrowserPrompt(
  session: ExtensionSession,
  display: VirtualDisplay,
  asking: Page,
  origin: string,
) {
  const dialogUp = () => asking.evaluate(() => !document.hasFocus()).catch(() => false);
  await waitForRealFocus(asking, false);
  await new Promise((resolve) => setTimeout(resolve, DIALOG_APPEARS_MS));
  const onDeny = await display.settled();
  await display.pressKeys('Tab');
  await expect
    .poll(async () => !(await display.settled()).equals(onDeny), { timeout: 15_000 })
    .toBe(true);
  await expect
    .poll(
      async () => {
        if (await isGranted(session, origin)) return true;
        if (await dialogUp()) await display.pressKeys('Return');
        return isGranted(session, origin);
      },
      { timeout: 15_000, interval: DOUBLE_CLICK_MS },
    )
    .toBe(true);
}

/** Enables a blog on the options page, through the browser's prompt; returns the options page. */
async function enableInOptions(
  session: ExtensionSession,
  display: VirtualDisplay,
  site: string,
): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await trackRealFocus(options);
  await options.locator('[data-testid="blog-origin-input"]').fill(site);
  await waitForRealFocus(options, true);
  await options.locator('[data-testid="blog-enable"]').click();
  await allowInBrowserPrompt(session, display, options, `https://${site}`);
  await expect
    .poll(() => options.locator('[data-testid="blog-site"]').allTextContents())
    .toEqual([expect.stringContaining(site)]);
  return options;
}

async function settledBadgeCount(page: Page): Promise<number> {
  await page.waitForTimeout(1500);
  return page.locator('acquaint-badge').count();
}

describe('blogs are opt-in, one site at a time', () => {
  let display: VirtualDisplay;
  beforeAll(async () => {
    display = await startVirtualDisplay();
  });
  afterAll(() => display.stop());
  // A window on the virtual display: the browser's permission prompt exists only there.
  const current = useExtensionSession(() => ({ display: display.display }));

  it('reads nothing on a blog until the user enables it, then its commenters, and nothing after turning it off', async () => {
    const session = current();
    const blog = await openFixture(session, 'blog/wordpress-classic');
    expect(await settledBadgeCount(blog)).toBe(0);

    const options = await enableInOptions(session, display, 'careerblog.example');
    await expect
      .poll(() => options.locator('[data-testid="blog-status"]').textContent())
      .toContain('now reads comments on careerblog.example');

    await blog.reload();
    await expect.poll(async () => (await readBadges(blog)).length).toBeGreaterThanOrEqual(4);
    const beside = (await readBadges(blog)).map((badge) => badge.besideHref ?? '');
    expect(beside).toEqual(expect.arrayContaining([expect.stringContaining('vorhoff.example')]));

    // A commenter's notes open in a small window of Acquaint's own.
    const opened = session.context.waitForEvent('page');
    await clickBadgeBeside(blog, 'vorhoff.example');
    const notes = await opened;
    expect(notes.url()).toBe(`chrome-extension://${session.extensionId}/sidebar.html`);
    await expect
      .poll(() => notes.locator('[data-testid="person-name"]').textContent())
      .toBe('Anneliese Vorhoff');

    await options.bringToFront();
    await options.locator('[data-testid="blog-remove"]').click();
    await expect.poll(() => options.locator('[data-testid="blog-site"]').count()).toBe(0);
    // The open page loses its badges at once, and a reload brings none back.
    await expect.poll(() => blog.locator('acquaint-badge').count()).toBe(0);
    await blog.reload();
    expect(await settledBadgeCount(blog)).toBe(0);
    const permissions = await options.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } };
        }
      ).chrome.permissions.getAll(),
    );
    expect(permissions.origins ?? []).not.toContain(`${ORIGIN}/*`);
  });

  it('reads a Blogger page’s commenters with the readers it loads on seeing their markup', async () => {
    const session = current();
    // Without its pictures, which would be fetched from Blogger's servers: the network is closed.
    const fixture = loadFixture('blog/blogger-contempo');
    session.serve(
      fixture.url,
      fixture.html.replace(/(<img\b[^>]*?)\s(?:src|srcset)="[^"]*"/g, '$1'),
    );
    const blog = await session.context.newPage();
    await blog.goto(fixture.url);
    await enableInOptions(session, display, 'quietlinks.blogspot.com');

    await blog.reload();
    // blog.js reads WordPress's markup only: these come from blog-readers.js, injected on need.
    await expect
      .poll(async () => (await readBadges(blog)).map((badge) => badge.besideHref ?? ''))
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('blogger.com/profile/11223344556677889900'),
          expect.stringContaining('blogger.com/profile/09876543210987654321'),
          expect.stringContaining('pebble-and-ink.example'),
        ]),
      );
  });

  it('enables the blog from the toolbar popup, for that site only', async () => {
    const session = current();
    const blog = await openFixture(session, 'blog/wordpress-classic');
    await trackRealFocus(blog);
    await blog.bringToFront();
    await waitForRealFocus(blog, true);
    // The toolbar popup, opened over the blog with Acquaint's shortcut (which, like a click on the
    // toolbar button, lets it see the tab's address); the user presses Enter on its button.
    await display.pressKeys('alt+shift+q');
    await expect.poll(() => isPopupOpen(session)).toBe(true);
    // Drawn and still, its button has the focus (autofocus); Enter asks for access, and the popup
    // closes as the browser's dialog takes the keyboard. An Enter before the button existed did
    // nothing, so it is pressed again while the popup stays open.
    await display.settled();
    await expect
      .poll(
        async () => {
          if (await isPopupOpen(session)) await display.pressKeys('Return');
          return isPopupOpen(session);
        },
        { timeout: 15_000, interval: DOUBLE_CLICK_MS },
      )
      .toBe(false);
    await allowInBrowserPrompt(session, display, blog, ORIGIN);
    // Enabled in the tab it was opened over, without a reload.
    await expect.poll(async () => (await readBadges(blog)).length).toBeGreaterThanOrEqual(4);
    const granted = await session.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } };
        }
      ).chrome.permissions.getAll(),
    );
    expect((granted.origins ?? []).sort()).toEqual(
      [
        `${ORIGIN}/*`,
        'https://*.linkedin.com/*',
        'https://*.twitter.com/*',
        'https://*.x.com/*',
      ].sort(),
    );
  });
});
