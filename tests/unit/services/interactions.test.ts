import type { AcquaintDatabase } from '@/lib/db/database';
import { DAY_MS } from '@/lib/model/cold';
import type { Interaction, Person } from '@/lib/model/types';
import { createFollowUpService, type FollowUpService } from '@/lib/services/follow-up';
import {
  createInteractionsService,
  type InteractionDraft,
  type InteractionsService,
} from '@/lib/services/interactions';
import { createPeopleService } from '@/lib/services/people';

import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';

const START = '2026-03-01T12:00:00.000Z';

let db: AcquaintDatabase;
let time: TestClock;
let interactions: InteractionsService;
let followUp: FollowUpService;
let ada: Person;

beforeEach(async () => {
  db = openTestDatabase();
  time = testClock(START);
  interactions = createInteractionsService(db, time.clock);
  followUp = createFollowUpService(db, time.clock);
  ada = await createPeopleService(db, time.clock).ensure(ADA);
});

afterEach(async () => {
  await disposeDatabase(db);
});

const daysAgo = (days: number) => new Date(Date.parse(time.iso()) - days * DAY_MS).toISOString();

function draft(overrides: Partial<InteractionDraft> = {}): InteractionDraft {
  return {
    personId: ada.id,
    at: time.iso(),
    kind: 'message',
    direction: 'out',
    summary: 'Sent the write-up',
    ...overrides,
  };
}

async function stored(id = ada.id): Promise<Person> {
  const person = await db.people.get(id);
  if (!person) throw new Error(`no person ${id}`);
  return person;
}

async function isColdAt(iso: string): Promise<boolean> {
  return (await followUp.coldCount(new Date(iso))) === 1;
}

