import { existsSync, readdirSync } from 'node:fs';

import type { BrowserContext, Page } from 'playwright-core';

/**
 * Debian's Chromium with a closed network: without the background-networking flags it floods the
 * machine's closed network with refused connections (STACK.md). Shared by the e2e tests and the bench.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CLOSED_NETWORK_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Loads exactly this unpacked extension. */
export function extensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

/** A served page's key: its address without query or fragment. */
export const servedKey = (url: string): string => url.replace(/[?#].*$/s, '');

/** Whether a frame shows Acquaint's sidebar page (its address carries a token after `#`). */
export const isSidebarUrl = (url: string): boolean =>
  url.startsWith('chrome-extension://') && servedKey(url).endsWith('/sidebar.html');

/**
 * Serves `pages` (by `servedKey`) as documents at their real addresses and refuses every other
 * web request as if offline; the extension's own files load as usual.
 */
export async function serveFixturePages(
  context: BrowserContext,
  pages: ReadonlyMap<string, string>,
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    const html = pages.get(servedKey(url));
    if (html !== undefined && route.request().resourceType() === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    return route.abort('internetdisconnected');
  });
}

/** Stops every service worker (DevTools), so the extension's next request has to start its own. */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Sends one request through Acquaint's message protocol from one of its own pages; its value. */
export async function sendFromExtensionPage(
  page: Page,
  request: Record<string, unknown>,
): Promise<unknown> {
  const answer = await page.evaluate(
    (message) =>
      (
        globalThis as unknown as {
          chrome: {
            runtime: {
              sendMessage(
                message: unknown,
              ): Promise<{ ok: boolean; error?: string; value?: unknown }>;
            };
          };
        }
      ).chrome.runtime.sendMessage(message),
    request,
  );
  if (!answer.ok) throw new Error(`${String(request.type)} failed: ${answer.error}`);
  return answer.value;
}

/** Whether a profile folder holds no profile yet: the extension installs afresh in it. */
export function isFreshProfile(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * On install Acquaint opens its welcome (options.html#welcome). Waits for that tab and closes it,
 * so a test or a measurement starts with the tabs it opens itself; fails if no welcome opens.
 */
export async function closeWelcome(context: BrowserContext, extensionId: string): Promise<void> {
  const welcome = `chrome-extension://${extensionId}/options.html#welcome`;
  const page =
    context.pages().find((candidate) => candidate.url() === welcome) ??
    (await context.waitForEvent('page', {
      predicate: (candidate) => candidate.url() === welcome,
      timeout: 15_000,
    }));
  await page.close();
}
