import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { strToU8, zipSync } from 'fflate';

import {
  applyImport,
  ImportConflictError,
  MAX_BACKUP_CHARS,
  planImport,
} from '@/lib/backup/import';
import { parseBackup } from '@/lib/backup/schema';
import type { AcquaintDatabase } from '@/lib/db/database';
import { type PickedBytes, readImportFiles } from '@/lib/imports/read-files';

import { disposeDatabase, openTestDatabase, testClock } from '../support/db';
import { seededRandom } from '../support/random';

/**
 * Malformed files of every kind the options page takes, each through the path it uses:
 * `readImportFiles`, then (when that gives a reading) `planImport` and `applyImport` into a
 * database that already holds people, notes, interactions and settings. A refusal must say what is
 * wrong and where, in a sentence, and leave the database exactly as it was.
 */

const FIXTURES = resolve(__dirname, '../../fixtures');
const VALID_TEXT = readFileSync(resolve(FIXTURES, 'backup/valid-v1.json'), 'utf8');
const clock = testClock('2026-11-22T10:00:00.000Z').clock;

const MB = 1024 * 1024;
const JUNK_BYTES = 50 * MB;

/** A backup (or something meant to be one) broken in every way, so it is untyped on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Loose = Record<string, any>;

function fixture(path: string, name = path.split('/').pop() ?? path): PickedBytes {
  return { name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))) };
}

function malformed(fileName: string, name = fileName): PickedBytes {
  return fixture(`imports/malformed/${fileName}`, name);
}

function textFile(name: string, text: string): PickedBytes {
  return { name, bytes: strToU8(text) };
}

/** The valid fixture with one thing changed, as the text of a `.json` file. */
function backupFile(change: (backup: Loose) => void, name = 'acquaint-backup.json'): PickedBytes {
  const backup = JSON.parse(VALID_TEXT) as Loose;
  change(backup);
  return textFile(name, JSON.stringify(backup, null, 2));
}

/** The valid fixture's text cut `after` characters into the first occurrence of `marker`. */
function cutBackup(marker: string, after = 0): PickedBytes {
  const at = VALID_TEXT.indexOf(marker);
  if (at === -1) throw new Error(`no ${marker} in the fixture`);
  return textFile('acquaint-backup.json', VALID_TEXT.slice(0, at + after));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i += 1)
    view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** Built once and shared: the big inputs are made lazily, so a filtered run does not pay for them. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** 50 MB of seeded random bytes (never valid UTF-8 for long). */
const randomJunk = once(() => {
  const random = seededRandom(50);
  const bytes = new Uint8Array(JUNK_BYTES);
  const words = new Uint32Array(bytes.buffer);
  for (let i = 0; i < words.length; i += 1) words[i] = Math.floor(random.next() * 0x1_0000_0000);
  return bytes;
});

/** The head of a valid backup, up to and including `"people": [`. */
const BACKUP_HEAD =
  '{"format": "acquaint-backup", "version": 1, "exportedAt": "2026-11-22T10:00:00.000Z", "people": [';

/** One valid person record, as a line of the 50 MB file below. */
const PERSON_LINE = JSON.stringify((JSON.parse(VALID_TEXT) as Loose).people[0]);
const PERSON_LINES = Math.floor(JUNK_BYTES / (PERSON_LINE.length + 2));

/**
 * Valid people records, one a line, for 50 MB, then garbage where `,` or `]` should come. The head
 * is line 1 and the people lines 2 to PERSON_LINES + 1, so the garbage is on line PERSON_LINES + 2.
 */
const manyPeopleThenGarbage = once(() =>
  strToU8(`${BACKUP_HEAD}\n${Array(PERSON_LINES).fill(PERSON_LINE).join(',\n')}\n#@!`),
);

/** A valid head, then a name that runs for 50 MB and never ends. */
const endlessString = once(() => {
  const head = strToU8(`${BACKUP_HEAD}{"id": "p-1", "name": "`);
  const bytes = new Uint8Array(JUNK_BYTES);
  bytes.fill(0x41);
  bytes.set(head, 0);
  return bytes;
});

/** A valid backup but for a 50 MB note. */
const hugeNote = once(() =>
  strToU8(
    JSON.stringify({
      ...(JSON.parse(VALID_TEXT) as Loose),
      notes: [{ ...(JSON.parse(VALID_TEXT) as Loose).notes[0], body: 'N'.repeat(JUNK_BYTES) }],
    }),
  ),
);

/** One byte over the size any import reads; zeros but for the opening brace. */
const overMax = once(() => {
  const bytes = new Uint8Array(MAX_BACKUP_CHARS + 1);
  bytes[0] = 0x7b;
  return bytes;
});

/* The database the imports go into. */

/**
 * What is stored before each import. Ada shares id p-1 and her LinkedIn key with the valid
 * fixture but is older there, so a file that got through by mistake would change her; Cy is known
 * only here.
 */
