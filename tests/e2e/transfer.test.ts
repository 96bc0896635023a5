import type { Page } from 'playwright-core';

import type { ExtensionSession } from './harness';
import { useExtensionSession } from './harness';
import { DAY, daysAgo } from './seed';

/** A backup as another Acquaint wrote it, with dates around today so who is cold is known. */
function backupOfToday() {
  const created = daysAgo(400);
  const person = (id: string, name: string, slug: string, extra: Record<string, unknown> = {}) => ({
    id,
    name,
    identities: [{ key: `linkedin:${slug}`, url: `https://www.linkedin.com/in/${slug}/` }],
    why: `Why ${name} matters`,
    tags: ['e2e'],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: created,
    updatedAt: created,
    ...extra,
  });
  return {
    format: 'acquaint-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    people: [
      person('p-ada', 'Ada Quill', 'ada-quill-4b21a', { cadenceDays: 30 }),
      person('p-bea', 'Bea <b>Bold</b> \u202Eevil', 'bea-bold'),
      person('p-cy', 'Cy Recent', 'cy-recent'),
      person('p-dee', 'Dee Snoozed', 'dee-snoozed', {
        snoozedUntil: new Date(Date.now() + 30 * DAY).toISOString(),
      }),
    ],
    notes: [
      {
        id: 'n-1',
        personId: 'p-ada',
        body: 'Met at the data meetup. Wants speakers for March.',
        url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
        createdAt: daysAgo(90),
        updatedAt: daysAgo(89),
      },
      {
        id: 'n-2',
        personId: 'p-bea',
        body: '<img src=x onerror=alert(1)> line one\nline two',
        createdAt: daysAgo(60),
        updatedAt: daysAgo(60),
      },
    ],
    // In the order an export writes them (by date), so the round trip compares as text.
    interactions: [
      {
        id: 'i-dee',
        personId: 'p-dee',
        at: daysAgo(200),
        kind: 'met',
        direction: 'in',
        summary: 'Conference',
      },
      {
        id: 'i-bea',
        personId: 'p-bea',
        at: daysAgo(50),
        kind: 'comment',
        direction: 'in',
        summary: 'Commented on my post',
      },
      {
        id: 'i-ada',
        personId: 'p-ada',
        at: daysAgo(45),
        kind: 'message',
        direction: 'out',
        summary: 'Asked about speaking',
      },
      {
        id: 'i-cy',
        personId: 'p-cy',
        at: daysAgo(3),
        kind: 'call',
        direction: 'out',
        summary: 'Quick call',
      },
    ],
    settings: { defaultCadenceDays: 30 },
  };
}

async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  return page;
}

async function pickFile(page: Page, name: string, text: string, mimeType: string) {
  await page
    .locator('input[type=file][data-testid="import-file"]')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
}

async function coldNames(session: ExtensionSession): Promise<string[]> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.locator('[data-testid="cold-person"], [data-testid="cold-empty"]').first().waitFor();
  const names = await popup
    .locator('[data-testid="cold-person"] [data-testid="cold-person-name"]')
    .allTextContents();
  await popup.close();
  return names;
}

async function exportBackupFile(page: Page): Promise<{ name: string; json: unknown }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-backup"]').click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return {
    name: download.suggestedFilename(),
    json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
  };
}

const withoutExportDate = (backup: unknown) => ({
  ...(backup as Record<string, unknown>),
  exportedAt: null,
});

