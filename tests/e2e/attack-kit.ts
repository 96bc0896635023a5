import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Frame, Page } from 'playwright-core';

import { isSidebarUrl } from '../support/chromium';
import { sendAsExtensionPage } from './badges-helpers';
import { EXTENSION_DIR, type ExtensionSession, loadFixture } from './harness';

/**
 * The attacking page scripts of the attack suites (issue 12), and what the suites measure with:
 * each script runs in the page's own world, before the page's own scripts and Acquaint's.
 */

/** Every file the manifest makes web-accessible, as a page would probe for it. */
export function webAccessiblePaths(): string[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: { resources: string[] }[];
  };
  return (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
}

/** Opens a fixture page with `script` run in the page's world before any of the page's own. */
export async function openWithPageScript(
  session: ExtensionSession,
  fixture: string,
  script: string,
): Promise<Page> {
  const { url, html } = loadFixture(fixture);
  session.serve(url, html);
  const page = await session.context.newPage();
  await page.addInitScript({ content: script });
  await page.goto(url);
  return page;
}

/**
 * Defines Acquaint's tag names before Acquaint runs, as LinkedIn's own scripts could: every
 * element of those names is then of the page's class, which keeps what `attachInternals` and
 * `this` give it.
 */
export const DEFINE_OUR_TAGS = `(() => {
  const caught = (window.__caught = []);
  for (const name of ['acquaint-toggle', 'acquaint-badge']) {
    customElements.define(name, class extends HTMLElement {
      constructor() {
        super();
        caught.push({ element: this, internals: this.attachInternals() });
      }
    });
  }
  window.__whatWasCaught = () => caught.map(({ element, internals }) => ({
    tag: element.localName,
    root: internals.shadowRoot === null ? null : internals.shadowRoot.innerHTML,
    ownRoot: element.shadowRoot === null ? null : element.shadowRoot.innerHTML,
    frames: element.querySelectorAll('iframe').length,
  }));
})();`;

/** Every content script Acquaint has, by the entrypoint name WXT writes into its events' names. */
const ENTRYPOINTS = [
  'linkedin',
  'x',
  'blog',
  'sidebar-frame',
  'linkedin-subject',
  'x-subject',
  'blog-readers',
  'page-people',
];

/** The events WXT's content script context sends, each as `<id>:<entrypoint>:wxt:<event>`. */
const WXT_EVENTS = ['content-script-started', 'locationchange'];

/**
 * Listens, as LinkedIn could knowing Acquaint's id, in the capture phase on `window` and on
 * `document`, for every event WXT names after an extension's content scripts, and for any message
 * that names the id or WXT. It wraps nothing: a content script's own functions live in its
 * isolated world, out of the page's reach, so what reaches the page's listeners is all it can get.
 */
export function listenForOurEvents(extensionId: string): string {
  const names = ENTRYPOINTS.flatMap((entrypoint) =>
    WXT_EVENTS.map((event) => `${extensionId}:${entrypoint}:wxt:${event}`),
  );
  return `(() => {
  const heard = (window.__heard = []);
  for (const [where, target] of [['window', window], ['document', document]]) {
    for (const name of ${JSON.stringify(names)}) {
      target.addEventListener(name, (event) => heard.push(where + ' ' + event.type), true);
    }
  }
  window.addEventListener('message', (event) => {
    let text = '';
    try {
      text = JSON.stringify(event.data) ?? '';
    } catch {
      text = String(event.data);
    }
    if (text.includes(${JSON.stringify(extensionId)}) || text.includes('wxt')) {
      heard.push('message ' + text);
    }
  }, true);
})();`;
}

/** Starts recording, in the service worker, the subject keys content scripts report. */
export async function recordSubjects(session: ExtensionSession): Promise<() => Promise<string[]>> {
  await session.worker.evaluate(() => {
    const scope = globalThis as unknown as {
      __subjects: string[];
      chrome: {
        runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
      };
    };
    scope.__subjects = [];
    scope.chrome.runtime.onMessage.addListener((message) => {
      const request = message as { type?: string; subject?: { key?: string } | null } | null;
      if (request?.type === 'tab.subject') scope.__subjects.push(request.subject?.key ?? '');
    });
  });
  return () =>
    session.worker.evaluate(() => (globalThis as unknown as { __subjects: string[] }).__subjects);
}

