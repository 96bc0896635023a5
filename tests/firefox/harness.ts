import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

/**
 * Debian's Firefox ESR (`apt-get install firefox-esr`), driven over WebDriver BiDi by puppeteer-core.
 * Set FIREFOX_PATH to use another binary.
 */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
const FIXTURES_DIR = resolve('tests/fixtures');

/** How long a condition in Firefox may take before a test fails (a loaded 2-core machine). */
const WAIT_MS = 15_000;

export interface Fixture {
  url: string;
  html: string;
}

/** A fixture page pair from tests/fixtures: the HTML and the address it is served at. */
export function loadFixture(name: string): Fixture {
  const json = JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8')) as {
    url: string;
  };
  return { url: json.url, html: readFileSync(join(FIXTURES_DIR, `${name}.html`), 'utf8') };
}

/** A served page's key: its address without query or fragment. */
const servedKey = (url: string): string => url.replace(/[?#].*$/s, '');

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>`: the UUID is chosen by the test (pref `extensions.webextensions.uuids`). */
  origin: string;
  /** The options page the extension opened on install (its welcome), kept open to open others. */
  launcher: Page;
  /** The folder Firefox saves downloads to (the add-on's backups), removed on close. */
  downloadDir: string;
  /** Serves `html` whenever a page of this session navigates to `url` (query and hash ignored). */
  serve(url: string, html: string): void;
  /** A new tab on a fixture page, at its real address. */
  openFixture(name: string): Promise<Page>;
  /** A new tab on one of the extension's pages (`/popup.html`), opened by the extension itself. */
  openExtensionPage(path: string): Promise<Page>;
  /** Every connection that reached the network: see `launchFirefox`. */
  escapes(): string[];
  /** Requests a page made that are neither a served page nor something that page links. */
  strayRequests(): string[];
  /** Errors Firefox logged from the extension's pages, background and content scripts. */
  extensionErrors(): string[];
  close(): Promise<void>;
}

/**
 * Starts Firefox with a fresh profile and installs the built Firefox add-on as a temporary add-on
 * (BiDi `webExtension.install`), as about:debugging's "Load Temporary Add-on" does.
 *
 * Nothing reaches the network: every page the test opens has its requests intercepted (served
 * fixtures fulfilled, the rest failed as offline), and Firefox's proxy is a listener of ours on
 * 127.0.0.1 that records and drops every connection. So a request from anywhere (a page, the
 * add-on's background page, Firefox itself) that escapes the interception is in `escapes()`; WebDriver
 * BiDi cannot see extension contexts at all (Firefox bug 1755014), the proxy can.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox".`);
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr (or FIREFOX_PATH).`,
    );
  }
  const geckoId = (
    JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    }
  ).browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;

  const recorder = await startRecorder();
  const downloadDir = mkdtempSync(join(tmpdir(), 'acquaint-firefox-downloads-'));
  const log: string[] = [];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      // Release builds ignore the remote-settings server override (puppeteer's prefs point it
      // nowhere) unless this is set; without it Firefox keeps trying to reach Mozilla.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': recorder.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': recorder.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.disablePrefetch': true,
        // Backups the add-on writes go to a folder of the test's, not the user's Downloads.
        'browser.download.folderList': 2,
        'browser.download.dir': downloadDir,
        'browser.download.useDownloadDir': true,
        // Firefox asks for a page's /favicon.ico itself, which no page named.
        'browser.chrome.site_icons': false,
        // Console messages of extension pages, the background and content scripts, on stdout.
        'devtools.console.stdout.chrome': true,
        'devtools.console.stdout.content': true,
      },
    });
  } catch (error) {
    recorder.server.close();
    rmSync(downloadDir, { recursive: true, force: true });
    throw error;
  }
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => log.push(...chunk.split('\n')));
  }

  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== geckoId) throw new Error(`Installed ${installed}, expected ${geckoId}.`);

  const pages = new Map<string, string>();
  const pageRequests: string[] = [];
  /** Pages already handed out (or there before the one being waited for). */
  const known = new Set<Page>();

  /** A page not handed out yet whose loaded document matches; puppeteer's `page.url()` stays at about:blank on extension pages. */
  const findNewPage = async (matches: (href: string) => boolean): Promise<Page> => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      for (const page of await browser.pages()) {
        if (known.has(page)) continue;
        const href = await page.evaluate(() => location.href).catch(() => '');
        const ready = await page.evaluate(() => document.readyState).catch(() => '');
        if (matches(href) && ready === 'complete') {
          known.add(page);
          return page;
        }
      }
      if (Date.now() > deadline) throw new Error('The page did not open in Firefox.');
      await new Promise((done) => setTimeout(done, 50));
    }
  };

  // Installed just now: the welcome opens (options.html#welcome); it fails the launch if not.
  const launcher = await findNewPage((href) => href === `${origin}/options.html#welcome`);
  for (const page of await browser.pages()) known.add(page);
  const logLength = () => log.length;
  let closedAt: number | undefined;

  return {
    browser,
    origin,
    launcher,
    downloadDir,
    serve(url, html) {
      pages.set(servedKey(url), html);
    },
    async openFixture(name) {
      const fixture = loadFixture(name);
      pages.set(servedKey(fixture.url), fixture.html);
      const page = await browser.newPage();
      known.add(page);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        pageRequests.push(url);
        const html = pages.get(servedKey(url));
        if (html !== undefined && request.isNavigationRequest()) {
          return void request.respond({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: html,
          });
        }
        return void request.abort('internetdisconnected');
      });
      await page.goto(fixture.url);
      return page;
    },
    async openExtensionPage(path) {
      await launcher.evaluate(
        (url) =>
          (
            globalThis as unknown as {
              browser: { tabs: { create(info: object): Promise<unknown> } };
            }
          ).browser.tabs.create({ url }),
        path,
      );
      return findNewPage((href) => servedKey(href) === `${origin}${path}`);
    },
    escapes() {
      return [...recorder.attempts];
    },
    strayRequests() {
      const linked = [...pages.values()].join('\n');
      return pageRequests.filter((url) => {
        if (/^(blob|data):/.test(url) || url.startsWith(origin)) return false;
        // A fixture page may load its own images; anything it does not name came from elsewhere.
        return !pages.has(servedKey(url)) && !linked.includes(servedKey(url));
      });
    },
    extensionErrors() {
      // Read before closing: shutting down cuts the background page's scripts short, and says so.
      const lines = log.slice(0, closedAt ?? logLength());
      return lines.filter(
        (line) =>
          line.startsWith(`JavaScript error: ${origin}/`) ||
          /^console\.(error|warn): "?Acquaint/.test(line) ||
          /^console\.error: .*moz-extension:/.test(line),
      );
    },
    async close() {
      if (closedAt !== undefined) return;
      closedAt = logLength();
      try {
        await browser.close();
      } finally {
        recorder.server.close();
        rmSync(downloadDir, { recursive: true, force: true });
      }
    },
  };
}