const STORED = {
  format: 'acquaint-backup',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  people: [
    {
      id: 'p-1',
      name: 'Ada Quill',
      identities: [
        { key: 'linkedin:ada-quill-4b21a', url: 'https://www.linkedin.com/in/ada-quill-4b21a/' },
        { key: 'email:ada@quill.example' },
      ],
      why: 'Stored before any import',
      tags: ['stored'],
      cadenceDays: 10,
      snoozedUntil: null,
      archived: false,
      createdAt: '2025-12-01T09:00:00.000Z',
      updatedAt: '2025-12-02T09:00:00.000Z',
    },
    {
      id: 'p-cy',
      name: 'Cy Moreau',
      identities: [{ key: 'web:cy.example', url: 'https://cy.example/' }],
      why: '',
      tags: [],
      cadenceDays: null,
      snoozedUntil: '2026-03-01T00:00:00.000Z',
      archived: true,
      createdAt: '2025-12-03T09:00:00.000Z',
      updatedAt: '2025-12-03T09:00:00.000Z',
    },
  ],
  notes: [
    {
      id: 'n-stored',
      personId: 'p-1',
      body: 'Written before any import',
      createdAt: '2025-12-01T09:00:00.000Z',
      updatedAt: '2025-12-01T09:00:00.000Z',
    },
    {
      id: 'n-cy',
      personId: 'p-cy',
      body: 'Cy’s note',
      url: 'https://cy.example/post',
      createdAt: '2025-12-03T09:00:00.000Z',
      updatedAt: '2025-12-04T09:00:00.000Z',
    },
  ],
  interactions: [
    {
      id: 'i-stored',
      personId: 'p-1',
      at: '2025-12-05T10:00:00.000Z',
      kind: 'message',
      direction: 'out',
      summary: 'Stored message',
    },
    {
      id: 'i-cy',
      personId: 'p-cy',
      at: '2025-12-06T10:00:00.000Z',
      kind: 'comment',
      direction: 'in',
      summary: '',
      url: 'https://cy.example/post#c1',
    },
  ],
  settings: { defaultCadenceDays: 14 },
};

let db: AcquaintDatabase;

beforeEach(async () => {
  db = openTestDatabase();
  const seed = parseBackup(STORED);
  if (!seed.ok) throw new Error(seed.error);
  await applyImport(db, seed.backup, 'restore');
});

afterEach(async () => {
  await disposeDatabase(db);
});

/** Every table in full, in key order, as text: equal text is an unchanged database. */
async function dump(): Promise<string> {
  return JSON.stringify(
    {
      people: await db.people.toArray(),
      notes: await db.notes.toArray(),
      interactions: await db.interactions.toArray(),
      settings: await db.settings.toArray(),
    },
    null,
    1,
  );
}

/* What a message to the user must look like. */

/** A message may open with the name of a file (`following.js is damaged…`). */
const FILE_NAME_START = /^[^\s:“”"]+\.(?:csv|js|vcf|vcard|json|txt|zip)[\s:]/i;
/** …or with the place in a backup it is about (`version: …`, `people[0] ("Ada") matches…`). */
const BACKUP_PLACE_START =
  /^(?:version|format|people|notes|interactions|settings)(?:\[\d+\])?[:\s]/;

/** A sentence for a person: no leaked values, object dumps, engine errors or stack frames. */
function expectReadable(message: string): void {
  expect(message.trim()).not.toBe('');
  const start =
    /^[A-Z"“'‘]/.test(message) || FILE_NAME_START.test(message) || BACKUP_PLACE_START.test(message);
  expect(start, `starts like a sentence: ${message.slice(0, 120)}`).toBe(true);
  expect(message).not.toMatch(/\bundefined\b|\[object \w+\]|\bNaN\b/);
  expect(message).not.toMatch(/\b(?:Type|Range|Syntax|Reference|Internal)Error\b|call stack/);
  expect(message).not.toMatch(/^\s*at \S.*:\d+:\d+\)?$/m);
  expect(message).not.toMatch(/Unexpected token|in JSON at position|is not valid JSON\)/);
}

/* The cases. */

interface Refusal {
  label: string;
  files: () => PickedBytes[];
  /** What readImportFiles says instead of a reading. */
  message: RegExp;
}

interface Conflict {
  label: string;
  files: () => PickedBytes[];
  /** What planImport and applyImport throw, as an ImportConflictError. */
  message: RegExp;
}

interface PartialReading {
  label: string;
  files: () => PickedBytes[];
  /** The first identity key of each person read, in order. */
  people: string[];
  /** Each problem of the reading, in order: what was left out, and where. */
  problems: RegExp[];
}

/** Refuses, says so in a sentence, and writes nothing. */
async function expectRefusal({ files, message }: Refusal): Promise<void> {
  const before = await dump();
  const reading = await readImportFiles(files(), clock);
  if (reading.ok) {
    throw new Error(`expected a refusal, got a ${reading.label} reading (${reading.mode})`);
  }
  expect(reading.error).toMatch(message);
  expectReadable(reading.error);
  expect(await dump()).toBe(before);
}

const truncatedBackups: Refusal[] = [
  {
    label: 'cut inside a string',
    files: () => [cutBackup('Ada Quill', 3)],
    message:
      /^This file is not valid JSON: it ends too early, at line 8, column 19 \(is it cut off\?\)\. Nothing was imported\.$/,
  },
  {
    label: 'cut between two fields, after the comma',
    files: () => [cutBackup('"version"')],
    message: /ends too early, at line 3, column 3 \(is it cut off\?\)/,
  },
  {
    label: 'cut right after the `[` of people',
    files: () => [cutBackup('"people": [', '"people": ['.length)],
    message: /ends too early, at line 5, column 14 /,
  },
  {
    label: 'cut after a key, before its colon',
    files: () => [cutBackup('"exportedAt"', '"exportedAt"'.length)],
    message: /ends too early, at line 4, column 15 /,
  },
  {
    label: 'cut inside a number',
    files: () => [cutBackup('30,', 1)],
    message: /ends too early/,
  },
  {
    label: 'cut inside `false`',
    files: () => [cutBackup('false', 3)],
    message: /ends too early/,
  },
  {
    label: 'cut inside a \\u escape',
    files: () => [textFile('b.json', '{"format": "acquaint-backup", "why": "caf\\u00')],
    message: /ends too early, at line 1, column 46 /,
  },
  {
    label: 'cut before the last closing brace',
    files: () => [textFile('b.json', VALID_TEXT.trimEnd().slice(0, -1))],
    message: /ends too early/,
  },
  {
    label: 'nothing but the opening brace',
    files: () => [textFile('b.json', '{')],
    message: /ends too early, at line 1, column 2 /,
  },
];

