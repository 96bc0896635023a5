import type { AcquaintDatabase } from '@/lib/db/database';
import { COLD_COUNT_CAP, compareCold, DAY_MS, followUpFields, isCold } from '@/lib/model/cold';
import type { Interaction, Person } from '@/lib/model/types';
import {
  type ColdList,
  createFollowUpService,
  type FollowUpService,
  latestByPerson,
  latestInteraction,
} from '@/lib/services/follow-up';
import { createInteractionsService, type InteractionsService } from '@/lib/services/interactions';
import { createPeopleService } from '@/lib/services/people';

import { disposeDatabase, openTestDatabase, testClock, type TestClock } from '../support/db';
import { countReads } from '../support/read-counter';
import { seededRandom } from '../support/random';

const START = '2026-01-01T00:00:00.000Z';

let db: AcquaintDatabase;
let time: TestClock;
let followUp: FollowUpService;
let interactions: InteractionsService;

beforeEach(() => {
  db = openTestDatabase();
  time = testClock(START);
  followUp = createFollowUpService(db, time.clock);
  interactions = createInteractionsService(db, time.clock);
});

afterEach(async () => {
  await disposeDatabase(db);
});

const iso = (ms: number) => new Date(ms).toISOString();
const daysAfter = (start: string, days: number) => iso(Date.parse(start) + days * DAY_MS);

let counter = 0;

/** Adds someone through the people service, as the extension does; the clock starts now. */
async function addPerson(name: string): Promise<Person> {
  counter += 1;
  return createPeopleService(db, time.clock).ensure({ key: `x:person${counter}`, name });
}

/** Logs an interaction with them `daysAgo` days before the test clock. */
async function logTouch(
  person: Person,
  daysAgo: number,
  direction: Interaction['direction'] = 'out',
): Promise<void> {
  await interactions.add({
    personId: person.id,
    at: iso(time.clock().getTime() - daysAgo * DAY_MS),
    kind: 'message',
    direction,
    summary: '',
  });
}

const names = (list: ColdList) => list.people.map((row) => row.person.name);

