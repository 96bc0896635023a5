import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseBackupText } from '@/lib/backup/import';
import { backupSchema, describeBackupIssues, formatPath, parseBackup } from '@/lib/backup/schema';

const VALID_TEXT = readFileSync(resolve(__dirname, '../../fixtures/backup/valid-v1.json'), 'utf8');

/** A JSON object the corpus breaks in every way it can, so it is untyped on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Loose = Record<string, any>;

/** A fresh copy of the valid fixture to break. */
function valid(): Loose {
  return JSON.parse(VALID_TEXT) as Loose;
}

function rejected(value: unknown): string {
  const result = parseBackup(value);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
}

describe('parseBackup', () => {
  it('accepts the fixture, dropping fields a later version may add', () => {
    const result = parseBackup(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.people).toHaveLength(2);
    expect(result.backup).not.toHaveProperty('laterField');
    expect(result.backup.people[0]?.identities[0]).toEqual({
      key: 'linkedin:ada-quill-4b21a',
      url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
    });
  });

  it('reads dates with other offsets and hands them on in toISOString form', () => {
    const backup = valid();
    backup.people[0].createdAt = '2026-01-05T10:00:00+01:00';
    const result = parseBackup(backup);
    expect(result.ok && result.backup.people[0]?.createdAt).toBe('2026-01-05T09:00:00.000Z');
  });

  it.each([
    ['a version from the future', 2, /version 2 is from a newer Acquaint/],
    ['version 0', 0, /0 is not a backup version/],
    ['a version given as text', '1', /"1" is not a backup version/],
    ['no version', undefined, /version: is missing/],
  ])('refuses %s', (_label, version, message) => {
    const backup = valid();
    backup.version = version;
    const error = rejected(backup);
    expect(error).toMatch(/^version: /);
    expect(error).toMatch(message);
  });

  it('refuses a file of another kind in one sentence', () => {
    expect(rejected({ format: 'other-app', version: 1 })).toBe(
      'This is not an Acquaint backup: format is "other-app", not "acquaint-backup".',
    );
    expect(rejected([1, 2])).toMatch(/no JSON object/);
    expect(rejected(null)).toMatch(/no JSON object/);
  });

  type Breaker = (backup: Loose) => void;
  const corpus: [string, Breaker, string][] = [
    [
      'a bad identity key',
      (b) => (b.people[1].identities[0].key = 'myspace:pip'),
      'people[1].identities[0].key: is not an identity key',
    ],
    [
      'a name that is a number',
      (b) => (b.people[0].name = 42),
      'people[0].name: is not a string (it is a number)',
    ],
    ['a missing why', (b) => delete b.people[1].why, 'people[1].why: is missing'],
    [
      'a fractional cadence',
      (b) => (b.people[0].cadenceDays = 1.5),
      'people[0].cadenceDays: is not a whole number of days',
    ],
    [
      'a negative cadence',
      (b) => (b.people[0].cadenceDays = -1),
      'people[0].cadenceDays: is below 0 days',
    ],
    [
      'a non-ISO date',
      (b) => (b.notes[0].createdAt = 'last Tuesday'),
      'notes[0].createdAt: is not an ISO date and time',
    ],
    [
      'a date that does not exist',
      (b) => (b.interactions[1].at = '2026-02-30T12:00:00.000Z'),
      'interactions[1].at: is not an ISO date and time',
    ],
    [
      'a bare date where a time is needed',
      (b) => (b.people[1].snoozedUntil = '2026-12-01'),
      'people[1].snoozedUntil: is not an ISO date and time',
    ],
    [
      'an unknown interaction kind',
      (b) => (b.interactions[0].kind = 'telegram'),
      'interactions[0].kind: is not one of message, comment',
    ],
    [
      'a bad direction',
      (b) => (b.interactions[0].direction = 'sideways'),
      'interactions[0].direction: is not "in" or "out"',
    ],
    [
      'a script address',
      (b) => (b.notes[0].url = 'javascript:alert(1)'),
      'notes[0].url: is not a web address',
    ],
    ['an empty id', (b) => (b.notes[0].id = ''), 'notes[0].id: is empty'],
    [
      'people that is not a list',
      (b) => (b.people = {}),
      'people: is not an array (it is an object)',
    ],
    ['missing settings', (b) => delete b.settings, 'settings: is missing'],
    [
      'a default cadence of 0',
      (b) => (b.settings.defaultCadenceDays = 0),
      'settings.defaultCadenceDays: is below 1 day',
    ],
    [
      'a person without identities',
      (b) => (b.people[0].identities = []),
      'people[0].identities: has no identity',
    ],
    [
      'duplicate person ids',
      (b) => (b.people[1].id = 'p-1'),
      'people[1].id: "p-1" is also the id of people[0]',
    ],
    [
      'duplicate note ids',
      (b) => b.notes.push({ ...b.notes[0], body: 'again' }),
      'notes[1].id: "n-1" is also the id of notes[0]',
    ],
    [
      'duplicate interaction ids',
      (b) => (b.interactions[1].id = 'i-1'),
      'interactions[1].id: "i-1" is also the id of interactions[0]',
    ],
    [
      'an orphan note',
      (b) => (b.notes[0].personId = 'p-404'),
      'notes[0].personId: "p-404" is nobody in this backup',
    ],
    [
      'an orphan interaction',
      (b) => (b.interactions[1].personId = 'p-404'),
      'interactions[1].personId: "p-404" is nobody in this backup',
    ],
    [
      'two people sharing an identity key',
      (b) => b.people[1].identities.push({ key: 'linkedin:ada-quill-4b21a' }),
      'people[1].identities[1].key: "linkedin:ada-quill-4b21a" is also an identity of people[0]',
    ],
  ];

  it.each(corpus)('refuses %s, naming the place', (_label, breakIt, expected) => {
    const backup = valid();
    breakIt(backup);
    const error = rejected(backup);
    expect(error).toMatch(/so nothing was imported/);
    expect(error).toContain(expected);
  });

  it('lists at most ten problems and says how many more', () => {
    const backup = valid();
    backup.people = Array.from({ length: 15 }, (_, i) => ({ ...backup.people[0], id: `p${i}` }));
    backup.people.forEach((person: Record<string, unknown>) => (person.archived = 'no'));
    backup.notes = [];
    backup.interactions = [];
    const error = rejected(backup);
    expect(error).toMatch(/^This backup has 15 problems/);
    expect(error).toContain('people[9].archived: is not a boolean (it is a string)');
    expect(error).not.toContain('people[10].archived');
    expect(error).toMatch(/…and 5 more$/);
  });
});

