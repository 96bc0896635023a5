import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Frame, Page } from 'puppeteer-core';

import {
  clickToggle,
  type FirefoxSession,
  sendFromExtensionPage,
  sidebarFrame,
  useFirefoxSession,
  waitFor,
} from './harness';

const NOTE_SAVE = '[data-testid="note-save"]';
const NOTE = '[data-testid="note"]';
const DAY = 24 * 60 * 60 * 1000;

/** The texts of every element matching `selector` in a page or frame. */
const texts = (where: Page | Frame, selector: string) =>
  where.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));

/**
 * Whether Acquaint covers a point of the page's viewport: the page's hit test there finds the
 * `<acquaint-toggle>` host (or the element inside it that holds its closed shadow root) while the
 * sidebar is shown, and the page's own element otherwise.
 */
const acquaintCovers = (page: Page, fromRight: number) =>
  page.evaluate(
    (offset) =>
      Boolean(
        document.elementFromPoint(innerWidth - offset, innerHeight / 2)?.closest('acquaint-toggle'),
      ),
    fromRight,
  );

async function openSidebar(session: FirefoxSession, page: Page): Promise<Frame> {
  await clickToggle(page);
  const frame = await sidebarFrame(page, session.origin);
  await waitFor(
    () => acquaintCovers(page, 100),
    (covered) => covered,
    'the sidebar shown',
  );
  return frame;
}

