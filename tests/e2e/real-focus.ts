import type { Page } from 'playwright-core';

/**
 * Playwright tells every page it has focus. A test that types on a real display through the
 * browser's own UI needs to know where the keyboard really is: this turns the emulation off for
 * one page, so its `document.hasFocus()` is the browser's truth (false while a dialog of the
 * browser's own, such as a permission prompt, holds the keyboard).
 */
export async function trackRealFocus(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
}

/** Waits until the page really has the keyboard (`true`) or something else took it (`false`). */
export async function waitForRealFocus(page: Page, focused: boolean): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.hasFocus()), { timeout: 15_000 })
    .toBe(focused);
}