const brokenJson: Refusal[] = [
  {
    label: 'a bare word where a value belongs (`"archived": no`)',
    files: () => [textFile('b.json', VALID_TEXT.replace('"archived": false', '"archived": no'))],
    message:
      /^This file is not valid JSON: it breaks at line \d+, column \d+\. Nothing was imported\.$/,
  },
  {
    label: 'a trailing comma inside a list',
    files: () => [textFile('b.json', VALID_TEXT.replace('["meetup"]', '["meetup",]'))],
    message:
      /^This file is not valid JSON: it breaks at line \d+, column \d+\. Nothing was imported\.$/,
  },
  {
    label: 'random bytes after a valid start',
    files: () => [
      {
        name: 'b.json',
        bytes: concat(
          new TextEncoder().encode(VALID_TEXT.slice(0, 300)),
          new Uint8Array([0xff, 0x00, 0x13, 0x7f]),
        ),
      },
    ],
    message:
      /^This file is not valid JSON: it breaks at line \d+, column \d+\. Nothing was imported\.$/,
  },
  {
    label: 'a hand edit leaving a comma before `}`',
    files: () => [malformed('backup-trailing-comma.backup.txt', 'acquaint-backup.json')],
    message:
      /^This file is not valid JSON: it breaks at line 64, column 3\. Nothing was imported\.$/,
  },
  {
    label: 'a doubled comma',
    files: () => [textFile('b.json', VALID_TEXT.replace('"version": 1,', '"version": 1,,'))],
    message: /it breaks at line 3, column 16\./,
  },
  {
    label: 'a missing colon',
    files: () => [textFile('b.json', VALID_TEXT.replace('"version": 1', '"version" 1'))],
    message: /it breaks at line 3, column 13\./,
  },
  {
    label: 'a line break typed inside a name',
    files: () => [textFile('b.json', VALID_TEXT.replace('"Ada Quill"', '"Ada\nQuill"'))],
    message: /it breaks at line 8, column 19\./,
  },
  {
    label: 'an escape JSON does not have',
    files: () => [textFile('b.json', VALID_TEXT.replace('"Ada Quill"', '"Ada \\x41"'))],
    message: /it breaks at line 8, column 21\./,
  },
  {
    label: 'a number with a leading zero',
    files: () => [
      textFile('b.json', VALID_TEXT.replace('"cadenceDays": 30', '"cadenceDays": 030')),
    ],
    message: /it breaks at line 14, column 23\./,
  },
  {
    label: 'a second object after the first',
    files: () => [textFile('b.json', VALID_TEXT + VALID_TEXT)],
    message: /it breaks at line 65, column 1\./,
  },
  {
    label: 'a comment after the object',
    files: () => [textFile('b.json', `${VALID_TEXT}// exported by hand\n`)],
    message: /it breaks at line 65, column 1\./,
  },
];

const notABackup: Refusal[] = [
  {
    label: 'a top-level array',
    files: () => [textFile('b.json', `[${VALID_TEXT}]`)],
    message:
      /^This is not an Acquaint backup: a backup is a JSON object starting with "\{", this file starts with "\[\{\\n {2}\\"form" at line 1, column 1\.$/,
  },
  {
    label: '`null`',
    files: () => [textFile('b.json', 'null')],
    message:
      /^This is not an Acquaint backup: .*this file starts with "null" at line 1, column 1\.$/,
  },
  {
    label: 'a JSON string',
    files: () => [textFile('b.json', '\n\n  "acquaint-backup"')],
    message: /this file starts with "\\"acquaint-" at line 3, column 3\.$/,
  },
  {
    label: 'an empty .json file',
    files: () => [textFile('acquaint-backup.json', '')],
    message: /^This is not an Acquaint backup: the file is empty\.$/,
  },
  {
    label: 'a .json file of white space',
    files: () => [textFile('acquaint-backup.json', ' \r\n\t\n')],
    message: /^This is not an Acquaint backup: the file is empty\.$/,
  },
  {
    label: 'an empty object',
    files: () => [textFile('b.json', '{}')],
    message: /^This is not an Acquaint backup: format is missing, not "acquaint-backup"\.$/,
  },
  {
    label: 'another format',
    files: () => [backupFile((b) => (b.format = 'acquaint'))],
    message: /^This is not an Acquaint backup: format is "acquaint", not "acquaint-backup"\.$/,
  },
  {
    label: 'the format in capitals',
    files: () => [backupFile((b) => (b.format = 'ACQUAINT-BACKUP'))],
    message: /format is "ACQUAINT-BACKUP", not "acquaint-backup"/,
  },
  {
    label: 'no format',
    files: () => [backupFile((b) => delete b.format)],
    message: /format is missing, not "acquaint-backup"/,
  },
  {
    label: 'a format that is an object',
    files: () => [backupFile((b) => (b.format = { name: 'acquaint-backup' }))],
    message: /format is \{"name":"acquaint-backup"\}, not "acquaint-backup"/,
  },
];

