import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { readBadges, seedPeople } from './badges-helpers';
import { seedTouches } from './seed';
import {
  clickToggle,
  isSidebarVisible,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';

// `npm run docs:screenshots` writes the README's pictures; a plain test run writes them to a
// temporary folder, so the picture-taking path is exercised on every run and cannot rot.
/**
 * The fixtures carry the sites' markup but not their stylesheets; for a picture a person can read,
 * lay the timeline out in flow and keep icons at icon size. It touches nothing Acquaint added.
 */
const READABLE_FIXTURE_CSS = `
  [data-testid="cellInnerDiv"] { position: static !important; transform: none !important; }
  svg { max-width: 20px; max-height: 20px; }
  body { font: 15px/1.4 system-ui, sans-serif; max-width: 760px; margin: 16px; }
  article, .comments-comment-entity, .comments-comment-item { border-bottom: 1px solid #ddd; padding: 8px 0; }
  nav, header[role="banner"], [data-testid="sidebarColumn"] { display: none; }
`;

const OUTPUT_DIR = process.env.UPDATE_SCREENSHOTS
  ? resolve('docs/images')
  : mkdtempSync(join(tmpdir(), 'acquaint-shots-'));

describe('README screenshots', () => {
  const current = useExtensionSession({ spy: false });

  it('shows the sidebar beside a LinkedIn profile', async () => {
    const page = await openFixture(current(), 'linkedin/profile-classic');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="why-input"]').fill('Runs the data meetup; wants speakers');
    for (const note of [
      'Met at the Lisbon data meetup. Training for her first marathon; asked about my half-marathon plan.',
      'Promised: send her the write-up on our dashboard migration, and an intro to Bram (he speaks on dbt).',
    ]) {
      await frame.locator('[data-testid="note-input"]').fill(note);
      await frame.locator('[data-testid="note-save"]').click();
      await frame
        .locator('[data-testid="note"]')
        .filter({ hasText: note.slice(0, 30) })
        .waitFor();
    }
    await frame.locator('[data-testid="save-status"]').filter({ hasText: 'saved' }).waitFor();
    expect(await isSidebarVisible(page)).toBe(true);
    const path = join(OUTPUT_DIR, 'sidebar-linkedin.png');
    await page.screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('shows badges beside the authors of an X timeline', async () => {
    const session = current();
    await seedPeople(session, [
      { key: 'x:quintamarsh', name: 'Quinta Marsh' },
      { key: 'x:tobinash', name: 'Tobin Ashgrove' },
    ]);
    const page = await openFixture(session, 'x/timeline');
    await page.addStyleTag({ content: READABLE_FIXTURE_CSS });
    await expect
      .poll(async () => (await readBadges(page)).filter((badge) => badge.known).length)
      .toBe(2);
    const path = join(OUTPUT_DIR, 'badges-x-timeline.png');
    await page.screenshot({ path, clip: { x: 0, y: 0, width: 900, height: 800 } });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('shows badges beside the commenters of a LinkedIn post', async () => {
    const session = current();
    await seedPeople(session, [{ key: 'linkedin:augustin-rye', name: 'Augustin Rye' }]);
    const page = await openFixture(session, 'linkedin/post-comments');
    await page.addStyleTag({ content: READABLE_FIXTURE_CSS });
    await expect
      .poll(async () => (await readBadges(page)).filter((badge) => badge.known).length)
      .toBeGreaterThan(0);
    const comments = page.locator('a[href*="/in/augustin-rye"] + acquaint-badge').first();
    await comments.scrollIntoViewIfNeeded();
    const box = await comments.boundingBox();
    const top = Math.max(0, (box?.y ?? 0) - 300);
    const path = join(OUTPUT_DIR, 'badges-linkedin-comments.png');
    await page.screenshot({ path, clip: { x: 0, y: top, width: 900, height: 600 } });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it('shows the conversations gone cold in the toolbar popup', async () => {
    const session = current();
    await seedTouches(session, [
      {
        slug: 'ada-quill-4b21a',
        name: 'Ada Quill',
        touch: { days: 41, direction: 'in', summary: 'Asked if I could speak at the March meetup' },
      },
      {
        slug: 'bram-oduya-5c',
        name: 'Bram Oduya',
        touch: { days: 20, direction: 'out', summary: 'Sent the dbt talk recording' },
        change: { cadenceDays: 14 },
      },
      {
        slug: 'wendeline-marsh-4a',
        name: 'Wendeline Marsh',
        touch: { days: 95, direction: 'out', summary: 'Coffee; she is hiring a data lead' },
        change: { cadenceDays: 90 },
      },
    ]);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 400, height: 620 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('[data-testid="cold-person"]').count()).toBe(3);
    const path = join(OUTPUT_DIR, 'popup-cold.png');
    await popup.screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
