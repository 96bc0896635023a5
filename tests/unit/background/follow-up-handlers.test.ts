import type { RequestContext } from '@/lib/background/router';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { RequestOf } from '@/lib/messaging/protocol';
import { DAY_MS } from '@/lib/model/cold';
import type { Person } from '@/lib/model/types';
import type { PersonRef } from '@/lib/sites/types';

import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';
import { createTestHandlers } from '../support/handlers';
import { saveRequest, touchRequest, whyRequest } from '../support/requests';

const TOP: RequestContext = { kind: 'content', tabId: 7, frameId: 0 };
/** The top frame of the page a person's address names, as its content script reports it. */
const pageOf = (person: { url?: string }): RequestContext => ({
  ...TOP,
  ...(person.url ? { url: person.url } : {}),
});
const SIDEBAR: RequestContext = { kind: 'extension-page', tabId: 7, frameId: 1 };
const POPUP: RequestContext = { kind: 'extension-page', tabId: undefined, frameId: undefined };

const NOW = '2024-05-10T12:00:00.000Z';
/** An ISO date this many days before NOW. */
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();
const daysAfter = (days: number) => new Date(Date.parse(NOW) + days * DAY_MS).toISOString();

let db: AcquaintDatabase;
let time: TestClock;
let test: ReturnType<typeof createTestHandlers>;

beforeEach(() => {
  db = openTestDatabase();
  time = testClock(NOW);
  test = createTestHandlers(db, { clock: time.clock });
});

afterEach(async () => {
  vi.useRealTimers();
  await disposeDatabase(db);
});

const handlers = () => test.handlers;

const ref = (handle: string, name: string): PersonRef => ({
  key: `x:${handle}`,
  name,
  url: `https://x.com/${handle}`,
});

/** Logs a touch about `person` through the handler; returns the stored interaction. */
function logTouch(
  person: PersonRef,
  at: string,
  direction: 'in' | 'out',
  extra: Partial<RequestOf<'interactions.add'>['interaction']> = {},
) {
  return handlers()['interactions.add'](
    touchRequest({ id: `t-${person.key}-${at}`, at, direction, ...extra }, person),
    SIDEBAR,
  );
}

const personOf = async (person: PersonRef): Promise<Person> => {
  const found = await db.people.where('identityKeys').equals(person.key).first();
  if (!found) throw new Error(`${person.name} is not stored`);
  return found;
};

const coldNames = async (limit?: number) => {
  const list = await handlers()['cold.list'](
    limit === undefined ? { type: 'cold.list' } : { type: 'cold.list', limit },
    POPUP,
  );
  return list.people.map((row) => row.person.name);
};

