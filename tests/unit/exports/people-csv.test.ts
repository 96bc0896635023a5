import Papa from 'papaparse';

import { backupToPeopleCsv, PEOPLE_CSV_COLUMNS } from '@/lib/exports/people-csv';

import { backupOf, person } from './backup-builder';

const NOW = new Date('2026-11-22T10:00:00.000Z');

/** The cells of the CSV, read back the way a spreadsheet would, BOM removed first. */
function cells(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  // The file ends with a line break, which Papa reads as one empty last row.
  expect(parsed.data.at(-1)).toEqual(['']);
  return parsed.data.slice(0, -1);
}

describe('backupToPeopleCsv', () => {
  const backup = backupOf({
    people: [
      person({
        id: 'p-1',
        name: 'Ada Quill',
        identities: [
          { key: 'linkedin:ada-quill-4b21a', url: 'https://www.linkedin.com/in/ada-quill-4b21a/' },
          { key: 'x:adaquill' },
          { key: 'email:ada@quill.example' },
          { key: 'named:blog.example:ada quill' },
        ],
        why: 'Runs the data meetup, wants "speakers"',
        tags: ['meetup', 'speakers'],
        cadenceDays: 30,
        createdAt: '2026-01-05T09:00:00.000Z',
      }),
      person({
        id: 'p-2',
        name: 'Zoë Ørsted-Łukasiewicz 李',
        identities: [{ key: 'web:zoe.example/blog' }],
        snoozedUntil: '2026-12-24T00:00:00.000Z',
        createdAt: '2026-02-01T09:00:00.000Z',
      }),
      person({
        id: 'p-3',
        name: 'Pip Wellings',
        identities: [{ key: 'x-id:12345' }],
        cadenceDays: 0,
        archived: true,
        createdAt: '2026-03-01T09:00:00.000Z',
      }),
    ],
    notes: [
      {
        id: 'n-1',
        personId: 'p-1',
        body: 'Met at the talk',
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: '2026-01-05T09:00:00.000Z',
      },
      {
        id: 'n-2',
        personId: 'p-1',
        body: 'Sent slides',
        createdAt: '2026-01-06T09:00:00.000Z',
        updatedAt: '2026-01-06T09:00:00.000Z',
      },
    ],
    interactions: [
      {
        id: 'i-2',
        personId: 'p-1',
        at: '2026-10-30T23:30:00.000Z',
        kind: 'message',
        direction: 'out',
        summary: '',
      },
      {
        id: 'i-1',
        personId: 'p-1',
        at: '2026-02-10T12:00:00.000Z',
        kind: 'message',
        direction: 'in',
        summary: '',
      },
      {
        id: 'i-3',
        personId: 'p-2',
        at: '2026-09-01T08:00:00.000Z',
        kind: 'reply',
        direction: 'in',
        summary: '',
      },
    ],
    settings: { defaultCadenceDays: 21 },
  });
  const csv = backupToPeopleCsv(backup, NOW);

  it('writes a header and one row per person, in the backup’s order', () => {
    expect(cells(csv)).toEqual([
      [
        'Name',
        'Profiles',
        'Why',
        'Tags',
        'Cadence',
        'Last interaction',
        'Follow up by',
        'Cold',
        'Archived',
        'Notes',
        'Added',
      ],
      [
        'Ada Quill',
        'https://www.linkedin.com/in/ada-quill-4b21a/\nhttps://x.com/adaquill\nemail:ada@quill.example\nnamed:blog.example:ada quill',
        'Runs the data meetup, wants "speakers"',
        'meetup, speakers',
        '30',
        '2026-10-30',
        '2026-11-29',
        'no',
        'no',
        '2',
        '2026-01-05',
      ],
      [
        'Zoë Ørsted-Łukasiewicz 李',
        'https://zoe.example/blog',
        '',
        '',
        'default',
        '2026-09-01',
        '2026-12-24',
        'no',
        'no',
        '0',
        '2026-02-01',
      ],
      [
        'Pip Wellings',
        'https://x.com/i/user/12345',
        '',
        '',
        'never',
        '',
        '',
        'no',
        'yes',
        '0',
        '2026-03-01',
      ],
    ]);
    expect(cells(csv)[0]).toEqual([...PEOPLE_CSV_COLUMNS]);
  });

  it('marks the cold at `now`', () => {
    const later = backupToPeopleCsv(backup, new Date('2026-11-30T00:00:00.000Z'));
    expect(cells(later).map((row) => row[7])).toEqual(['Cold', 'yes', 'no', 'no']);
  });

  it('starts with a UTF-8 BOM, ends rows in CRLF, and keeps non-ASCII text as it is', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, 6)).toBe('Name,');
    expect(csv.endsWith('2026-03-01\r\n')).toBe(true);
    expect(csv).toContain('\r\nZoë Ørsted-Łukasiewicz 李,https://zoe.example/blog,');
  });

  it('gives only the header for a backup without people', () => {
    expect(backupToPeopleCsv(backupOf({}), NOW)).toBe(
      '\uFEFFName,Profiles,Why,Tags,Cadence,Last interaction,Follow up by,Cold,Archived,Notes,Added\r\n',
    );
  });
});

