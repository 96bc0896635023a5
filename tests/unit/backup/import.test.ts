import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { exportBackup } from '@/lib/backup/export';
import { applyImport, ImportConflictError, parseBackupText, planImport } from '@/lib/backup/import';
import { type Backup, backupSchema, parseBackup } from '@/lib/backup/schema';
import type { AcquaintDatabase } from '@/lib/db/database';
import { DAY_MS, followUpFields } from '@/lib/model/cold';
import type { Person } from '@/lib/model/types';
import { createFollowUpService } from '@/lib/services/follow-up';
import { createInteractionsService } from '@/lib/services/interactions';
import { createNotesService } from '@/lib/services/notes';
import { createPeopleService } from '@/lib/services/people';
import { createSettingsService } from '@/lib/services/settings';

import { countReads } from '../support/read-counter';
import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';

const VALID_TEXT = readFileSync(resolve(__dirname, '../../fixtures/backup/valid-v1.json'), 'utf8');

let source: AcquaintDatabase;
let target: AcquaintDatabase;
let time: TestClock;

beforeEach(() => {
  source = openTestDatabase();
  target = openTestDatabase();
  time = testClock('2026-01-01T09:00:00.000Z');
});

afterEach(async () => {
  await disposeDatabase(source);
  await disposeDatabase(target);
});

/** The counts of the version 2 records, for a file that has none of them. */
const NO_V2_RECORDS = {
  circles: { added: 0, updated: 0 },
  ledger: { added: 0, updated: 0 },
  introductions: { added: 0, updated: 0 },
  events: { added: 0, updated: 0 },
};

function fixture(): Backup {
  const result = parseBackup(JSON.parse(VALID_TEXT));
  if (!result.ok) throw new Error(result.error);
  return result.backup;
}

/** Everything stored, in a fixed order, to compare before and after. */
async function snapshot(db: AcquaintDatabase) {
  const byKey = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return {
    people: (await db.people.toArray()).sort(byKey),
    notes: (await db.notes.toArray()).sort(byKey),
    interactions: (await db.interactions.toArray()).sort(byKey),
    settings: await db.settings.toArray(),
  };
}

/** Seeds a database the way the extension does, through its services. */
async function seed(db: AcquaintDatabase): Promise<void> {
  const people = createPeopleService(db, time.clock);
  const notes = createNotesService(db, time.clock);
  const interactions = createInteractionsService(db, time.clock);
  const followUp = createFollowUpService(db, time.clock);
  await createSettingsService(db).update({ defaultCadenceDays: 14 });

  const ada = await people.setWhy(ADA, 'Runs the data meetup');
  time.advance(DAY_MS);
  const pip = await people.ensure(PIP);
  const quiet = await people.ensure({ key: 'web:quiet.example', name: 'Quiet One' });
  time.advance(DAY_MS);
  await notes.save(ADA, { id: 'n-ada-1', body: 'Met at the talk', url: ADA.url }, null);
  await notes.save(PIP, { id: 'n-pip-1', body: 'Likes <b>bold</b> takes' }, null);
  time.advance(DAY_MS);
  await notes.save(ADA, { id: 'n-ada-1', body: 'Met at the talk; wants a slot' }, 1);
  await interactions.add({
    id: 'i-1',
    personId: ada.id,
    at: '2025-12-20T10:00:00.000Z',
    kind: 'message',
    direction: 'out',
    summary: 'Asked about speaking',
    url: 'https://www.linkedin.com/messaging/thread/1/',
  });
  await interactions.add({
    id: 'i-2',
    personId: pip.id,
    at: time.iso(),
    kind: 'reply',
    direction: 'in',
    summary: '',
  });
  await followUp.setCadence(ada.id, 7);
  await followUp.snooze(pip.id, '2026-02-01T00:00:00.000Z');
  await followUp.setArchived(quiet.id, true);
}

