import type { Page } from 'playwright-core';

import { readBadges, seedPeople } from './badges-helpers';
import { clickToggle, openFixture, sidebarFrame, useExtensionSession } from './harness';

/**
 * Issue 13 item 7: a screen reader hears whom each badge and the toggle are about, and whether
 * they are in Acquaint, while the page learns neither (docs/privacy.md). The names live on the
 * buttons inside the closed shadow roots; the browser's accessibility tree (read here through the
 * DevTools protocol, which sees through closed roots as assistive technology does) has them, the
 * page's DOM, text search and selection do not.
 */

interface AXNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

/** The named buttons of the page's own frame (the sidebar is a frame of its own, not in it). */
async function accessibleButtons(page: Page): Promise<{ name: string; expanded?: unknown }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes
      .filter((node) => !node.ignored && node.role?.value === 'button')
      .map((node) => ({
        name: node.name?.value ?? '',
        expanded: node.properties?.find((property) => property.name === 'expanded')?.value.value,
      }));
  } finally {
    await cdp.detach();
  }
}

const acquaintNames = async (page: Page) =>
  (await accessibleButtons(page))
    .map((button) => button.name)
    .filter((name) => name.includes('Acquaint'))
    .sort();

interface SpyWindow {
  __acquaintSpyFind(strings: string[]): { text: string; found: boolean }[];
  __acquaintSpyDump(): string;
}

/** What a page can read of Acquaint's hosts: attributes and text, all of them. */
const hostsSeenByPage = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('acquaint-badge, acquaint-toggle')].map((host) => ({
      attributes: host.getAttributeNames(),
      text: host.textContent,
      html: host.innerHTML,
    })),
  );

describe('the accessible names of the badges and the toggle', () => {
  const current = useExtensionSession();

  it('say each author’s name and whether they are in Acquaint, and the page finds none of it', async () => {
    const session = current();
    // Known, under a name of the user's own: the badge says the page's name, never this one.
    await seedPeople(session, [{ key: 'x:quintamarsh', name: 'Quinta Privatename' }]);
    const page = await openFixture(session, 'x/timeline');
    await expect
      .poll(async () => (await readBadges(page)).filter((badge) => badge.known).length)
      .toBe(1);

    const names = await acquaintNames(page);
    expect(names).toEqual(
      [
        'Brightmug Coffee — not in Acquaint yet',
        // Lark wrote two of the tweets: a badge beside each.
        'Lark Fenwood — not in Acquaint yet',
        'Lark Fenwood — not in Acquaint yet',
        'Quinta Marsh — in Acquaint',
        'Tobin Ashgrove 🦊 — not in Acquaint yet',
      ].sort(),
    );
    expect(names.join('\n')).not.toContain('Privatename');

    // The page's side: the same bare host for everyone, no label, no text, nothing to find.
    const hosts = await hostsSeenByPage(page);
    expect(hosts.length).toBeGreaterThanOrEqual(4);
    for (const host of hosts)
      expect(host).toEqual({ attributes: ['style'], text: '', html: '<span></span>' });
    const finds = await page.evaluate(
      (strings) => (window as unknown as SpyWindow).__acquaintSpyFind(strings),
      ['Quinta Marsh — in Acquaint', 'in Acquaint', 'not in Acquaint yet', '—'],
    );
    expect(finds.filter((find) => find.found)).toEqual([]);
    const dump = await page.evaluate(() => (window as unknown as SpyWindow).__acquaintSpyDump());
    expect(dump).not.toContain('in Acquaint');
    expect(dump).not.toContain('Privatename');
  });

  it('name the toggle after the profile’s owner, and it says “in Acquaint” once a note is written', async () => {
    const session = current();
    const page = await openFixture(session, 'linkedin/profile-classic');
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    const toggle = async () =>
      (await accessibleButtons(page)).find((button) => button.name.startsWith('Notes on'));
    await expect
      .poll(toggle)
      .toEqual({ name: 'Notes on Ada Quill — not in Acquaint yet', expanded: false });
    await expect.poll(() => acquaintNames(page)).toContain('Ada Quill — not in Acquaint yet');

    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="note-input"]').fill('Met at the Leeds data meetup');
    await frame.locator('[data-testid="note-save"]').click();
    await frame.locator('[data-testid="note"]').waitFor();

    // Writing about Ada added her: the toggle and her badge ask again, and say so.
    await expect.poll(toggle).toEqual({ name: 'Notes on Ada Quill — in Acquaint', expanded: true });
    await expect.poll(() => acquaintNames(page)).toContain('Ada Quill — in Acquaint');

    const hosts = await hostsSeenByPage(page);
    const toggleHost = hosts.find((host) => host.attributes.includes('data-open'));
    expect(toggleHost).toMatchObject({ text: '', html: '<div></div>' });
    expect(toggleHost?.attributes.sort()).toEqual(['data-open', 'style']);
    const finds = await page.evaluate(
      (strings) => (window as unknown as SpyWindow).__acquaintSpyFind(strings),
      ['Notes on Ada Quill', 'in Acquaint', 'not in Acquaint yet'],
    );
    expect(finds.filter((find) => find.found)).toEqual([]);
  });
});
