import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { backupText, exportBackup } from '@/lib/backup/export';
import { applyImport, parseBackupText, planImport } from '@/lib/backup/import';
import { type Backup, parseBackup } from '@/lib/backup/schema';
import type { AcquaintDatabase } from '@/lib/db/database';
import { DAY_MS } from '@/lib/model/cold';
import type { Person } from '@/lib/model/types';
import { createFollowUpService } from '@/lib/services/follow-up';
import { createIdentitiesService } from '@/lib/services/identities';
import { createPeopleService } from '@/lib/services/people';

import { disposeDatabase, openTestDatabase, testClock, type TestClock } from '../support/db';

const V1_TEXT = readFileSync(resolve(__dirname, '../../fixtures/backup/valid-v1.json'), 'utf8');
const V2_TEXT = readFileSync(resolve(__dirname, '../../fixtures/backup/valid-v2.json'), 'utf8');

let db: AcquaintDatabase;
let other: AcquaintDatabase;
let time: TestClock;

beforeEach(() => {
  db = openTestDatabase();
  other = openTestDatabase();
  time = testClock('2026-11-23T09:00:00.000Z');
});

afterEach(async () => {
  await disposeDatabase(db);
  await disposeDatabase(other);
});

function parsed(text: string): Backup {
  const result = parseBackupText(text);
  if (!result.ok) throw new Error(result.error);
  return result.backup;
}

const v2 = () => parsed(V2_TEXT);
const v1 = () => parsed(V1_TEXT);

/** The record at `index`, which the test knows is there. */
function at<T>(list: T[], index: number): T {
  const record = list[index];
  if (record === undefined) throw new Error(`nothing at ${index}`);
  return record;
}

