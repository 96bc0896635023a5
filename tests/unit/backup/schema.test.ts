import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseBackupText } from '@/lib/backup/import';
import {
  backupSchema,
  describeBackupIssues,
  formatPath,
  ordinal,
  parseBackup,
} from '@/lib/backup/schema';

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
  it('accepts the version 1 fixture, dropping fields it does not know', () => {
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
    [
      'a version from the future',
      3,
      /version 3, from a newer Acquaint; this one reads backup versions up to 2/,
    ],
    ['version 0', 0, /version 0 is not one this Acquaint knows \(it reads 1 and 2\)/],
    ['a version given as text', '1', /version "1" is not one this Acquaint knows/],
    ['no version', undefined, /This backup has no version/],
  ])('refuses %s', (_label, version, message) => {
    const backup = valid();
    backup.version = version;
    const error = rejected(backup);
    expect(error).toMatch(/\(version\)$/);
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
      "The 2nd person's 1st identity's key is not an identity key (people[1].identities[0].key)",
    ],
    [
      'a name that is a number',
      (b) => (b.people[0].name = 42),
      "The 1st person's name is a number, not text (people[0].name)",
    ],
    [
      'a missing name',
      (b) => delete b.people[1].name,
      'The 2nd person has no name (people[1].name)',
    ],
    [
      'a name given as null',
      (b) => (b.people[1].name = null),
      'The 2nd person has no name (people[1].name)',
    ],
    [
      'no name and no identity',
      (b) => {
        b.people[1].name = '';
        b.people[1].identities = [];
      },
      'The 2nd person has no name, and they have no identity either (people[1].name)',
    ],
    [
      'a fractional cadence',
      (b) => (b.people[0].cadenceDays = 1.5),
      "The 1st person's keep-in-touch interval is not a whole number of days (people[0].cadenceDays)",
    ],
    [
      'a negative cadence',
      (b) => (b.people[0].cadenceDays = -1),
      "The 1st person's keep-in-touch interval is below 0 days (people[0].cadenceDays)",
    ],
    [
      'a cadence given as text',
      (b) => (b.people[0].cadenceDays = '30'),
      "The 1st person's keep-in-touch interval is text, not a number (people[0].cadenceDays)",
    ],
    [
      'a non-ISO date',
      (b) => (b.notes[0].createdAt = 'last Tuesday'),
      "The 1st note's creation date is not a date and time like 2026-11-22T10:00:00.000Z (notes[0].createdAt)",
    ],
    [
      'a date that does not exist',
      (b) => (b.interactions[1].at = '2026-02-30T12:00:00.000Z'),
      "The 2nd interaction's date is not a date and time",
    ],
    [
      'a bare date where a time is needed',
      (b) => (b.people[1].snoozedUntil = '2026-12-01'),
      "The 2nd person's snooze date is not a date and time",
    ],
    [
      'an interaction without a date',
      (b) => delete b.interactions[0].at,
      'The 1st interaction has no date (interactions[0].at)',
    ],
    [
      'an unknown interaction kind',
      (b) => (b.interactions[0].kind = 'telegram'),
      "The 1st interaction's kind is not one of message, comment",
    ],
    [
      'a bad direction',
      (b) => (b.interactions[0].direction = 'sideways'),
      'The 1st interaction\'s direction is not "in" or "out" (interactions[0].direction)',
    ],
    [
      'a script address',
      (b) => (b.notes[0].url = 'javascript:alert(1)'),
      "The 1st note's address is not a web address (notes[0].url)",
    ],
    ['an empty id', (b) => (b.notes[0].id = ''), "The 1st note's id is empty (notes[0].id)"],
    [
      'a note without text',
      (b) => delete b.notes[0].body,
      'The 1st note has no text (notes[0].body)',
    ],
    [
      'a note about nobody',
      (b) => delete b.notes[0].personId,
      'The 1st note has no person (notes[0].personId)',
    ],
    [
      'people that is not a list',
      (b) => (b.people = {}),
      'The list of people is an object, not a list (people)',
    ],
    [
      'a person who is text',
      (b) => (b.people[0] = 'Ada'),
      'The 1st person is text, not an object (people[0])',
    ],
    [
      'a default cadence of 0',
      (b) => (b.settings.defaultCadenceDays = 0),
      'The default keep-in-touch interval is below 1 day (settings.defaultCadenceDays)',
    ],
    [
      'archived as text',
      (b) => (b.people[0].archived = 'no'),
      "The 1st person's “archived” is text, not true or false (people[0].archived)",
    ],
    [
      'duplicate person ids',
      (b) => (b.people[1].id = 'p-1'),
      'The 2nd person\'s id "p-1" is also the id of the 1st person (people[1].id)',
    ],
    [
      'duplicate note ids',
      (b) => b.notes.push({ ...b.notes[0], body: 'again' }),
      'The 2nd note\'s id "n-1" is also the id of the 1st note (notes[1].id)',
    ],
    [
      'duplicate interaction ids',
      (b) => (b.interactions[1].id = 'i-1'),
      'The 2nd interaction\'s id "i-1" is also the id of the 1st interaction (interactions[1].id)',
    ],
    [
      'an orphan note',
      (b) => (b.notes[0].personId = 'p-404'),
      'The 1st note\'s person "p-404" is nobody in this backup (notes[0].personId)',
    ],
    [
      'an orphan interaction',
      (b) => (b.interactions[1].personId = 'p-404'),
      'The 2nd interaction\'s person "p-404" is nobody in this backup (interactions[1].personId)',
    ],
    [
      'two people sharing an identity key',
      (b) => b.people[1].identities.push({ key: 'linkedin:ada-quill-4b21a' }),
      'The 2nd person\'s 2nd identity\'s key "linkedin:ada-quill-4b21a" is also an identity of the 1st person (people[1].identities[1].key)',
    ],
    [
      'a tag that is a number',
      (b) => (b.people[0].tags = ['meetup', 7]),
      "The 1st person's 2nd tag is a number, not text (people[0].tags[1])",
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
    backup.people = Array.from({ length: 15 }, (_, i) => ({
      ...backup.people[0],
      id: `p${i}`,
      identities: [{ key: `x:p${i}` }],
    }));
    backup.people.forEach((person: Record<string, unknown>) => (person.archived = 'no'));
    backup.notes = [];
    backup.interactions = [];
    const error = rejected(backup);
    expect(error).toMatch(/^This backup has 15 problems/);
    expect(error).toContain(
      "The 10th person's “archived” is text, not true or false (people[9].archived)",
    );
    expect(error).not.toContain('people[10].archived');
    expect(error).toMatch(/…and 5 more$/);
  });
});