describe('export then import', () => {
  it('gives the same people, notes and interactions when exported again', async () => {
    await seed(source);
    const first = await exportBackup(source, time.clock);
    expect(first.people).toHaveLength(3);
    expect(first.notes).toHaveLength(2);
    expect(first.interactions).toHaveLength(2);
    // Nothing derived leaves the database.
    for (const person of first.people) {
      expect(Object.keys(person).sort()).toEqual(
        [
          'archived',
          'cadenceDays',
          'createdAt',
          'id',
          'identities',
          'name',
          'snoozedUntil',
          'tags',
          'updatedAt',
          'why',
          'headline',
          'interests',
          'circleId',
          'metVia',
          'metAt',
        ].sort(),
      );
    }
    expect(first.notes[0]).not.toHaveProperty('rev');
    expect(first.settings).toEqual({ defaultCadenceDays: 14 });

    // Through the text of a file, as the options page does.
    const parsed = parseBackupText(JSON.stringify(first));
    if (!parsed.ok) throw new Error(parsed.error);
    const summary = await applyImport(target, parsed.backup);
    expect(summary).toEqual({
      people: { added: 3, updated: 0 },
      notes: { added: 2, updated: 0 },
      interactions: { added: 2, updated: 0 },
      ...NO_V2_RECORDS,
      problems: [],
    });

    time.advance(DAY_MS);
    const second = await exportBackup(target, time.clock);
    expect(second.exportedAt).not.toBe(first.exportedAt);
    expect({ ...second, exportedAt: null }).toEqual({ ...first, exportedAt: null });
    expect(JSON.stringify({ ...second, exportedAt: null })).toBe(
      JSON.stringify({ ...first, exportedAt: null }),
    );

    // Derived fields are rebuilt, equal to what the services computed.
    const before = await snapshot(source);
    const after = await snapshot(target);
    expect(after.people).toEqual(before.people);
    expect(after.notes.map((note) => note.rev)).toEqual([1, 1]);
  });

  it('exports in a fixed order: by creation, then id', async () => {
    const backup = fixture();
    backup.people.reverse();
    backup.interactions.reverse();
    await applyImport(target, backup);
    const exported = await exportBackup(target, time.clock);
    expect(exported.people.map((person) => person.id)).toEqual(['p-1', 'p-2']);
    expect(exported.interactions.map((interaction) => interaction.id)).toEqual(['i-1', 'i-2']);
    expect(backupSchema.safeParse(exported).success).toBe(true);
  });

  it('computes follow-up fields and identity keys on import', async () => {
    await applyImport(target, fixture());
    const ada = (await target.people.get('p-1')) as Person;
    expect(ada.identityKeys).toEqual(['linkedin:ada-quill-4b21a']);
    expect(ada).toMatchObject(
      followUpFields(ada, { at: '2026-02-10T12:00:00.000Z', direction: 'out' }, 21),
    );
    expect(ada.coldAt).toBe('2026-03-12T12:00:00.000Z');
    // Pip follows the default cadence, taken from the file into this new profile.
    const pip = (await target.people.get('p-2')) as Person;
    expect(pip.effectiveCadence).toBe(21);
    expect(pip.turn).toBe(1);
    expect(await createSettingsService(target).get()).toMatchObject({ defaultCadenceDays: 21 });
  });
});

describe('a large import', () => {
  it('gives each person the follow-up fields of their own latest interaction, reading the settings once', async () => {
    const settingsReads = countReads(target, 'settings');
    await createSettingsService(target).update({ defaultCadenceDays: 10 });
    const backup = fixture();
    const count = 1_500;
    const people = Array.from({ length: count }, (_, index) => ({
      ...(backup.people[0] as Backup['people'][number]),
      id: `bulk-${index}`,
      name: `Bulk ${index}`,
      identities: [{ key: `linkedin:bulk-${index}` }],
      cadenceDays: index % 4 === 0 ? 30 : null,
    }));
    const day = (days: number) =>
      new Date(Date.parse('2026-01-01T00:00:00.000Z') + days * DAY_MS).toISOString();
    // Two interactions each, the later one listed first for every third person; none for every fifth.
    const interactions = people.flatMap((person, index) => {
      if (index % 5 === 0) return [];
      const pair = [
        {
          ...(backup.interactions[0] as Backup['interactions'][number]),
          id: `${person.id}-a`,
          personId: person.id,
          at: day(index % 40),
          direction: 'out' as const,
        },
        {
          ...(backup.interactions[0] as Backup['interactions'][number]),
          id: `${person.id}-b`,
          personId: person.id,
          at: day((index % 40) + 3),
          direction: 'in' as const,
        },
      ];
      return index % 3 === 0 ? pair.reverse() : pair;
    });
    settingsReads.records = 0;
    await applyImport(target, { ...backup, people, notes: [], interactions }, 'add');

    expect(settingsReads.records).toBe(1);
    const stored = await target.people.bulkGet(people.map((person) => person.id));
    stored.forEach((person, index) => {
      const latest =
        index % 5 === 0 ? null : { at: day((index % 40) + 3), direction: 'in' as const };
      expect(person, `person ${index}`).toMatchObject(followUpFields(person as Person, latest, 10));
    });
  });
});