const wrongVersions: Refusal[] = [
  {
    label: 'version 3',
    files: () => [backupFile((b) => (b.version = 3))],
    message:
      /^This backup is version 3, from a newer Acquaint; this one reads backup versions up to 2\. Update Acquaint, then import it again\. \(version\)$/,
  },
  {
    label: 'version 7',
    files: () => [backupFile((b) => (b.version = 7))],
    message: /version 7, from a newer Acquaint/,
  },
  {
    label: 'version 0',
    files: () => [backupFile((b) => (b.version = 0))],
    message: /version 0 is not one this Acquaint knows \(it reads 1 and 2\) \(version\)$/,
  },
  {
    label: 'version -1',
    files: () => [backupFile((b) => (b.version = -1))],
    message: /version -1 is not one this Acquaint knows/,
  },
  {
    label: 'version 1.5',
    files: () => [backupFile((b) => (b.version = 1.5))],
    message: /version 1\.5 is not one this Acquaint knows/,
  },
  {
    label: 'version "1" as text',
    files: () => [backupFile((b) => (b.version = '1'))],
    message: /version "1" is not one this Acquaint knows \(it reads 1 and 2\) \(version\)$/,
  },
  {
    label: 'version null',
    files: () => [backupFile((b) => (b.version = null))],
    message: /^This backup has no version, so it cannot be read \(version\)$/,
  },
  {
    label: 'no version',
    files: () => [backupFile((b) => delete b.version)],
    message: /^This backup has no version, so it cannot be read \(version\)$/,
  },
];

/** Refused by the schema, naming the field: `people[0].name: is not a string…`. */
function fieldRefusal(label: string, change: (b: Loose) => void, problem: string): Refusal {
  const escaped = problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    label,
    files: () => [backupFile(change)],
    message: new RegExp(`^This backup has a problem, so nothing was imported:\\n${escaped}`),
  };
}

const wrongTypes: Refusal[] = [
  {
    label: 'a cadence too large to be a number (1e400)',
    files: () => [
      textFile('b.json', VALID_TEXT.replace('"cadenceDays": 30', '"cadenceDays": 1e400')),
    ],
    message:
      /^This backup has a problem, so nothing was imported:\nThe 1st person's keep-in-touch interval is Infinity, not a number \(people\[0\]\.cadenceDays\)$/,
  },
  fieldRefusal(
    'a name that is a number',
    (b) => (b.people[0].name = 42),
    "The 1st person's name is a number, not text (people[0].name)",
  ),
  fieldRefusal(
    'identities that are not a list',
    (b) => (b.people[1].identities = 'x:pipwellings'),
    "The 2nd person's identities is text, not a list (people[1].identities)",
  ),
  fieldRefusal(
    'an identity that is only a key',
    (b) => (b.people[1].identities = ['x:pipwellings']),
    "The 2nd person's 1st identity is text, not an object (people[1].identities[0])",
  ),
  fieldRefusal(
    'an identity key without its kind',
    (b) => (b.people[1].identities[0].key = 'pipwellings'),
    "The 2nd person's 1st identity's key is not an identity key (people[1].identities[0].key)",
  ),
  fieldRefusal(
    'an identity address that is a script',
    (b) => (b.people[1].identities[0].url = 'javascript:alert(1)'),
    "The 2nd person's 1st identity's address is not a web address (people[1].identities[0].url)",
  ),
  fieldRefusal(
    'a cadence given as text',
    (b) => (b.people[0].cadenceDays = '30'),
    "The 1st person's keep-in-touch interval is text, not a number (people[0].cadenceDays)",
  ),
  fieldRefusal(
    'a cadence of 2.5 days',
    (b) => (b.people[0].cadenceDays = 2.5),
    "The 1st person's keep-in-touch interval is not a whole number of days (people[0].cadenceDays)",
  ),
  fieldRefusal(
    'a negative cadence',
    (b) => (b.people[0].cadenceDays = -7),
    "The 1st person's keep-in-touch interval is below 0 days (people[0].cadenceDays)",
  ),
  fieldRefusal(
    'a cadence of ten years and more',
    (b) => (b.people[0].cadenceDays = 4000),
    "The 1st person's keep-in-touch interval is above 3650 days (people[0].cadenceDays)",
  ),
  fieldRefusal(
    'archived as the text "false"',
    (b) => (b.people[0].archived = 'false'),
    "The 1st person's “archived” is text, not true or false (people[0].archived)",
  ),
  fieldRefusal(
    'tags that are not text',
    (b) => (b.people[0].tags = [{ name: 'meetup' }]),
    "The 1st person's 1st tag is an object, not text (people[0].tags[0])",
  ),
  fieldRefusal(
    'a name given as null',
    (b) => (b.people[1].name = null),
    'The 2nd person has no name (people[1].name)',
  ),
  fieldRefusal(
    'a person who is null',
    (b) => (b.people[1] = null),
    'The 2nd person is null, not an object (people[1])',
  ),
  fieldRefusal(
    'an id longer than ids may be',
    (b) => (b.notes[0].id = 'n'.repeat(201)),
    "The 1st note's id is longer than 200 characters (notes[0].id)",
  ),
  fieldRefusal(
    'a date in words',
    (b) => (b.notes[0].createdAt = 'last Tuesday'),
    "The 1st note's creation date is not a date and time like 2026-11-22T10:00:00.000Z (notes[0].createdAt)",
  ),
  fieldRefusal(
    'a date with slashes',
    (b) => (b.people[0].updatedAt = '2026/03/01 09:00:00'),
    "The 1st person's date of last change is not a date and time like 2026-11-22T10:00:00.000Z (people[0].updatedAt)",
  ),
  fieldRefusal(
    'February 30th',
    (b) => (b.people[0].createdAt = '2026-02-30T00:00:00Z'),
    "The 1st person's creation date is not a date and time like 2026-11-22T10:00:00.000Z (people[0].createdAt)",
  ),
  fieldRefusal(
    'the 25th hour',
    (b) => (b.interactions[0].at = '2026-02-10T25:00:00Z'),
    "The 1st interaction's date is not a date and time like 2026-11-22T10:00:00.000Z (interactions[0].at)",
  ),
  fieldRefusal(
    'a time without an offset',
    (b) => (b.interactions[1].at = '2026-02-11T12:00:00'),
    "The 2nd interaction's date is not a date and time like 2026-11-22T10:00:00.000Z (interactions[1].at)",
  ),
  fieldRefusal(
    'a date as milliseconds',
    (b) => (b.exportedAt = 1795000000000),
    "The file's export date is a number, not text (exportedAt)",
  ),
  fieldRefusal(
    'a note body that is a list',
    (b) => (b.notes[0].body = ['Met', 'at the talk']),
    "The 1st note's text is a list, not text (notes[0].body)",
  ),
  fieldRefusal(
    'notes that are not a list',
    (b) => (b.notes = { 'n-1': b.notes[0] }),
    'The list of notes is an object, not a list (notes)',
  ),
  fieldRefusal(
    'an interaction without its person',
    (b) => delete b.interactions[0].personId,
    'The 1st interaction has no person (interactions[0].personId)',
  ),
  fieldRefusal(
    'an unknown interaction kind',
    (b) => (b.interactions[0].kind = 'telegram'),
    "The 1st interaction's kind is not one of message, comment, reply",
  ),
  fieldRefusal(
    'an interaction kind in capitals',
    (b) => (b.interactions[0].kind = 'MESSAGE'),
    "The 1st interaction's kind is not one of message",
  ),
  fieldRefusal(
    'an unknown direction',
    (b) => (b.interactions[1].direction = 'both'),
    'The 2nd interaction\'s direction is not "in" or "out" (interactions[1].direction)',
  ),
  fieldRefusal(
    'a summary that is a number',
    (b) => (b.interactions[1].summary = 0),
    "The 2nd interaction's summary is a number, not text (interactions[1].summary)",
  ),
  fieldRefusal(
    'a default cadence as text',
    (b) => (b.settings.defaultCadenceDays = '21'),
    'The default keep-in-touch interval is text, not a number (settings.defaultCadenceDays)',
  ),
  {
    label: 'several problems at once, each named',
    files: () => [
      backupFile((b) => {
        b.people[0].archived = 'no';
        b.people[1].cadenceDays = '7';
        b.interactions[0].direction = 'up';
      }),
    ],
    message:
      /^This backup has 3 problems, so nothing was imported:\nThe 1st person's .*\(people\[0\]\.archived\)\nThe 2nd person's .*\(people\[1\]\.cadenceDays\)\nThe 1st interaction's direction is not "in" or "out" \(interactions\[0\]\.direction\)$/,
  },
];

