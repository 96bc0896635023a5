import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
  clickToggle,
  isSidebarVisible,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';

// `npm run docs:screenshots` writes the README's pictures; a plain test run writes them to a
// temporary folder, so the picture-taking path is exercised on every run and cannot rot.
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
});
