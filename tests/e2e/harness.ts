import {
  CHROMIUM_PATH,
  closeWelcome,
  CLOSED_NETWORK_ARGS,
  extensionArgs,
  isFreshProfile,
  isSidebarUrl,
  servedKey,
  serveFixturePages,
} from '../support/chromium';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
  type Browser,
  type BrowserContext,
  chromium,
  type Frame,
  type Page,
  type Worker,
} from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
const FIXTURES_DIR = resolve('tests/fixtures');
const SPY_SCRIPT = readFileSync(resolve('tests/e2e/page-spy.js'), 'utf8');

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

export interface ObservedRequest {
  url: string;
  /**
   * Where it came from: the extension's service worker or pages, or the web page; `network` for
   * a request the browser's own network log shows reaching the network stack (see `escapes`).
   */
  origin: 'extension' | 'page' | 'network';
  /** For `network`: who the browser says started it (an origin, or "not an origin"). */
  initiator?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  requests: ObservedRequest[];
  /** Serves `html` whenever the browser asks for `url` (query and hash ignored). */
  serve(url: string, html: string): void;
  /**
   * Every page the browser has, including the side panel and the toolbar popup, which are in no
   * tab and so missing from `context.pages()`: read over DevTools (launch with `devtools`).
   */
  browserPages(): Promise<Page[]>;
  /** Requests that left for anywhere other than a page we served or what that page itself links. */
  strayRequests(): ObservedRequest[];
  /**
   * After `close`: every request Chromium's own network log shows going to the network, which
   * nothing in a test ever should (the pages we serve are answered before they get there). This
   * also sees what Playwright cannot: requests the browser makes for the extension itself, such
   * as a `downloads.download` of a web address. Chromium's own calls home are left out, and so is
   * a navigation to exactly an address the test served.
   */
  escapes(): ObservedRequest[];
  close(): Promise<void>;
}

interface LaunchOptions {
  /** Reuse a profile to test what survives a browser restart. */
  userDataDir?: string;
  /** Install the page spy in every page (default true). */
  spy?: boolean;
  /** Run with a window on this X display instead of headless (for the browser's own prompts). */
  display?: string;
  /**
   * Open a DevTools port on 127.0.0.1, for the pages Playwright's own connection never lists: the
   * side panel and the toolbar popup (see `browserPages`).
   */
  devtools?: boolean;
}

/** Launches Debian's Chromium with the built extension and a closed network. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  // Lets context.route and the request log see the service worker's own requests.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'acquaint-e2e-'));
  const fresh = isFreshProfile(userDataDir);
  const netLogDir = mkdtempSync(join(tmpdir(), 'acquaint-netlog-'));
  const netLogPath = join(netLogDir, 'netlog.json');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.display === undefined,
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
    viewport: { width: 1280, height: 800 },
    args: [
      ...CLOSED_NETWORK_ARGS,
      ...extensionArgs(EXTENSION_DIR),
      // Every request the network stack starts, whoever asked for it (see `escapes`).
      `--log-net-log=${netLogPath}`,
      '--net-log-capture-mode=Default',
      // Port 0: Chromium picks a free one and writes it to DevToolsActivePort.
      ...(options.devtools
        ? ['--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0']
        : []),
    ],
  });

  const pages = new Map<string, string>();
  const requests: ObservedRequest[] = [];

  context.on('request', (request) => {
    const frameUrl = safe(() => request.frame().url()) ?? '';
    const fromExtension =
      request.serviceWorker() !== null || frameUrl.startsWith('chrome-extension://');
    requests.push({ url: request.url(), origin: fromExtension ? 'extension' : 'page' });
  });

  await serveFixturePages(context, pages);

  if (options.spy !== false) await context.addInitScript({ content: SPY_SCRIPT });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Installed just now: its welcome opened (every fresh launch checks it), and is closed.
  if (fresh) await closeWelcome(context, extensionId);
  let escaped: ObservedRequest[] | undefined;
  const devtools: Browser[] = [];

  return {
    context,
    extensionId,
    worker,
    userDataDir,
    requests,
    serve(url, html) {
      pages.set(servedKey(url), html);
    },
    async browserPages() {
      if (!options.devtools) throw new Error('Launch with `devtools: true` to see every page.');
      // A new connection each time: one made earlier does not attach to a side panel opened since.
      const [port] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
      const connection = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      devtools.push(connection);
      return connection.contexts().flatMap((each) => each.pages());
    },
    strayRequests() {
      const served = [...pages.keys()];
      const linked = [...pages.values()].join('\n');
      return requests.filter((request) => {
        if (request.url.startsWith('chrome-extension://')) return false;
        // A file the extension made in memory (a backup being downloaded) is not a request out.
        if (/^(blob|data):/.test(request.url)) return false;
        if (request.origin === 'extension') return true;
        // A fixture page may load its own images; anything it does not name came from us.
        // Compared without the query, which pages write with entity-encoded ampersands.
        return !served.includes(servedKey(request.url)) && !linked.includes(servedKey(request.url));
      });
    },
    escapes() {
      if (!escaped) throw new Error('The network log is complete only once the session is closed.');
      return escaped;
    },
    async close() {
      if (escaped) return;
      for (const connection of devtools) await connection.close();
      await context.close();
      // A tab the extension opens (a profile, at the user's click) starts its first navigation
      // before the test's routing can catch it; the very address a test served is no leak.
      escaped = readNetLog(netLogPath).filter(
        (request) => !isBrowserOwn(request) && !pages.has(request.url),
      );
      rmSync(netLogDir, { recursive: true, force: true });
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Schemes that go to the network; `blob:`, `data:` and the extension's own files do not. */
const NETWORK_SCHEME = /^(https?|wss?|ftp):/i;