describe('interactions.add', () => {
  it('ensures the person by their reference, then logs the touch for them', async () => {
    const added = await handlers()['interactions.add'](touchRequest({}, PIP), SIDEBAR);

    const people = await db.people.toArray();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: PIP.name, identityKeys: [PIP.key] });
    expect(added).toEqual({ ...touchRequest().interaction, personId: people[0]?.id });
    expect(await db.interactions.toArray()).toEqual([added]);
    // The person's follow-up fields now start from this touch.
    expect(people[0]).toMatchObject({
      lastTouchAt: added.at,
      lastTouchDirection: 'out',
      clockStart: added.at,
      turn: 0,
    });
  });

  it('adds to the person already stored under that key', async () => {
    const person = await handlers()['people.setWhy'](whyRequest('Owl expert', PIP), SIDEBAR);
    await handlers()['interactions.add'](touchRequest({ id: 'a' }, PIP), SIDEBAR);
    await handlers()['interactions.add'](touchRequest({ id: 'b' }, PIP), SIDEBAR);

    expect(await db.people.count()).toBe(1);
    expect((await db.interactions.toArray()).map((touch) => touch.personId)).toEqual([
      person.id,
      person.id,
    ]);
  });

  it('refreshes every sidebar and tells every tab who is known', async () => {
    await handlers()['interactions.add'](touchRequest(), SIDEBAR);
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });
    expect(test.tellAllTabs).toHaveBeenCalledWith({ type: 'people.changed' });
  });

  it('then the sidebar lists the interactions newest first, with the default cadence', async () => {
    await handlers()['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA));
    // Logged out of order: back-dated touches sort by when they happened.
    await logTouch(ADA, daysAgo(3), 'in', { summary: 'middle' });
    await logTouch(ADA, daysAgo(1), 'out', { summary: 'newest' });
    await logTouch(ADA, daysAgo(9), 'out', { summary: 'oldest' });
    // Someone else's touch stays out.
    await logTouch(PIP, daysAgo(2), 'in', { summary: 'pip' });

    const context = await handlers()['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR);

    expect(context.person?.identityKeys).toEqual([ADA.key]);
    expect(context.interactions.map((touch) => touch.summary)).toEqual([
      'newest',
      'middle',
      'oldest',
    ]);
    expect(context.interactions.every((touch) => touch.personId === context.person?.id)).toBe(true);
    expect(context.defaultCadenceDays).toBe(30);

    await handlers()['settings.update'](
      { type: 'settings.update', patch: { defaultCadenceDays: 14 } },
      SIDEBAR,
    );
    expect(
      (await handlers()['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR))
        .defaultCadenceDays,
    ).toBe(14);
  });

  it('gives the default cadence also to a sidebar that shows nobody', async () => {
    await handlers()['settings.update'](
      { type: 'settings.update', patch: { defaultCadenceDays: 90 } },
      SIDEBAR,
    );
    expect(await handlers()['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR)).toEqual({
      tabId: 7,
      subject: null,
      person: null,
      notes: [],
      interactions: [],
      defaultCadenceDays: 90,
    });
  });
});

describe('interactions.update, .delete and .restore', () => {
  it('changes a touch, deletes it and puts it back, recomputing the person each time', async () => {
    await logTouch(ADA, daysAgo(40), 'in', { id: 'old' });
    const recent = await logTouch(ADA, daysAgo(2), 'out', { id: 'recent' });
    expect(await coldNames()).toEqual([]);

    const updated = await handlers()['interactions.update'](
      { type: 'interactions.update', id: 'recent', changes: { summary: 'Sent the deck' } },
      SIDEBAR,
    );
    expect(updated).toEqual({ ...recent, summary: 'Sent the deck' });
    expect(await db.interactions.get('recent')).toEqual(updated);

    const removed = await handlers()['interactions.delete'](
      { type: 'interactions.delete', id: 'recent' },
      SIDEBAR,
    );
    expect(removed).toEqual(updated);
    expect(await db.interactions.get('recent')).toBeUndefined();
    // Without the recent touch, the clock runs from the old one: 40 days, cold, their turn.
    expect(await coldNames()).toEqual([ADA.name]);
    expect(await personOf(ADA)).toMatchObject({ lastTouchAt: daysAgo(40), turn: 1 });

    const restored = await handlers()['interactions.restore'](
      { type: 'interactions.restore', interaction: updated },
      SIDEBAR,
    );
    expect(restored).toEqual(updated);
    expect(await coldNames()).toEqual([]);
  });

  it('moving a touch back in time can make the person cold', async () => {
    await logTouch(ADA, daysAgo(2), 'in', { id: 'touch' });
    expect(await coldNames()).toEqual([]);

    await handlers()['interactions.update'](
      { type: 'interactions.update', id: 'touch', changes: { at: daysAgo(31) } },
      SIDEBAR,
    );

    expect(await coldNames()).toEqual([ADA.name]);
  });

  it('deleting a touch that is not there answers null', async () => {
    expect(
      await handlers()['interactions.delete']({ type: 'interactions.delete', id: 'gone' }, SIDEBAR),
    ).toBeNull();
  });
});

describe('people.followUp', () => {
  it('sets a cadence of their own, and null goes back to the default', async () => {
    await logTouch(ADA, daysAgo(10), 'in');

    const weekly = await handlers()['people.followUp'](
      { type: 'people.followUp', person: ADA, change: { cadenceDays: 7 } },
      SIDEBAR,
    );
    expect(weekly).toMatchObject({ cadenceDays: 7, effectiveCadence: 7, coldAt: daysAgo(3) });
    expect(await db.people.get(weekly.id)).toEqual(weekly);
    expect(await coldNames()).toEqual([ADA.name]);

    const byDefault = await handlers()['people.followUp'](
      { type: 'people.followUp', person: ADA, change: { cadenceDays: null } },
      SIDEBAR,
    );
    expect(byDefault).toMatchObject({ cadenceDays: null, effectiveCadence: 30 });
    expect(await coldNames()).toEqual([]);
  });

  it('cadence 0 means never cold', async () => {
    await logTouch(ADA, daysAgo(400), 'in');
    expect(await coldNames()).toEqual([ADA.name]);

    const never = await handlers()['people.followUp'](
      { type: 'people.followUp', person: ADA, change: { cadenceDays: 0 } },
      SIDEBAR,
    );

    expect(never).toMatchObject({ cadenceDays: 0, effectiveCadence: null, coldAt: null });
    expect(await coldNames()).toEqual([]);
  });

  it('snoozes until a date, and null wakes them', async () => {
    await logTouch(ADA, daysAgo(60), 'in');
    const until = daysAfter(7);

    const snoozed = await handlers()['people.followUp'](
      { type: 'people.followUp', person: ADA, change: { snoozedUntil: until } },
      SIDEBAR,
    );
    expect(snoozed).toMatchObject({ snoozedUntil: until, coldAt: until });
    expect(await coldNames()).toEqual([]);

    // Once the snooze is over, they are cold again.
    time.set(daysAfter(8));
    expect(await coldNames()).toEqual([ADA.name]);
    time.set(NOW);

    await handlers()['people.followUp'](
      { type: 'people.followUp', person: ADA, change: { snoozedUntil: null } },
      SIDEBAR,
    );
    expect((await personOf(ADA)).snoozedUntil).toBeNull();
    expect(await coldNames()).toEqual([ADA.name]);
  });

  it('archives and unarchives', async () => {
    await logTouch(ADA, daysAgo(60), 'in');

    const archived = await handlers()['people.followUp'](
      { type: 'people.followUp', person: ADA, change: { archived: true } },
      SIDEBAR,
    );
    expect(archived).toMatchObject({ archived: true, effectiveCadence: null, coldAt: null });
    expect(await coldNames()).toEqual([]);

    await handlers()['people.followUp'](
      { type: 'people.followUp', person: ADA, change: { archived: false } },
      SIDEBAR,
    );
    expect(await coldNames()).toEqual([ADA.name]);
  });

  it('applies several changes at once, to a person it creates if need be', async () => {
    const person = await handlers()['people.followUp'](
      {
        type: 'people.followUp',
        person: PIP,
        change: { cadenceDays: 90, snoozedUntil: daysAfter(3), archived: true },
      },
      SIDEBAR,
    );

    expect(await db.people.count()).toBe(1);
    expect(person).toMatchObject({
      identityKeys: [PIP.key],
      cadenceDays: 90,
      snoozedUntil: daysAfter(3),
      archived: true,
    });
    expect(await db.people.get(person.id)).toEqual(person);
  });
});

describe('cold.list', () => {
  const ADA_ = ref('ada', 'Ada');
  const BEA = ref('bea', 'Bea');
  const CAL = ref('cal', 'Cal');
  const DOV = ref('dov', 'Dov');
  const EVE = ref('eve', 'Eve');
  const FAY = ref('fay', 'Fay');
  const GUS = ref('gus', 'Gus');
  const HAL = ref('hal', 'Hal');
  const IDA = ref('ida', 'Ida');

  /** Everyone is added on New Year's Day; touches are back-dated from NOW. */
  async function seed() {
    time.set('2024-01-01T12:00:00.000Z');
    const followUp = (person: PersonRef, change: RequestOf<'people.followUp'>['change']) =>
      handlers()['people.followUp']({ type: 'people.followUp', person, change }, SIDEBAR);
    // Their turn: they wrote last, 60 days ago (2 × 30).
    await logTouch(ADA_, daysAgo(60), 'in', { summary: 'Asked for the slides' });
    // Their turn: no touch at all since being added 130 days ago (4.33 × 30).
    await followUp(BEA, { cadenceDays: null });
    // The user wrote last, 100 days ago (3.33 × 30): listed after everyone whose turn it is.
    await logTouch(CAL, daysAgo(100), 'out');
    // Their turn, 14 days on a weekly cadence (2 × 7): tied with Ada, so after her by name.
    await logTouch(DOV, daysAgo(14), 'in');
    await followUp(DOV, { cadenceDays: 7 });
    // Not cold: 10 days on the default.
    await logTouch(EVE, daysAgo(10), 'in');
    // Archived, never listed.
    await logTouch(FAY, daysAgo(90), 'in');
    await followUp(FAY, { archived: true });
    // Cadence 0: never cold.
    await logTouch(GUS, daysAgo(300), 'in');
    await followUp(GUS, { cadenceDays: 0 });
    // Snoozed until after NOW.
    await logTouch(HAL, daysAgo(45), 'in');
    await followUp(HAL, { snoozedUntil: daysAfter(5) });
    // The user wrote last, 40 days ago (1.33 × 30).
    await logTouch(IDA, daysAgo(40), 'out');
    time.set(NOW);
  }

  it('lists the cold people in CONTRACT §4 order: turn, then how overdue, then name', async () => {
    await seed();

    const list = await handlers()['cold.list']({ type: 'cold.list' }, POPUP);

    expect(list.total).toBe(5);
    expect(list.people.map((row) => row.person.name)).toEqual(['Bea', 'Ada', 'Dov', 'Cal', 'Ida']);
    expect(list.people.map((row) => row.myTurn)).toEqual([true, true, true, false, false]);
  });

  it('describes each row: last touch, days since, ratio and whose turn', async () => {
    await seed();

    const [bea, ada, dov, cal] = (await handlers()['cold.list']({ type: 'cold.list' }, POPUP))
      .people;

    expect(bea).toMatchObject({ lastInteraction: null, daysSince: 130, myTurn: true });
    expect(bea?.ratio).toBeCloseTo(130 / 30, 10);
    expect(ada).toMatchObject({
      lastInteraction: { at: daysAgo(60), direction: 'in', summary: 'Asked for the slides' },
      daysSince: 60,
      ratio: 2,
      myTurn: true,
    });
    expect(dov).toMatchObject({ daysSince: 14, ratio: 2, myTurn: true });
    expect(cal).toMatchObject({ lastInteraction: { direction: 'out' }, daysSince: 100 });
    expect(cal?.ratio).toBeCloseTo(100 / 30, 10);
  });

  it('gives the first `limit` rows and counts them all', async () => {
    await seed();

    const list = await handlers()['cold.list']({ type: 'cold.list', limit: 2 }, POPUP);

    expect(list.total).toBe(5);
    expect(list.people.map((row) => row.person.name)).toEqual(['Bea', 'Ada']);
    expect(await coldNames(4)).toEqual(['Bea', 'Ada', 'Dov', 'Cal']);
  });

  it('lists nobody before anyone went cold', async () => {
    expect(await handlers()['cold.list']({ type: 'cold.list' }, POPUP)).toEqual({
      total: 0,
      totalIsAtLeast: false,
      people: [],
    });
    await logTouch(ADA, daysAgo(30), 'in');
    // Exactly the cadence is not yet more than it.
    expect(await coldNames()).toEqual([]);
    time.advance(1);
    expect(await coldNames()).toEqual([ADA.name]);
  });

  it('writes nothing', async () => {
    await seed();
    const before = await db.people.toArray();
    test.coldChanged.mockClear();
    test.broadcast.mockClear();

    await handlers()['cold.list']({ type: 'cold.list' }, POPUP);

    expect(await db.people.toArray()).toEqual(before);
    expect(test.coldChanged).not.toHaveBeenCalled();
    expect(test.broadcast).not.toHaveBeenCalled();
  });
});

describe('cold.reachedOut', () => {
  beforeEach(() => {
    // The handler dates the touch by the wall clock: make it agree with the services' clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
  });

  it('logs an outgoing touch now, and the person leaves the cold list', async () => {
    await logTouch(ADA, daysAgo(45), 'in');
    await logTouch(PIP, daysAgo(50), 'in');
    const ada = await personOf(ADA);
    expect(await coldNames()).toEqual([PIP.name, ADA.name]);
    test.coldChanged.mockClear();

    const touch = await handlers()['cold.reachedOut'](
      { type: 'cold.reachedOut', personId: ada.id },
      POPUP,
    );

    expect(touch).toMatchObject({
      personId: ada.id,
      at: NOW,
      kind: 'message',
      direction: 'out',
      summary: '',
    });
    expect(await db.interactions.get(touch.id)).toEqual(touch);
    expect(await personOf(ADA)).toMatchObject({ lastTouchAt: NOW, turn: 0, clockStart: NOW });
    expect(await coldNames()).toEqual([PIP.name]);
    expect(test.coldChanged).toHaveBeenCalledTimes(1);
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });
  });

  it('refuses somebody who is not in Acquaint, logging nothing', async () => {
    await expect(
      handlers()['cold.reachedOut']({ type: 'cold.reachedOut', personId: 'nobody' }, POPUP),
    ).rejects.toThrow(/no longer in Acquaint/);
    expect(await db.interactions.count()).toBe(0);
    expect(test.coldChanged).not.toHaveBeenCalled();
  });
});

