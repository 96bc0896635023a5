import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { clickToggle, launchExtension, openFixture, sidebarFrame } from './harness';

describe('what is typed survives the browser closing', () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'acquaint-restart-'));
  afterAll(() => rmSync(userDataDir, { recursive: true, force: true }));

  it('keeps a note typed just before the browser quit, without pressing Save', async () => {
    const text = 'Typed right before quitting 51b7';
    const first = await launchExtension({ userDataDir });
    const page = await openFixture(first, 'x/profile');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="note-input"]').pressSequentially(text, { delay: 2 });
    await first.context.close();

    const second = await launchExtension({ userDataDir });
    try {
      const again = await openFixture(second, 'x/profile');
      await clickToggle(again);
      const reopened = await sidebarFrame(again);
      await reopened.locator('[data-testid="note"]').filter({ hasText: text }).waitFor();
    } finally {
      await second.context.close();
    }
  });
});
