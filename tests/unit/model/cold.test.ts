import {
  compareCold,
  DAY_MS,
  daysSince,
  defaultCadenceFrom,
  followUpFields,
  isCold,
  overdueRatio,
} from '@/lib/model/cold';
import type { Interaction, Person } from '@/lib/model/types';

import { seededRandom } from '../support/random';

const CREATED = '2026-01-01T00:00:00.000Z';

type Input = Pick<Person, 'createdAt' | 'cadenceDays' | 'archived' | 'snoozedUntil'>;

function person(overrides: Partial<Input> = {}): Input {
  return {
    createdAt: CREATED,
    cadenceDays: null,
    archived: false,
    snoozedUntil: null,
    ...overrides,
  };
}

function touch(at: string, direction: Interaction['direction'] = 'out') {
  return { at, direction };
}

const at = (iso: string) => new Date(iso);
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

describe('followUpFields', () => {
  it('starts the clock when the person was added, with nobody having written yet: the user’s turn', () => {
    expect(followUpFields(person(), null, 30)).toEqual({
      lastTouchAt: null,
      lastTouchDirection: null,
      clockStart: CREATED,
      effectiveCadence: 30,
      turn: 1,
      coldAt: '2026-01-31T00:00:00.000Z',
    });
  });

  it('starts the clock at the latest interaction’s own date, back-dated or not', () => {
    const fields = followUpFields(
      person({ cadenceDays: 7 }),
      touch('2026-02-10T15:30:00.000Z'),
      30,
    );
    expect(fields).toEqual({
      lastTouchAt: '2026-02-10T15:30:00.000Z',
      lastTouchDirection: 'out',
      clockStart: '2026-02-10T15:30:00.000Z',
      effectiveCadence: 7,
      turn: 0,
      coldAt: '2026-02-17T15:30:00.000Z',
    });
  });

  it('makes it the user’s turn when the latest interaction came in', () => {
    expect(followUpFields(person(), touch('2026-02-10T00:00:00.000Z', 'in'), 30).turn).toBe(1);
    expect(followUpFields(person(), touch('2026-02-10T00:00:00.000Z', 'out'), 30).turn).toBe(0);
  });

  it('uses the default cadence only for people without their own', () => {
    expect(followUpFields(person({ cadenceDays: null }), null, 12).effectiveCadence).toBe(12);
    expect(followUpFields(person({ cadenceDays: 45 }), null, 12).effectiveCadence).toBe(45);
  });

  it('never makes archived people or cadence 0 cold', () => {
    for (const input of [person({ archived: true }), person({ cadenceDays: 0 })]) {
      const fields = followUpFields(input, touch('2020-01-01T00:00:00.000Z', 'in'), 30);
      expect(fields.effectiveCadence).toBeNull();
      expect(fields.coldAt).toBeNull();
      expect(isCold(fields, at('2099-01-01T00:00:00.000Z'))).toBe(false);
    }
  });

  it('writes dates given with an offset in the form the index compares', () => {
    const fields = followUpFields(
      person({ cadenceDays: 1, snoozedUntil: '2026-03-05T10:00:00+02:00' }),
      touch('2026-03-01T12:00:00+01:00'),
      30,
    );
    expect(fields.clockStart).toBe('2026-03-01T11:00:00.000Z');
    expect(fields.coldAt).toBe('2026-03-05T08:00:00.000Z');
  });

  it('does not throw on a person whose dates cannot be read; they just never go cold', () => {
    const fields = followUpFields(person({ createdAt: 'not a date' }), null, 30);
    expect(fields.coldAt).toBeNull();
    expect(fields.effectiveCadence).toBeNull();
  });

  it('reads an invalid own cadence as the default, and an invalid default as 30', () => {
    expect(followUpFields(person({ cadenceDays: -3 }), null, 9).effectiveCadence).toBe(9);
    expect(followUpFields(person(), null, 0).effectiveCadence).toBe(30);
    expect(followUpFields(person(), null, Number.NaN).effectiveCadence).toBe(30);
  });
});

describe('defaultCadenceFrom', () => {
  it.each([
    [7, 7],
    [1, 1],
    [3650, 3650],
    [0, 30],
    [3651, 30],
    [2.5, 30],
    ['7', 30],
    [null, 30],
    [undefined, 30],
  ])('reads %j as %i days', (value, expected) => {
    expect(defaultCadenceFrom(value)).toBe(expected);
  });
});