const inconsistent: Refusal[] = [
  fieldRefusal(
    'two people with one id',
    (b) => {
      b.people[1].id = 'p-1';
      b.interactions[1].personId = 'p-1';
    },
    'The 2nd person\'s id "p-1" is also the id of the 1st person (people[1].id)',
  ),
  fieldRefusal(
    'two notes with one id',
    (b) => b.notes.push({ ...b.notes[0], body: 'A second note, same id' }),
    'The 2nd note\'s id "n-1" is also the id of the 1st note (notes[1].id)',
  ),
  fieldRefusal(
    'two interactions with one id',
    (b) => (b.interactions[1].id = 'i-1'),
    'The 2nd interaction\'s id "i-1" is also the id of the 1st interaction (interactions[1].id)',
  ),
  fieldRefusal(
    'one identity key on two people',
    (b) => (b.people[1].identities = [...b.people[1].identities, b.people[0].identities[0]]),
    'The 2nd person\'s 2nd identity\'s key "linkedin:ada-quill-4b21a" is also an identity of the 1st person (people[1].identities[1].key)',
  ),
  fieldRefusal(
    'a note about someone not in the file (but stored)',
    (b) => (b.notes[0].personId = 'p-cy'),
    'The 1st note\'s person "p-cy" is nobody in this backup (notes[0].personId)',
  ),
  fieldRefusal(
    'an interaction with someone not in the file',
    (b) => (b.interactions[1].personId = 'p-404'),
    'The 2nd interaction\'s person "p-404" is nobody in this backup (interactions[1].personId)',
  ),
];

const huge: Refusal[] = [
  {
    label: '150,000 people with a wrong field each',
    files: () => [
      backupFile((b) => {
        const person = { ...b.people[0], archived: 'no' };
        b.people = Array.from({ length: 150_000 }, (_, index) => ({
          ...person,
          id: `p-${index}`,
          identities: [{ key: `x:person${index}` }],
        }));
        b.notes = [];
        b.interactions = [];
      }),
    ],
    message: /^This backup has too many problems to list/,
  },
  {
    label: '50 MB of random bytes named .json',
    files: () => [{ name: 'acquaint-backup.json', bytes: randomJunk() }],
    message:
      /^This is not an Acquaint backup: a backup is a JSON object starting with "\{", this file starts with ".+" at line 1, column 1\.$/s,
  },
  {
    label: '50 MB of random bytes named Connections.csv',
    files: () => [{ name: 'Connections.csv', bytes: randomJunk() }],
    message: /^“Connections\.csv” is not a file Acquaint can import, so nothing was imported\./,
  },
  {
    label: '50 MB of random bytes named contacts.vcf',
    files: () => [{ name: 'contacts.vcf', bytes: randomJunk() }],
    message:
      /^contacts\.vcf is not a vCard file: no line says BEGIN:VCARD\. .*Nothing was imported\.$/,
  },
  {
    label: '50 MB of valid people, then garbage',
    files: () => [{ name: 'acquaint-backup.json', bytes: manyPeopleThenGarbage() }],
    message: new RegExp(
      `^This file is not valid JSON: it breaks at line ${PERSON_LINES + 2}, column 1\\. Nothing was imported\\.$`,
    ),
  },
  {
    label: 'a valid head, then a 50 MB name that never ends',
    files: () => [{ name: 'acquaint-backup.json', bytes: endlessString() }],
    message: new RegExp(
      `ends too early, at line 1, column ${JUNK_BYTES + 1} \\(is it cut off\\?\\)`,
    ),
  },
  {
    label: 'a 50 MB note',
    files: () => [{ name: 'acquaint-backup.json', bytes: hugeNote() }],
    message:
      /^This backup has a problem, so nothing was imported:\nThe 1st note's text is longer than 500000 characters \(notes\[0\]\.body\)$/,
  },
  {
    label: 'a backup over the size limit',
    files: () => [{ name: 'acquaint-backup.json', bytes: overMax() }],
    message: /^“acquaint-backup\.json” is too large to import \(over 100 MB\)\.$/,
  },
  {
    label: 'a Connections.csv over the size limit',
    files: () => [{ name: 'Connections.csv', bytes: overMax() }],
    message: /^“Connections\.csv” is too large to import \(over 100 MB\)\.$/,
  },
];

