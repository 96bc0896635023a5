import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Frame, Page } from 'playwright-core';

import { isSidebarUrl } from '../support/chromium';
import { countRequests, readBadges, sendAsExtensionPage } from './badges-helpers';
import {
  clickToggle,
  EXTENSION_DIR,
  type ExtensionSession,
  isSidebarVisible,
  loadFixture,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';
import { contentScriptWorld } from './worlds';

/**
 * What a hostile page script tries against Acquaint (issue 12), each run in the page's own world
 * before and after Acquaint's content script, and what it must come away with: nothing.
 */

/** Every file the manifest makes web-accessible, as a page would probe for it. */
function webAccessiblePaths(): string[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: { resources: string[] }[];
  };
  return (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
}

/** Opens a fixture page with `script` run in the page's world before any of the page's own. */
async function openWithPageScript(
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
const DEFINE_OUR_TAGS = `(() => {
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
];

/** The events WXT's content script context sends, each as `<id>:<entrypoint>:wxt:<event>`. */
const WXT_EVENTS = ['content-script-started', 'locationchange'];

/**
 * Listens, as LinkedIn could knowing Acquaint's id, in the capture phase on `window` and on
 * `document`, for every event WXT names after an extension's content scripts, and for any message
 * that names the id or WXT. It wraps nothing: a content script's own functions live in its
 * isolated world, out of the page's reach, so what reaches the page's listeners is all it can get.
 */
function listenForOurEvents(extensionId: string): string {
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
async function recordSubjects(session: ExtensionSession): Promise<() => Promise<string[]>> {
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

describe('attacks from the page', () => {
  const current = useExtensionSession();

  it('loads no extension file by its address, from a LinkedIn or an X page', async () => {
    const session = current();
    const paths = webAccessiblePaths();
    expect(paths).toContain('sidebar.html');
    for (const fixture of ['linkedin/profile-classic', 'x/profile']) {
      const { url, html } = loadFixture(fixture);
      session.serve(url, html);
      const page = await session.context.newPage();
      await page.goto(url);
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
        { id: session.extensionId, paths },
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
      await page.close();
    }
  });

  it('hears no event of Acquaint’s as it starts and follows a move to another profile', async () => {
    const session = current();
    const subjects = await recordSubjects(session);
    const page = await openWithPageScript(
      session,
      'linkedin/profile-classic',
      listenForOurEvents(session.extensionId),
    );
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    await expect.poll(() => subjects()).toContain('linkedin:ada-quill-4b21a');

    // What LinkedIn's app does: push the new address, then render the new profile in place.
    const next = loadFixture('linkedin/profile-sdui');
    session.serve(next.url, next.html);
    await page.evaluate(
      ([to, html]) => {
        history.pushState({}, '', to);
        setTimeout(() => {
          const rendered = new DOMParser().parseFromString(html, 'text/html').body;
          for (const img of rendered.querySelectorAll('img')) img.removeAttribute('src');
          for (const child of [...document.body.children]) {
            if (!child.localName.startsWith('acquaint-')) child.remove();
          }
          document.body.prepend(...rendered.children);
        }, 200);
      },
      [new URL(next.url).pathname, next.html] as const,
    );
    // The content script saw the move and read the new profile's owner.
    await expect.poll(() => subjects(), { timeout: 10_000 }).toContain('linkedin:ember-vantrell');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Ember Vantrell');

    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard).toEqual([]);
  });

  it('gets no shadow root by defining our tag names first, and the sidebar still works', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', DEFINE_OUR_TAGS);
    await expect.poll(async () => (await readBadges(page)).length).toBeGreaterThan(0);
    // A real click still opens the sidebar in the page's own <acquaint-toggle>.
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');

    const caught = await page.evaluate(() =>
      (
        window as unknown as { __whatWasCaught(): { root: unknown; ownRoot: unknown }[] }
      ).__whatWasCaught(),
    );
    expect(caught.length).toBeGreaterThan(0);
    for (const element of caught) {
      expect(element).toMatchObject({ root: null, ownRoot: null, frames: 0 });
    }
  });

  it('opens nothing with scripted clicks on the toggle', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', '');
    const host = page.locator('acquaint-toggle');
    await host.waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const toggle = document.querySelector('acquaint-toggle') as HTMLElement;
      const box = toggle.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      toggle.click();
      for (const target of [toggle, document.elementFromPoint(x, y)]) {
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          target?.dispatchEvent(
            new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
          );
        }
        target?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
    });
    // The sidebar frame, preloaded hidden, stays hidden; a real click shows it.
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await isSidebarVisible(page)).toBe(false);
    await clickToggle(page);
    await expect.poll(() => isSidebarVisible(page)).toBe(true);
  });

  it('opens nobody with scripted clicks and key presses on the badges', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/post-comments', '');
    await expect.poll(async () => (await readBadges(page)).length).toBeGreaterThan(1);
    const picks = await countRequests(session, 'tab.select');
    const fired = await page.evaluate(() => {
      let count = 0;
      for (const badge of document.querySelectorAll('acquaint-badge')) {
        const box = badge.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        (badge as HTMLElement).click();
        for (const target of [badge, badge.firstElementChild, document.elementFromPoint(x, y)]) {
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
            target?.dispatchEvent(
              new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
            );
          }
          target?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }
        count += 1;
      }
      return count;
    });
    expect(fired).toBeGreaterThan(1);
    expect(await isSidebarVisible(page)).toBe(false);
    const first = page.locator('acquaint-badge').first();
    const box = await first.boundingBox();
    if (!box) throw new Error('The badge has no box.');
    // A real click does pick its author. The content script's messages arrive in the order it
    // sent them, so any pick the scripted events had made would be counted before this one.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => picks()).toBeGreaterThan(0);
    expect(await picks()).toBe(1);
  });

  it('says so plainly when the page takes the keyboard from a note being typed', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', '');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="note-input"]').pressSequentially('Met at the', { delay: 2 });
    // The page moves the focus to a hidden field of its own, as a key catcher would.
    await page.evaluate(() => {
      const trap = document.createElement('textarea');
      trap.style.cssText = 'position:fixed;left:-50px;width:1px;height:1px;opacity:0';
      document.body.append(trap);
      trap.focus();
    });
    await expect
      .poll(() => frame.locator('[data-testid="notice"]').textContent())
      .toContain('The keyboard left your note while you were typing');
    // Back in the note, the warning goes, and nothing typed before was lost.
    await frame.locator('[data-testid="note-input"]').click();
    await expect.poll(() => frame.locator('[data-testid="notice"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="note-input"]').inputValue()).toBe('Met at the');
  });

  it('shows nothing and does nothing in a sidebar frame Acquaint did not make', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', '');
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    // The strongest case: a frame made with the sidebar's real (session) address, which only
    // Acquaint's own content script world can learn, but without the token it was given.
    const world = await contentScriptWorld(page, session.extensionId);
    try {
      await world.evaluate(`(() => {
        const frame = document.createElement('iframe');
        frame.id = 'forged';
        frame.src = chrome.runtime.getURL('/sidebar.html');
        document.body.append(frame);
      })()`);
    } finally {
      await world.close();
    }
    const forged = await frameWithId(page, 'forged');
    await expect
      .poll(() => forged.locator('[data-testid="notice"]').textContent())
      .toContain('not opened by Acquaint');
    expect(await forged.locator('[data-testid="person-name"]').count()).toBe(0);
    expect(await forged.locator('[data-testid="note-input"]').count()).toBe(0);

    // Acquaint's own sidebar in the same tab still works.
    await clickToggle(page);
    const own = await sidebarFrame(page);
    await expect.poll(() => own.locator('[data-testid="person-name"]').count()).toBe(1);
  });

  it('changes nothing with a fake follow-button number: the sidebar asks, and No links nobody', async () => {
    const session = current();
    // Pip's page draws a follow button with the number of someone from the user's X archive.
    const accountId = '1500000000000000001';
    await importByNumber(session, accountId, 'Sam Ashgrove');
    const before = await storedData(session);

    const page = await openFixture(session, 'x/profile');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    const offer = frame.locator('[data-testid="alias-offer"]');
    await expect.poll(() => offer.textContent()).toContain('Sam Ashgrove');
    expect(await offer.textContent()).toContain('1 interaction, from your X archive');
    expect(await frame.locator('[data-testid="person-name"]').textContent()).toBe(
      'Pip 🦉 Wellings',
    );
    expect(await frame.locator('[data-testid="interaction"]').count()).toBe(0);
    expect(await storedData(session)).toEqual(before);

    // The page, even speaking with its content script's voice, cannot answer for the user.
    const world = await contentScriptWorld(page, session.extensionId);
    try {
      const answer = await world.evaluate<{ ok: boolean; error?: string }>(
        `chrome.runtime.sendMessage(${JSON.stringify({
          type: 'people.acceptAlias',
          key: 'x:pipwellings',
          personId: 'archived',
        })})`,
      );
      expect(answer).toEqual({
        ok: false,
        error: 'Refused: people.acceptAlias may not be sent by a content script.',
      });
    } finally {
      await world.close();
    }
    expect(await storedData(session)).toEqual(before);

    // No: the question goes, nothing is written, and this page's number is not asked again.
    await frame.locator('[data-testid="alias-offer-dismiss"]').click();
    await expect.poll(() => offer.count()).toBe(0);
    expect(await storedData(session)).toEqual(before);
    const again = await openFixture(session, 'x/profile');
    await clickToggle(again);
    const second = await sidebarFrame(again);
    await expect
      .poll(() => second.locator('[data-testid="person-name"]').textContent())
      .toBe('Pip 🦉 Wellings');
    expect(await second.locator('[data-testid="alias-offer"]').count()).toBe(0);
    expect(await storedData(session)).toEqual(before);
  });
});

/** The whole backup but its date: what "nothing changed" is measured against. */
async function storedData(session: ExtensionSession): Promise<unknown> {
  const [backup] = (await sendAsExtensionPage(session, [{ type: 'backup.export' }])) as [
    Record<string, unknown>,
  ];
  return { ...backup, exportedAt: null };
}

/** Someone the X archive knows only by number, with one touch from its direct messages. */
async function importByNumber(session: ExtensionSession, id: string, name: string) {
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
async function frameWithId(page: Page, id: string): Promise<Frame> {
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
