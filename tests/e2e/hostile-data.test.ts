import ICAL from 'ical.js';
import Papa from 'papaparse';
import type { Frame, Page } from 'playwright-core';

import {
  ALL_HOSTILE_TEXTS,
  codeUnits,
  contractName,
  FORMULA_START,
  fromCodeUnits,
  HOSTILE_TEXTS,
  HOSTILE_URLS,
  wellFormed,
} from '../support/hostile-corpus';
import {
  clickToggle,
  closeChecked,
  type ExtensionSession,
  launchExtension,
  sidebarFrame,
  useExtensionSession,
} from './harness';
import { daysAgo } from './seed';

/**
 * The hostile corpus (tests/support/hostile-corpus.ts) through the built extension: imported in a
 * backup, listed in the popup, opened in the sidebar, exported as a backup, vCard and CSV, and
 * read from a page. Nothing runs, the layout holds, and what goes in comes back out.
 */

const TEXTS = ALL_HOSTILE_TEXTS.map(([, text]) => text);
/** A summary is at most 2,000 characters. */
const SUMMARIES = TEXTS.filter((text) => text.length <= 2_000);
const EVERYTHING = 'Everything Hostile';

/**
 * A version 2 backup whose every text field is hostile: one person per text, one who has them all,
 * and hostile text in every list version 2 added (circles, ledger, introductions, events).
 */
function hostileBackup() {
  const created = daysAgo(400);
  const person = (id: string, name: string, slug: string, why: string, tags: string[]) => ({
    id,
    name,
    identities: [{ key: `linkedin:${slug}`, url: `https://www.linkedin.com/in/${slug}/` }],
    why,
    tags,
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: created,
    updatedAt: created,
    headline: why,
    interests: tags,
    circleId: null as string | null,
    metVia: null as string | null,
    metAt: null as string | null,
  });
  return {
    format: 'acquaint-backup',
    version: 2,
    exportedAt: new Date().toISOString(),
    people: [
      ...TEXTS.map((text, index) => ({
        ...person(`p-${index}`, text, `hostile-${index}`, text, [text]),
        circleId: `c-${index}`,
        metVia: 'p-all',
      })),
      {
        ...person('p-all', EVERYTHING, 'everything-hostile', TEXTS.join('\n'), TEXTS.slice(0, 4)),
        metAt: 'e-hostile',
      },
      {
        ...person('p-named', 'javascript:alert(1)', 'unused', '', []),
        // A commenter known by name only: the key holds text, and no address at all.
        identities: [{ key: 'named:blog.example:javascript:alert(1)' }],
      },
    ],
    notes: TEXTS.map((body, index) => ({
      id: `n-${index}`,
      personId: 'p-all',
      body,
      url: 'https://www.linkedin.com/in/everything-hostile/',
      createdAt: daysAgo(300 - index),
      updatedAt: daysAgo(300 - index),
    })),
    interactions: SUMMARIES.map((summary, index) => ({
      id: `i-${index}`,
      personId: 'p-all',
      at: daysAgo(200 - index),
      kind: 'message',
      direction: 'out',
      summary,
      eventId: index === 0 ? 'e-hostile' : null,
    })),
    settings: { defaultCadenceDays: 30 },
    // Circles without a cadence of their own, so everyone stays on the default and goes cold.
    circles: TEXTS.map((name, index) => ({
      id: `c-${index}`,
      name,
      budget: null,
      cadenceDays: null,
    })),
    // Kinds the popup does not list as owed, so the cold list is all it shows.
    ledger: TEXTS.map((text, index) => ({
      id: `l-${index}`,
      personId: index % 2 === 0 ? `p-${index}` : null,
      kind: index % 2 === 0 ? 'can-help' : 'my-ask',
      text,
      dueAt: null,
      doneAt: null,
      createdAt: daysAgo(100 - index),
      updatedAt: daysAgo(100 - index),
    })),
    introductions: TEXTS.map((note, index) => ({
      id: `x-${index}`,
      personIds: ['p-all', `p-${index}`],
      at: daysAgo(90 - index),
      status: 'proposed',
      note,
      followUpAt: null,
      updatedAt: daysAgo(90 - index),
    })),
    events: [
      {
        id: 'e-hostile',
        name: TEXTS.join(' '),
        startsAt: daysAgo(250),
        place: TEXTS[0] ?? '',
        url: 'https://events.example/hostile',
        notes: TEXTS.join('\n'),
      },
    ],
  };
}