describe('backup and restore on the options page', () => {
  const current = useExtensionSession();

  it('imports a backup after a preview, lists its cold people, and exports the same data', async () => {
    const session = current();
    const backup = backupOfToday();
    const page = await openOptions(session);

    await pickFile(page, 'acquaint-backup.json', JSON.stringify(backup), 'application/json');
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    await expect(
      preview.locator('[data-testid="preview-people"] td').first().textContent(),
    ).resolves.toBe('4');
    await expect(
      preview.locator('[data-testid="preview-notes"] td').first().textContent(),
    ).resolves.toBe('2');
    // Nothing is written before the confirmation.
    expect(await coldNames(session)).toEqual([]);

    await page.locator('[data-testid="import-confirm"]').click();
    const status = page.locator('[data-testid="import-status"]');
    await expect.poll(() => status.textContent()).toContain('4 people added');
    expect(await status.textContent()).toContain('2 notes added');
    expect(await status.textContent()).toContain('4 interactions added');

    // Bea's turn (they wrote last) comes first; Cy is recent and Dee is snoozed.
    expect(await coldNames(session)).toEqual(['Bea <b>Bold</b> \u202Eevil', 'Ada Quill']);

    const exported = await exportBackupFile(page);
    expect(exported.name).toMatch(/^acquaint-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(withoutExportDate(exported.json)).toEqual(withoutExportDate(backup));
  });

  it('round-trips into an empty profile: export, import elsewhere, export again gives the same data', async () => {
    const first = current();
    const page = await openOptions(first);
    await pickFile(page, 'start.json', JSON.stringify(backupOfToday()), 'application/json');
    await page.locator('[data-testid="import-confirm"]').click();
    await expect
      .poll(() => page.locator('[data-testid="import-status"]').textContent())
      .toContain('added');
    const exported = await exportBackupFile(page);

    const { closeChecked, launchExtension } = await import('./harness');
    const second = await launchExtension();
    try {
      const other = await openOptions(second);
      await pickFile(other, exported.name, JSON.stringify(exported.json), 'application/json');
      await other.locator('[data-testid="import-confirm"]').click();
      await expect
        .poll(() => other.locator('[data-testid="import-status"]').textContent())
        .toContain('4 people added');
      const again = await exportBackupFile(other);
      expect(withoutExportDate(again.json)).toEqual(withoutExportDate(exported.json));
      await closeChecked(second);
    } finally {
      await second.close();
    }
  });

  it('refuses a broken backup, says where it is wrong, and changes nothing', async () => {
    const session = current();
    const page = await openOptions(session);
    const broken = backupOfToday();
    (broken.people[2] as { identities: { key: string }[] }).identities[0] = { key: 'nonsense' };
    await pickFile(page, 'broken.json', JSON.stringify(broken), 'application/json');
    const status = page.locator('[data-testid="import-status"]');
    await expect.poll(() => status.textContent()).toContain('people[2].identities[0].key');
    expect(await page.locator('[data-testid="import-confirm"]').count()).toBe(0);

    await pickFile(
      page,
      'cut.json',
      JSON.stringify(backupOfToday()).slice(0, 500),
      'application/json',
    );
    await expect.poll(() => status.textContent()).toContain('ends too early');
    expect(await coldNames(session)).toEqual([]);
  });
});

describe("importing LinkedIn's export", () => {
  const current = useExtensionSession();

  it('turns Connections.csv into people whose cold list is right on day one', async () => {
    const session = current();
    const page = await openOptions(session);
    const connected = (days: number) =>
      new Date(Date.now() - days * DAY).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
    const csv = [
      '\uFEFFNotes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      `Ada,Quill,https://www.linkedin.com/in/ada-quill-4b21a,,"Quill Data, Inc.",Founder,${connected(100)}`,
      `Bo,Reyes,https://www.linkedin.com/in/bo-reyes,,,,${connected(5)}`,
      `Cy,Old,https://www.linkedin.com/in/cy-old,,,,${connected(700)}`,
    ].join('\r\n');
    await pickFile(page, 'Connections.csv', csv, 'text/csv');
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    await expect(
      preview.locator('[data-testid="preview-people"] td').first().textContent(),
    ).resolves.toBe('3');
    await page.locator('[data-testid="import-confirm"]').click();
    await expect
      .poll(() => page.locator('[data-testid="import-status"]').textContent())
      .toContain('3 people added');
    // Connected long ago and never followed up: the oldest first; Bo is recent.
    expect(await coldNames(session)).toEqual(['Cy Old', 'Ada Quill']);

    // The same file again adds nobody twice.
    await pickFile(page, 'Connections.csv', csv, 'text/csv');
    await preview.waitFor();
    await page.locator('[data-testid="import-confirm"]').click();
    await expect
      .poll(() => page.locator('[data-testid="import-status"]').textContent())
      .toContain('Nothing new');
  });
});

describe('automatic backups', () => {
  const current = useExtensionSession();

  it('writes a backup file through the downloads API and shows when', async () => {
    const session = current();
    const page = await openOptions(session);
    await pickFile(page, 'start.json', JSON.stringify(backupOfToday()), 'application/json');
    await page.locator('[data-testid="import-confirm"]').click();
    await expect
      .poll(() => page.locator('[data-testid="import-status"]').textContent())
      .toContain('added');

    await page.locator('[data-testid="auto-backup-now"]').click();
    const status = page.locator('[data-testid="auto-backup-status"]');
    await expect
      .poll(() => status.textContent())
      .toMatch(/Last backup written .*acquaint-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json/);

    const files = await session.worker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: {
            downloads: {
              search(
                q: object,
              ): Promise<{ filename: string; state: string; byExtensionId?: string }[]>;
            };
          };
        }
      ).chrome;
      return api.downloads.search({ orderBy: ['-startTime'] });
    });
    const written = files.filter((item) => item.byExtensionId === session.extensionId);
    // Nothing was written before there was anything to lose; then one file, from the click.
    expect(written).toHaveLength(1);
    expect(written.every((item) => item.state === 'complete')).toBe(true);
    const { readFileSync } = await import('node:fs');
    const newest = written[0];
    if (!newest) throw new Error('no backup file');
    const saved = JSON.parse(readFileSync(newest.filename, 'utf8')) as {
      people: { name: string }[];
    };
    expect(saved.people.map((p) => p.name)).toEqual(backupOfToday().people.map((p) => p.name));
  });
});
