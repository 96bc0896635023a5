import type { Page } from 'playwright-core';

import type { ExtensionSession } from './harness';
import { useExtensionSession } from './harness';
import { DAY } from './seed';

/**
 * Issue 13, item 2, in the built extension: LinkedIn's export imported through the options page
 * gives exactly the people with a quiet conversation as cold, in CONTRACT §4 order, and nobody
 * cold from connections alone; the preview's "Keep in touch with" decides who else is tracked.
 *
 * The export is Uma Vance's. Her connections: Ada (wrote to Uma 50 days ago), Bo (connected 5
 * days ago, never a word), Cy (connected 700 days ago, never a word), Dee (Uma wrote 90 days
 * ago), Eli (Uma wrote 40 days ago), Fay (wrote to Uma 10 days ago: not quiet yet).
 */

/** A day as Connections.csv writes it ("15 Mar 2024"). */
const connectedOn = (days: number) =>
  new Date(Date.now() - days * DAY).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A time as messages.csv writes it ("2025-06-01 14:03:22 UTC"). */
const sentAt = (days: number) =>
  `${new Date(Date.now() - days * DAY).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

const CONNECTIONS = [
  '\uFEFFNotes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  `Ada,Quill,https://www.linkedin.com/in/ada-quill-4b21a,,"Quill Data, Inc.",Founder,${connectedOn(400)}`,
  `Bo,Reyes,https://www.linkedin.com/in/bo-reyes,,,,${connectedOn(5)}`,
  `Cy,Old,https://www.linkedin.com/in/cy-old,,Old & Co,Engineer,${connectedOn(700)}`,
  `Dee,Nakamura,https://www.linkedin.com/in/dee-nakamura,,,,${connectedOn(300)}`,
  `Eli,Park,https://www.linkedin.com/in/eli-park,,,,${connectedOn(200)}`,
  `Fay,Rourke,https://www.linkedin.com/in/fay-rourke,,,,${connectedOn(100)}`,
].join('\r\n');

const UMA = 'Uma Vance,https://www.linkedin.com/in/uma-vance';
const message = (conversation: string, from: string, to: string, days: number, content: string) =>
  `${conversation},${from},${to},${sentAt(days)},"${content}",INBOX`;
const ada = 'Ada Quill,https://www.linkedin.com/in/ada-quill-4b21a';
const dee = 'Dee Nakamura,https://www.linkedin.com/in/dee-nakamura';
const eli = 'Eli Park,https://www.linkedin.com/in/eli-park';
const fay = 'Fay Rourke,https://www.linkedin.com/in/fay-rourke';

const MESSAGES = [
  'CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER',
  message('2-YWRh', UMA, ada, 60, 'Lovely to meet you at the meetup'),
  message('2-YWRh', ada, UMA, 50, 'Likewise! Coffee next month?'),
  message('2-ZGVl', UMA, dee, 90, 'Here are the slides I promised'),
  message('2-ZWxp', eli, UMA, 45, 'Are you hiring?'),
  message('2-ZWxp', UMA, eli, 40, 'Not right now, but soon'),
  message('2-ZmF5', fay, UMA, 10, 'See you on Thursday'),
].join('\r\n');

async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  return page;
}

async function pick(page: Page, files: { name: string; text: string }[]) {
  await page.locator('input[type=file][data-testid="import-file"]').setInputFiles(
    files.map(({ name, text }) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    })),
  );
  await page.locator('[data-testid="import-preview"]').waitFor();
}

async function confirm(page: Page, added: RegExp) {
  await page.locator('[data-testid="import-confirm"]').click();
  await expect
    .poll(() => page.locator('[data-testid="import-status"]').textContent())
    .toMatch(added);
}

/** The popup's cold rows: each name and whose turn it says it is. */
async function coldRows(session: ExtensionSession): Promise<[string, string][]> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.locator('[data-testid="cold-person"], [data-testid="cold-empty"]').first().waitFor();
  const rows = await popup
    .locator('[data-testid="cold-person"]')
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector('[data-testid="cold-person-name"]')?.textContent ?? '',
        item.querySelector('[data-testid="cold-person-turn"]')?.textContent ?? '',
      ]),
    );
  await popup.close();
  return rows as [string, string][];
}

