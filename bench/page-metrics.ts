import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { CDPSession, Page } from 'playwright-core';

import { type Arm, type BenchBrowser, currentWorker } from './launch';

const FIXTURES_DIR = resolve('tests/fixtures');

/** A fixture page pair from tests/fixtures: the HTML and the address it is served at. */
export function loadFixture(name: string): { url: string; html: string } {
  const json = JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8')) as {
    url: string;
  };
  return { url: json.url, html: readFileSync(join(FIXTURES_DIR, `${name}.html`), 'utf8') };
}

/** The names the extensions' content-script worlds carry in the DevTools protocol. */
const WORLD_NAMES: Record<Arm, string | null> = {
  none: null,
  empty: 'Empty content script',
  acquaint: 'Acquaint',
};

/**
 * Installed in the main world of every measured page in every arm alike: it keeps the duration of
 * every long task (50 ms or more on the main thread, whoever's script ran in it).
 */
const LONG_TASK_SCRIPT = `(() => {
  const seen = (window.__benchLongTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Metrics {
  ScriptDuration: number;
  JSHeapUsedSize: number;
  TaskDuration: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const value = (name: string) => list.find((metric) => metric.name === name)?.value ?? NaN;
  return {
    ScriptDuration: value('ScriptDuration'),
    JSHeapUsedSize: value('JSHeapUsedSize'),
    TaskDuration: value('TaskDuration'),
  };
}

interface MeasuredPage {
  page: Page;
  cdp: CDPSession;
  /** Whether the arm's content script world was created in the page (always false for `none`). */
  extensionRan(): boolean;
}

/** Opens `url` in a new tab of the arm's browser with the DevTools metrics and the long-task log on. */
async function openMeasured(browser: BenchBrowser, url: string): Promise<MeasuredPage> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { name: string } }) => {
    worlds.push(event.context.name);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.addInitScript({ content: LONG_TASK_SCRIPT });
  await page.goto(url, { waitUntil: 'load' });
  const name = WORLD_NAMES[browser.arm];
  return { page, cdp, extensionRan: () => name !== null && worlds.includes(name) };
}

async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(
    () => (window as unknown as { __benchLongTasks?: number[] }).__benchLongTasks ?? [],
  );
}

export interface LoadSample {
  /** Script run by the page's renderer main thread from navigation until settled, in ms. */
  scriptMs: number;
  /** Long tasks seen on the page's main thread, their durations in ms. */
  longTasks: number[];
  /** JS heap in use by the tab's renderer after a full garbage collection, in bytes. */
  heapBytes: number;
  extensionRan: boolean;
}

/**
 * Loads a fixture page at its real address, waits `settleMs` after `load` for the content script's
 * work (it runs at document_idle, then asks the background and scans for authors), and reads the
 * script time, long tasks and the heap after a garbage collection.
 */
export async function measureLoad(
  browser: BenchBrowser,
  fixture: { url: string; html: string },
  settleMs: number,
): Promise<LoadSample> {
  browser.serve(fixture.url, fixture.html);
  const measured = await openMeasured(browser, fixture.url);
  try {
    await measured.page.waitForTimeout(settleMs);
    const after = await metrics(measured.cdp);
    const tasks = await longTasks(measured.page);
    await measured.cdp.send('HeapProfiler.collectGarbage');
    const heap = await metrics(measured.cdp);
    return {
      scriptMs: after.ScriptDuration * 1000,
      longTasks: tasks,
      heapBytes: heap.JSHeapUsedSize,
      extensionRan: measured.extensionRan(),
    };
  } finally {
    await measured.page.close();
  }
}

/**
 * The X home timeline fixture with a script of the page's own that appends tweets as infinite
 * scroll would: each copy of the first tweet under a new author, then scrolls to the end.
 */
export function xTimelinePage(): { url: string; html: string } {
  const fixture = loadFixture('x/timeline');
  const script = `<script>