describe('version 2 backups', () => {
  it('round-trip every array: export → import into an empty profile → export gives the same records', async () => {
    const summary = await applyImport(db, v2());
    expect(summary).toMatchObject({
      people: { added: 3, updated: 0 },
      notes: { added: 1, updated: 0 },
      interactions: { added: 2, updated: 0 },
      circles: { added: 2, updated: 0 },
      ledger: { added: 3, updated: 0 },
      introductions: { added: 1, updated: 0 },
      events: { added: 1, updated: 0 },
    });
    const first = await exportBackup(db, time.clock);
    expect(first.version).toBe(2);
    // What the file said comes back out, in every array (the unknown field is dropped).
    const { laterField: _later, ...file } = JSON.parse(V2_TEXT) as Record<string, unknown>;
    expect(JSON.parse(backupText(first))).toEqual({ ...file, exportedAt: first.exportedAt });

    await applyImport(other, parsed(backupText(first)));
    time.advance(DAY_MS);
    const second = await exportBackup(other, time.clock);
    expect(backupText({ ...second, exportedAt: first.exportedAt })).toBe(backupText(first));
  });

  it('takes a circle’s cadence for its members on the default (CONTRACT §4)', async () => {
    await applyImport(db, v2());
    // Ada: cadence null, in "Close" (21 days). Tomas: in "Leeds", which has none: the default.
    expect((await db.people.get('p-1'))?.effectiveCadence).toBe(21);
    expect((await db.people.get('p-3'))?.effectiveCadence).toBe(30);
    expect((await db.people.get('p-2'))?.effectiveCadence).toBe(60);

    // A new default changes Tomas, not Ada, whose circle decides.
    await createFollowUpService(db, time.clock).defaultCadenceChanged(45);
    expect((await db.people.get('p-1'))?.effectiveCadence).toBe(21);
    expect((await db.people.get('p-3'))?.effectiveCadence).toBe(45);
  });

  it('recomputes stored members when a restore changes their circle’s cadence', async () => {
    await applyImport(db, v2());
    const backup = v2();
    backup.circles[0] = { ...at(backup.circles, 0), cadenceDays: 7 };
    // Ada is not in this file at all: she is only a stored member of the circle.
    backup.people = backup.people.filter((person) => person.id !== 'p-1');
    backup.people.forEach((person) => {
      if (person.metVia === 'p-1') person.metVia = null;
    });
    backup.notes = [];
    backup.interactions = backup.interactions.filter((i) => i.personId !== 'p-1');
    backup.ledger = backup.ledger.filter((item) => item.personId !== 'p-1');
    backup.introductions = [];
    expect((await applyImport(db, backup)).circles).toEqual({ added: 0, updated: 1 });
    expect((await db.people.get('p-1'))?.effectiveCadence).toBe(7);
  });

  it('keeps what is stored of the version 2 fields when a version 1 file is restored', async () => {
    await applyImport(db, v2());
    const old = v1();
    // A newer copy of Ada, from a build that knew nothing of headlines or circles.
    at(old.people, 0).updatedAt = '2026-12-01T00:00:00.000Z';
    at(old.people, 0).why = 'Newer why';
    await applyImport(db, old);
    const ada = (await db.people.get('p-1')) as Person;
    expect(ada.why).toBe('Newer why');
    expect(ada).toMatchObject({
      headline: 'Data engineer at Tidewater',
      interests: ['rust', 'sourdough'],
      circleId: 'c-1',
      metAt: 'e-1',
    });
  });

  it('takes the newer copy of a ledger item or introduction, and keeps a stored newer one', async () => {
    await applyImport(db, v2());
    const newer = v2();
    newer.ledger[0] = {
      ...at(newer.ledger, 0),
      doneAt: '2026-12-02T00:00:00.000Z',
      updatedAt: '2026-12-02T00:00:00.000Z',
    };
    newer.introductions[0] = { ...at(newer.introductions, 0), status: 'declined' };
    const summary = await applyImport(db, newer);
    expect(summary.ledger).toEqual({ added: 0, updated: 1 });
    // Same date of change, different status: the file's copy is not older, so it wins.
    expect(summary.introductions).toEqual({ added: 0, updated: 1 });
    expect((await db.ledger.get('l-1'))?.doneAt).toBe('2026-12-02T00:00:00.000Z');

    const older = v2();
    older.ledger[0] = {
      ...at(older.ledger, 0),
      text: 'Stale',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect((await applyImport(db, older)).ledger).toEqual({ added: 0, updated: 0 });
    expect((await db.ledger.get('l-1'))?.text).toBe('Intro to the Leeds CTO');
  });

  it('points references at the stored person a file’s person turned out to be', async () => {
    const people = createPeopleService(db, time.clock);
    const stored = await people.ensure({ key: 'linkedin:tomas-brandt', name: 'Tomas' });
    await applyImport(db, v2());
    expect(await db.people.get('p-3')).toBeUndefined();
    expect((await db.ledger.get('l-3'))?.personId).toBe(stored.id);
    expect((await db.introductions.get('x-1'))?.personIds).toEqual(['p-1', stored.id]);
    expect((await db.interactions.get('i-2'))?.personId).toBe(stored.id);
    // And an export of it reads back: every reference points at someone in the file.
    expect(parseBackup(await exportBackup(db, time.clock)).ok).toBe(true);
  });

  it('plans what it would add without writing anything', async () => {
    const summary = await planImport(db, v2());
    expect(summary.ledger).toEqual({ added: 3, updated: 0 });
    expect(await db.ledger.count()).toBe(0);
    expect(await db.circles.count()).toBe(0);
  });
});

describe('another tool’s file (add mode)', () => {
  it('adds new records by id and never changes stored ones', async () => {
    await applyImport(db, v2());
    const changed = v2();
    changed.circles[0] = { ...at(changed.circles, 0), name: 'Renamed' };
    changed.events.push({
      id: 'e-2',
      name: 'Second meetup',
      startsAt: null,
      place: '',
      url: null,
      notes: '',
    });
    const summary = await applyImport(db, changed, 'add');
    expect(summary.circles).toEqual({ added: 0, updated: 0 });
    expect(summary.events).toEqual({ added: 1, updated: 0 });
    expect((await db.circles.get('c-1'))?.name).toBe('Close');
  });

  it('fills in an empty headline or circle, and never overwrites what is there', async () => {
    const people = createPeopleService(db, time.clock);
    const ada = await people.setWhy(
      { key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' },
      'My own words',
    );
    const pip = await people.ensure({ key: 'x:pipwellings', name: 'Pip' });
    await db.people.update(pip.id, { headline: 'Written by me' });
    const file = v2();
    file.circles = [];
    file.events = [];
    file.ledger = [];
    file.introductions = [];
    file.interactions = file.interactions.map((i) => ({ ...i, eventId: null }));
    file.people = file.people.map((person) => ({
      ...person,
      circleId: null,
      metAt: null,
      why: 'From the other tool',
      headline: person.id === 'p-2' ? 'Their headline' : person.headline,
    }));
    await applyImport(db, file, 'add');
    const storedAda = (await db.people.get(ada.id)) as Person;
    expect(storedAda.why).toBe('My own words');
    expect(storedAda.headline).toBe('Data engineer at Tidewater');
    expect(storedAda.interests).toEqual(['rust', 'sourdough']);
    const storedPip = (await db.people.get(pip.id)) as Person;
    expect(storedPip.headline).toBe('Written by me');
    expect(storedPip.metVia).toBe(ada.id);
  });

  it('tracks someone an earlier import left untracked once a conversation turns up, not someone the user set to never', async () => {
    const first = v1();
    first.people = first.people.map((person) => ({ ...person, cadenceDays: 0 }));
    first.notes = [];
    first.interactions = [];
    await applyImport(db, first, 'add');
    expect((await db.people.get('p-1'))?.untrackedByImport).toBe(true);
    // The user chooses "never" for Pip themselves.
    await createFollowUpService(db, time.clock).setCadence('p-2', 0);
    expect((await db.people.get('p-2'))?.untrackedByImport).toBeUndefined();

    const later = v1();
    later.people = later.people.map((person) => ({ ...person, cadenceDays: null }));
    later.notes = [];
    const summary = await applyImport(db, later, 'add');
    expect(summary.people).toEqual({ added: 0, updated: 1 });
    const ada = (await db.people.get('p-1')) as Person;
    expect(ada.cadenceDays).toBeNull();
    expect(ada.untrackedByImport).toBeUndefined();
    expect(ada.effectiveCadence).toBe(30);
    expect((await db.people.get('p-2'))?.cadenceDays).toBe(0);
  });
});

describe('merging two people moves what pointed at the one that goes', () => {
  it('moves ledger items, introductions and "met via", and keeps the relationship fields', async () => {
    await applyImport(db, v2());
    const identities = createIdentitiesService(db, time.clock);
    // Tomas (p-3) becomes part of Pip (p-2), whom Ada introduced.
    const merged = await identities.merge(
      { key: 'x:pipwellings', name: 'Pip Wellings', url: 'https://x.com/pipwellings' },
      'p-3',
    );
    expect(merged.id).toBe('p-2');
    expect(await db.people.get('p-3')).toBeUndefined();
    expect((await db.ledger.get('l-3'))?.personId).toBe('p-2');
    expect((await db.introductions.get('x-1'))?.personIds).toEqual(['p-1', 'p-2']);
    expect(merged).toMatchObject({
      headline: 'CTO at Northgate',
      interests: ['hiring'],
      circleId: 'c-2',
      metVia: 'p-1',
      metAt: 'e-1',
    });
    expect(parseBackup(await exportBackup(db, time.clock)).ok).toBe(true);

    // Split off gives Tomas's own fields back.
    const { split } = await identities.split('p-2', 'linkedin:tomas-brandt');
    expect(split).toMatchObject({ headline: 'CTO at Northgate', circleId: 'c-2', metAt: 'e-1' });
  });

  it('the introducer of the one merged in is nobody’s introducer of themselves', async () => {
    await applyImport(db, v2());
    // Pip was introduced by Ada; Ada takes Pip in.
    const merged = await createIdentitiesService(db, time.clock).merge(
      { key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' },
      'p-2',
    );
    expect(merged.metVia).toBeNull();
    expect(parseBackup(await exportBackup(db, time.clock)).ok).toBe(true);
  });
});

describe('export', () => {
  it('never writes a reference to a record that is not in the file', async () => {
    await applyImport(db, v2());
    await db.events.delete('e-1');
    await db.circles.delete('c-1');
    const exported = await exportBackup(db, time.clock);
    expect(exported.people[0]).toMatchObject({ circleId: null, metAt: null });
    expect(exported.interactions.every((i) => i.eventId === null)).toBe(true);
    expect(parseBackup(exported).ok).toBe(true);
  });
});