describe('Acquaint in Firefox ESR (WebDriver BiDi)', () => {
  const current = useFirefoxSession();

  it('keeps a note about a LinkedIn profile across a reload', async () => {
    const session = current();
    const page = await session.openFixture('linkedin/profile-classic');
    // The page's own element is there until the toggle is clicked.
    expect(await acquaintCovers(page, 100)).toBe(false);

    const frame = await openSidebar(session, page);
    // An extension page, at an address only the content script learnt: a token after the `#`.
    expect(await frame.evaluate(() => location.href)).toMatch(
      new RegExp(`^${session.origin}/sidebar\\.html#[0-9a-f-]{36}$`),
    );
    await waitFor(
      () => texts(frame, '[data-testid="person-name"]'),
      (names) => names[0] === 'Ada Quill',
      'the profile’s owner in the sidebar',
    );

    // The click leaves the cursor in the note box: typing goes there at once.
    await waitFor(
      () => frame.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      (focused) => focused === 'note-input',
      'the cursor in the note box',
    );
    const text = 'Met at the Firefox meetup; wants the slides';
    await page.keyboard.type(text);
    await frame.click(NOTE_SAVE);
    await waitFor(
      () => texts(frame, NOTE),
      (notes) => notes.some((note) => note.includes(text)),
      'the saved note',
    );
    // Escape inside the sidebar closes it.
    await page.keyboard.press('Escape');
    await waitFor(
      () => acquaintCovers(page, 100),
      (covered) => !covered,
      'the sidebar closed',
    );

    await page.reload();
    const reopened = await openSidebar(session, page);
    await waitFor(
      () => texts(reopened, NOTE),
      (notes) => notes.length === 1 && notes[0]?.includes(text) === true,
      'the note after the reload',
    );
  });

  it('lists the cold conversations in the popup, with the toolbar badge, and acts on a row', async () => {
    const session = current();
    const person = (slug: string, name: string) => ({
      key: `linkedin:${slug}`,
      name,
      url: `https://www.linkedin.com/in/${slug}/`,
    });
    const touch = (days: number, direction: 'in' | 'out', summary: string) => ({
      id: crypto.randomUUID(),
      at: new Date(Date.now() - days * DAY).toISOString(),
      kind: 'message',
      direction,
      summary,
    });
    // The default cadence is 30 days: Ada and Bea have gone cold, Dee has not.
    for (const request of [
      {
        type: 'interactions.add',
        person: person('ada-out-40', 'Ada Out Forty'),
        interaction: touch(40, 'out', 'Sent Ada the draft'),
      },
      {
        type: 'interactions.add',
        person: person('bea-in-35', 'Bea In ThirtyFive'),
        interaction: touch(35, 'in', 'Bea asked about the meetup'),
      },
      {
        type: 'interactions.add',
        person: person('dee-out-10', 'Dee Recent'),
        interaction: touch(10, 'out', 'Coffee with Dee'),
      },
    ]) {
      await sendFromExtensionPage(session.launcher, request);
    }

    const popup = await session.openExtensionPage('/popup.html');
    const names = () => texts(popup, '[data-testid="cold-person-name"]');
    // Bea wrote last, so it is the user's turn: she comes first.
    await waitFor(
      names,
      (list) => list.join() === 'Bea In ThirtyFive,Ada Out Forty',
      'the cold list in order',
    );
    expect(await texts(popup, '[data-testid="cold-person-context"]')).toEqual([
      'Bea asked about the meetup',
      'Sent Ada the draft',
    ]);
    // Firefox's Manifest V2 toolbar button is `browserAction`, not `action`.
    const badge = () =>
      popup.evaluate(() =>
        (
          globalThis as unknown as {
            browser: { browserAction: { getBadgeText(details: object): Promise<string> } };
          }
        ).browser.browserAction.getBadgeText({}),
      );
    await waitFor(badge, (text) => text === '2', 'the toolbar badge at 2');

    const rows = await popup.$$('[data-testid="cold-person"]');
    const ada = rows[1];
    const reached = await ada?.$('[data-testid="cold-reached-out"]');
    if (!reached) throw new Error('Ada’s row has no "I reached out".');
    await reached.click();
    await waitFor(names, (list) => list.join() === 'Bea In ThirtyFive', 'Ada off the cold list');
    await waitFor(badge, (text) => text === '1', 'the toolbar badge at 1');
  });

  it('imports a backup through the options page, and backs it up again', async () => {
    const session = current();
    const exportNames = async () => {
      const backup = (await sendFromExtensionPage(session.launcher, { type: 'backup.export' })) as {
        people: { name: string }[];
        notes: { body: string }[];
      };
      return {
        people: backup.people.map((each) => each.name).sort(),
        notes: backup.notes.map((each) => each.body),
      };
    };

    const options = await session.openExtensionPage('/options.html');
    const input = await options.waitForSelector('input[type=file][data-testid="import-file"]');
    if (!input) throw new Error('The options page has no file input.');
    await input.uploadFile(resolve('tests/fixtures/backup/valid-v1.json'));
    const confirm = await options.waitForSelector('[data-testid="import-confirm"]');
    // Nothing is written before the confirmation.
    expect(await exportNames()).toEqual({ people: [], notes: [] });

    await confirm?.click();
    const status = await waitFor(
      () => options.$eval('[data-testid="import-status"]', (element) => element.textContent ?? ''),
      (text) => /added/.test(text),
      'the import’s status',
    );
    expect(status).toMatch(/2 people added/);
    expect(status).toMatch(/1 note added/);
    expect(await exportNames()).toEqual({
      people: ['Ada Quill', 'Pip Wellings'],
      notes: ['Met at the talk'],
    });

    // And out again: "Back up now" writes the file through the downloads API (from Firefox's
    // background page, as a blob) into the Acquaint folder of the downloads.
    await options.click('[data-testid="auto-backup-now"]');
    const folder = join(session.downloadDir, 'Acquaint');
    const [file] = await waitFor(
      async () => (existsSync(folder) ? readdirSync(folder) : []),
      (files) => files.length === 1 && /^acquaint-backup-[\d-]+\.json$/.test(files[0] ?? ''),
      'the backup file',
    );
    await waitFor(
      () =>
        options.$eval('[data-testid="auto-backup-status"]', (element) => element.textContent ?? ''),
      (text) => text.includes(`Acquaint/${file}`),
      'the card naming the file',
    );
    const written = JSON.parse(readFileSync(join(folder, file ?? ''), 'utf8')) as {
      people: { name: string }[];
    };
    expect(written.people.map((each) => each.name).sort()).toEqual(['Ada Quill', 'Pip Wellings']);
  });
});

describe('the Firefox harness', () => {
  // WebDriver BiDi sees nothing of extension contexts, so these records are the harness's own.
  it('records a request the add-on makes and an error it throws, which BiDi cannot see', async () => {
    const { launchFirefox } = await import('./harness');
    const session = await launchFirefox();
    try {
      await session.launcher.evaluate(() => {
        setTimeout(() => {
          throw new Error('Acquaint harness probe');
        });
        return (
          globalThis as unknown as {
            browser: { downloads: { download(options: object): Promise<number> } };
          }
        ).browser.downloads.download({ url: 'https://leak.acquaint.invalid/probe.json' });
      });
      await waitFor(
        async () => session.escapes(),
        (escapes) => escapes.some((line) => line.includes('leak.acquaint.invalid:443')),
        'the recorder to see the download',
      );
      await waitFor(
        async () => session.extensionErrors(),
        (errors) => errors.some((line) => line.includes('Acquaint harness probe')),
        'the error in Firefox’s log',
      );
    } finally {
      await session.close();
    }
  });
});
