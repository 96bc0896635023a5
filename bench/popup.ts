import { stopServiceWorkers } from '../tests/support/chromium';
import type { BenchBrowser } from './launch';

/**
 * In the popup page: `performance.now()` (milliseconds since the navigation started) when the
 * first cold person's row was painted, and how many rows there were then.
 */
const ROWS_SCRIPT = `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  window.__benchRows = null;
  // The browser reports the first contentful paint a little after it happens, sometimes after the
  // rows are painted: wait for the report rather than read whatever is there by then.
  const firstPaint = new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const fcp = list.getEntriesByName('first-contentful-paint')[0];
      if (fcp) resolve(fcp.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
  let seen = false;
  const check = () => {
    if (seen || !document.querySelector('[data-testid="cold-person"]')) return;
    seen = true;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const at = performance.now();
        const rows = document.querySelectorAll('[data-testid="cold-person"]').length;
        void firstPaint.then((paint) => {
          window.__benchRows = { at, firstPaint: paint, rows };
        });
      };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

export interface PopupSample {
  rowsPaintedMs: number;
  /** The page's first contentful paint (its heading), for comparison. */
  firstPaintMs: number | null;
  rows: number;
}

/**
 * Opens popup.html in a new tab and times navigation start → first cold row painted. With `cold`,
 * the service worker is stopped first, so the popup's requests have to start it.
 */
export async function measurePopup(browser: BenchBrowser, cold: boolean): Promise<PopupSample> {
  const page = await browser.context.newPage();
  try {
    if (cold) {
      await stopServiceWorkers(browser.context, page);
      await page.waitForTimeout(200);
    }
    await page.addInitScript({ content: ROWS_SCRIPT });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchRows: unknown }).__benchRows,
      undefined,
      { timeout: 30_000, polling: 20 },
    );
    const { at, firstPaint, rows } = (await handle.jsonValue()) as {
      at: number;
      firstPaint: number | null;
      rows: number;
    };
    return { rowsPaintedMs: at, firstPaintMs: firstPaint, rows };
  } finally {
    await page.close();
  }
}