describe('interactions.add', () => {
  it('stores the interaction and hands it back with an id', async () => {
    const added = await interactions.add(
      draft({ url: 'https://www.linkedin.com/messaging/thread/1/' }),
    );

    expect(added).toEqual({
      id: expect.stringMatching(/\S/),
      personId: ada.id,
      at: START,
      kind: 'message',
      direction: 'out',
      summary: 'Sent the write-up',
      url: 'https://www.linkedin.com/messaging/thread/1/',
    });
    expect(await db.interactions.get(added.id)).toEqual(added);
  });

  it('keeps the id it is given, and adding the same interaction again changes nothing', async () => {
    const first = await interactions.add(draft({ id: 'i-1' }));
    time.advance(60_000);
    const again = await interactions.add(draft({ id: 'i-1', at: START }));

    expect(again).toEqual(first);
    expect(await db.interactions.count()).toBe(1);
    await expect(interactions.add(draft({ id: 'i-1', summary: 'Something else' }))).rejects.toThrow(
      /already has the id "i-1"/,
    );
    expect((await db.interactions.get('i-1'))?.summary).toBe('Sent the write-up');
  });

  it('recomputes the person’s follow-up fields and bumps updatedAt', async () => {
    time.set('2026-03-05T08:00:00.000Z');
    await interactions.add(draft({ at: '2026-03-04T10:00:00.000Z', direction: 'out' }));

    expect(await stored()).toMatchObject({
      lastTouchAt: '2026-03-04T10:00:00.000Z',
      lastTouchDirection: 'out',
      clockStart: '2026-03-04T10:00:00.000Z',
      effectiveCadence: 30,
      turn: 0,
      coldAt: '2026-04-03T10:00:00.000Z',
      updatedAt: '2026-03-05T08:00:00.000Z',
      createdAt: START,
    });

    await interactions.add(draft({ at: '2026-03-05T07:00:00.000Z', direction: 'in' }));
    expect(await stored()).toMatchObject({ turn: 1, lastTouchDirection: 'in' });
  });

  it('counts a back-dated touch from when it happened', async () => {
    time.set('2026-04-20T00:00:00.000Z');
    // Logged today, but it happened 25 days ago: with a 30-day cadence, cold in 5 days.
    await interactions.add(draft({ at: daysAgo(25) }));

    expect((await stored()).clockStart).toBe('2026-03-26T00:00:00.000Z');
    expect(await isColdAt('2026-04-25T00:00:00.000Z')).toBe(false);
    expect(await isColdAt('2026-04-25T00:00:00.001Z')).toBe(true);
  });

  it('does not move the clock for a touch logged later but back-dated to before the latest', async () => {
    await interactions.add(draft({ at: '2026-03-10T09:00:00.000Z', direction: 'in' }));
    const before = await stored();
    time.set('2026-03-12T00:00:00.000Z');
    await interactions.add(draft({ at: '2026-03-02T09:00:00.000Z', direction: 'out' }));

    const after = await stored();
    expect(after).toMatchObject({
      clockStart: '2026-03-10T09:00:00.000Z',
      lastTouchAt: '2026-03-10T09:00:00.000Z',
      lastTouchDirection: 'in',
      turn: 1,
      coldAt: before.coldAt,
    });
    expect(after.updatedAt).toBe('2026-03-12T00:00:00.000Z');
  });

  it('stores the date in UTC, so dates sort as text', async () => {
    const added = await interactions.add(draft({ at: '2026-03-01T14:00:00+02:00' }));
    expect(added.at).toBe(START);
    expect((await stored()).clockStart).toBe(START);
  });

  it('uses the default cadence from the settings for people without their own', async () => {
    await db.settings.put({ key: 'defaultCadenceDays', value: 7 });
    await interactions.add(draft());
    expect(await stored()).toMatchObject({
      effectiveCadence: 7,
      coldAt: '2026-03-08T12:00:00.000Z',
    });

    await db.settings.put({ key: 'defaultCadenceDays', value: 'seven' });
    await interactions.add(draft());
    expect(await stored()).toMatchObject({ effectiveCadence: 30 });
  });

  it('refuses someone who is not in Acquaint, and stores nothing', async () => {
    await expect(interactions.add(draft({ personId: 'nobody' }))).rejects.toThrow(
      /nobody with id "nobody"/,
    );
    expect(await db.interactions.count()).toBe(0);
  });

  it.each([
    ['an unknown kind', { kind: 'telegram' }, /kind/],
    ['an unknown direction', { direction: 'sideways' }, /direction/],
    ['a date that is not ISO', { at: 'yesterday' }, /ISO date/],
    ['a day that does not exist', { at: '2026-02-30T10:00:00.000Z' }, /ISO date/],
    ['a date without its time zone', { at: '2026-03-01T12:00:00' }, /ISO date/],
    ['a summary that is not text', { summary: 42 }, /summary/],
    ['a script address', { url: 'javascript:alert(1)' }, /address/],
  ])('refuses %s, and stores nothing', async (_label, change, message) => {
    const bad = { ...draft(), ...change } as unknown as InteractionDraft;
    await expect(interactions.add(bad)).rejects.toThrow(message);
    expect(await db.interactions.count()).toBe(0);
    expect((await stored()).lastTouchAt).toBeNull();
  });

  it('accepts every kind the model lists, and a bare date as midnight UTC', async () => {
    for (const kind of ['message', 'comment', 'reply', 'met', 'call', 'email', 'intro', 'other']) {
      await interactions.add(draft({ kind: kind as Interaction['kind'] }));
    }
    const dated = await interactions.add(draft({ at: '2026-02-14' }));
    expect(dated.at).toBe('2026-02-14T00:00:00.000Z');
    expect(await db.interactions.count()).toBe(9);
  });

  it('changes the interaction and the person together or not at all', async () => {
    const put = vi.spyOn(db.people, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(interactions.add(draft({ id: 'i-1' }))).rejects.toThrow('disk full');
    put.mockRestore();

    expect(await db.interactions.get('i-1')).toBeUndefined();
    expect((await stored()).lastTouchAt).toBeNull();
  });
});

describe('interactions.listForPerson', () => {
  it('lists one person’s interactions newest first by when they happened', async () => {
    const pip = await createPeopleService(db, time.clock).ensure(PIP);
    await interactions.add(draft({ id: 'b', at: '2026-02-10T00:00:00.000Z' }));
    await interactions.add(draft({ id: 'c', at: '2026-02-20T00:00:00.000Z' }));
    await interactions.add(draft({ id: 'a', at: '2026-01-05T00:00:00.000Z' }));
    await interactions.add(draft({ id: 'p', personId: pip.id }));

    expect((await interactions.listForPerson(ada.id)).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect((await interactions.listForPerson(pip.id)).map((i) => i.id)).toEqual(['p']);
    expect(await interactions.listForPerson('nobody')).toEqual([]);
  });
});

describe('interactions.update', () => {
  beforeEach(async () => {
    await interactions.add(draft({ id: 'older', at: '2026-02-01T00:00:00.000Z', direction: 'in' }));
    await interactions.add(draft({ id: 'latest', at: '2026-02-20T00:00:00.000Z' }));
  });

  it('moves the clock back when the latest is back-dated past another', async () => {
    time.set('2026-03-02T00:00:00.000Z');
    const updated = await interactions.update('latest', { at: '2026-01-10T00:00:00.000Z' });

    expect(updated.at).toBe('2026-01-10T00:00:00.000Z');
    expect(await stored()).toMatchObject({
      clockStart: '2026-02-01T00:00:00.000Z',
      lastTouchDirection: 'in',
      turn: 1,
      updatedAt: '2026-03-02T00:00:00.000Z',
    });
  });

  it('moves the clock forward when an interaction is dated later', async () => {
    await interactions.update('older', { at: '2026-02-25T00:00:00.000Z' });
    expect(await stored()).toMatchObject({ clockStart: '2026-02-25T00:00:00.000Z', turn: 1 });
  });

  it('changes whose turn it is when the latest one’s direction changes', async () => {
    expect((await stored()).turn).toBe(0);
    await interactions.update('latest', { direction: 'in' });
    expect((await stored()).turn).toBe(1);
  });

  it('keeps what it does not change, and can remove the address', async () => {
    await interactions.update('latest', { url: 'https://x.com/pipwellings/status/1' });
    const updated = await interactions.update('latest', { summary: 'Edited', url: null });
    expect(updated).toEqual({
      id: 'latest',
      personId: ada.id,
      at: '2026-02-20T00:00:00.000Z',
      kind: 'message',
      direction: 'out',
      summary: 'Edited',
    });
  });

  it('recomputes both people when an interaction moves to someone else', async () => {
    const pip = await createPeopleService(db, time.clock).ensure(PIP);
    await interactions.update('latest', { personId: pip.id });

    expect(await stored()).toMatchObject({ clockStart: '2026-02-01T00:00:00.000Z', turn: 1 });
    expect(await stored(pip.id)).toMatchObject({ clockStart: '2026-02-20T00:00:00.000Z', turn: 0 });
  });

  it('refuses an unknown interaction, an invalid change and an unknown person', async () => {
    await expect(interactions.update('missing', { summary: 'x' })).rejects.toThrow(
      /no interaction/,
    );
    await expect(
      interactions.update('latest', { kind: 'fax' as Interaction['kind'] }),
    ).rejects.toThrow(/kind/);
    await expect(interactions.update('latest', { personId: 'nobody' })).rejects.toThrow(/nobody/);
    expect(await db.interactions.get('latest')).toMatchObject({
      kind: 'message',
      personId: ada.id,
    });
  });
});

describe('interactions.remove and restore', () => {
  it('moves the clock back to the previous interaction, then to when they were added', async () => {
    await interactions.add(draft({ id: 'first', at: '2026-02-01T00:00:00.000Z' }));
    await interactions.add(
      draft({ id: 'second', at: '2026-02-20T00:00:00.000Z', direction: 'in' }),
    );
    time.set('2026-03-03T00:00:00.000Z');

    const removed = await interactions.remove('second');
    expect(removed?.id).toBe('second');
    expect(await stored()).toMatchObject({
      clockStart: '2026-02-01T00:00:00.000Z',
      turn: 0,
      updatedAt: '2026-03-03T00:00:00.000Z',
    });

    await interactions.remove('first');
    expect(await stored()).toMatchObject({
      lastTouchAt: null,
      lastTouchDirection: null,
      clockStart: START,
      turn: 1,
      coldAt: '2026-03-31T12:00:00.000Z',
    });
  });

  it('answers null for an interaction that is not there', async () => {
    expect(await interactions.remove('missing')).toBeNull();
  });

  it('puts a removed interaction back as it was, and the clock with it', async () => {
    const added = await interactions.add(draft({ at: '2026-02-20T00:00:00.000Z' }));
    const removed = await interactions.remove(added.id);
    expect((await stored()).clockStart).toBe(START);

    const restored = await interactions.restore(removed as Interaction);
    expect(restored).toEqual(added);
    expect(await db.interactions.get(added.id)).toEqual(added);
    expect((await stored()).clockStart).toBe('2026-02-20T00:00:00.000Z');
  });

  it('refuses to restore for someone who no longer exists', async () => {
    const added = await interactions.add(draft());
    await interactions.remove(added.id);
    await db.people.delete(ada.id);

    await expect(interactions.restore(added)).rejects.toThrow(/no longer exists/);
    expect(await db.interactions.count()).toBe(0);
  });
});