type Backup = ReturnType<typeof hostileBackup>;

/** Fails the test if any page of the session ever shows a dialog (an `alert` that ran). */
function watchForScripts(session: ExtensionSession): string[] {
  const dialogs: string[] = [];
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  session.context.pages().forEach(watch);
  session.context.on('page', watch);
  return dialogs;
}

async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  return page;
}

async function importBackup(page: Page, text: string): Promise<void> {
  await page.locator('input[type=file][data-testid="import-file"]').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.locator('[data-testid="import-preview"]').waitFor();
  await page.locator('[data-testid="import-confirm"]').click();
  await expect
    .poll(() => page.locator('[data-testid="import-status"]').textContent())
    .toMatch(/people added/);
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${testId}"]`).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const withoutDate = (backup: unknown) => ({
  ...(backup as Record<string, unknown>),
  exportedAt: null,
});

/** Texts of the elements matching `selector`, as UTF-16 code units (lone surrogates intact). */
async function textsOf(target: Page | Frame, selector: string): Promise<string[]> {
  const units = await target.evaluate(
    (css) =>
      [...document.querySelectorAll(css)].map((element) => {
        const text = element.textContent ?? '';
        return Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));
      }),
    selector,
  );
  return units.map(fromCodeUnits);
}

/** What in a page could run or lead somewhere: scripts, frames, images, non-web links. */
async function activeContent(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('body script, body iframe, body img')) {
      found.push(element.outerHTML.slice(0, 80));
    }
    for (const link of document.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (!/^https?:\/\//i.test(href)) found.push(`link ${href.slice(0, 80)}`);
    }
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        if (/^on/i.test(name)) found.push(`${element.localName} ${name}`);
      }
    }
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('pwned');
    return found;
  });
}