const otherFiles: Refusal[] = [
  {
    label: 'binary junk renamed Connections.csv',
    files: () => [fixture('imports/linkedin/junk.bin', 'Connections.csv')],
    message: /^“Connections\.csv” is not a file Acquaint can import, so nothing was imported\./,
  },
  {
    label: 'a bank statement named Connections.csv',
    files: () => [fixture('imports/linkedin/bank-statement.csv', 'Connections.csv')],
    message: /^“Connections\.csv” is not a file Acquaint can import/,
  },
  {
    label: 'a bank statement under its own name',
    files: () => [fixture('imports/linkedin/bank-statement.csv')],
    message: /^“bank-statement\.csv” is not a file Acquaint can import/,
  },
  {
    label: 'an empty Connections.csv',
    files: () => [fixture('imports/linkedin/empty.csv', 'Connections.csv')],
    message: /^“Connections\.csv” is not a file Acquaint can import/,
  },
  {
    label: 'a Connections.csv cut inside its header',
    files: () => [textFile('Connections.csv', 'First Name,Last Na')],
    message: /^“Connections\.csv” is not a file Acquaint can import/,
  },
  {
    label: 'a good Connections.csv with binary junk',
    files: () => [
      fixture('imports/linkedin/Connections.csv'),
      fixture('imports/linkedin/junk.bin', 'messages.csv'),
    ],
    message: /^“messages\.csv” is not a file Acquaint can import, so nothing was imported\./,
  },
  {
    label: 'following.js cut off inside its data',
    files: () => [malformed('following-truncated.js', 'following.js')],
    message:
      /^following\.js is damaged: its data ends too early \(the file may be cut off\)\. Nothing was imported\.$/,
  },
  {
    label: 'following.js without its .part0',
    files: () => [malformed('following-wrong-prefix.js', 'following.js')],
    message:
      /^following\.js is not a data file of the X archive: it does not start with "window\.YTD\.<name>\.part<N> ="\. Nothing was imported\.$/,
  },
  {
    label: 'following.js holding an object, not a list',
    files: () => [malformed('following-object.js', 'following.js')],
    message:
      /^following\.js is damaged: window\.YTD\.following\.part0 does not hold a list\. Nothing was imported\.$/,
  },
  {
    label: 'an empty following.js',
    files: () => [malformed('following-empty.js', 'following.js')],
    message: /^“following\.js” is not a file Acquaint can import/,
  },
  {
    label: 'a cut following.js inside the archive’s zip, beside good files',
    files: () => [
      {
        name: 'twitter-2026-11-22.zip',
        bytes: zipSync({
          'data/follower.js': fixture('imports/x-archive/follower.js').bytes,
          'data/following.js': malformed('following-truncated.js').bytes,
        }),
      },
    ],
    message: /^following\.js is damaged: its data ends too early/,
  },
  {
    label: 'a data file whose JSON breaks',
    files: () => [textFile('follower.js', 'window.YTD.follower.part0 = [\n  { "follower" : } ]')],
    message:
      /^follower\.js is damaged: its data breaks at line 2, column 18\. Nothing was imported\.$/,
  },
  {
    label: 'an empty .vcf',
    files: () => [fixture('imports/vcard/empty.vcf', 'contacts.vcf')],
    message: /^contacts\.vcf is empty: there are no contacts to read\. Nothing was imported\.$/,
  },
  {
    label: 'a .vcf of junk',
    files: () => [fixture('imports/vcard/junk.vcf', 'contacts.vcf')],
    message:
      /^contacts\.vcf is not a vCard file: no line says BEGIN:VCARD\. Pick a \.vcf file exported from a contacts app\. Nothing was imported\.$/,
  },
  {
    label: 'a .vcf of binary junk',
    files: () => [fixture('imports/linkedin/junk.bin', 'contacts.vcf')],
    message: /^contacts\.vcf is not a vCard file: no line says BEGIN:VCARD\./,
  },
  {
    label: 'a .vcf with only END:VCARD',
    files: () => [textFile('contacts.vcf', 'END:VCARD\r\n')],
    message: /^contacts\.vcf is not a vCard file/,
  },
];

/* A backup valid on its own that cannot be merged into what is stored. */

const conflicts: Conflict[] = [
  {
    label: 'a file person who is one stored person by id and another by key',
    files: () => [backupFile((b) => b.people[0].identities.push({ key: 'web:cy.example' }))],
    message:
      /^people\[0\] \("Ada Quill"\) matches 2 different people already in Acquaint: "Ada Quill" \(p-1\) and "Cy Moreau" \(p-cy\)\. Nothing was imported\.$/,
  },
  {
    label: 'a file person who is two stored people by key',
    files: () => [
      backupFile((b) =>
        b.people[1].identities.push({ key: 'email:ada@quill.example' }, { key: 'web:cy.example' }),
      ),
    ],
    message: /^people\[1\] \("Pip Wellings"\) matches 2 different people already in Acquaint: /,
  },
  {
    label: 'two file people who are one stored person',
    files: () => [
      backupFile((b) => b.people[1].identities.push({ key: 'email:ada@quill.example' })),
    ],
    message:
      /^people\[0\] and people\[1\] are both "Ada Quill" \(p-1\) already in Acquaint\. Nothing was imported\.$/,
  },
];