describe('a first import into a new profile', () => {
  it('looks nothing up in tables that hold nothing, and still merges once they do', async () => {
    const peopleLookups = vi.spyOn(target.people, 'bulkGet');
    const keyLookups = vi.spyOn(target.people, 'where');
    const noteLookups = vi.spyOn(target.notes, 'bulkGet');
    const interactionLookups = vi.spyOn(target.interactions, 'bulkGet');
    const first = await applyImport(target, fixture());
    expect(first.people.added).toBeGreaterThan(0);
    expect(peopleLookups).not.toHaveBeenCalled();
    expect(keyLookups).not.toHaveBeenCalled();
    expect(noteLookups).not.toHaveBeenCalled();
    expect(interactionLookups).not.toHaveBeenCalled();

    // The same file again: everything is found, nothing is added.
    const again = await applyImport(target, fixture());
    expect(peopleLookups).toHaveBeenCalled();
    expect(again.people).toEqual({ added: 0, updated: 0 });
    expect(again.notes).toEqual({ added: 0, updated: 0 });
    expect(again.interactions).toEqual({ added: 0, updated: 0 });
  });
});

describe('import into a database that has people', () => {
  it('updates the same id, merges the same identity key, and duplicates nothing', async () => {
    const people = createPeopleService(target, time.clock);
    await createSettingsService(target).update({ defaultCadenceDays: 10 });
    // Ada under the same id, older than the file; Pip under another id with the same key.
    const stale = await people.ensure(ADA);
    await target.people.put({ ...stale, id: 'p-1', name: 'A. Quill' });
    await target.people.delete(stale.id);
    const localPip = await people.ensure({ ...PIP, url: undefined });
    await target.people.update(localPip.id, {
      identities: [{ key: PIP.key }, { key: 'web:pip.example' }],
      identityKeys: [PIP.key, 'web:pip.example'],
      updatedAt: '2027-01-01T00:00:00.000Z',
      why: 'Kept: the stored copy is newer',
    });
    await createNotesService(target, time.clock).save(ADA, { id: 'n-1', body: 'Older text' }, null);
    await target.notes.update('n-1', { updatedAt: '2026-01-01T00:00:00.000Z' });
    await target.interactions.put({
      id: 'i-2',
      personId: localPip.id,
      at: '2026-02-11T12:00:00.000Z',
      kind: 'reply',
      direction: 'in',
      summary: '',
    });

    const backup = fixture();
    const before = await snapshot(target);
    const preview = await planImport(target, backup);
    expect(await snapshot(target)).toEqual(before);

    const summary = await applyImport(target, backup);
    expect(summary).toEqual(preview);
    expect(summary).toEqual({
      people: { added: 0, updated: 2 },
      notes: { added: 0, updated: 1 },
      interactions: { added: 1, updated: 0 },
      ...NO_V2_RECORDS,
      problems: [],
    });

    const stored = await target.people.toArray();
    expect(stored).toHaveLength(2);
    const ada = (await target.people.get('p-1')) as Person;
    expect(ada).toMatchObject({ name: 'Ada Quill', why: 'Runs the data meetup; wants speakers' });
    expect(ada.cadenceDays).toBe(30);
    const pip = (await target.people.get(localPip.id)) as Person;
    expect(await target.people.get('p-2')).toBeUndefined();
    expect(pip.why).toBe('Kept: the stored copy is newer');
    // Identities are unioned; the file's address fills in the missing one.
    expect(pip.identities).toEqual([{ key: PIP.key, url: PIP.url }, { key: 'web:pip.example' }]);
    expect(pip.identityKeys).toEqual([PIP.key, 'web:pip.example']);
    // The file's person p-2 is the stored Pip: their interaction goes to them.
    expect(await target.interactions.count()).toBe(2);
    expect(pip.lastTouchAt).toBe('2026-02-11T12:00:00.000Z');
    expect(pip.effectiveCadence).toBe(10); // The stored default is kept.
    const note = await target.notes.get('n-1');
    expect(note).toMatchObject({ body: 'Met at the talk', personId: 'p-1', rev: 2 });

    // Importing the same file again changes nothing.
    const again = await snapshot(target);
    expect(await applyImport(target, backup)).toEqual({
      people: { added: 0, updated: 0 },
      notes: { added: 0, updated: 0 },
      interactions: { added: 0, updated: 0 },
      ...NO_V2_RECORDS,
      problems: [],
    });
    expect(await snapshot(target)).toEqual(again);
  });

  it('keeps a stored note that is newer than the file', async () => {
    await applyImport(target, fixture());
    await target.notes.update('n-1', {
      body: 'Edited later',
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    const summary = await applyImport(target, fixture());
    expect(summary.notes).toEqual({ added: 0, updated: 0 });
    expect((await target.notes.get('n-1'))?.body).toBe('Edited later');
  });

  it('recomputes the person an interaction moved away from', async () => {
    await applyImport(target, fixture());
    const backup = fixture();
    (backup.interactions[1] as { personId: string }).personId = 'p-1';
    (backup.interactions[1] as { at: string }).at = '2026-02-12T12:00:00.000Z';
    expect((await applyImport(target, backup)).interactions).toEqual({
      added: 0,
      updated: 1,
    });
    const pip = (await target.people.get('p-2')) as Person;
    expect(pip.lastTouchAt).toBeNull();
    expect(pip.clockStart).toBe('2026-02-01T09:00:00.000Z');
    expect((await target.people.get('p-1'))?.lastTouchDirection).toBe('in');
  });

  it('refuses a person who matches two stored people, writing nothing', async () => {
    const people = createPeopleService(target, time.clock);
    const ada = await people.ensure(ADA);
    await people.ensure(PIP);
    const backup = fixture();
    (backup.people[1] as { id: string }).id = ada.id; // Same id as stored Ada, same key as stored Pip.
    (backup.interactions[1] as { personId: string }).personId = ada.id;
    const before = await snapshot(target);
    await expect(planImport(target, backup)).rejects.toThrow(ImportConflictError);
    await expect(applyImport(target, backup)).rejects.toThrow(
      /people\[1\] \("Pip Wellings"\) matches 2 different people already in Acquaint/,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it('rolls back everything when a write fails part way', async () => {
    await createPeopleService(target, time.clock).ensure({ key: 'web:other.example', name: 'O' });
    const before = await snapshot(target);
    // People are written last, after the notes and interactions that a failure must take back.
    const bulkPut = vi.spyOn(target.people, 'bulkPut').mockImplementation(() => {
      throw new Error('disk full');
    });
    await expect(applyImport(target, fixture())).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('the preview', () => {
  it('counts what an import would do and writes nothing', async () => {
    const before = await snapshot(target);
    expect(await planImport(target, fixture())).toEqual({
      people: { added: 2, updated: 0 },
      notes: { added: 1, updated: 0 },
      interactions: { added: 2, updated: 0 },
      ...NO_V2_RECORDS,
      problems: [],
    });
    expect(await snapshot(target)).toEqual(before);
    expect(before.people).toEqual([]);
    expect(before.settings).toEqual([]);
  });
});

describe('a malformed backup', () => {
  const text = VALID_TEXT;
  const corpus: [string, string, RegExp][] = [
    ['truncated JSON', text.slice(0, 400), /not valid JSON: it ends too early/],
    ['junk', '\u0000\u0001binary', /not an Acquaint backup/],
    ['wrong types', text.replace('"archived": false', '"archived": "no"'), /people\[0\]\.archived/],
    [
      'an unknown version',
      text.replace('"version": 1', '"version": 3'),
      /^This backup is version 3, from a newer Acquaint/,
    ],
    ['duplicate ids', text.replace('"id": "p-2"', '"id": "p-1"'), /people\[1\]\.id/],
    [
      'an orphan note',
      text.replace('"personId": "p-1"', '"personId": "p-9"'),
      /notes\[0\]\.personId/,
    ],
    [
      'a bad identity key',
      text.replace('"key": "x:pipwellings"', '"key": "pipwellings"'),
      /The 2nd person's 1st identity's key is not an identity key \(people\[1\]\.identities\[0\]\.key\)/,
    ],
    [
      'a non-ISO date',
      text.replace('"at": "2026-02-10T12:00:00.000Z"', '"at": "10/02/2026"'),
      /The 1st interaction's date is not a date and time .*\(interactions\[0\]\.at\)/,
    ],
  ];

  it.each(corpus)(
    'is refused (%s) with the database unchanged',
    async (_label, broken, message) => {
      expect(broken).not.toBe(text);
      await applyImport(target, fixture());
      const before = await snapshot(target);
      const result = parseBackupText(broken);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
      expect(await snapshot(target)).toEqual(before);
    },
  );
});