interface Recorder {
  server: Server;
  port: number;
  /** The first line of each connection: `CONNECT host:443 HTTP/1.1`, `GET http://… HTTP/1.1`. */
  attempts: string[];
}

/** A "proxy" on 127.0.0.1 that writes down what each connection asked for, and hangs up. */
async function startRecorder(): Promise<Recorder> {
  const attempts: string[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (data) => {
      attempts.push(data.toString('latin1').split('\r\n')[0] ?? '');
      socket.destroy();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('No recorder port.');
  return { server, port: address.port, attempts };
}

/**
 * A fresh Firefox with the add-on for each test of the calling `describe`; after each test it fails
 * on any request that reached the network or strayed from a page, and on any error the add-on logged.
 */
export function useFirefoxSession(): () => FirefoxSession {
  let session: FirefoxSession | undefined;
  beforeEach(async () => {
    session = await launchFirefox();
  });
  afterEach(async () => {
    if (!session) return;
    const closing = session;
    session = undefined;
    await closeChecked(closing);
  });
  return () => {
    if (!session) throw new Error('The Firefox session exists only inside a test.');
    return session;
  };
}

export async function closeChecked(session: FirefoxSession): Promise<void> {
  const stray = session.strayRequests();
  await session.close();
  expect(stray, 'requests that left a page').toEqual([]);
  expect(session.escapes(), 'connections that reached the network').toEqual([]);
  expect(session.extensionErrors(), 'errors Firefox logged from Acquaint').toEqual([]);
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
          browser: {
            runtime: {
              sendMessage(
                message: unknown,
              ): Promise<{ ok: boolean; error?: string; value?: unknown }>;
            };
          };
        }
      ).browser.runtime.sendMessage(message),
    request,
  );
  if (!answer.ok) throw new Error(`${String(request.type)} failed: ${answer.error}`);
  return answer.value;
}

/** Waits until `check` holds, reading it afresh each time (no fixed pauses). */
export async function waitFor<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch {
      // A frame between documents has no realm to evaluate in yet.
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Clicks the middle of the `<acquaint-toggle>` host's box, as a person would. */
export async function clickToggle(page: Page): Promise<void> {
  await page.bringToFront();
  const host = await page.waitForSelector('acquaint-toggle', { timeout: WAIT_MS });
  const box = await host?.boundingBox();
  if (!box) throw new Error('The toggle has no box on the page.');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * The sidebar's frame (an extension page, inside a closed shadow root). Found by asking each
 * frame where it is: puppeteer keeps an extension frame's address at about:blank.
 */
export async function sidebarFrame(page: Page, origin: string): Promise<Frame> {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const at = await frame
          .evaluate(() => [location.href, document.readyState] as const)
          .catch(() => ['', ''] as const);
        if (servedKey(at[0]) === `${origin}/sidebar.html` && at[1] === 'complete') return frame;
      }
      return undefined;
    },
    (frame) => frame !== undefined,
    'the sidebar frame',
  ) as Promise<Frame>;
}