describe('setCadence, snooze and setArchived', () => {
  it('sets the cadence, recomputes the fields and bumps updatedAt', async () => {
    const ada = await addPerson('Ada');
    time.set('2026-01-02T00:00:00.000Z');
    const updated = await followUp.setCadence(ada.id, 7);

    expect(updated).toMatchObject({
      cadenceDays: 7,
      effectiveCadence: 7,
      coldAt: '2026-01-08T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(await db.people.get(ada.id)).toEqual(updated);
    expect((await followUp.setCadence(ada.id, null)).effectiveCadence).toBe(30);
  });

  it.each([-1, 3651, 1.5, Number.NaN, '7'])('refuses the cadence %j', async (cadence) => {
    const ada = await addPerson('Ada');
    await expect(followUp.setCadence(ada.id, cadence as number)).rejects.toThrow(/cadence/);
    expect((await db.people.get(ada.id))?.cadenceDays).toBeNull();
  });

  it('accepts 0, 1, 3650 and null', async () => {
    const ada = await addPerson('Ada');
    for (const cadence of [0, 1, 3650, null]) {
      expect((await followUp.setCadence(ada.id, cadence)).cadenceDays).toBe(cadence);
    }
  });

  it('refuses someone who is not in Acquaint', async () => {
    await expect(followUp.setCadence('nobody', 7)).rejects.toThrow(/nobody/);
    await expect(followUp.snooze('nobody', null)).rejects.toThrow(/nobody/);
    await expect(followUp.setArchived('nobody', true)).rejects.toThrow(/nobody/);
  });

  it('never makes someone with cadence 0 cold', async () => {
    const ada = await addPerson('Ada');
    await followUp.setCadence(ada.id, 0);
    expect(await followUp.coldCount(new Date('2036-01-01T00:00:00.000Z'))).toBe(0);
    expect((await followUp.coldList({ now: new Date('2036-01-01T00:00:00.000Z') })).total).toBe(0);
  });

  it('keeps a snoozed person out until the snooze ends, then they are cold again', async () => {
    const ada = await addPerson('Ada');
    const cold = new Date('2026-02-15T00:00:00.000Z');
    expect(await followUp.coldCount(cold)).toBe(1);

    const snoozed = await followUp.snooze(ada.id, '2026-03-01T00:00:00.000Z');
    expect(snoozed).toMatchObject({
      snoozedUntil: '2026-03-01T00:00:00.000Z',
      coldAt: '2026-03-01T00:00:00.000Z',
    });
    expect(await followUp.coldCount(cold)).toBe(0);
    expect((await followUp.coldList({ now: cold })).people).toEqual([]);
    const ended = new Date('2026-03-01T00:00:00.001Z');
    expect(await followUp.coldCount(new Date('2026-03-01T00:00:00.000Z'))).toBe(0);
    expect(await followUp.coldCount(ended)).toBe(1);
    expect(names(await followUp.coldList({ now: ended }))).toEqual(['Ada']);

    await followUp.snooze(ada.id, null);
    expect(await followUp.coldCount(cold)).toBe(1);
  });

  it('stores a snooze in UTC and refuses what is not a date', async () => {
    const ada = await addPerson('Ada');
    expect((await followUp.snooze(ada.id, '2026-03-01T09:00:00+09:00')).snoozedUntil).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    await expect(followUp.snooze(ada.id, 'next week')).rejects.toThrow(/not a date/);
    expect((await db.people.get(ada.id))?.snoozedUntil).toBe('2026-03-01T00:00:00.000Z');
  });

  it('never makes archived people cold, and brings them back when unarchived', async () => {
    const ada = await addPerson('Ada');
    const later = new Date('2027-01-01T00:00:00.000Z');
    await followUp.setArchived(ada.id, true);
    expect(await followUp.coldCount(later)).toBe(0);
    expect((await followUp.coldList({ now: later })).people).toEqual([]);

    await followUp.setArchived(ada.id, false);
    expect(await followUp.coldCount(later)).toBe(1);
  });
});

describe('recompute', () => {
  it('repairs stale fields without bumping updatedAt', async () => {
    const ada = await addPerson('Ada');
    await db.people.put({ ...ada, clockStart: '2020-01-01T00:00:00.000Z', coldAt: null });
    time.set('2026-05-01T00:00:00.000Z');

    const repaired = await followUp.recompute(ada.id);
    expect(repaired).toEqual(ada);
    expect(await db.people.get(ada.id)).toEqual(ada);
  });

  it('answers null for someone not there', async () => {
    expect(await followUp.recompute('nobody')).toBeNull();
  });
});

describe('defaultCadenceChanged', () => {
  it('makes people on the default cold sooner, and leaves people with their own cadence alone', async () => {
    const onDefault = await addPerson('Default Dee');
    const own = await addPerson('Own Owen');
    await followUp.setCadence(own.id, 30);
    const archived = await addPerson('Archived Ari');
    await followUp.setArchived(archived.id, true);
    const ownBefore = await db.people.get(own.id);
    const now = new Date('2026-01-10T00:00:00.000Z');
    expect(await followUp.coldCount(now)).toBe(0);

    await db.settings.put({ key: 'defaultCadenceDays', value: 7 });
    expect(await followUp.defaultCadenceChanged(7)).toBe(1);

    expect(await db.people.get(onDefault.id)).toMatchObject({
      effectiveCadence: 7,
      coldAt: '2026-01-08T00:00:00.000Z',
      updatedAt: START,
    });
    expect(await db.people.get(own.id)).toEqual(ownBefore);
    expect(await db.people.get(archived.id)).toMatchObject({ effectiveCadence: null });
    expect(names(await followUp.coldList({ now }))).toEqual(['Default Dee']);

    // Back to 30: cold no more.
    expect(await followUp.defaultCadenceChanged(30)).toBe(1);
    expect(await followUp.coldCount(now)).toBe(0);
  });
});

describe('coldList', () => {
  const NOW = '2026-06-01T00:00:00.000Z';

  beforeEach(() => {
    time.set(NOW);
  });

  it('lists whose turn it is first, even when they are less overdue', async () => {
    const owed = await addPerson('Owed Olga');
    await logTouch(owed, 200, 'out');
    const mine = await addPerson('Mine Mo');
    await logTouch(mine, 31, 'in');
    const fresh = await addPerson('Never Written');
    time.set(daysAfter(NOW, 31));

    const list = await followUp.coldList();
    // Mo (62 days over 30) before the never-written (31 over 30): both their turn, Olga's not.
    expect(names(list)).toEqual(['Mine Mo', 'Never Written', 'Owed Olga']);
    expect(list.people.map((row) => row.myTurn)).toEqual([true, true, false]);
    expect(list.people[1]).toMatchObject({ lastInteraction: null, daysSince: 31 });
    expect(list.people[1]?.person.id).toBe(fresh.id);
    expect(list.people[0]?.lastInteraction).toMatchObject({ personId: mine.id, direction: 'in' });
    expect(list.people[2]).toMatchObject({
      daysSince: 231,
      ratio: 231 / 30,
      lastInteraction: { personId: owed.id, direction: 'out' },
    });
  });

  it('orders by time over cadence across cadences, then by name', async () => {
    const forty = await addPerson('Forty over thirty');
    await followUp.setCadence(forty.id, 30);
    await logTouch(forty, 40);
    const twenty = await addPerson('Twenty over fourteen');
    await followUp.setCadence(twenty.id, 14);
    await logTouch(twenty, 20);
    // Both 3× their cadence: by name.
    const zed = await addPerson('Zed');
    await followUp.setCadence(zed.id, 10);
    await logTouch(zed, 30);
    const amy = await addPerson('Amy');
    await followUp.setCadence(amy.id, 5);
    await logTouch(amy, 15);

    const list = await followUp.coldList();
    expect(names(list)).toEqual(['Amy', 'Zed', 'Twenty over fourteen', 'Forty over thirty']);
    expect(list.people.map((row) => row.ratio)).toEqual([3, 3, 20 / 14, 40 / 30]);
  });

  it('counts from the interaction’s own date, not when it was logged', async () => {
    // Someone long cold, so the list is never empty.
    await logTouch(await addPerson('Bob'), 100);
    const ada = await addPerson('Ada');
    await logTouch(ada, 29);
    expect(await followUp.coldList()).toMatchObject({ total: 1 });
    // Logged now, back-dated to before the latest: the clock stays.
    await logTouch(ada, 40);
    expect(names(await followUp.coldList())).toEqual(['Bob']);
    // Exactly 30 days: not yet.
    time.advance(DAY_MS);
    expect(await followUp.coldList()).toMatchObject({ total: 1 });
    expect(names(await followUp.coldList())).toEqual(['Bob']);
    time.advance(1);
    expect(names(await followUp.coldList())).toEqual(['Bob', 'Ada']);
    expect((await followUp.coldList()).total).toBe(2);
  });

  it('moves the clock back when the latest interaction is deleted, and forward when edited', async () => {
    const ada = await addPerson('Ada');
    await logTouch(ada, 50);
    await logTouch(ada, 5);
    expect((await followUp.coldList()).total).toBe(0);

    const [latest] = await interactions.listForPerson(ada.id);
    await interactions.remove(latest?.id as string);
    expect(names(await followUp.coldList())).toEqual(['Ada']);

    const [older] = await interactions.listForPerson(ada.id);
    await interactions.update(older?.id as string, { at: iso(time.clock().getTime() - DAY_MS) });
    expect((await followUp.coldList()).total).toBe(0);
  });

  it('cuts the list at the limit and counts everyone', async () => {
    for (let index = 0; index < 12; index += 1) {
      const person = await addPerson(`Person ${String(index).padStart(2, '0')}`);
      await logTouch(person, 31 + index, index % 3 === 0 ? 'in' : 'out');
    }
    const full = await followUp.coldList();
    expect(full.total).toBe(12);
    expect(full.people).toHaveLength(12);

    const cut = await followUp.coldList({ limit: 5 });
    expect(cut.total).toBe(12);
    expect(names(cut)).toEqual(names(full).slice(0, 5));
    // The turn group (indexes 0, 3, 6, 9) comes first, most overdue first.
    expect(names(cut)).toEqual(['Person 09', 'Person 06', 'Person 03', 'Person 00', 'Person 11']);
    expect((await followUp.coldList({ limit: 0 })).people).toEqual([]);
    await expect(followUp.coldList({ limit: -1 })).rejects.toThrow(/row count/);
  });

  it('orders people tied on when their clock started by name, also beyond the limit', async () => {
    // Same turn, cadence and clock start; ids in the opposite order of names.
    const rows = ['Zoe', 'Yan', 'Xia', 'Wes', 'Val', 'Uma'].map((name, index) =>
      makePerson({ id: `p-${index}`, name, createdAt: '2026-04-01T00:00:00.000Z' }, null, 30),
    );
    await db.people.bulkAdd(rows);

    expect(names(await followUp.coldList({ limit: 2 }))).toEqual(['Uma', 'Val']);
    expect(names(await followUp.coldList({ limit: 4 }))).toEqual(['Uma', 'Val', 'Wes', 'Xia']);
  });

  it('returns what a brute-force reading of everyone returns, for a random population', async () => {
    const random = seededRandom(4_242);
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const defaultCadence = 21;
    await db.settings.put({ key: 'defaultCadenceDays', value: defaultCadence });
    const people: Person[] = [];
    const touches: Interaction[] = [];
    for (let index = 0; index < 2_000; index += 1) {
      const id = `p-${String(random.int(0, 1e9)).padStart(9, '0')}-${index}`;
      // Few distinct moments and names, so that ties occur.
      const createdAt = iso(base + random.int(0, 120) * DAY_MS + random.pick([0, 0, 3_600_000]));
      people.push(
        makePerson(
          {
            id,
            name: random.pick(['Ada', 'Bea', 'Cy', 'Dee', 'Eve', 'ada', 'Émile', 'Zoë']),
            createdAt,
            cadenceDays: random.pick([null, null, null, 0, 1, 7, 14, 30, 45, 90]),
            archived: random.chance(0.08),
            snoozedUntil: random.chance(0.15)
              ? iso(base + random.int(60, 260) * DAY_MS + random.int(0, DAY_MS))
              : null,
          },
          null,
          defaultCadence,
        ),
      );
      const count = random.pick([0, 0, 1, 1, 2, 3]);
      for (let n = 0; n < count; n += 1) {
        touches.push({
          id: `i-${index}-${n}`,
          personId: id,
          at: iso(base + random.int(0, 200) * DAY_MS + random.pick([0, random.int(0, DAY_MS)])),
          kind: 'message',
          direction: random.pick(['in', 'out'] as const),
          summary: '',
        });
      }
    }
    // Stored with fields as of "no interactions", then brought up to date by the service.
    await db.people.bulkAdd(people);
    await db.interactions.bulkAdd(touches);
    for (const person of people) await followUp.recompute(person.id);

    const latestOf = new Map<string, Interaction>();
    for (const touch of touches) {
      const current = latestOf.get(touch.personId);
      if (!current || touch.at > current.at || (touch.at === current.at && touch.id > current.id)) {
        latestOf.set(touch.personId, touch);
      }
    }
    const bruteForce = (now: Date) =>
      people
        .map((person) => ({
          ...person,
          ...followUpFields(person, latestOf.get(person.id) ?? null, defaultCadence),
        }))
        .filter((person) => isCold(person, now))
        .sort((a, b) => compareCold(a, b, now));

    // Some moments fall exactly a cadence after a clock start (whole days, or whole days + 1 h).
    for (const [day, offset] of [
      [30, 43_210_000],
      [90, 0],
      [150, 3_600_000],
      [220, 43_210_000],
      [400, 0],
    ] as const) {
      const now = new Date(base + day * DAY_MS + offset);
      const expected = bruteForce(now);
      for (const limit of [1, 10, 50, 5_000]) {
        const list = await followUp.coldList({ limit, now });
        const counted = Math.max(COLD_COUNT_CAP, limit);
        expect(list.total, `day ${day}`).toBe(Math.min(expected.length, counted));
        expect(list.totalIsAtLeast, `day ${day}`).toBe(expected.length >= counted);
        expect(
          list.people.map((row) => row.person.id),
          `day ${day}, limit ${limit}`,
        ).toEqual(expected.slice(0, limit).map((person) => person.id));
        for (const row of list.people) {
          const latest = latestOf.get(row.person.id) ?? null;
          expect(row.lastInteraction?.id ?? null).toBe(latest?.id ?? null);
          expect(row.myTurn).toBe(latest === null || latest.direction === 'in');
        }
      }
      expect(expected.length, `day ${day}`).toBeGreaterThan(day === 30 ? 0 : 100);
    }
  }, 60_000);

  it('reads only the cold people, not the whole table', async () => {
    const reads = countReads(db, 'people');
    const now = new Date(NOW);
    const people: Person[] = [];
    for (let index = 0; index < 5_000; index += 1) {
      const cold = index % 500 === 0; // 10 of them
      const snoozed = index % 1_000 === 1; // 5 overdue but snoozed
      const daysAgo = cold || snoozed ? 60 + (index % 7) : index % 30;
      people.push(
        makePerson(
          {
            id: `p-${String(index).padStart(5, '0')}`,
            name: `Person ${index}`,
            createdAt: iso(now.getTime() - daysAgo * DAY_MS),
            cadenceDays: [null, 30, 45][index % 3] ?? null,
            snoozedUntil: snoozed ? daysAfter(NOW, 3) : null,
          },
          null,
          30,
        ),
      );
    }
    await db.people.bulkAdd(people);

    // The counter sees a full read.
    reads.records = 0;
    expect(await db.people.toArray()).toHaveLength(5_000);
    expect(reads.records).toBe(5_000);

    reads.records = 0;
    const list = await followUp.coldList({ now });
    expect(list.total).toBe(10);
    expect(list.people).toHaveLength(10);
    // The 10 cold, the 5 snoozed skipped on the way: nobody else.
    expect(reads.records).toBeLessThanOrEqual(15);

    reads.records = 0;
    expect(await followUp.coldCount(now)).toBe(10);
    expect(reads.records).toBe(0);
  });

  it('reads on past the first batch when the most overdue are snoozed or tied on their clock', async () => {
    const now = new Date(NOW);
    const people: Person[] = [];
    // The 30 most overdue are snoozed; then 25 tied on one clock start; then the rest.
    for (let index = 0; index < 80; index += 1) {
      const daysAgo = index < 30 ? 200 - index : index < 55 ? 150 : 100 - index;
      people.push(
        makePerson(
          {
            id: `p-${String(index).padStart(3, '0')}`,
            name: `Person ${String(79 - index).padStart(2, '0')}`,
            createdAt: iso(now.getTime() - daysAgo * DAY_MS),
            snoozedUntil: index < 30 ? daysAfter(NOW, 3) : null,
          },
          null,
          30,
        ),
      );
    }
    await db.people.bulkAdd(people);
    const tied = people
      .slice(30, 55)
      .map((person) => person.name)
      .sort();
    for (const limit of [1, 5, 24, 26]) {
      const list = await followUp.coldList({ now, limit });
      const expected = [...tied, ...people.slice(55).map((person) => person.name)];
      expect(names(list), `limit ${limit}`).toEqual(expected.slice(0, limit));
    }
  });

  it('stops counting at the cap and finds the cadences in use without walking an index', async () => {
    const reads = countReads(db, 'people');
    const now = new Date(NOW);
    const cadences = [null, 7, 45, 90, 0];
    const people: Person[] = [];
    for (let index = 0; index < COLD_COUNT_CAP + 300; index += 1) {
      people.push(
        makePerson(
          {
            id: `p-${String(index).padStart(5, '0')}`,
            name: `Person ${index}`,
            createdAt: iso(now.getTime() - (400 + (index % 50)) * DAY_MS),
            cadenceDays: cadences[index % cadences.length] ?? null,
          },
          null,
          30,
        ),
      );
    }
    await db.people.bulkAdd(people);
    const cold = people.filter((person) => isCold(person as Parameters<typeof isCold>[0], now));
    expect(cold.length).toBeGreaterThan(COLD_COUNT_CAP);

    reads.records = 0;
    reads.keys = 0;
    reads.counts = 0;
    const list = await followUp.coldList({ now, limit: 20 });
    expect(list).toMatchObject({ total: COLD_COUNT_CAP, totalIsAtLeast: true });
    // The same 20 a full sort of everyone cold gives, from every cadence in use.
    const expected = [...cold].sort((a, b) => compareCold(a as never, b as never, now));
    expect(list.people.map((row) => row.person.id)).toEqual(
      expected.slice(0, 20).map((person) => person.id),
    );
    expect(new Set(list.people.map((row) => row.person.effectiveCadence))).toEqual(
      new Set(
        [7, 30, 45, 90].filter((cadence) =>
          list.people.some((row) => row.person.effectiveCadence === cadence),
        ),
      ),
    );
    expect(reads.counts).toBe(0);
    // The capped count's keys, one seek per cadence in use and its end: no walk over everyone.
    expect(reads.keys).toBeLessThanOrEqual(COLD_COUNT_CAP + 5);

    reads.keys = 0;
    expect(await followUp.coldCount(now)).toBe(COLD_COUNT_CAP);
    expect(reads.keys).toBe(COLD_COUNT_CAP);
    expect(reads.counts).toBe(0);

    // Under the cap the count is exact.
    await db.people.bulkDelete(cold.slice(0, 400).map((person) => person.id));
    expect(await followUp.coldList({ now, limit: 1 })).toMatchObject({
      total: cold.length - 400,
      totalIsAtLeast: false,
    });
  });
});

/** A stored person with fields computed as if they had this latest interaction. */
function makePerson(
  fields: Partial<Person> & Pick<Person, 'id' | 'name' | 'createdAt'>,
  latest: Pick<Interaction, 'at' | 'direction'> | null,
  defaultCadence: number,
): Person {
  const person: Person = {
    identities: [{ key: `x:${fields.id}` }],
    identityKeys: [`x:${fields.id}`],
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    updatedAt: fields.createdAt,
    ...fields,
  };
  return { ...person, ...followUpFields(person, latest, defaultCadence) };
}

describe('latestByPerson', () => {
  it('picks for each person the interaction the [personId+at] index gives last, ties included', async () => {
    const random = seededRandom(7);
    const kinds = ['out', 'in'] as const;
    const stored: Interaction[] = Array.from({ length: 300 }, (_, index) => ({
      id: `i-${String(random.int(0, 10_000)).padStart(5, '0')}-${index}`,
      personId: `p-${random.int(0, 20)}`,
      // Few distinct dates, so that many share one.
      at: daysAfter(START, random.int(0, 6)),
      kind: 'message',
      direction: random.pick(kinds),
      summary: '',
    }));
    await db.interactions.bulkAdd(stored);

    const latest = latestByPerson([...stored].reverse());
    const personIds = [...new Set(stored.map((interaction) => interaction.personId))];
    expect(latest.size).toBe(personIds.length);
    for (const personId of personIds) {
      expect(latest.get(personId), personId).toEqual(await latestInteraction(db, personId));
    }
  });
});