describe('settings.update with a new default cadence', () => {
  it('recomputes the people who follow the default: they turn cold when it shrinks', async () => {
    await logTouch(ADA, daysAgo(20), 'in');
    await logTouch(PIP, daysAgo(20), 'in');
    await handlers()['people.followUp'](
      { type: 'people.followUp', person: PIP, change: { cadenceDays: 60 } },
      SIDEBAR,
    );
    expect(await coldNames()).toEqual([]);
    test.coldChanged.mockClear();

    await handlers()['settings.update'](
      { type: 'settings.update', patch: { defaultCadenceDays: 14 } },
      SIDEBAR,
    );

    // Ada follows the default (14 days now); Pip keeps his own 60.
    expect(await coldNames()).toEqual([ADA.name]);
    expect(await personOf(ADA)).toMatchObject({ effectiveCadence: 14, coldAt: daysAgo(6) });
    expect(await personOf(PIP)).toMatchObject({ effectiveCadence: 60 });
    expect(test.coldChanged).toHaveBeenCalledTimes(1);
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });

    await handlers()['settings.update'](
      { type: 'settings.update', patch: { defaultCadenceDays: 30 } },
      SIDEBAR,
    );
    expect(await coldNames()).toEqual([]);
    expect(test.coldChanged).toHaveBeenCalledTimes(2);
  });

  it('a person added later starts from the new default', async () => {
    await handlers()['settings.update'](
      { type: 'settings.update', patch: { defaultCadenceDays: 7 } },
      SIDEBAR,
    );
    await logTouch(ADA, daysAgo(8), 'in');
    expect(await personOf(ADA)).toMatchObject({ effectiveCadence: 7 });
    expect(await coldNames()).toEqual([ADA.name]);
  });

  it('recomputes nobody and counts nothing again when the cadence stays the same', async () => {
    await logTouch(ADA, daysAgo(20), 'in');
    const before = await personOf(ADA);
    const recompute = vi.spyOn(test.deps.followUp, 'defaultCadenceChanged');
    test.coldChanged.mockClear();
    test.tellAllTabs.mockClear();

    await handlers()['settings.update'](
      { type: 'settings.update', patch: { defaultCadenceDays: 30, badges: false } },
      SIDEBAR,
    );
    await handlers()['settings.update'](
      { type: 'settings.update', patch: { debug: true } },
      SIDEBAR,
    );

    expect(recompute).not.toHaveBeenCalled();
    expect(test.coldChanged).not.toHaveBeenCalled();
    expect(test.tellAllTabs.mock.calls).toEqual([
      [{ type: 'settings.changed' }],
      [{ type: 'settings.changed' }],
    ]);
    expect(await personOf(ADA)).toEqual(before);
  });
});

