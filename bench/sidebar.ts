import type { Frame, Page } from 'playwright-core';

import { type BenchBrowser, openExtensionPage } from './launch';
import { loadFixture } from './page-metrics';
import { isSidebarUrl, sendFromExtensionPage, stopServiceWorkers } from '../tests/support/chromium';

/**
 * In the host page's main world: when each click happened, as wall-clock milliseconds
 * (`timeOrigin + timeStamp`), comparable with the sidebar frame's own clock.
 */
const CLICK_SCRIPT = `(() => {
  const clicks = (window.__benchClicks = []);
  addEventListener('click', (event) => clicks.push(performance.timeOrigin + event.timeStamp), true);
})();`;

/**
 * In the sidebar frame (an extension page in its own process): each time the person's name is on
 * the page and the frame is shown, the time it was painted, as wall-clock milliseconds. When the
 * name arrives while the frame is shown, that is a task posted from the next animation frame
 * callback (it runs once that frame is painted). When the frame is shown with the name already in
 * it (a reopen), it is the intersection observer's callback: intersections are computed in the
 * rendering update that paints the frame, and the callback runs after it.
 */
const PAINT_SCRIPT = `(() => {
  if (!location.pathname.endsWith('/sidebar.html')) return;
  const painted = (window.__benchPainted = []);
  const stamp = () => painted.push(performance.timeOrigin + performance.now());
  let visible = false;
  let shown = false;
  const hasName = () => {
    const name = document.querySelector('[data-testid="person-name"]');
    return !!name && name.textContent.trim() !== '';
  };
  new MutationObserver(() => {
    const now = visible && hasName();
    if (now && !shown) {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = stamp;
        channel.port2.postMessage(null);
      });
    }
    shown = now;
  }).observe(document, { childList: true, subtree: true, characterData: true });
  const shownObserver = new IntersectionObserver((entries) => {
    visible = entries.some((entry) => entry.isIntersecting);
    const now = visible && hasName();
    if (now && !shown) stamp();
    shown = now;
  });
  // Init scripts run before the parser has made the root element.
  const start = () => shownObserver.observe(document.documentElement);
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
})();`;

const PROFILE = 'linkedin/profile-classic';
const SUBJECT = {
  key: 'linkedin:ada-quill-4b21a',
  name: 'Ada Quill',
  url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
};

/** Gives the profile's owner a few notes and a why line, so the sidebar shows a real person. */
export async function seedSubject(browser: BenchBrowser): Promise<void> {
  const page = await openExtensionPage(browser, 'options.html');
  try {
    await sendFromExtensionPage(page, {
      type: 'people.setWhy',
      person: SUBJECT,
      why: 'Runs the data meetup; wants speakers',
    });
    for (let index = 0; index < 5; index += 1) {
      await sendFromExtensionPage(page, {
        type: 'notes.save',
        person: SUBJECT,
        note: {
          id: crypto.randomUUID(),
          body: `Bench note ${index}: talked about the March meetup and a talk on local-first apps.`,
        },
        baseRev: null,
      });
    }
  } finally {
    await page.close();
  }
}

async function clickToggle(page: Page): Promise<void> {
  const host = page.locator('acquaint-toggle');
  await host.waitFor({ state: 'attached' });
  const box = await host.boundingBox();
  if (!box) throw new Error('The toggle has no box on the page.');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function sidebarFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const frame = page.frames().find((candidate) => isSidebarUrl(candidate.url()));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The sidebar frame did not appear.');
    await page.waitForTimeout(10);
  }
}

async function paintsIn(frame: Frame, count: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const painted = await frame
      .evaluate(() => (window as unknown as { __benchPainted?: number[] }).__benchPainted ?? [])
      .catch(() => [] as number[]);
    if (painted.length >= count) return painted[count - 1] as number;
    if (Date.now() > deadline) throw new Error('The sidebar did not paint the person.');
    await frame.page().waitForTimeout(20);
  }
}

async function lastClick(page: Page): Promise<number> {
  const clicks = await page.evaluate(
    () => (window as unknown as { __benchClicks: number[] }).__benchClicks,
  );
  const last = clicks.at(-1);
  if (last === undefined) throw new Error('The page saw no click.');
  return last;
}

/**
 * How far the two processes' wall clocks (timeOrigin + now) disagree: the frame's reading minus
 * the midpoint of two page readings around it, taking the tightest of a few tries.
 */
async function clockSkew(page: Page, frame: Frame): Promise<{ skew: number; bound: number }> {
  const now = () => performance.timeOrigin + performance.now();
  let best = { skew: 0, bound: Number.POSITIVE_INFINITY };
  for (let index = 0; index < 7; index += 1) {
    const before = await page.evaluate(now);
    const inFrame = await frame.evaluate(now);
    const after = await page.evaluate(now);
    const bound = (after - before) / 2;
    if (bound < best.bound) best = { skew: inFrame - (before + after) / 2, bound };
  }
  return best;
}

export interface SidebarSample {
  /** Click → the sidebar frame painted the person, in ms. */
  firstOpenMs: number;
  /** Only for warm runs: close, then click again on the already loaded frame. */
  reopenMs?: number;
  skewBoundMs: number;
}

/**
 * Opens the profile fixture in a new tab and clicks the toggle; with `cold`, Acquaint's service
 * worker is stopped first (DevTools ServiceWorker.stopAllWorkers), so the sidebar's first request
 * has to start it and open the database.
 */
export async function measureSidebarOpen(
  browser: BenchBrowser,
  cold: boolean,
  settleMs: number,
): Promise<SidebarSample> {
  const fixture = loadFixture(PROFILE);
  browser.serve(fixture.url, fixture.html);
  const page = await browser.context.newPage();
  try {
    await page.addInitScript({ content: CLICK_SCRIPT });
    await page.addInitScript({ content: PAINT_SCRIPT });
    await page.goto(fixture.url);
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    await page.waitForTimeout(settleMs);
    if (cold) {
      await stopServiceWorkers(browser.context, page);
      await page.waitForTimeout(200);
    }
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    const firstPaint = await paintsIn(frame, 1);
    const firstClick = await lastClick(page);
    const { skew, bound } = await clockSkew(page, frame);
    const sample: SidebarSample = {
      firstOpenMs: firstPaint - skew - firstClick,
      skewBoundMs: bound,
    };
    if (!cold) {
      await clickToggle(page);
      await page.waitForTimeout(300);
      await clickToggle(page);
      const reopenPaint = await paintsIn(frame, 2);
      sample.reopenMs = reopenPaint - skew - (await lastClick(page));
    }
    return sample;
  } finally {
    await page.close();
  }
}

/** Sets a site's in-page switch (CONTRACT §5) as the options page does. */
export async function setInPage(
  browser: BenchBrowser,
  site: 'linkedin' | 'x',
  shown: boolean,
): Promise<void> {
  const page = await openExtensionPage(browser, 'options.html');
  try {
    const patch = site === 'linkedin' ? { inPageLinkedIn: shown } : { inPageX: shown };
    await sendFromExtensionPage(page, { type: 'settings.update', patch });
  } finally {
    await page.close();
  }
}
