import type { CDPSession, Page, Worker } from 'playwright-core';

import { keyOf } from './data';
import { type BenchBrowser, currentWorker } from './launch';
import { loadFixture } from './page-metrics';

/** 50 identity keys as a feed shows them: about half known, a few X handles, the rest unknown. */
export function lookupKeys(people: number, round: number, count = 50): string[] {
  const keys: string[] = [];
  let seed = (round + 1) * 2654435761;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let index = 0; index < count; index += 1) {
    const person = next() % people;
    if (index % 2 === 0) keys.push(keyOf(person));
    else if (index % 5 === 1) keys.push(`x:benchperson${person - (person % 3)}`);
    else keys.push(`linkedin:unknown-author-${round}-${index}`);
  }
  return [...new Set(keys)];
}

/**
 * A LinkedIn page with Acquaint's content script, to send lookups from its world exactly as the
 * badges do, and to keep the service worker awake.
 */
export interface LookupSite {
  page: Page;
  cdp: CDPSession;
  contentWorld: number;
  worker: Worker;
}

export async function openLookupSite(browser: BenchBrowser): Promise<LookupSite> {
  const fixture = loadFixture('linkedin/feed');
  browser.serve(fixture.url, fixture.html);
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const worlds: { id: number; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; name: string } }) => {
    worlds.push(event.context);
  });
  await cdp.send('Runtime.enable');
  await page.goto(fixture.url);
  const deadline = Date.now() + 15_000;
  while (!worlds.some((world) => world.name === 'Acquaint')) {
    if (Date.now() > deadline) throw new Error("Acquaint's content script did not start.");
    await page.waitForTimeout(20);
  }
  const contentWorld = (worlds.find((world) => world.name === 'Acquaint') as { id: number }).id;
  return { page, cdp, contentWorld, worker: await currentWorker(browser) };
}

export interface LookupSample {
  /** In the service worker: the real onMessage listener (router, schema check, Dexie query). */
  workerMs: number;
  /** From the content script's world: sendMessage to the answer, as the badges experience it. */
  roundTripMs: number;
  known: number;
}

/**
 * One lookup of `keys`, measured twice: inside the service worker by dispatching the message to
 * the background's own listener with a content script's sender, and from the content script's
 * world in the page with `chrome.runtime.sendMessage`.
 */
export async function measureLookup(
  browser: BenchBrowser,
  site: LookupSite,
  keys: string[],
): Promise<LookupSample> {
  const worker = await currentWorker(browser);
  const inWorker = await worker.evaluate(
    async ({ id, keys }) => {
      const api = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              onMessage: {
                dispatch(
                  message: unknown,
                  sender: unknown,
                  respond: () => void,
                ): {
                  results?: unknown[];
                };
              };
            };
          };
        }
      ).chrome;
      const sender = {
        id,
        url: 'https://www.linkedin.com/feed/',
        origin: 'https://www.linkedin.com',
        tab: { id: 1_000_000 },
        frameId: 0,
      };
      const started = performance.now();
      const { results = [] } = api.runtime.onMessage.dispatch(
        { type: 'people.lookup', keys },
        sender,
        () => {},
      );
      const answers = await Promise.all(
        results.filter((result) => typeof (result as Promise<unknown>)?.then === 'function'),
      );
      const elapsed = performance.now() - started;
      const envelope = answers.find(
        (answer) => (answer as { ok?: boolean } | undefined)?.ok !== undefined,
      ) as { ok: boolean; value?: { known: string[] }; error?: string } | undefined;
      if (!envelope?.ok) throw new Error(`people.lookup failed: ${envelope?.error ?? 'no answer'}`);
      return { elapsed, known: envelope.value?.known.length ?? 0 };
    },
    { id: browser.extensionId, keys },
  );
  const { result } = (await site.cdp.send('Runtime.evaluate', {
    contextId: site.contentWorld,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => {
      const started = performance.now();
      const answer = await chrome.runtime.sendMessage({ type: 'people.lookup', keys: ${JSON.stringify(keys)} });
      return { elapsed: performance.now() - started, ok: answer && answer.ok };
    })()`,
  })) as { result: { value: { elapsed: number; ok: boolean } } };
  if (!result.value.ok) throw new Error('people.lookup from the content script failed.');
  return { workerMs: inWorker.elapsed, roundTripMs: result.value.elapsed, known: inWorker.known };
}
