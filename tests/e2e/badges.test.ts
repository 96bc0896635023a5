import type { Page } from 'playwright-core';

import { clickBadgeBeside, countRequests, readBadges, seedPeople } from './badges-helpers';
import { openFixture, sidebarFrame, useExtensionSession } from './harness';

/** What X's timeline does on scroll: more cells appended to the list, all at once. */
async function appendTweets(page: Page, from: number, count: number) {
  await page.evaluate(
    ({ from, count }) => {
      const cell = document.querySelector('[data-testid="cellInnerDiv"]');
      if (!cell?.parentElement) throw new Error('no timeline cell to copy');
      // The copy is of the site's own markup, without what Acquaint added to it.
      const template = cell.cloneNode(true) as Element;
      for (const badge of template.querySelectorAll('acquaint-badge')) badge.remove();
      const html = template.outerHTML;
      const cells = Array.from({ length: count }, (_, index) => {
        const n = from + index;
        const wrapper = document.createElement('div');
        wrapper.innerHTML = html
          .replaceAll('larkfenwood', `scrolluser${n}`)
          .replaceAll('Lark Fenwood', `Scroll User ${n}`);
        return wrapper.firstElementChild as Element;
      });
      cell.parentElement.append(...cells);
    },
    { from, count },
  );
}

describe('badges beside authors', () => {
  const current = useExtensionSession();

  it('marks only people already in Acquaint on an X timeline, with one lookup per batch', async () => {
    const session = current();
    await seedPeople(session, [
      { key: 'x:quintamarsh', name: 'Quinta Marsh' },
      { key: 'x:scrolluser3', name: 'Scroll User 3' },
    ]);
    const lookups = await countRequests(session, 'people.lookup');
    const page = await openFixture(session, 'x/timeline');

    await expect.poll(async () => (await readBadges(page)).length).toBeGreaterThanOrEqual(4);
    const first = await readBadges(page);
    expect(first.filter((badge) => badge.known).map((badge) => badge.besideHref)).toEqual([
      '/quintamarsh',
    ]);
    expect(first.map((badge) => badge.besideHref)).toEqual(
      expect.arrayContaining(['/larkfenwood', '/quintamarsh', '/tobinash']),
    );
    // Quoted, reposting, mentioned and who-to-follow people get no badge.
    for (const badge of first) {
      expect(['/harperzell', '/PipWellings', '/marlovenn']).not.toContain(badge.besideHref);
    }
    expect(await lookups()).toBe(1);

    await appendTweets(page, 1, 10);
    await expect.poll(async () => (await readBadges(page)).length).toBe(first.length + 10);
    await expect
      .poll(async () =>
        (await readBadges(page)).filter((badge) => badge.known).map((badge) => badge.besideHref),
      )
      .toEqual(['/quintamarsh', '/scrolluser3']);
    expect(await lookups()).toBe(2);

    await appendTweets(page, 11, 10);
    await expect.poll(async () => (await readBadges(page)).length).toBe(first.length + 20);
    await expect.poll(lookups).toBe(3);
  });

  it('opens the sidebar for a commenter on a LinkedIn post, and marks them once noted', async () => {
    const session = current();
    const page = await openFixture(session, 'linkedin/post-comments');
    await expect.poll(async () => (await readBadges(page)).length).toBeGreaterThan(1);
    const beside = (await readBadges(page)).map((badge) => badge.besideHref ?? '');
    expect(beside.some((href) => href.includes('/in/augustin-rye'))).toBe(true);
    expect((await readBadges(page)).every((badge) => !badge.known)).toBe(true);

    await clickBadgeBeside(page, '/in/augustin-rye');
    const frame = await sidebarFrame(page);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Augustin Rye');
    await expect
      .poll(() => frame.locator('[data-testid="person-identity"]').textContent())
      .toContain('augustin-rye');

    // Opening a person's notes shows them; writing about them adds them, and their badges then
    // show them as known (a page's click alone stores nobody: issue 12).
    expect((await readBadges(page)).every((badge) => !badge.known)).toBe(true);
    await frame.locator('[data-testid="why-input"]').pressSequentially('Asked a sharp question');
    await expect
      .poll(async () =>
        (await readBadges(page))
          .filter((badge) => badge.known)
          .every((badge) => badge.besideHref?.includes('/in/augustin-rye')),
      )
      .toBe(true);
    await expect
      .poll(async () => (await readBadges(page)).filter((badge) => badge.known).length)
      .toBeGreaterThan(0);
  });

  it('shows no badges when the user turns them off', async () => {
    const session = current();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('[data-testid="setting-badges"]').uncheck();
    await expect
      .poll(() => options.locator('[data-testid="setting-badges"]').isChecked())
      .toBe(false);
    const page = await openFixture(session, 'x/timeline');
    await page.waitForTimeout(1500);
    expect(await page.locator('acquaint-badge').count()).toBe(0);
  });
});
