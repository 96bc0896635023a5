import v1 from '../../fixtures/db/v1.json';
import v2 from '../../fixtures/db/v2.json';
import v3 from '../../fixtures/db/v3.json';

import { AcquaintDatabase } from '@/lib/db/database';
import { followUpFields } from '@/lib/model/cold';
import type { Interaction, Person } from '@/lib/model/types';
import { createFollowUpService } from '@/lib/services/follow-up';

import { cloneFixture, type DatabaseFixture, storeFixture } from '../support/db-fixtures';

/** What version 3 gives every person (backup version 2's fields, empty). */
const RELATION = { headline: '', interests: [], circleId: null, metVia: null, metAt: null };

const FOLLOW_UP_KEYS = [
  'lastTouchAt',
  'lastTouchDirection',
  'clockStart',
  'effectiveCadence',
  'turn',
  'coldAt',
];

let db: AcquaintDatabase | undefined;

afterEach(async () => {
  if (db) {
    db.close();
    await db.delete();
  }
  db = undefined;
});

/** Stores the fixture as its version left it, then opens it with the current code. */
async function upgrade(fixture: DatabaseFixture): Promise<AcquaintDatabase> {
  const name = `upgrade-${crypto.randomUUID()}`;
  await storeFixture(name, fixture);
  db = new AcquaintDatabase(name);
  await db.open();
  return db;
}

function v1Person(fixture: DatabaseFixture, id: string): Record<string, unknown> {
  const person = fixture.tables.people?.find((row) => row.id === id);
  if (!person) throw new Error(`no ${id} in the fixture`);
  return person;
}