/**
 * Chromium calling home for itself (component and extension updates, account checks) despite the
 * flags that turn most of it off. No page and no extension starts these: the browser says their
 * initiator is "not an origin", and they only ever go to Google's own services.
 */
function isBrowserOwn(request: ObservedRequest): boolean {
  if (request.initiator !== undefined && request.initiator !== 'not an origin') return false;
  const host = safe(() => new URL(request.url).hostname) ?? '';
  return /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/.test(host);
}

interface NetLogEvent {
  type?: number;
  phase?: number;
  params?: { url?: string; initiator?: string };
}

/**
 * The requests Chromium's network log (`--log-net-log`) shows starting a job on the network stack.
 * Read line by line, one event a line, so a log cut short by a crash still gives what it has.
 */
function readNetLog(path: string): ObservedRequest[] {
  if (!existsSync(path)) throw new Error(`Chromium wrote no network log at ${path}.`);
  const [head = '', ...lines] = readFileSync(path, 'utf8').split('\n');
  const constants = (
    JSON.parse(head.replace(/,\s*$/, '') + '}') as {
      constants: { logEventTypes: Record<string, number> };
    }
  ).constants;
  const startJob = constants.logEventTypes.URL_REQUEST_START_JOB;
  const found: ObservedRequest[] = [];
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    const event = safe(() => JSON.parse(line.replace(/[\],\s]*$/, '')) as NetLogEvent);
    if (!event || event.type !== startJob) continue;
    const url = event.params?.url;
    if (url === undefined || !NETWORK_SCHEME.test(url)) continue;
    found.push({ url, origin: 'network', initiator: event.params?.initiator });
  }
  return found;
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * A fresh browser with the extension for each test of the calling `describe`; after each test it
 * fails on any request that left the browser (CONTRACT: nothing leaves the machine).
 */
export function useExtensionSession(
  options: LaunchOptions | (() => LaunchOptions) = {},
): () => ExtensionSession {
  let session: ExtensionSession | undefined;
  beforeEach(async () => {
    session = await launchExtension(typeof options === 'function' ? options() : options);
  });
  afterEach(async () => {
    if (!session) return;
    const closing = session;
    session = undefined;
    await closeChecked(closing);
  });
  return () => {
    if (!session) throw new Error('The extension session exists only inside a test.');
    return session;
  };
}

/**
 * Closes a session and fails on any request that left the browser, as Playwright saw them (pages,
 * the service worker, extension pages) and as Chromium's own network log saw them (everything).
 */
export async function closeChecked(session: ExtensionSession): Promise<void> {
  const stray = session.strayRequests();
  await session.close();
  expect(stray, `requests that left the browser: ${JSON.stringify(stray)}`).toEqual([]);
  const escapes = session.escapes();
  expect(escapes, `requests in the network log: ${JSON.stringify(escapes)}`).toEqual([]);
}

/** Opens a fixture page at its real address. */
export async function openFixture(session: ExtensionSession, name: string): Promise<Page> {
  const fixture = loadFixture(name);
  session.serve(fixture.url, fixture.html);
  const page = await session.context.newPage();
  await page.goto(fixture.url);
  return page;
}

/** Clicks the middle of the `<acquaint-toggle>` host's box, as CONTRACT §5 promises works. */
export async function clickToggle(page: Page): Promise<void> {
  // A person clicks in the tab they are looking at. Input sent to a tab in the background lands
  // wherever that tab's focus was left, which in Chromium need not be the frame that has the caret.
  await page.bringToFront();
  const host = page.locator('acquaint-toggle');
  await host.waitFor({ state: 'attached' });
  const box = await host.boundingBox();
  if (!box) throw new Error('The toggle has no box on the page.');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The sidebar's frame; it sits in a closed shadow root, so it is found among the page's frames. */
export async function sidebarFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => isSidebarUrl(candidate.url()));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('The sidebar frame did not appear.');
    await page.waitForTimeout(50);
  }
}

/** Whether the sidebar iframe is shown (it is hidden, not removed, when closed). */
export async function isSidebarVisible(page: Page): Promise<boolean> {
  const frame = page.frames().find((candidate) => isSidebarUrl(candidate.url()));
  if (!frame) return false;
  const element = await frame.frameElement();
  return element.isVisible();
}

/** The slice of the `chrome` API the tests call inside the service worker. */
interface WorkerChrome {
  tabs: { query(info: { active: boolean }): Promise<{ id?: number }[]> };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
}

/**
 * Runs the extension's real command listener, as the browser would for its keyboard shortcut
 * (headless Chromium cannot be sent browser-level shortcuts).
 */
export async function dispatchCommand(session: ExtensionSession, command: string): Promise<void> {
  await session.worker.evaluate(async (name) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const [tab] = await api.tabs.query({ active: true });
    api.commands.onCommand.dispatch(name, tab);
  }, command);
}