window.__benchAppend = (count, offset) => {
  const template = document.querySelector('[data-testid="cellInnerDiv"]');
  const html = template.outerHTML.replace('position: absolute', 'position: relative');
  let added = '';
  for (let i = offset; i < offset + count; i += 1) {
    added += html.replaceAll('larkfenwood', 'benchperson' + i).replaceAll('Lark Fenwood', 'Bench Person ' + i);
  }
  template.parentElement.insertAdjacentHTML('beforeend', added);
  window.scrollTo(0, document.documentElement.scrollHeight);
};
</script>`;
  return { url: fixture.url, html: fixture.html.replace('</body>', `${script}</body>`) };
}

export interface ScrollSample {
  /** Script run on the page's main thread while the tweets came in and were handled, in ms. */
  scriptMs: number;
  /** Messages the background received from content scripts meanwhile (Acquaint only). */
  messages: number;
  messageTypes: Record<string, number>;
  longTasks: number[];
  extensionRan: boolean;
}

/** Appends `batches` batches of `perBatch` tweets to the X timeline page, `gapMs` apart. */
export async function scrollTweetsIn(
  page: Page,
  options: { batches: number; perBatch: number; gapMs: number },
): Promise<void> {
  for (let batch = 0; batch < options.batches; batch += 1) {
    await page.evaluate(
      ([count, offset]) =>
        (window as unknown as { __benchAppend(count: number, offset: number): void }).__benchAppend(
          count,
          offset,
        ),
      [options.perBatch, batch * options.perBatch] as const,
    );
    await page.waitForTimeout(options.gapMs);
  }
}

/** Counts, in Acquaint's running service worker, the messages content scripts send from now on. */
async function startCountingMessages(browser: BenchBrowser) {
  const worker = await currentWorker(browser);
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      __benchMessages?: Record<string, number>;
      __benchCounting?: boolean;
      chrome: {
        runtime: {
          onMessage: {
            addListener(listener: (message: unknown, sender: { url?: string }) => void): void;
          };
        };
      };
    };
    scope.__benchMessages = {};
    if (scope.__benchCounting) return;
    scope.__benchCounting = true;
    scope.chrome.runtime.onMessage.addListener((message, sender) => {
      if (!sender.url?.startsWith('https:')) return;
      const type = (message as { type?: string } | null)?.type ?? 'unknown';
      const counts = scope.__benchMessages ?? {};
      counts[type] = (counts[type] ?? 0) + 1;
    });
  });
  return async () =>
    worker.evaluate(
      () =>
        (globalThis as unknown as { __benchMessages?: Record<string, number> }).__benchMessages ??
        {},
    );
}

/**
 * Opens the X timeline, lets it settle, then appends `batches` batches of `perBatch` new tweets,
 * `gapMs` apart (scrolling each time), and measures the script time and messages until
 * `settleMs` after the last batch.
 */
export async function measureScroll(
  browser: BenchBrowser,
  options: { batches: number; perBatch: number; gapMs: number; settleMs: number },
): Promise<ScrollSample> {
  const page = xTimelinePage();
  browser.serve(page.url, page.html);
  const measured = await openMeasured(browser, page.url);
  try {
    await measured.page.waitForTimeout(options.settleMs);
    const readMessages = browser.arm === 'acquaint' ? await startCountingMessages(browser) : null;
    const tasksBefore = (await longTasks(measured.page)).length;
    const before = await metrics(measured.cdp);
    await scrollTweetsIn(measured.page, options);
    await measured.page.waitForTimeout(options.settleMs);
    const after = await metrics(measured.cdp);
    const tasks = (await longTasks(measured.page)).slice(tasksBefore);
    const messageTypes = readMessages ? await readMessages() : {};
    return {
      scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
      messages: Object.values(messageTypes).reduce((sum, count) => sum + count, 0),
      messageTypes,
      longTasks: tasks,
      extensionRan: measured.extensionRan(),
    };
  } finally {
    await measured.page.close();
  }
}