/* Files that read in part: what could not be read is a problem naming the file and the row. */

const partial: PartialReading[] = [
  {
    label: 'a Connections.csv cut inside a row',
    files: () => [fixture('imports/linkedin/connections-cut-row.csv', 'Connections.csv')],
    people: ['linkedin:ada-quill-4b21a'],
    problems: [
      /^Connections\.csv row 3: has 3 of the 7 columns \(the file may be cut short or damaged\); skipped$/,
    ],
  },
  {
    label: 'a Connections.csv cut inside a quoted field',
    files: () => [fixture('imports/linkedin/connections-truncated.csv', 'Connections.csv')],
    people: ['linkedin:ada-quill-4b21a'],
    problems: [/^Connections\.csv row 6: a quoted field is never closed, .*; skipped$/],
  },
  {
    label: 'a Connections.csv with only its header',
    files: () => [malformed('connections-header-only.csv', 'Connections.csv')],
    people: [],
    problems: [],
  },
  {
    label: 'a messages.csv cut inside a quoted field',
    files: () => [fixture('imports/linkedin/messages-truncated.csv', 'messages.csv')],
    people: ['linkedin:ada-quill-4b21a', 'linkedin:bo-lind'],
    problems: [/^messages\.csv row 5: a quoted field is never closed, .*; skipped$/],
  },
  {
    label: 'a messages.csv whose owner cannot be told (no profile addresses)',
    files: () => [malformed('messages-no-profiles.csv', 'messages.csv')],
    people: [],
    problems: [
      /^messages\.csv row 2: "https:\/\/example\.com\/uma" is not a LinkedIn profile address; left out$/,
      /^messages\.csv: no message names a LinkedIn profile address, so none could be imported$/,
    ],
  },
  {
    label: 'a messages.csv with dates that are not dates',
    files: () => [malformed('messages-bad-dates.csv', 'messages.csv')],
    people: [],
    problems: [
      /^messages\.csv row 2: "yesterday" is not a date and time; skipped$/,
      /^messages\.csv row 3: "31\/31\/2025 25:61" is not a date and time; skipped$/,
    ],
  },
  {
    label: 'LinkedIn’s zip with both files cut',
    files: () => [
      {
        name: 'Basic_LinkedInDataExport_11-22-2026.zip',
        bytes: zipSync({
          'Connections.csv': fixture('imports/linkedin/connections-cut-row.csv').bytes,
          'messages.csv': strToU8(
            'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n2-YWRh,,Ada',
          ),
        }),
      },
    ],
    people: ['linkedin:ada-quill-4b21a'],
    problems: [
      /^Connections\.csv row 3: has 3 of the 7 columns/,
      /^messages\.csv row 2: has 3 of the 10 columns .*; skipped$/,
    ],
  },
  {
    label: 'following.js entries without account ids',
    files: () => [malformed('following-entries-without-ids.js', 'following.js')],
    people: ['x-id:2002'],
    problems: [1, 2, 3, 4].map(
      (entry) => new RegExp(`^following\\.js entry ${entry}: no account id; skipped$`),
    ),
  },
  {
    label: 'direct messages without an owner to be told',
    files: () => [
      textFile(
        'direct-messages.js',
        `window.YTD.direct_messages.part0 = ${JSON.stringify([
          {
            dmConversation: {
              conversationId: 'not-a-pair',
              messages: [
                { messageCreate: { senderId: '1', text: 'hi', createdAt: '2025-01-01T00:00:00Z' } },
              ],
            },
          },
        ])}`,
      ),
    ],
    people: [],
    problems: [
      /^Direct messages: could not tell which account is yours .*; direct messages skipped$/,
    ],
  },
  {
    label: 'a vCard without END:VCARD',
    files: () => [malformed('card-without-end.vcf', 'contacts.vcf')],
    people: [],
    problems: [
      /^contacts\.vcf card 1: no END:VCARD before the next card or the end of the file; skipped$/,
    ],
  },
  {
    label: 'a vCard without END:VCARD, then a good one',
    files: () => [malformed('card-without-end-then-good.vcf', 'contacts.vcf')],
    people: ['email:bo@lind.example'],
    problems: [/^contacts\.vcf card 1: no END:VCARD before the next card/],
  },
  {
    label: 'a vCard with a line of control characters',
    files: () => [textFile('contacts.vcf', 'BEGIN:VCARD\nVERSION:4.0\n\u0000\u0001\nEND:VCARD\n')],
    people: [],
    problems: [/^contacts\.vcf card 1: could not be read \(.*\); skipped$/],
  },
];

/* The tests. */

describe('the database the corpus is imported into', () => {
  it('holds people, notes, interactions and settings', async () => {
    expect(await db.people.count()).toBe(2);
    expect(await db.notes.count()).toBe(2);
    expect(await db.interactions.count()).toBe(2);
    expect(await db.settings.toArray()).toEqual([{ key: 'defaultCadenceDays', value: 14 }]);
  });

  it('would change if the valid fixture got through, so an unchanged database means a refusal', async () => {
    const before = await dump();
    const reading = await readImportFiles([fixture('backup/valid-v1.json')], clock);
    if (!reading.ok) throw new Error(reading.error);
    await applyImport(db, reading.backup, reading.mode);
    expect(await dump()).not.toBe(before);
  });
});