describe('describeBackupIssues', () => {
  it('names each problem by its path in the file', () => {
    const backup = valid();
    backup.people[1].identities[0].key = 'nope';
    backup.interactions[0].kind = 7;
    const result = backupSchema.safeParse(backup);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeBackupIssues(result.error)).toEqual([
      'people[1].identities[0].key: is not an identity key',
      expect.stringMatching(/^interactions\[0\]\.kind: is not one of message/),
    ]);
  });

  it('writes paths the way a person reads them', () => {
    expect(formatPath([])).toBe('backup');
    expect(formatPath(['people', 3, 'identities', 0, 'key'])).toBe('people[3].identities[0].key');
    expect(formatPath(['settings', 'odd key'])).toBe('settings["odd key"]');
  });
});

describe('parseBackupText', () => {
  it('accepts the fixture text', () => {
    expect(parseBackupText(VALID_TEXT).ok).toBe(true);
  });

  it('says where JSON breaks', () => {
    const text = '{\n  "format": "acquaint-backup",\n  "version" 1\n}';
    const result = parseBackupText(text);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/not valid JSON: it breaks at line 3, column 13/),
    });
  });

  it('says when the file is cut off', () => {
    const result = parseBackupText(VALID_TEXT.slice(0, VALID_TEXT.length / 2));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/not valid JSON: it ends too early/),
    });
  });

  it('refuses an empty file and text that is not an object', () => {
    expect(parseBackupText('  \n ')).toEqual({ ok: false, error: expect.stringMatching(/empty/) });
    expect(parseBackupText('[{"format":"acquaint-backup"}]')).toEqual({
      ok: false,
      error: expect.stringMatching(/starts with "\[\{\\"format/),
    });
    expect(parseBackupText(42 as unknown as string)).toEqual({
      ok: false,
      error: expect.stringMatching(/could not be read as text/),
    });
  });

  it('refuses 50 MB of junk quickly, without parsing it', () => {
    const junk = 'x'.repeat(50 * 1024 * 1024);
    const parse = vi.spyOn(JSON, 'parse');
    const started = performance.now();
    const result = parseBackupText(junk);
    const took = performance.now() - started;
    parse.mockRestore();
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/starts with "xxxxxxxxxx" at line 1, column 1/),
    });
    expect(parse).not.toHaveBeenCalled();
    expect(took).toBeLessThan(500);
  });

  it('refuses 50 MB of junk behind a brace at its first bad character', () => {
    const result = parseBackupText(`{${'#'.repeat(50 * 1024 * 1024)}`);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/line 1, column 2/) });
  });

  it('refuses a file over 100 MB before looking into it', () => {
    const spy = vi.spyOn(JSON, 'parse');
    const result = parseBackupText(' '.repeat(100 * 1024 * 1024 + 1));
    spy.mockRestore();
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
    expect(spy).not.toHaveBeenCalled();
  });
});