describe('reading is tolerant where nothing is lost (CONTRACT §3)', () => {
  /** The smallest file: only what is required. */
  function minimal(): Loose {
    return {
      format: 'acquaint-backup',
      version: 1,
      exportedAt: '2026-11-22T10:00:00.000Z',
      people: [{ id: 'p-1', name: 'Ada Quill' }],
      notes: [{ id: 'n-1', personId: 'p-1', body: 'Met at the talk' }],
      interactions: [
        {
          id: 'i-1',
          personId: 'p-1',
          at: '2026-02-10T12:00:00.000Z',
          kind: 'message',
          direction: 'out',
        },
      ],
    };
  }

  function accepted(value: unknown) {
    const result = parseBackup(value);
    if (!result.ok) throw new Error(result.error);
    return result.backup;
  }

  it('gives every missing optional field its default', () => {
    const backup = accepted(minimal());
    expect(backup.people[0]).toEqual({
      id: 'p-1',
      name: 'Ada Quill',
      identities: [],
      why: '',
      tags: [],
      cadenceDays: null,
      snoozedUntil: null,
      archived: false,
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
      headline: '',
      interests: [],
      circleId: null,
      metVia: null,
      metAt: null,
    });
    expect(backup.notes[0]).toEqual({
      id: 'n-1',
      personId: 'p-1',
      body: 'Met at the talk',
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(backup.interactions[0]).toEqual({
      id: 'i-1',
      personId: 'p-1',
      at: '2026-02-10T12:00:00.000Z',
      kind: 'message',
      direction: 'out',
      summary: '',
      eventId: null,
    });
    expect(backup.settings).toEqual({ defaultCadenceDays: 30 });
    expect(backup.circles).toEqual([]);
    expect(backup.ledger).toEqual([]);
    expect(backup.introductions).toEqual([]);
    expect(backup.events).toEqual([]);
  });

  it('reads a file with no lists at all as empty, and settings without a cadence as the default', () => {
    const backup = accepted({ format: 'acquaint-backup', version: 2, settings: {} });
    expect(backup.people).toEqual([]);
    expect(backup.notes).toEqual([]);
    expect(backup.interactions).toEqual([]);
    expect(backup.settings).toEqual({ defaultCadenceDays: 30 });
    expect(Date.parse(backup.exportedAt)).not.toBeNaN();
  });

  it('dates a record without dates at the file’s exportedAt, and keeps the dates it has', () => {
    const file = minimal();
    file.people[0].createdAt = '2026-01-05T09:00:00.000Z';
    const backup = accepted(file);
    expect(backup.people[0]?.createdAt).toBe('2026-01-05T09:00:00.000Z');
    expect(backup.people[0]?.updatedAt).toBe('2026-11-22T10:00:00.000Z');
  });

  it.each([
    ['null', null],
    ['""', ''],
  ])('reads an optional field given as %s as absent', (_label, empty) => {
    const file = minimal();
    Object.assign(file.people[0], {
      identities: [{ key: 'linkedin:ada-quill-4b21a', url: empty }],
      why: empty,
      tags: empty === '' ? null : empty,
      cadenceDays: empty,
      snoozedUntil: empty,
      archived: empty,
      createdAt: empty,
      updatedAt: empty,
      headline: empty,
      interests: null,
      circleId: empty,
      metVia: empty,
      metAt: empty,
    });
    Object.assign(file.notes[0], { url: empty, createdAt: empty, updatedAt: empty });
    Object.assign(file.interactions[0], { url: empty, summary: empty, eventId: empty });
    file.settings = { defaultCadenceDays: empty };
    const backup = accepted(file);
    expect(backup).toEqual(
      accepted(
        Object.assign(minimal(), {
          people: [
            { id: 'p-1', name: 'Ada Quill', identities: [{ key: 'linkedin:ada-quill-4b21a' }] },
          ],
        }),
      ),
    );
    expect(backup.people[0]?.identities[0]).toEqual({ key: 'linkedin:ada-quill-4b21a' });
    expect(backup.notes[0]).not.toHaveProperty('url');
    expect(backup.interactions[0]).not.toHaveProperty('url');
  });

  it('takes null settings as the defaults', () => {
    const file = minimal();
    file.settings = null;
    expect(accepted(file).settings).toEqual({ defaultCadenceDays: 30 });
  });

  it('ignores unknown fields everywhere instead of refusing them', () => {
    const file = minimal();
    file.plugin = { anything: true };
    file.people[0].favouriteColour = 'teal';
    file.people[0].identities = [{ key: 'x:ada', verified: true }];
    file.notes[0].pinned = true;
    file.interactions[0].mood = 'good';
    file.settings = { defaultCadenceDays: 14, theme: 'dark' };
    const backup = accepted(file);
    expect(backup).not.toHaveProperty('plugin');
    expect(backup.people[0]).not.toHaveProperty('favouriteColour');
    expect(backup.people[0]?.identities).toEqual([{ key: 'x:ada' }]);
    expect(backup.notes[0]).not.toHaveProperty('pinned');
    expect(backup.interactions[0]).not.toHaveProperty('mood');
    expect(backup.settings).toEqual({ defaultCadenceDays: 14 });
  });

  it.each<[string, (file: Loose) => void, string]>([
    ['a url that is not a web address', (f) => (f.notes[0].url = 'ftp://x'), 'notes[0].url'],
    ['a kind not in the list', (f) => (f.interactions[0].kind = 'fax'), 'interactions[0].kind'],
    [
      'a date that is not a date',
      (f) => (f.people[0].createdAt = 'yesterday'),
      'people[0].createdAt',
    ],
    [
      'a key that is not an identity key',
      (f) => (f.people[0].identities = [{ key: 'ada' }]),
      'people[0].identities[0].key',
    ],
    ['a reference to a missing record', (f) => (f.notes[0].personId = 'p-9'), 'notes[0].personId'],
    ['archived given as 0', (f) => (f.people[0].archived = 0), 'people[0].archived'],
    ['tags given as text', (f) => (f.people[0].tags = 'meetup'), 'people[0].tags'],
    ['a note with a null body', (f) => (f.notes[0].body = null), 'notes[0].body'],
    ['an interaction with an empty date', (f) => (f.interactions[0].at = ''), 'interactions[0].at'],
  ])('still refuses %s, naming its place', (_label, breakIt, place) => {
    const file = minimal();
    breakIt(file);
    expect(rejected(file)).toContain(`(${place})`);
  });
});

describe('version 2', () => {
  const V2_TEXT = readFileSync(resolve(__dirname, '../../fixtures/backup/valid-v2.json'), 'utf8');
  const validV2 = () => JSON.parse(V2_TEXT) as Loose;

  it('reads every added field and list', () => {
    const result = parseBackup(validV2());
    if (!result.ok) throw new Error(result.error);
    const { backup } = result;
    expect(backup.version).toBe(2);
    expect(backup.people[0]).toMatchObject({
      headline: 'Data engineer at Tidewater',
      interests: ['rust', 'sourdough'],
      circleId: 'c-1',
      metVia: null,
      metAt: 'e-1',
    });
    expect(backup.people[1]?.metVia).toBe('p-1');
    expect(backup.interactions[1]?.eventId).toBe('e-1');
    expect(backup.circles).toHaveLength(2);
    expect(backup.ledger.map((item) => item.kind)).toEqual(['promised', 'my-ask', 'they-helped']);
    expect(backup.ledger[1]?.personId).toBeNull();
    expect(backup.introductions[0]?.personIds).toEqual(['p-1', 'p-3']);
    expect(backup.events[0]).toEqual({
      id: 'e-1',
      name: 'Leeds Data Meetup',
      startsAt: '2026-02-10T18:00:00.000Z',
      place: 'The Tetley, Leeds',
      url: null,
      notes: '',
    });
  });

  it('gives the added records their defaults', () => {
    const file = validV2();
    file.circles = [{ id: 'c-1' }, { id: 'c-2' }];
    file.ledger = [{ id: 'l-1', kind: 'my-ask' }];
    file.introductions = [{ id: 'x-1', personIds: ['p-1', 'p-3'], status: 'proposed' }];
    file.events = [{ id: 'e-1' }];
    const result = parseBackup(file);
    if (!result.ok) throw new Error(result.error);
    expect(result.backup.circles[0]).toEqual({
      id: 'c-1',
      name: '',
      budget: null,
      cadenceDays: null,
    });
    expect(result.backup.ledger[0]).toEqual({
      id: 'l-1',
      personId: null,
      kind: 'my-ask',
      text: '',
      dueAt: null,
      doneAt: null,
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(result.backup.introductions[0]).toEqual({
      id: 'x-1',
      personIds: ['p-1', 'p-3'],
      at: '2026-11-22T10:00:00.000Z',
      status: 'proposed',
      note: '',
      followUpAt: null,
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(result.backup.events[0]).toEqual({
      id: 'e-1',
      name: '',
      startsAt: null,
      place: '',
      url: null,
      notes: '',
    });
  });

  it.each<[string, (file: Loose) => void, string]>([
    [
      'a circle that is not in the file',
      (f) => (f.people[0].circleId = 'c-9'),
      'The 1st person\'s circle "c-9" is no circle in this backup (people[0].circleId)',
    ],
    [
      'an introducer who is not in the file',
      (f) => (f.people[1].metVia = 'p-9'),
      'The 2nd person\'s “met via” person "p-9" is nobody in this backup (people[1].metVia)',
    ],
    [
      'an event that is not in the file',
      (f) => (f.people[0].metAt = 'e-9'),
      'The 1st person\'s “met at” event "e-9" is no event in this backup (people[0].metAt)',
    ],
    [
      'an interaction at an event that is not in the file',
      (f) => (f.interactions[1].eventId = 'e-9'),
      'The 2nd interaction\'s event "e-9" is no event in this backup (interactions[1].eventId)',
    ],
    [
      'a ledger item about nobody in the file',
      (f) => (f.ledger[0].personId = 'p-9'),
      'The 1st ledger item\'s person "p-9" is nobody in this backup (ledger[0].personId)',
    ],
    [
      'an introduction of someone not in the file',
      (f) => (f.introductions[0].personIds = ['p-1', 'p-9']),
      'The 1st introduction\'s 2nd person "p-9" is nobody in this backup (introductions[0].personIds[1])',
    ],
    [
      'an introduction of one person',
      (f) => (f.introductions[0].personIds = ['p-1']),
      "The 1st introduction's people names fewer than two people (introductions[0].personIds)",
    ],
    [
      'a ledger kind not in the list',
      (f) => (f.ledger[0].kind = 'owed'),
      "The 1st ledger item's kind is not one of can-help, they-asked, promised",
    ],
    [
      'a ledger item without a kind',
      (f) => delete f.ledger[0].kind,
      'The 1st ledger item has no kind (ledger[0].kind)',
    ],
    [
      'an introduction status not in the list',
      (f) => (f.introductions[0].status = 'done'),
      "The 1st introduction's status is not one of proposed, asked, made, met, declined",
    ],
    [
      'a due date that is not a date',
      (f) => (f.ledger[0].dueAt = 'soon'),
      "The 1st ledger item's due date is not a date and time",
    ],
    [
      'a circle budget below zero',
      (f) => (f.circles[0].budget = -1),
      "The 1st circle's budget is below 0 people (circles[0].budget)",
    ],
    [
      'two events with one id',
      (f) => f.events.push({ ...f.events[0] }),
      'The 2nd event\'s id "e-1" is also the id of the 1st event (events[1].id)',
    ],
    [
      'an event address that is a script',
      (f) => (f.events[0].url = 'javascript:alert(1)'),
      "The 1st event's address is not a web address (events[0].url)",
    ],
  ])('refuses %s, naming the place', (_label, breakIt, expected) => {
    const file = validV2();
    breakIt(file);
    expect(rejected(file)).toContain(expected);
  });

  it('reads a version 1 file with the version 2 defaults', () => {
    const result = parseBackup(valid());
    if (!result.ok) throw new Error(result.error);
    expect(result.backup.version).toBe(1);
    expect(result.backup.people[0]).toMatchObject({
      headline: '',
      interests: [],
      circleId: null,
      metVia: null,
      metAt: null,
    });
    expect(result.backup.circles).toEqual([]);
  });
});

describe('describeBackupIssues', () => {
  it('says each problem in words, with its path in the file beside it', () => {
    const backup = valid();
    backup.people[1].identities[0].key = 'nope';
    backup.interactions[0].kind = 7;
    const result = backupSchema.safeParse(backup);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeBackupIssues(result.error)).toEqual([
      "The 2nd person's 1st identity's key is not an identity key (people[1].identities[0].key)",
      expect.stringMatching(
        /^The 1st interaction's kind is not one of message.*\(interactions\[0\]\.kind\)$/,
      ),
    ]);
  });

  it('writes paths the way a person reads them', () => {
    expect(formatPath([])).toBe('backup');
    expect(formatPath(['people', 3, 'identities', 0, 'key'])).toBe('people[3].identities[0].key');
    expect(formatPath(['settings', 'odd key'])).toBe('settings["odd key"]');
  });

  it('counts the way people do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
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