/**
 * Loads every web-accessible file by its static address from `page`, as a page probing for
 * Acquaint would (fetch, a frame, a script tag), and expects every load to fail: the frames hold
 * the browser's error page, never Acquaint's.
 */
export async function expectNoFileLoads(page: Page, id: string, paths: string[]): Promise<void> {
  const probes = await page.evaluate(
    async ({ id, paths }) => {
      const results: string[] = [];
      for (const path of paths) {
        const address = `chrome-extension://${id}/${path}`;
        const fetched = await fetch(address).then(
          () => 'loaded',
          () => 'failed',
        );
        results.push(`fetch ${path}: ${fetched}`);
        // A frame and a script tag: the other ways pages probe for extensions.
        const framed = await new Promise<string>((resolve) => {
          const frame = document.createElement('iframe');
          frame.src = address;
          frame.onload = () => {
            let text = 'unreadable';
            try {
              text = frame.contentDocument?.title ?? 'unreadable';
            } catch {
              // Cross-origin: the frame holds something, which we look at below.
            }
            resolve(text);
          };
          document.body.append(frame);
        });
        results.push(`frame ${path}: ${framed}`);
        const scripted = await new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = address;
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('failed');
          document.head.append(script);
        });
        results.push(`script ${path}: ${scripted}`);
      }
      return results;
    },
    { id, paths },
  );
  expect(probes).toEqual(
    paths.flatMap((path) => [
      `fetch ${path}: failed`,
      `frame ${path}: unreadable`,
      `script ${path}: failed`,
    ]),
  );
  // What the page's own frames hold is the browser's error page, never Acquaint's.
  const pageFrames: string[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const element = await frame.frameElement();
    if (await element.evaluate((node) => node.getRootNode() === document)) {
      pageFrames.push(frame.url());
    }
  }
  expect(pageFrames).toHaveLength(paths.length);
  for (const url of pageFrames) expect(url).toMatch(/^chrome-error:/);
}

/** The whole backup but its date: what "nothing changed" is measured against. */
export async function storedData(session: ExtensionSession): Promise<unknown> {
  const [backup] = (await sendAsExtensionPage(session, [{ type: 'backup.export' }])) as [
    Record<string, unknown>,
  ];
  return { ...backup, exportedAt: null };
}

/** Someone the X archive knows only by number, with one touch from its direct messages. */
export async function importByNumber(session: ExtensionSession, id: string, name: string) {
  const now = new Date().toISOString();
  await sendAsExtensionPage(session, [
    {
      type: 'import.apply',
      mode: 'add',
      file: {
        format: 'acquaint-backup',
        version: 1,
        exportedAt: now,
        people: [
          {
            id: 'archived',
            name,
            identities: [{ key: `x-id:${id}`, url: `https://x.com/i/user/${id}` }],
            why: '',
            tags: ['x'],
            cadenceDays: null,
            snoozedUntil: null,
            archived: false,
            createdAt: now,
            updatedAt: now,
          },
        ],
        notes: [],
        interactions: [
          {
            id: 'dm-archived',
            personId: 'archived',
            at: new Date(Date.now() - 86_400_000).toISOString(),
            kind: 'message',
            direction: 'in',
            summary: 'X message: the seed swap',
          },
        ],
        settings: { defaultCadenceDays: 30 },
      },
    },
  ]);
}

/** The sidebar frame whose element has `id`, once it has loaded the sidebar. */
export async function frameWithId(page: Page, id: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(async () => {
      for (const frame of page.frames()) {
        if (!isSidebarUrl(frame.url())) continue;
        const element = await frame.frameElement();
        if ((await element.getAttribute('id')) === id) found = frame;
      }
      return found !== undefined;
    })
    .toBe(true);
  return found as Frame;
}