/** How far the page reaches past its own width (0 when nothing overflows sideways). */
function sidewaysOverflow(target: Page | Frame): Promise<number> {
  return target.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('hostile text in and out of Acquaint', () => {
  const current = useExtensionSession();

  it('imports it, lists it in the popup and the sidebar as text, and exports it back', async () => {
    const session = current();
    const dialogs = watchForScripts(session);
    const backup = hostileBackup();
    const text = JSON.stringify(backup);
    // JSON writes a lone surrogate as an escape, so the file itself is plain UTF-8.
    expect(text).toContain('\\ud800');
    const options = await openOptions(session);
    await importBackup(options, text);
    await expect
      .poll(() => options.locator('[data-testid="import-status"]').textContent())
      .toContain(`${backup.people.length} people added`);

    // The popup, at a popup's size: every row as text, inside the popup, nothing sideways.
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const names = popup.locator('[data-testid="cold-person-name"]');
    await expect.poll(() => names.count()).toBe(backup.people.length);
    expect((await textsOf(popup, '[data-testid="cold-person-name"]')).sort()).toEqual(
      backup.people.map((person) => person.name).sort(),
    );
    expect(await popup.locator('[data-testid="cold-person-name"] *').count()).toBe(0);
    expect(await activeContent(popup)).toEqual([]);
    expect(await sidewaysOverflow(popup)).toBeLessThanOrEqual(0);
    const rows = await popup.evaluate(() => {
      const list = document.querySelector('[data-testid="cold-person"]')?.parentElement;
      const bounds = list?.getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid="cold-person"]')].map((row) => {
        const box = row.getBoundingClientRect();
        return {
          inside:
            bounds !== undefined && box.left >= bounds.left && box.right <= bounds.right + 0.5,
          fits: row.scrollWidth <= row.clientWidth,
          height: box.height,
        };
      });
    });
    for (const row of rows) {
      expect(row).toMatchObject({ inside: true, fits: true });
      // A 10,000-character name is clamped, not a wall of text.
      expect(row.height).toBeLessThan(200);
    }

    // The sidebar of the person who has it all, opened from the popup as a user would.
    const opened = session.context.waitForEvent('page');
    await popup
      .locator('[data-testid="cold-person"]')
      .filter({ hasText: EVERYTHING })
      .locator('[data-testid="cold-open-notes"]')
      .click();
    const sidebar = await opened;
    await sidebar.waitForLoadState('domcontentloaded');
    await expect
      .poll(() => sidebar.locator('[data-testid="person-name"]').textContent())
      .toBe(EVERYTHING);
    await expect
      .poll(() => sidebar.locator('[data-testid="note-body"]').count())
      .toBe(TEXTS.length);
    expect((await textsOf(sidebar, '[data-testid="note-body"]')).sort()).toEqual([...TEXTS].sort());
    expect((await textsOf(sidebar, '[data-testid="interaction-summary"]')).sort()).toEqual(
      [...SUMMARIES].sort(),
    );
    const why = await sidebar.evaluate(() => {
      const value = (document.querySelector('[data-testid="why-input"]') as HTMLInputElement).value;
      return Array.from({ length: value.length }, (_, index) => value.charCodeAt(index));
    });
    // The "why" box shows all of it (it grows with its text), line breaks a file brought too, as
    // a text box keeps them (CR LF and a lone CR become LF); every other character as it was.
    expect(fromCodeUnits(why)).toBe(TEXTS.join('\n').replace(/\r\n?/g, '\n'));
    expect(await sidebar.locator('[data-testid="note-body"] *').count()).toBe(0);
    expect(await activeContent(sidebar)).toEqual([]);
    await sidebar.setViewportSize({ width: 400, height: 680 });
    expect(await sidewaysOverflow(sidebar)).toBeLessThanOrEqual(0);

    // The backup comes back as it went in, lone surrogates and all.
    const exported = await download(options, 'export-backup');
    const exportedText = exported.toString('utf8');
    expect(exportedText).toContain('\\ud800');
    expect(exportedText).toContain('\\udc00');
    const again = JSON.parse(exportedText) as Backup;
    const byId = <T extends { id: string }>(list: T[]) =>
      [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(again.people)).toEqual(byId(backup.people));
    expect(byId(again.notes)).toEqual(byId(backup.notes));
    expect(byId(again.interactions)).toEqual(byId(backup.interactions));
    expect(byId(again.circles)).toEqual(byId(backup.circles));
    expect(byId(again.ledger)).toEqual(byId(backup.ledger));
    expect(byId(again.introductions)).toEqual(byId(backup.introductions));
    expect(byId(again.events)).toEqual(byId(backup.events));

    // vCard: one card each, the names as written to a UTF-8 file, nothing injected.
    const vcard = (await download(options, 'export-vcard')).toString('utf8');
    for (const line of vcard.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    const parsed = ICAL.parse(vcard) as unknown[];
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map(
      (jcal) => new ICAL.Component(jcal as unknown[]),
    );
    // Line breaks in a name are all written as one escaped "\n".
    expect(cards.map((card) => card.getFirstPropertyValue('fn')).sort()).toEqual(
      backup.people.map((person) => wellFormed(person.name).replace(/\r\n?/g, '\n')).sort(),
    );
    expect(cards.flatMap((card) => card.getAllProperties('email'))).toEqual([]);
    // Even a reader that ends lines at a lone CR or LF finds no property but Acquaint's own.
    const properties = vcard
      .split(/\r\n|\n|\r/)
      .filter((line) => /^[A-Za-z-]+[:;]/.test(line))
      .map((line) => line.split(/[:;]/)[0]?.toUpperCase());
    expect(new Set(properties)).toEqual(
      new Set(['BEGIN', 'VERSION', 'FN', 'URL', 'NOTE', 'CATEGORIES', 'END']),
    );
    expect(properties.filter((name) => name === 'BEGIN')).toHaveLength(backup.people.length);
    for (const card of cards) {
      for (const url of card.getAllProperties('url')) {
        expect(String(url.getFirstValue())).toMatch(/^https:\/\//);
      }
    }

    // CSV: every cell that a spreadsheet would run is defused with a leading quote.
    const csv = (await download(options, 'export-csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const table = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(table.errors).toEqual([]);
    // A quote before each formula character that starts the cell or any piece a separator (',',
    // ';', tab, line break) could start in a reader that splits there (issue 12).
    const defused = (cell: string) =>
      wellFormed(
        [...cell]
          .map((char, index, chars) => {
            const starts = index === 0 || ',;\t\r\n'.includes(chars[index - 1] ?? '');
            return starts && '=+-@\t\r'.includes(char) ? `'${char}` : char;
          })
          .join(''),
      );
    expect(table.data.map((row) => row.Name).sort()).toEqual(
      backup.people.map((person) => defused(person.name)).sort(),
    );
    expect(table.data.map((row) => row.Why).sort()).toEqual(
      backup.people.map((person) => defused(person.why)).sort(),
    );
    for (const row of table.data) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
    }

    // Into an empty profile and out again: the same data, to the code unit.
    const second = await launchExtension();
    try {
      const elsewhere = await openOptions(second);
      await importBackup(elsewhere, exportedText);
      const roundTripText = (await download(elsewhere, 'export-backup')).toString('utf8');
      expect(withoutDate(JSON.parse(roundTripText))).toEqual(withoutDate(again));
      // Byte for byte, but for the date of the export.
      const undated = (file: string) => file.replace(/"exportedAt": "[^"]*"/, '"exportedAt": ""');
      expect(undated(roundTripText)).toBe(undated(exportedText));
      await closeChecked(second);
    } finally {
      await second.close();
    }

    expect(dialogs).toEqual([]);
    expect(await options.title()).not.toMatch(/pwned/);
  });

  it('refuses a backup whose identity address is not a web address, and changes nothing', async () => {
    const session = current();
    const options = await openOptions(session);
    const status = options.locator('[data-testid="import-status"]');
    for (const url of HOSTILE_URLS) {
      const backup = hostileBackup();
      backup.people = [
        {
          ...(backup.people[0] as Backup['people'][number]),
          identities: [{ key: 'linkedin:script-link', url }],
          circleId: null,
          metVia: null,
        },
      ] as Backup['people'];
      backup.notes = [];
      backup.interactions = [];
      backup.circles = [];
      backup.ledger = [];
      backup.introductions = [];
      await options.locator('input[type=file][data-testid="import-file"]').setInputFiles({
        name: 'links.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(backup)),
      });
      await expect.poll(() => status.textContent()).toContain('people[0].identities[0].url');
      expect(await options.locator('[data-testid="import-confirm"]').count()).toBe(0);
    }
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.locator('[data-testid="cold-empty"]').waitFor();
  });

  it('reads hostile names from a page as text, and keeps them through a saved note', async () => {
    const session = current();
    const dialogs = watchForScripts(session);
    const page = await session.context.newPage();
    for (const [index, [what, name]] of HOSTILE_TEXTS.entries()) {
      const url = `https://www.linkedin.com/in/hostile-read-${index}/`;
      // The page's own script writes the name, as a single-page app would: any UTF-16 at all.
      session.serve(
        url,
        `<!doctype html><html><body><main><section class="artdeco-card pv-top-card">
          <h1 class="text-heading-xlarge">placeholder</h1></section></main>
          <script>document.querySelector('h1').textContent = String.fromCharCode(${codeUnits(name).join(',')});</script>
        </body></html>`,
      );
      await page.goto(url);
      await clickToggle(page);
      const frame = await sidebarFrame(page);
      await expect
        .poll(async () => (await textsOf(frame, '[data-testid="person-name"]'))[0], {
          message: what,
        })
        .toBe(contractName(name));
      const note = `Note beside ${what}: ${name.slice(0, 100)}`;
      await frame.evaluate((units) => {
        const input = document.querySelector('[data-testid="note-input"]') as HTMLTextAreaElement;
        input.value = String.fromCharCode(...units);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, codeUnits(note));
      await frame.locator('[data-testid="note-save"]').click();
      await expect
        .poll(async () => textsOf(frame, '[data-testid="note-body"]'), { message: what })
        .toEqual([note]);
      expect(await activeContent(frame)).toEqual([]);
      expect(await sidewaysOverflow(frame)).toBeLessThanOrEqual(0);
    }
    expect(dialogs).toEqual([]);
  });
});