describe('upgrading a version 1 database to version 2', () => {
  it('starts the clock of someone with an outgoing message at that message', async () => {
    const upgraded = await upgrade(v1 as DatabaseFixture);

    const ada = await upgraded.people.get('p-1');
    expect(ada).toEqual({
      ...v1Person(v1 as DatabaseFixture, 'p-1'),
      lastTouchAt: '2026-03-01T12:00:00.000Z',
      lastTouchDirection: 'out',
      clockStart: '2026-03-01T12:00:00.000Z',
      effectiveCadence: 30,
      turn: 0,
      coldAt: '2026-03-31T12:00:00.000Z',
      ...RELATION,
    });
  });

  it('starts the clock of someone without interactions when they were added, on the default cadence', async () => {
    const upgraded = await upgrade(v1 as DatabaseFixture);

    const pip = await upgraded.people.get('p-2');
    expect(pip).toEqual({
      ...v1Person(v1 as DatabaseFixture, 'p-2'),
      lastTouchAt: null,
      lastTouchDirection: null,
      clockStart: '2026-02-01T09:00:00.000Z',
      effectiveCadence: 30,
      turn: 1,
      coldAt: '2026-03-03T09:00:00.000Z',
      ...RELATION,
    });
  });

  it('keeps every version 1 record as it was, adding only the follow-up and relationship fields to people', async () => {
    const upgraded = await upgrade(v1 as DatabaseFixture);

    for (const [table, rows] of Object.entries((v1 as DatabaseFixture).tables)) {
      const stored = await upgraded.table(table).toArray();
      expect(stored).toHaveLength(rows.length);
      for (const row of rows) {
        const key = (row.id ?? row.key) as string;
        const after = (await upgraded.table(table).get(key)) as Record<string, unknown>;
        expect(after).toMatchObject(row);
        const added = Object.keys(after).filter((name) => !(name in row));
        expect(added.sort()).toEqual(
          table === 'people' ? [...FOLLOW_UP_KEYS, ...Object.keys(RELATION)].sort() : [],
        );
      }
    }
  });

  it('answers the cold queries right away', async () => {
    const upgraded = await upgrade(v1 as DatabaseFixture);
    const followUp = createFollowUpService(upgraded);

    // p-2 went cold at 2026-03-03T09:00, p-1 at 2026-03-31T12:00.
    expect(await followUp.coldCount(new Date('2026-03-03T09:00:00.000Z'))).toBe(0);
    expect(await followUp.coldCount(new Date('2026-03-03T09:00:00.001Z'))).toBe(1);
    const list = await followUp.coldList({ now: new Date('2026-04-15T00:00:00.000Z') });
    expect(list.total).toBe(2);
    // p-2 has no interactions: their turn, so first although p-1 is not less overdue.
    expect(list.people.map((row) => row.person.id)).toEqual(['p-2', 'p-1']);
    expect(list.people[1]?.lastInteraction?.id).toBe('i-1');
  });

  it('uses the default cadence stored in the settings', async () => {
    const fixture = cloneFixture(v1 as DatabaseFixture);
    fixture.tables.settings = [{ key: 'defaultCadenceDays', value: 7 }];
    const upgraded = await upgrade(fixture);

    expect(await upgraded.people.get('p-2')).toMatchObject({
      effectiveCadence: 7,
      coldAt: '2026-02-08T09:00:00.000Z',
    });
    // Ada has her own cadence.
    expect(await upgraded.people.get('p-1')).toMatchObject({ effectiveCadence: 30 });
  });

  it.each([
    ['no settings row', undefined],
    ['a negative default', -4],
    ['a fractional default', 2.5],
    ['a default above ten years', 4000],
    ['a text default', '7'],
  ])('falls back to 30 days with %s', async (_label, value) => {
    const fixture = cloneFixture(v1 as DatabaseFixture);
    fixture.tables.settings = value === undefined ? [] : [{ key: 'defaultCadenceDays', value }];
    const upgraded = await upgrade(fixture);

    expect(await upgraded.people.get('p-2')).toMatchObject({ effectiveCadence: 30 });
  });

  it('takes the latest interaction by its own date, not the one stored last, and its direction', async () => {
    const fixture = cloneFixture(v1 as DatabaseFixture);
    fixture.tables.interactions = [
      // Logged later, but back-dated to before i-1.
      {
        id: 'i-0',
        personId: 'p-1',
        at: '2026-02-20T08:00:00.000Z',
        kind: 'met',
        direction: 'in',
        summary: 'Coffee (logged late)',
      },
      ...(fixture.tables.interactions ?? []),
      {
        id: 'i-9',
        personId: 'p-2',
        at: '2026-02-15T10:00:00.000Z',
        kind: 'reply',
        direction: 'in',
        summary: 'Replied to my comment',
      },
    ];
    const upgraded = await upgrade(fixture);

    expect(await upgraded.people.get('p-1')).toMatchObject({
      clockStart: '2026-03-01T12:00:00.000Z',
      lastTouchDirection: 'out',
      turn: 0,
    });
    expect(await upgraded.people.get('p-2')).toMatchObject({
      lastTouchAt: '2026-02-15T10:00:00.000Z',
      clockStart: '2026-02-15T10:00:00.000Z',
      lastTouchDirection: 'in',
      turn: 1,
      coldAt: '2026-03-17T10:00:00.000Z',
    });
  });

  it('leaves archived people and those with cadence 0 out of the cold indexes, and respects a snooze', async () => {
    const fixture = cloneFixture(v1 as DatabaseFixture);
    const [ada, pip] = fixture.tables.people as [Record<string, unknown>, Record<string, unknown>];
    ada.archived = true;
    pip.cadenceDays = 0;
    fixture.tables.people?.push({
      ...pip,
      id: 'p-3',
      identities: [{ key: 'x:snoozer' }],
      identityKeys: ['x:snoozer'],
      cadenceDays: 10,
      snoozedUntil: '2026-05-01T00:00:00.000Z',
    });
    const upgraded = await upgrade(fixture);

    expect(await upgraded.people.get('p-1')).toMatchObject({
      effectiveCadence: null,
      coldAt: null,
    });
    expect(await upgraded.people.get('p-2')).toMatchObject({
      effectiveCadence: null,
      coldAt: null,
    });
    expect(await upgraded.people.get('p-3')).toMatchObject({
      effectiveCadence: 10,
      coldAt: '2026-05-01T00:00:00.000Z',
    });
    expect(await upgraded.people.where('coldAt').above('').primaryKeys()).toEqual(['p-3']);
    expect(await upgraded.people.orderBy('effectiveCadence').primaryKeys()).toEqual(['p-3']);
  });
});

describe('the version 2 fixture', () => {
  it('stores the follow-up fields its own interactions and settings give', () => {
    const fixture = v2 as DatabaseFixture;
    const people = fixture.tables.people as unknown as Person[];
    const interactions = fixture.tables.interactions as unknown as Interaction[];
    const defaultCadence = fixture.tables.settings?.find((row) => row.key === 'defaultCadenceDays')
      ?.value as number;
    for (const person of people) {
      const latest =
        interactions
          .filter((interaction) => interaction.personId === person.id)
          .sort((a, b) => a.at.localeCompare(b.at))
          .at(-1) ?? null;
      const stored = Object.fromEntries(
        FOLLOW_UP_KEYS.map((key) => [key, person[key as keyof Person]]),
      );
      expect(stored, person.id).toEqual(followUpFields(person, latest, defaultCadence));
    }
    // It covers each case: own and default cadence, archived, cadence 0, snoozed, back-dated.
    expect(people.map((person) => person.coldAt)).toContain(null);
    expect(people.some((person) => person.snoozedUntil !== null)).toBe(true);
  });
});

