import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { clickToggle, closeChecked, launchExtension, openFixture, sidebarFrame } from './harness';

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
    await closeChecked(first);

    const second = await launchExtension({ userDataDir });
    try {
      const again = await openFixture(second, 'x/profile');
      await clickToggle(again);
      const reopened = await sidebarFrame(again);
      await reopened.locator('[data-testid="note"]').filter({ hasText: text }).waitFor();
      await closeChecked(second);
    } finally {
      await second.close();
    }
  });
});

describe('what the sidebar showed as saved survives the service worker stopping', () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'acquaint-sw-stop-'));
  afterAll(() => rmSync(userDataDir, { recursive: true, force: true }));

  it('keeps notes saved while the worker is stopped again and again, before and after they show as saved', async () => {
    const session = await launchExtension({ userDataDir });
    try {
      const page = await openFixture(session, 'linkedin/profile-classic');
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      const stopWorkers = () => cdp.send('ServiceWorker.stopAllWorkers');
      await clickToggle(page);
      const frame = await sidebarFrame(page);
      await frame.locator('[data-testid="person-name"]').waitFor();

      const texts = [
        'Stopped mid-save one 8e1a',
        'Stopped mid-save two 3f0c',
        'Stopped mid-save three 77d2',
      ];
      for (const text of texts) {
        await frame.locator('[data-testid="note-input"]').fill(text);
        await frame.locator('[data-testid="note-save"]').click();
        // Stop the worker while the save is on its way, and again just after.
        await stopWorkers();
        await stopWorkers();
        await expect
          .poll(() => frame.locator('[data-testid="save-status"]').textContent(), {
            timeout: 15_000,
          })
          .toBe('All changes saved');
        // Filed, as the click asked, even when the first try died with the worker.
        await expect.poll(() => frame.locator('[data-testid="note-input"]').inputValue()).toBe('');
        await stopWorkers();
      }

      // A fresh page and sidebar, served by a worker that started from nothing.
      await page.close();
      const again = await openFixture(session, 'linkedin/profile-classic');
      await clickToggle(again);
      const reopened = await sidebarFrame(again);
      for (const text of texts) {
        await reopened.locator('[data-testid="note"]').filter({ hasText: text }).waitFor();
      }
      expect(await reopened.locator('[data-testid="note"]').count()).toBe(texts.length);
      await closeChecked(session);
    } finally {
      await session.close();
    }
  });
});

describe('a note at the size limit', () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'acquaint-note-limit-'));
  afterAll(() => rmSync(userDataDir, { recursive: true, force: true }));

  it('stops at the limit and says so, and what is typed afterwards is saved', async () => {
    const limit = 500_000;
    const session = await launchExtension({ userDataDir, spy: false });
    try {
      const page = await openFixture(session, 'linkedin/profile-classic');
      await clickToggle(page);
      const frame = await sidebarFrame(page);
      await frame.locator('[data-testid="person-name"]').waitFor();

      // A paste 123 characters past what a note holds.
      const input = frame.locator('[data-testid="note-input"]');
      await input.fill(`${'p'.repeat(limit - 1)}${'q'.repeat(124)}`);
      await expect.poll(() => input.inputValue().then((value) => value.length)).toBe(limit);
      await expect
        .poll(() => frame.locator('[data-testid="notice"]').textContent())
        .toContain('the last 123 you added did not fit');
      await expect
        .poll(() => frame.locator('[data-testid="note-hint"]').textContent())
        .toBe('0 characters left in this note');

      await frame.locator('[data-testid="note-save"]').click();
      await expect.poll(() => input.inputValue()).toBe('');
      const why = 'Typed after the long note 4c1e';
      await frame.locator('[data-testid="why-input"]').fill(why);
      await expect
        .poll(() => frame.locator('[data-testid="save-status"]').textContent(), { timeout: 15_000 })
        .toBe('All changes saved');

      await page.close();
      const again = await openFixture(session, 'linkedin/profile-classic');
      await clickToggle(again);
      const reopened = await sidebarFrame(again);
      await expect.poll(() => reopened.locator('[data-testid="why-input"]').inputValue()).toBe(why);
      const body = reopened.locator('[data-testid="note-body"]');
      await expect.poll(() => body.count()).toBe(1);
      const saved = await body.textContent();
      expect(saved?.length).toBe(limit);
      expect(saved?.endsWith('pq')).toBe(true);
      await closeChecked(session);
    } finally {
      await session.close();
    }
  });
});