describe('isCold', () => {
  const start = '2026-03-01T12:00:00.000Z';
  const fields = followUpFields(person({ cadenceDays: 10 }), touch(start), 30);

  it('is not cold when exactly the cadence has passed, and cold a millisecond later', () => {
    expect(isCold(fields, plus(start, 10 * DAY_MS - 1))).toBe(false);
    expect(isCold(fields, plus(start, 10 * DAY_MS))).toBe(false);
    expect(isCold(fields, plus(start, 10 * DAY_MS + 1))).toBe(true);
  });

  it('is not cold while a snooze runs, and cold again once it has ended', () => {
    const until = '2026-03-20T00:00:00.000Z';
    const snoozed = followUpFields(
      person({ cadenceDays: 10, snoozedUntil: until }),
      touch(start),
      30,
    );
    expect(isCold(snoozed, at('2026-03-15T00:00:00.000Z'))).toBe(false);
    expect(isCold(snoozed, at(until))).toBe(false);
    expect(isCold(snoozed, plus(until, 1))).toBe(true);
  });

  it('ignores a snooze that ended before the cadence ran out', () => {
    const snoozed = followUpFields(
      person({ cadenceDays: 10, snoozedUntil: '2026-03-02T00:00:00.000Z' }),
      touch(start),
      30,
    );
    expect(snoozed.coldAt).toBe(fields.coldAt);
    expect(isCold(snoozed, plus(start, 10 * DAY_MS + 1))).toBe(true);
  });

  it('agrees with the rule as CONTRACT §4 words it, for random people and times', () => {
    const random = seededRandom(20_260_301);
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    for (let run = 0; run < 3_000; run += 1) {
      const input = person({
        createdAt: iso(base + random.int(0, 200) * DAY_MS + random.int(0, DAY_MS)),
        cadenceDays: random.pick([null, 0, 1, 7, 14, 30, 90]),
        archived: random.chance(0.1),
        snoozedUntil: random.chance(0.3) ? iso(base + random.int(0, 400) * DAY_MS) : null,
      });
      const latest = random.chance(0.7)
        ? touch(
            iso(base + random.int(0, 300) * DAY_MS + random.int(0, DAY_MS)),
            random.pick(['in', 'out'] as const),
          )
        : null;
      const defaultCadence = random.pick([7, 30]);
      const now = base + random.int(0, 500) * DAY_MS + random.pick([0, 1, random.int(0, DAY_MS)]);

      const cadence = input.cadenceDays ?? defaultCadence;
      const clockStart = Date.parse(latest?.at ?? input.createdAt);
      const snoozeRunning = input.snoozedUntil !== null && !(Date.parse(input.snoozedUntil) < now);
      const expected =
        !input.archived && cadence !== 0 && now - clockStart > cadence * DAY_MS && !snoozeRunning;

      const fields = followUpFields(input, latest, defaultCadence);
      expect(isCold(fields, new Date(now)), JSON.stringify({ input, latest, now })).toBe(expected);
    }
  });
});

describe('overdueRatio and daysSince', () => {
  it('divides the time since the clock started by the cadence', () => {
    const fields = { clockStart: '2026-03-01T00:00:00.000Z', effectiveCadence: 14 };
    const now = at('2026-03-21T12:00:00.000Z');
    expect(overdueRatio(fields, now)).toBeCloseTo(20.5 / 14, 12);
    expect(daysSince(fields, now)).toBe(20);
  });
});

describe('compareCold', () => {
  const now = at('2026-06-01T00:00:00.000Z');
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const row = (name: string, turn: 0 | 1, days: number, cadence: number, id = name) => ({
    id,
    name,
    turn,
    clockStart: ago(days),
    effectiveCadence: cadence,
  });
  const order = (rows: ReturnType<typeof row>[]) =>
    [...rows].sort((a, b) => compareCold(a, b, now)).map((r) => r.id);

  it('puts the people whose turn it is first, even when they are less overdue', () => {
    expect(order([row('Owed', 0, 300, 10), row('Mine', 1, 11, 10)])).toEqual(['Mine', 'Owed']);
  });

  it('orders by time over cadence, across different cadences', () => {
    // 20 days over a 14-day cadence (1.43) beats 40 days over a 30-day one (1.33).
    expect(order([row('Forty', 0, 40, 30), row('Twenty', 0, 20, 14)])).toEqual(['Twenty', 'Forty']);
    expect(order([row('A', 1, 31, 30), row('B', 1, 62, 30), row('C', 1, 8, 7)])).toEqual([
      'B',
      'C',
      'A',
    ]);
  });

  it('orders equal ratios by name, also over different cadences', () => {
    expect(order([row('Zed', 0, 42, 14), row('Amy', 0, 21, 7), row('Kim', 0, 9, 3)])).toEqual([
      'Amy',
      'Kim',
      'Zed',
    ]);
    expect(order([row('Zoe', 1, 3577, 511), row('Bea', 1, 49, 7)])).toEqual(['Bea', 'Zoe']);
  });

  it('keeps people with the same name in a fixed order', () => {
    expect(order([row('Sam', 0, 20, 10, 'b'), row('Sam', 0, 20, 10, 'a')])).toEqual(['a', 'b']);
  });
});