describe('upgrading a version 2 database to version 3', () => {
  it('gives every person an empty headline, no interests and no circle, introducer or event', async () => {
    const upgraded = await upgrade(v2 as DatabaseFixture);
    for (const row of (v2 as DatabaseFixture).tables.people ?? []) {
      expect(await upgraded.people.get(row.id as string)).toEqual({ ...row, ...RELATION });
    }
    for (const row of (v2 as DatabaseFixture).tables.interactions ?? []) {
      expect(await upgraded.interactions.get(row.id as string)).toEqual(row);
    }
    expect(await upgraded.circles.count()).toBe(0);
  });

  /** The v2 fixture with LinkedIn's old "Connected on LinkedIn" touches added. */
  function withLegacyConnections(): DatabaseFixture {
    const fixture = cloneFixture(v2 as DatabaseFixture);
    const people = fixture.tables.people ?? [];
    const connection = (personId: string, at: string) => ({
      id: `import-${personId}-connected`,
      personId,
      at,
      kind: 'other',
      direction: 'in',
      summary: 'Connected on LinkedIn',
    });
    // Only connected: Lin, on the default, with nothing else.
    people.push({
      ...people[1],
      id: 'p-lin',
      name: 'Lin Connected',
      identities: [{ key: 'linkedin:lin' }],
      identityKeys: ['linkedin:lin'],
      createdAt: '2026-03-05T10:00:00.000Z',
      updatedAt: '2026-03-05T10:00:00.000Z',
      lastTouchAt: '2023-04-01T00:00:00.000Z',
      lastTouchDirection: 'in',
      clockStart: '2023-04-01T00:00:00.000Z',
      turn: 1,
      effectiveCadence: 21,
      coldAt: '2023-04-22T00:00:00.000Z',
    });
    fixture.tables.interactions?.push(
      connection('p-lin', '2023-04-01T00:00:00.000Z'),
      // Ada has real messages too, and the same old touch: her messages decide.
      connection('p-1', '2025-06-01T00:00:00.000Z'),
      // Someone's own "other" touch with those words is the user's: it stays.
      { ...connection('p-3', '2026-03-02T00:00:00.000Z'), id: 'typed-by-the-user' },
    );
    return fixture;
  }

  it('takes back the "Connected on LinkedIn" touches older imports logged as coming from them', async () => {
    const upgraded = await upgrade(withLegacyConnections());
    expect(await upgraded.interactions.get('import-p-lin-connected')).toBeUndefined();
    expect(await upgraded.interactions.get('import-p-1-connected')).toBeUndefined();
    expect(await upgraded.interactions.get('typed-by-the-user')).toBeDefined();

    // Lin: known since the day of connecting, kept but not tracked (never cold).
    const lin = (await upgraded.people.get('p-lin')) as Person;
    expect(lin).toMatchObject({
      createdAt: '2023-04-01T00:00:00.000Z',
      cadenceDays: 0,
      untrackedByImport: true,
      lastTouchAt: null,
      effectiveCadence: null,
      coldAt: null,
    });
    // Ada keeps her cadence and her clock, which her last message starts.
    const ada = (await upgraded.people.get('p-1')) as Person;
    expect(ada).toMatchObject({
      createdAt: '2025-06-01T00:00:00.000Z',
      cadenceDays: 30,
      lastTouchAt: '2026-03-01T12:00:00.000Z',
      lastTouchDirection: 'out',
    });
    expect(ada.untrackedByImport).toBeUndefined();
    const cold = await createFollowUpService(upgraded).coldList({
      now: new Date('2026-11-01T00:00:00.000Z'),
    });
    expect(cold.people.map((row) => row.person.id)).not.toContain('p-lin');
  });
});

describe('the version 3 fixture', () => {
  it('stores the follow-up fields its interactions, circles and settings give, and references that exist', () => {
    const fixture = v3 as DatabaseFixture;
    const people = fixture.tables.people as unknown as Person[];
    const interactions = fixture.tables.interactions as unknown as Interaction[];
    const circles = new Map(
      (fixture.tables.circles ?? []).map((row) => [
        row.id as string,
        row.cadenceDays as number | null,
      ]),
    );
    const defaultCadence = fixture.tables.settings?.find((row) => row.key === 'defaultCadenceDays')
      ?.value as number;
    const ids = new Set(people.map((person) => person.id));
    const eventIds = new Set((fixture.tables.events ?? []).map((row) => row.id));
    for (const person of people) {
      const latest =
        interactions
          .filter((interaction) => interaction.personId === person.id)
          .sort((a, b) => a.at.localeCompare(b.at))
          .at(-1) ?? null;
      const inForce =
        person.cadenceDays === null && person.circleId
          ? (circles.get(person.circleId) ?? defaultCadence)
          : defaultCadence;
      const stored = Object.fromEntries(
        FOLLOW_UP_KEYS.map((key) => [key, person[key as keyof Person]]),
      );
      expect(stored, person.id).toEqual(followUpFields(person, latest, inForce));
      if (person.circleId) expect(circles.has(person.circleId)).toBe(true);
      if (person.metVia) expect(ids.has(person.metVia)).toBe(true);
      if (person.metAt) expect(eventIds.has(person.metAt)).toBe(true);
    }
    for (const interaction of interactions) {
      if (interaction.eventId) expect(eventIds.has(interaction.eventId)).toBe(true);
    }
  });
});
