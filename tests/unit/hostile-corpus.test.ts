import Papa from 'papaparse';

import { backupText } from '@/lib/backup/export';
import { parseBackupText } from '@/lib/backup/import';
import { backupToPeopleCsv } from '@/lib/exports/people-csv';
import { backupToVCards } from '@/lib/exports/vcard';
import { readVCards } from '@/lib/imports/vcard';
import { readPage } from '@/lib/sites';

import {
  ALL_HOSTILE_TEXTS,
  contractName,
  FORMULA_START,
  HOSTILE_URLS,
  wellFormed,
} from '../support/hostile-corpus';
import { backupOf, person } from './exports/backup-builder';

/**
 * The shared hostile corpus through the pure parts: reading a page, the backup file, and the
 * vCard and CSV exports. The services' storage of each text is in tests/unit/services, the
 * components' rendering in tests/unit/components, and the built extension's handling of all of
 * it in tests/e2e/hostile-data.test.ts.
 */

const FIXTURES = import.meta.glob<string>(
  [
    '../fixtures/linkedin/profile-classic.*',
    '../fixtures/x/profile.*',
    '../fixtures/linkedin/post-comments.*',
  ],
  { query: '?raw', import: 'default', eager: true },
);

function fixture(name: string): { doc: Document; url: URL; subjectName: string | null } {
  const html = FIXTURES[`../fixtures/${name}.html`] ?? '';
  const json = JSON.parse(FIXTURES[`../fixtures/${name}.json`] ?? '{}') as {
    url: string;
    subject: { name: string } | null;
  };
  return {
    doc: new DOMParser().parseFromString(html, 'text/html'),
    url: new URL(json.url),
    subjectName: json.subject?.name ?? null,
  };
}

/**
 * Writes `text` wherever the page shows `shown` (the innermost elements with that text, emoji
 * pictures aside), as a single-page app would: any UTF-16 at all. Returns how many places.
 */
