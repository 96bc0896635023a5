import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page } from 'playwright-core';

import { buildZip, deflatedZeros } from '../unit/imports/zip-builder';
import type { ExtensionSession } from './harness';
import { useExtensionSession } from './harness';

/**
 * Issue 12 items 10 and 11 against the built extension: a file a spreadsheet re-saved imports
 * with its names right and the preview says how it was read; a zip bomb is refused with a
 * sentence; a long reading runs in a worker, so the page answers and Cancel ends it with nothing
 * imported.
 */

const ENCODINGS = resolve('tests/fixtures/imports/encodings');

async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  return page;
}

async function pick(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page
    .locator('input[type=file][data-testid="import-file"]')
    .setInputFiles({ name, mimeType, buffer });
}

/** The names of everyone stored, through the options page's own backup export. */
async function storedNames(page: Page): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-backup"]').click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const backup = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    people: { name: string }[];
  };
  return backup.people.map((person) => person.name).sort();
}

const status = (page: Page) => page.locator('[data-testid="import-status"]');

describe('importing files a spreadsheet re-saved', () => {
  const current = useExtensionSession({ spy: false });

  it('reads a Windows-1252 Connections.csv right, and the preview says so and shows the names', async () => {
    const page = await openOptions(current());
    const bytes = readFileSync(resolve(ENCODINGS, 'Connections-windows-1252.csv'));
    await pick(page, 'Connections.csv', bytes);
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-testid="import-notice"]').allTextContents()).toEqual([
      'Connections.csv is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.',
    ]);
    expect(await preview.locator('[data-testid="import-sample"] li').allTextContents()).toEqual([
      'José Müller',
      'Zoë Brontë',
      'François Lefèvre',
      'Ana Núñez',
      'Søren Kierkegård',
    ]);
    await page.locator('[data-testid="import-confirm"]').click();
    await expect.poll(() => status(page).textContent()).toContain('6 people added');
    expect(await storedNames(page)).toEqual([
      'Ada Quill',
      'Ana Núñez',
      'François Lefèvre',
      'José Müller',
      'Søren Kierkegård',
      'Zoë Brontë',
    ]);
  });

  it('reads an Excel "Unicode Text" file (UTF-16, tabs) without a notice', async () => {
    const page = await openOptions(current());
    const bytes = readFileSync(resolve(ENCODINGS, 'Connections-utf16le-tabs.txt'));
    await pick(page, 'Connections.txt', bytes, 'text/plain');
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    expect(await preview.locator('[data-testid="import-notice"]').count()).toBe(0);
    expect(await preview.locator('[data-testid="import-sample"] li').first().textContent()).toBe(
      'José Müller',
    );
  });
});

describe('a zip bomb on the options page', () => {
  const current = useExtensionSession({ spy: false });

  it('is refused with a sentence, and nothing is imported', async () => {
    const page = await openOptions(current());
    const zeros = deflatedZeros(300);
    const honest = buildZip([
      { name: 'Basic/Connections.csv', deflated: zeros, declaredSize: 300 * 1024 * 1024 },
    ]);
    await pick(page, 'Basic_LinkedInDataExport.zip', Buffer.from(honest), 'application/zip');
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        '“Basic_LinkedInDataExport.zip” would unpack to more than 256 MB, far more than a LinkedIn or X export, so it was not opened; nothing was imported.',
      );

    const lying = buildZip([{ name: 'Basic/Connections.csv', deflated: zeros, declaredSize: 900 }]);
    await pick(page, 'export.zip', Buffer.from(lying), 'application/zip');
    await expect
      .poll(() => status(page).textContent())
      .toBe(
        '“export.zip” is a damaged zip file: “Basic/Connections.csv” unpacks to more than the 900 bytes its header says; nothing was imported.',
      );
    expect(await page.locator('[data-testid="import-preview"]').count()).toBe(0);
    expect(await storedNames(page)).toEqual([]);
  });

  it('is read in a worker: the page answers while it reads, and Cancel ends it with nothing imported', async () => {
    const page = await openOptions(current());
    // Forty thousand contacts, each its own .vcf in the zip: seconds of reading, all of it wanted.
    const entries = Array.from({ length: 40_000 }, (_, i) => ({
      name: `contacts/${i}.vcf`,
      method: 0,
      content: Buffer.from(
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.com\r\nEND:VCARD\r\n`,
      ),
    }));
    await pick(page, 'contacts.zip', Buffer.from(buildZip(entries)), 'application/zip');
    const cancel = page.locator('[data-testid="import-reading-cancel"]');
    await cancel.waitFor();
    // The reading runs in a dedicated worker of the page's own.
    await expect
      .poll(() => page.workers().map((worker) => new URL(worker.url()).pathname))
      .toEqual([expect.stringMatching(/^\/assets\/import-worker-[\w-]+\.js$/)]);

    // The page's own thread is free: a task posted now runs at once.
    const delay = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const start = performance.now();
          setTimeout(() => done(performance.now() - start), 0);
        }),
    );
    expect(delay).toBeLessThan(250);
    // "Reading…" until the worker's first message, then where it has got to.
    await expect
      .poll(() => page.locator('[data-testid="import-progress-text"]').textContent())
      .toMatch(/^(Unpacking contacts\.zip…( \d+%)?|Reading the files…)$/);

    await cancel.click();
    await expect
      .poll(() => status(page).textContent())
      .toBe('Import cancelled; nothing was changed.');
    expect(await page.locator('[data-testid="import-preview"]').count()).toBe(0);
    expect(await page.locator('[data-testid="import-reading"]').count()).toBe(0);
    // Cancel ended the worker itself, not only the wait for it (sooner than the reading would
    // have: about 2 s after the click here, where the reading takes about 4 s).
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
    // The file input is back for the next try.
    expect(await page.locator('[data-testid="import-file"]').isDisabled()).toBe(false);
    expect(await storedNames(page)).toEqual([]);
  });
});
