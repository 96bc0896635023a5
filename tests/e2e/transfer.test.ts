import type { Page } from 'playwright-core';

import type { ExtensionSession } from './harness';
import { useExtensionSession } from './harness';
import { DAY, daysAgo } from './seed';

/**
 * A version 2 backup as another Acquaint wrote it, with dates around today so who is cold is
 * known, and a record in every list version 2 added.
 */
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
    headline: '',
    interests: [] as string[],
    circleId: null as string | null,
    metVia: null as string | null,
    metAt: null as string | null,
    ...extra,
  });
  return {
    format: 'acquaint-backup',
    version: 2,
    exportedAt: new Date().toISOString(),
    people: [
      person('p-ada', 'Ada Quill', 'ada-quill-4b21a', {
        cadenceDays: 30,
        headline: 'Founder at Quill Data',
        interests: ['rust', 'sourdough'],
        metAt: 'e-meetup',
      }),
      person('p-bea', 'Bea <b>Bold</b> \u202Eevil', 'bea-bold', { metVia: 'p-ada' }),
      // In a circle kept every day: her call three days ago is long enough (CONTRACT §4).
      person('p-cy', 'Cy Recent', 'cy-recent', { circleId: 'c-daily' }),
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
        eventId: 'e-meetup',
      },
      {
        id: 'i-bea',
        personId: 'p-bea',
        at: daysAgo(50),
        kind: 'comment',
        direction: 'in',
        summary: 'Commented on my post',
        eventId: null,
      },
      {
        id: 'i-ada',
        personId: 'p-ada',
        at: daysAgo(45),
        kind: 'message',
        direction: 'out',
        summary: 'Asked about speaking',
        eventId: null,
      },
      {
        id: 'i-cy',
        personId: 'p-cy',
        at: daysAgo(3),
        kind: 'call',
        direction: 'out',
        summary: 'Quick call',
        eventId: null,
      },
    ],
    settings: { defaultCadenceDays: 30 },
    circles: [{ id: 'c-daily', name: 'Daily', budget: 5, cadenceDays: 1 }],
    ledger: [
      {
        id: 'l-1',
        personId: 'p-ada',
        kind: 'promised',
        text: 'Intro to the Leeds CTO',
        dueAt: daysAgo(-10),
        doneAt: null,
        createdAt: daysAgo(20),
        updatedAt: daysAgo(20),
      },
      {
        id: 'l-2',
        personId: null,
        kind: 'my-ask',
        text: 'A flat in Leeds',
        dueAt: null,
        doneAt: null,
        createdAt: daysAgo(10),
        updatedAt: daysAgo(10),
      },
    ],
    introductions: [
      {
        id: 'x-1',
        personIds: ['p-ada', 'p-bea'],
        at: daysAgo(30),
        status: 'made',
        note: 'Both run meetups',
        followUpAt: daysAgo(-3),
        updatedAt: daysAgo(30),
      },
    ],
    events: [
      {
        id: 'e-meetup',
        name: 'Leeds Data Meetup',
        startsAt: daysAgo(200),
        place: 'The Tetley',
        url: 'https://meetup.example/leeds-data',
        notes: '',
      },
    ],
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

    // Bea's turn (they wrote last) comes first; then Cy, three days into her circle's one-day
    // interval, before Ada, 45 days into her 30; Dee is snoozed.
    expect(await coldNames(session)).toEqual([
      'Bea <b>Bold</b> \u202Eevil',
      'Cy Recent',
      'Ada Quill',
    ]);

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

describe('a backup another program wrote, read tolerantly (CONTRACT §3)', () => {
  const current = useExtensionSession();

  it('imports a version 1 file with empty addresses, missing fields and extra ones', async () => {
    const session = current();
    const page = await openOptions(session);
    const file = {
      format: 'acquaint-backup',
      version: 1,
      exportedAt: daysAgo(1),
      people: [
        // No why, tags, cadence, snooze, archived flag or dates; an address given as "".
        { id: 'p-1', name: 'Ana Lone', identities: [{ key: 'linkedin:ana-lone', url: '' }] },
        { id: 'p-2', name: 'Ben Null', identities: [{ key: 'x:bennull' }], why: null, tags: null },
      ],
      notes: [{ id: 'n-1', personId: 'p-1', body: 'From another tool', url: '', mood: 'fine' }],
      interactions: [
        { id: 'i-1', personId: 'p-2', at: daysAgo(90), kind: 'message', direction: 'in' },
      ],
      // No settings at all.
      plugin: { whatever: true },
    };
    await pickFile(page, 'other-tool.json', JSON.stringify(file), 'application/json');
    await page.locator('[data-testid="import-preview"]').waitFor();
    await page.locator('[data-testid="import-confirm"]').click();
    await expect
      .poll(() => page.locator('[data-testid="import-status"]').textContent())
      .toContain('2 people added');
    // Ben wrote 90 days ago; Ana was added yesterday (the file's date).
    expect(await coldNames(session)).toEqual(['Ben Null']);
  });

  it('still refuses a wrong value, in words with the place beside them', async () => {
    const session = current();
    const page = await openOptions(session);
    const file = {
      format: 'acquaint-backup',
      version: 2,
      people: [
        { id: 'p-1', identities: [{ key: 'x:nameless' }] },
        { id: 'p-2', name: 'Ok' },
      ],
      interactions: [{ id: 'i-1', personId: 'p-1', at: daysAgo(1), kind: 'fax', direction: 'in' }],
    };
    await pickFile(page, 'wrong.json', JSON.stringify(file), 'application/json');
    const status = page.locator('[data-testid="import-status"]');
    await expect
      .poll(() => status.textContent())
      .toContain('The 1st person has no name (people[0].name)');
    expect(await status.textContent()).toContain("The 1st interaction's kind is not one of");
    expect(await page.locator('[data-testid="import-confirm"]').count()).toBe(0);
    expect(await coldNames(session)).toEqual([]);
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