describe('backupToPeopleCsv against formula injection', () => {
  const hostile = [
    '=1+1',
    '+SUM(A1:A2)',
    '-2+3',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    '=HYPERLINK("https://evil.example","click")\nsecond line',
  ];
  const backup = backupOf({
    people: hostile.map((name, index) =>
      person({
        id: `p-${index}`,
        name,
        identities: [{ key: `email:p${index}@evil.example` }],
        why: name,
        tags: [name],
      }),
    ),
  });
  const rows = cells(backupToPeopleCsv(backup, NOW)).slice(1);

  it('puts a quote before every cell that would start a formula', () => {
    // A tab or carriage return before `=` also starts a field for a tab or line reader: that
    // `=` gets its own quote (issue 12 item 12).
    const defused = hostile.map((name) => `'${name.replace(/^([\t\r])=/, "$1'=")}`);
    expect(defused[4]).toBe("'\t'=1+1");
    expect(rows.map((row) => row[0])).toEqual(defused);
    expect(rows.map((row) => row[2])).toEqual(defused);
    expect(rows.map((row) => row[3])).toEqual(defused);
  });

  it('leaves other text alone, even with a formula later in it', () => {
    const plain = backupOf({
      people: [
        person({
          id: 'p-1',
          name: "Ada =1+1 O'Brien",
          identities: [{ key: 'email:ada@quill.example' }],
          why: ' =not at the start',
        }),
      ],
    });
    const [row] = cells(backupToPeopleCsv(plain, NOW)).slice(1);
    expect(row?.slice(0, 3)).toEqual([
      "Ada =1+1 O'Brien",
      'email:ada@quill.example',
      ' =not at the start',
    ]);
  });
});

describe('backupToPeopleCsv in semicolon and tab locales', () => {
  /**
   * Every field a reader splitting at `separator` (and at line breaks) could see, taken at its
   * worst: quotes ignored, and a quote opening a field dropped, as Excel still runs `"=1+1"`.
   */
  function fieldsSplitAt(csv: string, separator: string): string[] {
    return csv
      .slice(1)
      .split(new RegExp(`[${separator}\r\n]`))
      .map((field) => field.replace(/^"/, ''));
  }

  const backup = backupOf({
    people: [
      person({
        id: 'p-1',
        name: 'Ada;=HYPERLINK("https://evil.example")',
        identities: [{ key: 'email:ada@quill.example' }],
        why: 'Founder;Quill Data',
        tags: ['a\t+SUM(A1)', 'b,@cmd', 'c;-2'],
      }),
      person({
        id: 'p-2',
        name: 'Bo Lind',
        identities: [{ key: 'email:bo@lind.example' }],
        why: 'line one\n=1+1 on the next',
      }),
    ],
  });
  const csv = backupToPeopleCsv(backup, NOW);

  it('quotes every cell holding a semicolon or a tab', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]?.startsWith(`"Ada;'=HYPERLINK(""https://evil.example"")",`)).toBe(true);
    expect(lines[1]).toContain(',"Founder;Quill Data",');
    expect(lines[1]).toContain(`,"a\t'+SUM(A1), b,'@cmd, c;'-2",`);
  });

  it('defuses a formula after a separator inside a cell, and reads back as written elsewhere', () => {
    const [ada, bo] = cells(csv).slice(1);
    expect(ada?.slice(0, 4)).toEqual([
      `Ada;'=HYPERLINK("https://evil.example")`,
      'email:ada@quill.example',
      'Founder;Quill Data',
      "a\t'+SUM(A1), b,'@cmd, c;'-2",
    ]);
    expect(bo?.[2]).toBe("line one\n'=1+1 on the next");
  });

  it('gives a semicolon, tab or comma reader ignoring quotes no field that starts a formula', () => {
    for (const separator of [';', '\t', ',']) {
      const fields = fieldsSplitAt(csv, separator);
      expect(fields.length).toBeGreaterThan(5);
      expect(fields.filter((field) => /^[=+\-@]/.test(field))).toEqual([]);
    }
  });

  it('leaves cells without a formula after a separator as they were', () => {
    const plain = backupOf({
      people: [
        person({
          id: 'p-1',
          name: 'Ada Quill',
          identities: [{ key: 'email:ada@quill.example' }],
          why: 'Call, then email; -ish, 5 - 3',
        }),
      ],
    });
    const [row] = cells(backupToPeopleCsv(plain, NOW)).slice(1);
    expect(row?.[2]).toBe('Call, then email; -ish, 5 - 3');
  });
});