describe('a malformed backup is refused with the database unchanged', () => {
  it.each(truncatedBackups)('truncated: $label', expectRefusal);
  it.each(brokenJson)('not JSON: $label', expectRefusal);
  it.each(notABackup)('not a backup: $label', expectRefusal);
  it.each(wrongVersions)('unknown version: $label', expectRefusal);
  it.each(wrongTypes)('wrong type: $label', expectRefusal);
  it.each(inconsistent)('inconsistent: $label', expectRefusal);
});

/** Files that were refused whole before backups were read tolerantly (issue 13, item 3). */
const tolerated: { label: string; change: (b: Loose) => void }[] = [
  { label: 'an empty address', change: (b) => (b.notes[0].url = '') },
  { label: 'an address given as null', change: (b) => (b.interactions[0].url = null) },
  { label: 'a person without tags', change: (b) => delete b.people[0].tags },
  { label: 'a person without a cadence', change: (b) => delete b.people[0].cadenceDays },
  { label: 'why as null', change: (b) => (b.people[1].why = null) },
  { label: 'no interactions list', change: (b) => delete b.interactions },
  { label: 'no settings', change: (b) => delete b.settings },
  { label: 'an empty snooze date', change: (b) => (b.people[1].snoozedUntil = '') },
  { label: 'a note without dates', change: (b) => delete b.notes[0].createdAt },
  { label: 'fields no version has', change: (b) => (b.people[0].nickname = 'Ada') },
];

describe('a backup with an optional field missing, null or "" is read, not refused', () => {
  it.each(tolerated)('$label', async ({ change }) => {
    const reading = await readImportFiles([backupFile(change)], clock);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.mode).toBe('restore');
    const summary = await applyImport(db, reading.backup, reading.mode);
    expect(summary.people.added + summary.people.updated).toBeGreaterThan(0);
  });
});

describe('50 MB and over is refused with a message, not run out of memory', () => {
  it.each(huge)('$label', expectRefusal, 60_000);
});

describe('a file of another tool that cannot be read is refused as a whole', () => {
  it.each(otherFiles)('$label', expectRefusal);
});

describe('a backup that conflicts with what is stored is refused as a whole', () => {
  it.each(conflicts)('$label', async ({ files, message }) => {
    const before = await dump();
    const reading = await readImportFiles(files(), clock);
    if (!reading.ok) throw new Error(`expected a reading, got: ${reading.error}`);
    expect(reading.mode).toBe('restore');

    await expect(planImport(db, reading.backup, reading.mode)).rejects.toThrow(ImportConflictError);
    const error = await applyImport(db, reading.backup, reading.mode).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImportConflictError);
    expect((error as Error).message).toMatch(message);
    expectReadable((error as Error).message);
    expect(await dump()).toBe(before);
  });
});

describe('a file of another tool read in part says what it left out', () => {
  it.each(partial)('$label', async ({ files, people, problems }) => {
    const reading = await readImportFiles(files(), clock);
    if (!reading.ok) throw new Error(`expected a reading, got: ${reading.error}`);
    expect(reading.mode).toBe('add');
    expect(reading.backup.people.map((person) => person.identities[0]?.key)).toEqual(people);
    expect(reading.problems).toEqual(problems.map((problem) => expect.stringMatching(problem)));
    for (const problem of reading.problems) expectReadable(problem);

    const before = await dump();
    const stored = JSON.parse(before) as Loose;
    const planned = await planImport(db, reading.backup, reading.mode);
    expect(await dump()).toBe(before);
    expect(await applyImport(db, reading.backup, reading.mode)).toEqual(planned);

    // Adding never touches notes or settings, never changes what the user wrote about someone,
    // and adds exactly what the preview counted.
    const after = JSON.parse(await dump()) as Loose;
    expect(after.notes).toEqual(stored.notes);
    expect(after.settings).toEqual(stored.settings);
    const written = (person: Loose) => [
      person.id,
      person.name,
      person.why,
      person.tags,
      person.cadenceDays,
      person.snoozedUntil,
      person.archived,
    ];
    for (const person of stored.people as Loose[]) {
      expect(written(after.people.find((p: Loose) => p.id === person.id))).toEqual(written(person));
    }
    expect(after.people).toHaveLength(stored.people.length + planned.people.added);
    expect(after.interactions).toHaveLength(
      stored.interactions.length + planned.interactions.added,
    );
  });
});

describe('a byte-order mark', () => {
  it.each(['acquaint-backup.json', 'acquaint-backup.txt'])(
    'does not keep a valid UTF-8 backup (%s) from being imported',
    async (name) => {
      const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), strToU8(VALID_TEXT));
      const reading = await readImportFiles([{ name, bytes }], clock);
      if (!reading.ok) throw new Error(reading.error);
      expect(reading.mode).toBe('restore');
      expect(reading.backup.people.map((person) => person.id)).toEqual(['p-1', 'p-2']);
      const summary = await applyImport(db, reading.backup, reading.mode);
      expect(summary.people).toEqual({ added: 1, updated: 1 });
      expect((await db.people.get('p-1'))?.updatedAt).toBe('2026-03-01T09:00:00.000Z');
    },
  );

  // Issue 12 item 10: a UTF-16 byte order mark says how the file is written, so it is honoured.
  it.each([
    ['acquaint-backup.json', true],
    ['acquaint-backup.json', false],
    ['acquaint-backup.txt', true],
  ] as const)(
    'makes a UTF-16 backup (%s, little-endian %s) read like its UTF-8 original',
    async (name, littleEndian) => {
      const reading = await readImportFiles(
        [{ name, bytes: utf16(VALID_TEXT, littleEndian) }],
        clock,
      );
      if (!reading.ok) throw new Error(reading.error);
      expect(reading.mode).toBe('restore');
      expect(reading.notices).toEqual([]);
      expect(reading.backup.people.map((person) => person.id)).toEqual(['p-1', 'p-2']);
    },
  );
});