/** How the preview's choice reads: each option's words and whether it is chosen. */
async function trackingChoice(page: Page) {
  const group = page.locator('[data-testid="import-tracking"]');
  return {
    legend: await group.locator('legend').textContent(),
    options: await group
      .locator('label')
      .evaluateAll((labels) =>
        labels.map((label) => [
          label.textContent?.trim() ?? '',
          (label.querySelector('input') as HTMLInputElement | null)?.checked ?? false,
        ]),
      ),
  };
}

describe("importing LinkedIn's export through the options page", () => {
  const current = useExtensionSession();

  it('makes nobody cold from connections alone, then exactly the quiet conversations cold, in order', async () => {
    const session = current();
    const page = await openOptions(session);

    await pick(page, [{ name: 'Connections.csv', text: CONNECTIONS }]);
    expect(await trackingChoice(page)).toEqual({
      legend: 'Keep in touch with',
      options: [
        ['the people you have messaged (0)', true],
        ['everyone (6)', false],
        ['nobody', false],
      ],
    });
    await confirm(page, /6 people added/);
    // Connected, some of them years ago, but nobody has gone cold: a connection is no conversation.
    expect(await coldRows(session)).toEqual([]);

    // Now the whole export: both files at once, as LinkedIn's zip gives them.
    await pick(page, [
      { name: 'Connections.csv', text: CONNECTIONS },
      { name: 'messages.csv', text: MESSAGES },
    ]);
    expect((await trackingChoice(page)).options).toEqual([
      ['the people you have messaged (4)', true],
      ['everyone (6)', false],
      ['nobody', false],
    ]);
    await confirm(page, /interactions added/);
    // Ada wrote last, so her turn comes first; then the most overdue: Dee (90 of 30 days), Eli
    // (40 of 30). Fay wrote ten days ago; Bo and Cy are connections only.
    expect(await coldRows(session)).toEqual([
      ['Ada Quill', 'They wrote last: your turn'],
      ['Dee Nakamura', 'You wrote last'],
      ['Eli Park', 'You wrote last'],
    ]);
    // The toolbar button counts the same three.
    const badge = () =>
      session.worker.evaluate(async () =>
        (
          globalThis as unknown as {
            chrome: { action: { getBadgeText(details: object): Promise<string> } };
          }
        ).chrome.action.getBadgeText({}),
      );
    await expect.poll(badge).toBe('3');
  });

  it('keeps in touch with everyone when the user chooses so: connections go cold from the day of connecting', async () => {
    const session = current();
    const page = await openOptions(session);
    await pick(page, [
      { name: 'Connections.csv', text: CONNECTIONS },
      { name: 'messages.csv', text: MESSAGES },
    ]);
    await page.locator('[data-testid="import-track-everyone"]').check();
    await expect
      .poll(async () => (await trackingChoice(page)).options.map(([, checked]) => checked))
      .toEqual([false, true, false]);
    await confirm(page, /6 people added/);
    // Nobody has written to Cy in the 700 days since connecting: her move comes first, with the
    // words that are true of her (no touch yet), then Ada; Bo connected five days ago.
    expect(await coldRows(session)).toEqual([
      ['Cy Old', 'Your move'],
      ['Ada Quill', 'They wrote last: your turn'],
      ['Dee Nakamura', 'You wrote last'],
      ['Eli Park', 'You wrote last'],
    ]);
  });

  it('keeps in touch with nobody when the user chooses so, and still keeps everyone', async () => {
    const session = current();
    const page = await openOptions(session);
    await pick(page, [
      { name: 'Connections.csv', text: CONNECTIONS },
      { name: 'messages.csv', text: MESSAGES },
    ]);
    await page.locator('[data-testid="import-track-nobody"]').check();
    await confirm(page, /6 people added/);
    expect(await coldRows(session)).toEqual([]);

    // Everyone is there, with the position as the headline and the why left empty.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-backup"]').click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const backup = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      version: number;
      people: { name: string; headline: string; why: string; cadenceDays: number | null }[];
      interactions: { summary: string }[];
    };
    expect(backup.version).toBe(2);
    expect(backup.people.map((p) => p.name).sort()).toEqual([
      'Ada Quill',
      'Bo Reyes',
      'Cy Old',
      'Dee Nakamura',
      'Eli Park',
      'Fay Rourke',
    ]);
    const adaQuill = backup.people.find((p) => p.name === 'Ada Quill');
    expect(adaQuill).toMatchObject({ headline: 'Founder at Quill Data, Inc.', why: '' });
    expect(backup.people.every((p) => p.cadenceDays === 0)).toBe(true);
    expect(backup.interactions.map((i) => i.summary)).not.toContain('Connected on LinkedIn');
  });
});
