import type { Page } from 'playwright-core';

import type { ExtensionSession } from './harness';

interface PanelChrome {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
  tabs: { getCurrent(): Promise<unknown> };
}

/** Whether the browser's side panel shows Acquaint, as the browser tells the extension. */
export function isSidePanelOpen(session: ExtensionSession): Promise<boolean> {
  return session.worker.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { chrome: PanelChrome }).chrome;
    return (await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length > 0;
  });
}

/** Whether the toolbar popup is open. */
export function isPopupOpen(session: ExtensionSession): Promise<boolean> {
  return session.worker.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { chrome: PanelChrome }).chrome;
    return (await runtime.getContexts({ contextTypes: ['POPUP'] })).length > 0;
  });
}

/**
 * The side panel's page: the sidebar page that is in no tab (a sidebar in a window of its own is
 * a tab). Reached over DevTools, as Playwright's own connection does not list it.
 */
export async function sidePanelPage(session: ExtensionSession): Promise<Page> {
  const address = `chrome-extension://${session.extensionId}/sidebar.html`;
  await expect.poll(() => isSidePanelOpen(session), { timeout: 15_000 }).toBe(true);
  for (;;) {
    for (const page of await session.browserPages()) {
      if (page.url() !== address) continue;
      const inTab = await page
        .evaluate(async () => {
          const { tabs } = (globalThis as unknown as { chrome: PanelChrome }).chrome;
          return (await tabs.getCurrent()) !== undefined;
        })
        .catch(() => true);
      if (!inTab) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The toolbar popup's page, once it is open. */
export async function popupPage(session: ExtensionSession): Promise<Page> {
  const address = `chrome-extension://${session.extensionId}/popup.html`;
  await expect.poll(() => isPopupOpen(session), { timeout: 15_000 }).toBe(true);
  for (;;) {
    const popup = (await session.browserPages()).find((page) => page.url() === address);
    if (popup) return popup;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Unchecks (or checks) "Show Acquaint inside <site>'s pages" on the options page, by clicking it. */
export async function setInPage(
  session: ExtensionSession,
  site: 'linkedin' | 'x',
  shown: boolean,
): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const box = options.locator(`[data-testid="in-page-${site}"]`);
  await box.waitFor();
  if ((await box.isChecked()) !== shown) await box.click();
  // Stored, not just ticked: a reload of the page reads the setting back from the background.
  await expect
    .poll(async () => {
      await options.reload();
      return box.isChecked();
    })
    .toBe(shown);
  await options.close();
}

/** The authors the content script reported for a tab, as the background keeps them. */
export function reportedPeople(session: ExtensionSession, url: string): Promise<string[]> {
  return session.worker.evaluate(async (address) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
        };
      }
    ).chrome;
    const tab = (await api.tabs.query({})).find((candidate) => candidate.url === address);
    if (tab?.id === undefined) return [];
    const key = `tab-people:${tab.id}`;
    const people = ((await api.storage.session.get(key))[key] ?? []) as { key: string }[];
    return people.map((person) => person.key);
  }, url);
}
