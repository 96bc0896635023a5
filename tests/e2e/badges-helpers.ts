import { sendFromExtensionPage } from '../support/chromium';
import type { Page } from 'playwright-core';

import type { ExtensionSession } from './harness';

interface PersonRef {
  key: string;
  name: string;
  url?: string;
}

/**
 * Sends requests to the background through Acquaint's own message protocol, from one of its own
 * pages, exactly as its sidebar and popup do. Returns each answer's value.
 */
export async function sendAsExtensionPage(
  session: ExtensionSession,
  requests: Record<string, unknown>[],
): Promise<unknown[]> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const values: unknown[] = [];
  try {
    for (const request of requests) {
      values.push(await sendFromExtensionPage(page, request));
    }
  } finally {
    await page.close();
  }
  return values;
}

/** Puts people into Acquaint, each with a note, as the sidebar would. */
export async function seedPeople(session: ExtensionSession, people: PersonRef[]): Promise<void> {
  await sendAsExtensionPage(
    session,
    people.map((person) => ({
      type: 'notes.save',
      person,
      note: { id: crypto.randomUUID(), body: `Seeded note about ${person.name}` },
      baseRev: null,
    })),
  );
}

/** Counts the requests of one type the background receives from now on. */
export async function countRequests(
  session: ExtensionSession,
  type: string,
): Promise<() => Promise<number>> {
  await session.worker.evaluate((wanted) => {
    const scope = globalThis as unknown as {
      __acquaintCounts?: Record<string, number>;
      chrome: {
        runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
      };
    };
    scope.__acquaintCounts ??= {};
    scope.__acquaintCounts[wanted] = 0;
    scope.chrome.runtime.onMessage.addListener((message) => {
      const counts = scope.__acquaintCounts as Record<string, number>;
      if ((message as { type?: string } | null)?.type === wanted)
        counts[wanted] = (counts[wanted] ?? 0) + 1;
    });
  }, type);
  return () =>
    session.worker.evaluate(
      (wanted) =>
        (globalThis as unknown as { __acquaintCounts: Record<string, number> }).__acquaintCounts[
          wanted
        ] ?? 0,
      type,
    );
}

export interface BadgeReading {
  /** The href of the author link the badge sits beside. */
  besideHref: string | null;
  known: boolean;
}

interface CdpNode {
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/**
 * Reads every badge the way only the browser itself can: the DevTools protocol pierces closed
 * shadow roots, which neither the page nor Playwright's locators can.
 */
export async function readBadges(page: Page): Promise<BadgeReading[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const found: BadgeReading[] = [];
    const attr = (node: CdpNode, name: string) => {
      const list = node.attributes ?? [];
      const index = list.indexOf(name);
      return index >= 0 && index % 2 === 0 ? (list[index + 1] ?? null) : null;
    };
    const visit = (node: CdpNode) => {
      const children = node.children ?? [];
      children.forEach((child, index) => {
        if (child.nodeName === 'ACQUAINT-BADGE') {
          // The closed root is on the built-in element inside the host (shadow-host.ts).
          const inner = (child.children ?? []).find((n) => (n.shadowRoots ?? []).length > 0);
          const button = (inner?.shadowRoots?.[0]?.children ?? []).find(
            (n) => n.nodeName === 'BUTTON',
          );
          const before = children[index - 1];
          found.push({
            besideHref: before ? attr(before, 'href') : null,
            known: (attr(button ?? child, 'class') ?? '').split(' ').includes('known'),
          });
        }
      });
      for (const child of children) visit(child);
      for (const shadow of node.shadowRoots ?? []) visit(shadow);
    };
    visit(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Clicks the middle of the badge beside the author link matching `hrefPart`. */
export async function clickBadgeBeside(page: Page, hrefPart: string): Promise<void> {
  const host = page.locator(`a[href*="${hrefPart}"] + acquaint-badge`).first();
  await host.waitFor({ state: 'attached' });
  await host.scrollIntoViewIfNeeded();
  const box = await host.boundingBox();
  if (!box) throw new Error(`The badge beside ${hrefPart} has no box.`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
