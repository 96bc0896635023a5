import type { Page } from 'playwright-core';

import type { ExtensionSession } from './harness';
import {
  clickToggle,
  loadFixture,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';

const PERSON_NAME = '[data-testid="person-name"]';

/** Starts recording, in the service worker, which parts content scripts ask to load. */
async function recordPartRequests(session: ExtensionSession): Promise<() => Promise<string[]>> {
  await session.worker.evaluate(() => {
    const scope = globalThis as unknown as {
      __partRequests: string[];
      chrome: {
        runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
      };
    };
    scope.__partRequests = [];
    scope.chrome.runtime.onMessage.addListener((message) => {
      const request = message as { type?: string; part?: string } | null;
      if (request?.type === 'content.load') scope.__partRequests.push(request.part ?? '');
    });
  });
  return () =>
    session.worker.evaluate(
      () => (globalThis as unknown as { __partRequests: string[] }).__partRequests,
    );
}

/** What LinkedIn's app does on navigation: push the new address, then render the page in place. */
async function navigateInApp(page: Page, path: string, html: string): Promise<void> {
  await page.evaluate(
    ([to, markup]) => {
      history.pushState({}, '', to);
      setTimeout(() => {
        const rendered = new DOMParser().parseFromString(markup, 'text/html').body;
        // The pictures would be fetched from LinkedIn's servers: the network is closed in tests.
        for (const img of rendered.querySelectorAll('img')) img.removeAttribute('src');
        for (const child of [...document.body.children]) {
          if (!child.localName.startsWith('acquaint-')) child.remove();
        }
        document.body.prepend(...rendered.children);
      }, 200);
    },
    [path, html] as const,
  );
}

describe('parts of the content scripts loaded on need, in real Chromium', () => {
  const current = useExtensionSession();

  it('reads no subject on a LinkedIn feed, and loads the subject reader on the first profile', async () => {
    const session = current();
    const parts = await recordPartRequests(session);
    const page = await openFixture(session, 'linkedin/feed');
    await expect.poll(() => page.locator('acquaint-badge').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect(await parts()).toEqual([]);
    expect(await page.locator('acquaint-toggle').count()).toBe(0);

    const profile = loadFixture('linkedin/profile-classic');
    await navigateInApp(page, new URL(profile.url).pathname, profile.html);
    await expect.poll(() => page.locator('acquaint-toggle').count(), { timeout: 10_000 }).toBe(1);
    expect(await parts()).toEqual(['linkedin-subject']);
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator(PERSON_NAME).textContent()).toBe('Ada Quill');
  });

  it('reads the other participant of a LinkedIn messaging thread with the loaded reader', async () => {
    const session = current();
    const parts = await recordPartRequests(session);
    const url = 'https://www.linkedin.com/messaging/thread/2-abc123/';
    session.serve(
      url,
      `<!doctype html><html><body><main><div class="msg-convo-wrapper">
        <div class="msg-title-bar"><a href="/in/ada-quill-4b21a/">
          <h2 class="msg-entity-lockup__entity-title">Ada Quill</h2></a></div>
        <ul><li class="msg-s-message-list__event"><div class="msg-s-event-listitem">
          <div class="msg-s-message-group__meta"><a href="/in/ada-quill-4b21a/">
            <span class="msg-s-message-group__name">Ada Quill</span></a></div>
          <p class="msg-s-event-listitem__body">Shall we meet at the conference?</p>
        </div></li></ul></div></main></body></html>`,
    );
    const page = await session.context.newPage();
    await page.goto(url);

    await expect.poll(() => page.locator('acquaint-toggle').count(), { timeout: 10_000 }).toBe(1);
    expect(await parts()).toEqual(['linkedin-subject']);
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator(PERSON_NAME).textContent()).toBe('Ada Quill');
  });
});
