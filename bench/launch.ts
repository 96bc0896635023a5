import {
  CHROMIUM_PATH,
  closeWelcome,
  CLOSED_NETWORK_ARGS,
  extensionArgs,
  isFreshProfile,
  servedKey,
  serveFixturePages,
} from '../tests/support/chromium';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** What `npm run build` wrote. */
export const BUILD_DIR = resolve('.output/chrome-mv3');
/** Where the bench keeps what outlives a run: the copy of the build and seeded profiles. */
export const CACHE_DIR = resolve('node_modules/.cache/acquaint-bench');

let extensionDir: string | undefined;

/**
 * Copies the build where the bench loads it from, so a rebuild during a run cannot change the
 * extension under it. With `stable`, the copy always has the same path, so the extension keeps
 * its id (Chromium derives an unpacked extension's id from its path) and seeded profiles kept
 * from an earlier run still hold its database.
 */
export function prepareExtension(stable: boolean): string {
  if (!existsSync(join(BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${BUILD_DIR}: run "npm run build" first.`);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const dir = stable
    ? join(CACHE_DIR, 'chrome-mv3')
    : mkdtempSync(join(tmpdir(), 'acquaint-bench-ext-'));
  rmSync(dir, { recursive: true, force: true });
  cpSync(BUILD_DIR, dir, { recursive: true });
  extensionDir = dir;
  return dir;
}

/** Removes this run's copy of the build, unless it is the stable one kept between runs. */
export function releaseExtension(): void {
  if (extensionDir && !extensionDir.startsWith(CACHE_DIR)) {
    rmSync(extensionDir, { recursive: true, force: true });
  }
  extensionDir = undefined;
}

/** The copy of the build this run loads (prepareExtension first). */
export function acquaintDir(): string {
  if (!extensionDir) throw new Error('Call prepareExtension() before launching Acquaint.');
  return extensionDir;
}

/** The three arms of the comparisons: the page alone, an extension doing nothing, Acquaint. */
export type Arm = 'none' | 'empty' | 'acquaint';
export const ARMS: readonly Arm[] = ['none', 'empty', 'acquaint'];

export interface BenchBrowser {
  arm: Arm;
  context: BrowserContext;
  /** Acquaint's service worker and id (only in the `acquaint` arm). */
  worker?: Worker;
  extensionId?: string;
  /** Serves `html` whenever the browser asks for `url` (query and hash ignored). */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

/**
 * An extension whose only content is an empty content script on the same sites as Acquaint's:
 * what any extension costs a page before it does anything. Written to a temporary folder at run
 * time, never committed.
 */
function writeEmptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acquaint-bench-empty-ext-'));
  mkdirSync(join(dir, 'content-scripts'));
  writeFileSync(join(dir, 'content-scripts', 'empty.js'), '');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script',
      version: '1.0.0',
      content_scripts: [
        {
          matches: ['https://*.linkedin.com/*', 'https://*.x.com/*', 'https://*.twitter.com/*'],
          run_at: 'document_idle',
          js: ['content-scripts/empty.js'],
        },
      ],
    }),
  );
  return dir;
}

/**
 * Launches Debian's Chromium for one arm, with a closed network, in a fresh profile (or in
 * `profileDir`, which is kept).
 */
export async function launchArm(arm: Arm, profileDir?: string): Promise<BenchBrowser> {
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), `acquaint-bench-${arm}-`));
  const fresh = isFreshProfile(userDataDir);
  const loaded =
    arm === 'acquaint' ? acquaintDir() : arm === 'empty' ? writeEmptyExtension() : undefined;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...CLOSED_NETWORK_ARGS, ...(loaded ? extensionArgs(loaded) : [])],
  });

  const pages = new Map<string, string>();
  await serveFixturePages(context, pages);

  let worker: Worker | undefined;
  let extensionId: string | undefined;
  if (arm === 'acquaint') {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    // A tab of Acquaint's own open beside the measured pages would be noise in every figure.
    if (fresh) await closeWelcome(context, extensionId);
  }

  return {
    arm,
    context,
    worker,
    extensionId,
    serve(url, html) {
      pages.set(servedKey(url), html);
    },
    async close() {
      await context.close();
      if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
      if (loaded && arm === 'empty') rmSync(loaded, { recursive: true, force: true });
    },
  };
}

/** The service worker now running for Acquaint (a stopped one is replaced by a new one). */
export async function currentWorker(browser: BenchBrowser): Promise<Worker> {
  const id = browser.extensionId;
  const running = browser.context
    .serviceWorkers()
    .filter((candidate) => new URL(candidate.url()).host === id);
  return running.at(-1) ?? (await browser.context.waitForEvent('serviceworker'));
}

/** An extension page of Acquaint, opened in a new tab. */
export async function openExtensionPage(browser: BenchBrowser, path: string): Promise<Page> {
  if (!browser.extensionId) throw new Error('Only the Acquaint arm has extension pages.');
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}