describe('coldChanged', () => {
  /** Each write, after a setup that gives it something to work on. */
  const WRITES: [string, () => Promise<unknown>][] = [
    ['interactions.add', () => logTouch(ADA, daysAgo(1), 'out', { id: 'new' })],
    [
      'interactions.update',
      () =>
        handlers()['interactions.update'](
          { type: 'interactions.update', id: 'seeded', changes: { direction: 'out' } },
          SIDEBAR,
        ),
    ],
    [
      'interactions.delete',
      () =>
        handlers()['interactions.delete']({ type: 'interactions.delete', id: 'seeded' }, SIDEBAR),
    ],
    [
      'interactions.restore',
      async () => {
        const seeded = await db.interactions.get('seeded');
        if (!seeded) throw new Error('not seeded');
        return handlers()['interactions.restore'](
          { type: 'interactions.restore', interaction: { ...seeded, summary: 'back' } },
          SIDEBAR,
        );
      },
    ],
    [
      'people.followUp',
      () =>
        handlers()['people.followUp'](
          { type: 'people.followUp', person: ADA, change: { archived: true } },
          SIDEBAR,
        ),
    ],
    [
      'cold.reachedOut',
      async () =>
        handlers()['cold.reachedOut'](
          { type: 'cold.reachedOut', personId: (await personOf(ADA)).id },
          POPUP,
        ),
    ],
    [
      'settings.update (a new default cadence)',
      () =>
        handlers()['settings.update'](
          { type: 'settings.update', patch: { defaultCadenceDays: 7 } },
          SIDEBAR,
        ),
    ],
    [
      'notes.save (may add a person)',
      () => handlers()['notes.save'](saveRequest({}, PIP), SIDEBAR),
    ],
    [
      'people.setWhy (may add a person)',
      () => handlers()['people.setWhy'](whyRequest('w', PIP), SIDEBAR),
    ],
  ];

  it.each(WRITES)('%s calls it once', async (_what, write) => {
    await logTouch(ADA, daysAgo(40), 'in', { id: 'seeded' });
    test.coldChanged.mockClear();

    await write();

    expect(test.coldChanged).toHaveBeenCalledTimes(1);
  });

  it.each<[string, () => Promise<unknown>]>([
    [
      'interactions.update of a touch that is not there',
      () =>
        handlers()['interactions.update'](
          { type: 'interactions.update', id: 'gone', changes: { summary: 'x' } },
          SIDEBAR,
        ),
    ],
    [
      'interactions.restore for a person who is gone',
      () =>
        handlers()['interactions.restore'](
          {
            type: 'interactions.restore',
            interaction: {
              id: 'i',
              personId: 'gone',
              at: NOW,
              kind: 'call',
              direction: 'in',
              summary: '',
            },
          },
          SIDEBAR,
        ),
    ],
    [
      'interactions.add dated on a day that does not exist',
      () => logTouch(ADA, '2024-02-30T12:00:00.000Z', 'in'),
    ],
  ])('a failed write (%s) does not call it', async (_what, write) => {
    await expect(write()).rejects.toThrow();
    expect(test.coldChanged).not.toHaveBeenCalled();
    expect(test.broadcast).not.toHaveBeenCalled();
  });

  it('reads do not call it', async () => {
    await logTouch(ADA, daysAgo(40), 'in');
    test.coldChanged.mockClear();

    await handlers()['cold.list']({ type: 'cold.list' }, POPUP);
    await handlers()['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR);
    await handlers()['settings.get']({ type: 'settings.get' }, SIDEBAR);
    await handlers()['people.lookup']({ type: 'people.lookup', keys: [ADA.key] }, TOP);
    // A page's pick shows a person; it stores nobody (issue 12: no person without a user action).
    await handlers()['tab.select']({ type: 'tab.select', person: PIP }, TOP);
    await handlers()['person.openWindow']({ type: 'person.openWindow', person: PIP }, TOP);

    expect(test.coldChanged).not.toHaveBeenCalled();
    expect(await db.people.where('identityKeys').equals(PIP.key).count()).toBe(0);
  });
});

describe('person.openNotes', () => {
  it('opens the sidebar window showing that person, with their notes and touches', async () => {
    await handlers()['notes.save'](saveRequest({ note: { id: 'n', body: 'Owls' } }), SIDEBAR);
    await logTouch(ADA, daysAgo(40), 'in', { summary: 'Wrote about owls' });
    const ada = await personOf(ADA);
    test.broadcast.mockClear();
    test.coldChanged.mockClear();
    test.openSidebarWindow.mockResolvedValueOnce(42);

    expect(
      await handlers()['person.openNotes']({ type: 'person.openNotes', personId: ada.id }, POPUP),
    ).toBeNull();

    expect(test.openSidebarWindow).toHaveBeenCalledTimes(1);
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 42 });
    const shown = await handlers()['sidebar.context'](
      { type: 'sidebar.context' },
      { ...SIDEBAR, tabId: 42 },
    );
    expect(shown.subject).toEqual(ADA);
    expect(shown.person?.id).toBe(ada.id);
    expect(shown.notes.map((note) => note.body)).toEqual(['Owls']);
    expect(shown.interactions.map((touch) => touch.summary)).toEqual(['Wrote about owls']);
    // Opening notes changes nothing: no new person, nothing to recount.
    expect(await db.people.count()).toBe(1);
    expect(test.coldChanged).not.toHaveBeenCalled();
  });

  it('shows a person without a web address by their key and name', async () => {
    await logTouch({ key: 'named:blog.example:wren', name: 'Wren' }, daysAgo(1), 'in');
    const wren = await personOf({ key: 'named:blog.example:wren', name: 'Wren' });
    test.openSidebarWindow.mockResolvedValueOnce(43);

    await handlers()['person.openNotes']({ type: 'person.openNotes', personId: wren.id }, POPUP);

    expect(await test.deps.tabSelections.get(43)).toEqual({
      key: 'named:blog.example:wren',
      name: 'Wren',
    });
  });

  it('refuses somebody who is not in Acquaint, opening nothing', async () => {
    await expect(
      handlers()['person.openNotes']({ type: 'person.openNotes', personId: 'nobody' }, POPUP),
    ).rejects.toThrow(/no longer in Acquaint/);
    expect(test.openSidebarWindow).not.toHaveBeenCalled();
  });

  it('stores no pick when the window has no tab', async () => {
    await logTouch(ADA, daysAgo(1), 'in');
    const ada = await personOf(ADA);
    test.broadcast.mockClear();
    test.openSidebarWindow.mockResolvedValueOnce(undefined);

    await handlers()['person.openNotes']({ type: 'person.openNotes', personId: ada.id }, POPUP);

    expect(test.broadcast).not.toHaveBeenCalled();
  });
});