function showInstead(doc: Document, shown: string, text: string): number {
  const plain = (value: string) =>
    value
      .replace(/\p{Extended_Pictographic}/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
  const target = plain(shown);
  const showing = [...doc.body.querySelectorAll('*')].filter(
    (element) => plain(element.textContent ?? '') === target,
  );
  const innermost = showing.filter(
    (element) => !showing.some((other) => other !== element && element.contains(other)),
  );
  for (const element of innermost) element.textContent = text;
  return innermost.length;
}

describe.each(ALL_HOSTILE_TEXTS)('%s', (_what, text) => {
  it('is read from a LinkedIn and an X profile as the name, per CONTRACT §1', () => {
    for (const name of ['linkedin/profile-classic', 'x/profile']) {
      const { doc, url, subjectName } = fixture(name);
      expect(showInstead(doc, subjectName as string, text)).toBeGreaterThan(0);
      const reading = readPage(doc, url);
      expect(reading.subject?.name, name).toBe(contractName(text));
    }
  });

  it('is read as a commenter’s name on a LinkedIn post, and never makes up a person', () => {
    const { doc, url } = fixture('linkedin/post-comments');
    const before = readPage(doc, url).people;
    const commenter = before.at(-1);
    if (!commenter) throw new Error('the fixture has no commenter');
    expect(showInstead(doc, commenter.name, text)).toBeGreaterThan(0);
    const after = readPage(doc, url).people;
    expect(after.map((person) => person.key)).toEqual(before.map((person) => person.key));
    expect(after.find((person) => person.key === commenter.key)?.name).toBe(contractName(text));
  });

  it('goes into a backup file and comes back unchanged, even written out as UTF-8 bytes', () => {
    const backup = backupOf({
      people: [
        person({
          id: 'p-1',
          name: text,
          why: text,
          tags: [text],
          identities: [{ key: 'linkedin:hostile', url: 'https://www.linkedin.com/in/hostile/' }],
        }),
      ],
      notes: [
        {
          id: 'n-1',
          personId: 'p-1',
          body: text,
          createdAt: '2026-01-05T09:00:00.000Z',
          updatedAt: '2026-01-05T09:00:00.000Z',
        },
      ],
    });
    const file = new TextDecoder().decode(new TextEncoder().encode(backupText(backup)));
    const back = parseBackupText(file);
    expect(back).toEqual({ ok: true, backup });
  });

  it('is one cell of a CSV, defused when a spreadsheet would run it', () => {
    const backup = backupOf({
      people: [
        person({ id: 'p-1', name: text, why: text, tags: [text], identities: [{ key: 'x:a' }] }),
      ],
    });
    const bytes = new TextEncoder().encode(backupToPeopleCsv(backup, new Date()));
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(1);
    const row = rows.data[0] as Record<string, string>;
    const expected = wellFormed(FORMULA_START.test(text) ? `'${text}` : text);
    expect([row.Name, row.Why, row.Tags]).toEqual([expected, expected, expected]);
    for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
  });

  it('is one vCard name, read back by the vCard import, with nothing injected', () => {
    const backup = backupOf({
      people: [
        person({
          id: 'p-1',
          name: text,
          why: text,
          identities: [{ key: 'linkedin:hostile', url: 'https://www.linkedin.com/in/hostile/' }],
        }),
      ],
    });
    const vcf = new TextDecoder().decode(new TextEncoder().encode(backupToVCards(backup)));
    expect(vcf.match(/^BEGIN:VCARD/gm)).toHaveLength(1);
    expect(vcf).not.toMatch(/^EMAIL/im);
    const draft = readVCards({ name: 'people.vcf', text: vcf });
    expect(draft.people).toHaveLength(1);
    // The import reads a name as a page's is read (CONTRACT §1: no invisible characters).
    expect(draft.people[0]?.name).toBe(contractName(wellFormed(text)));
    expect(draft.people[0]?.identities.map((identity) => identity.key)).toEqual([
      'linkedin:hostile',
    ]);
  });
});

describe('line breaks in identities', () => {
  it.each([
    [
      'an address',
      {
        key: 'linkedin:eve',
        url: 'https://www.linkedin.com/in/eve/\rEMAIL:x@evil.example\rEND:VCARD',
      },
    ],
    [
      'an address with LF',
      { key: 'linkedin:eve', url: 'https://www.linkedin.com/in/eve/\nEMAIL:x@evil.example' },
    ],
    ['an email key', { key: 'email:eve@example.com\rEND:VCARD\rBEGIN:VCARD\rFN:Mallory' }],
  ])('add nothing to a vCard: %s', (_what, identity) => {
    const backup = backupOf({
      people: [person({ id: 'p-1', name: 'Eve', identities: [identity] })],
    });
    const vcf = backupToVCards(backup);
    const lines = vcf.split(/\r\n|\n|\r/);
    expect(
      lines.filter((line) => /^[A-Z-]+[:;]/i.test(line)).map((line) => line.split(/[:;]/)[0]),
    ).toEqual([
      'BEGIN',
      'VERSION',
      'FN',
      identity.key.startsWith('email:') ? 'EMAIL' : 'URL',
      'END',
    ]);
    // Read back: one card, Eve's (an email address with a line break in it is no address).
    const draft = readVCards({ name: 'people.vcf', text: vcf });
    expect(draft.people.map((one) => one.name)).toEqual(
      identity.key.startsWith('email:') ? [] : ['Eve'],
    );
    expect(draft.problems.join('\n')).not.toMatch(/card 2/);
  });
});

describe.each(HOSTILE_URLS)('the address %j', (url) => {
  it('is refused as an identity, note or interaction address in a backup', () => {
    const text = JSON.stringify({
      format: 'acquaint-backup',
      version: 1,
      exportedAt: '2026-11-22T10:00:00.000Z',
      people: [
        {
          ...person({ id: 'p-1', identities: [{ key: 'linkedin:a', url }] }),
        },
      ],
      notes: [],
      interactions: [],
      settings: { defaultCadenceDays: 30 },
    });
    const parsed = parseBackupText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('people[0].identities[0].url');
  });

  it('never becomes an author’s identity on a page', () => {
    const doc = new DOMParser().parseFromString(
      `<main><div class="comments-comment-item"><a href="${url.replace(/"/g, '&quot;')}">Eve</a></div></main>`,
      'text/html',
    );
    const reading = readPage(
      doc,
      new URL('https://www.linkedin.com/feed/update/urn:li:activity:1/'),
    );
    expect(JSON.stringify(reading)).not.toMatch(
      /javascript|vbscript|data:|file:|chrome-extension/i,
    );
  });
});
