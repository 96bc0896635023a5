import type { Page } from 'playwright-core';

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
