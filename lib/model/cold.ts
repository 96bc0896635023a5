import { DEFAULT_SETTINGS } from './settings';
import type { Interaction, Person } from './types';

/** CONTRACT §4, kept on each person so the popup can ask the index instead of reading everyone. */
export interface FollowUpFields {
  /** The latest interaction's own date (back-dated touches count from when they happened). */
  lastTouchAt: string | null;
  lastTouchDirection: Interaction['direction'] | null;
  /** When the clock started: the latest interaction, or when the person was added. */
  clockStart: string;
  /** Keep-in-touch days in force; null when the person never goes cold (archived, or cadence 0). */
  effectiveCadence: number | null;
  /** 1 when it is the user's turn (they wrote last, or nobody has yet), else 0; sorts the popup. */
  turn: 0 | 1;
  /** From when on the person counts as cold (snoozing pushes it back); null: never. */
  coldAt: string | null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The longest keep-in-touch interval anyone can choose (ten years). */
export const MAX_CADENCE_DAYS = 3650;

/**
 * The default cadence in force for a stored settings value: an integer from 1 to 3650 days, else
 * 30 (the same rule the settings service reads the row with).
 */
export function defaultCadenceFrom(value: unknown): number {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAX_CADENCE_DAYS
    ? value
    : DEFAULT_SETTINGS.defaultCadenceDays;
}

/** A person's own cadence as chosen: null (the default), 0 (never) or 1 to 3650 days. */
export function isValidCadence(value: unknown): value is number | null {
  return (
    value === null ||
    (typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 0 &&
      value <= MAX_CADENCE_DAYS)
  );
}

type FollowUpInput = Pick<Person, 'createdAt' | 'cadenceDays' | 'archived' | 'snoozedUntil'>;

/** A date as the index compares it (`toISOString`), or null when it is not a date. */
function normalisedDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  // Years past 9999 print as "+010000-…", which no longer sorts as text.
  return date.getUTCFullYear() > 9999 ? '9999-12-31T23:59:59.999Z' : date.toISOString();
}

/**
 * The follow-up fields of a person, given their latest interaction and the default cadence.
 * Every date is written in `toISOString` form, since the indexes compare them as text. A cadence
 * that is not a whole number of days from 0 to 3650 counts as "the default"; a default that is not
 * one from 1 to 3650 counts as 30. A person whose dates cannot be read never goes cold (rather
 * than making an upgrade or a save fail).
 */
export function followUpFields(
  person: FollowUpInput,
  latest: Pick<Interaction, 'at' | 'direction'> | null,
  defaultCadenceDays: number,
): FollowUpFields {
  const clockStart = normalisedDate(latest?.at) ?? normalisedDate(person.createdAt);
  const cadence = isValidCadence(person.cadenceDays)
    ? (person.cadenceDays ?? defaultCadenceFrom(defaultCadenceDays))
    : defaultCadenceFrom(defaultCadenceDays);
  const effectiveCadence =
    person.archived === true || cadence === 0 || clockStart === null ? null : cadence;
  let coldAt: string | null = null;
  if (effectiveCadence !== null && clockStart !== null) {
    const due = normalisedDate(
      new Date(Date.parse(clockStart) + effectiveCadence * DAY_MS).toISOString(),
    ) as string;
    const snoozedUntil = normalisedDate(person.snoozedUntil);
    coldAt = snoozedUntil !== null && snoozedUntil > due ? snoozedUntil : due;
  }
  return {
    lastTouchAt: latest?.at ?? null,
    lastTouchDirection: latest?.direction ?? null,
    clockStart: clockStart ?? latest?.at ?? person.createdAt,
    effectiveCadence,
    turn: latest === null || latest.direction === 'in' ? 1 : 0,
    coldAt,
  };
}

/** The follow-up fields as stored on a person (undefined when they were never computed). */
export function storedFollowUp(person: Partial<FollowUpFields>): FollowUpFields | undefined {
  if (person.clockStart === undefined || person.turn === undefined) return undefined;
  return {
    lastTouchAt: person.lastTouchAt ?? null,
    lastTouchDirection: person.lastTouchDirection ?? null,
    clockStart: person.clockStart,
    effectiveCadence: person.effectiveCadence ?? null,
    turn: person.turn,
    coldAt: person.coldAt ?? null,
  };
}

/** Whether two sets of follow-up fields say the same thing. */
export function sameFollowUp(a: FollowUpFields | undefined, b: FollowUpFields): boolean {
  return (
    a !== undefined &&
    a.lastTouchAt === b.lastTouchAt &&
    a.lastTouchDirection === b.lastTouchDirection &&
    a.clockStart === b.clockStart &&
    a.effectiveCadence === b.effectiveCadence &&
    a.turn === b.turn &&
    a.coldAt === b.coldAt
  );
}

/**
 * Cold: more than the cadence has passed since the clock started, and no snooze is still running.
 * `coldAt` is the later of the two moments, so "cold" is simply "now is past coldAt".
 */
export function isCold(fields: Partial<Pick<FollowUpFields, 'coldAt'>>, now: Date): boolean {
  return typeof fields.coldAt === 'string' && fields.coldAt < now.toISOString();
}

/** How overdue: days since the clock started over the cadence (1 = exactly due). */
export function overdueRatio(
  fields: Pick<FollowUpFields, 'clockStart' | 'effectiveCadence'>,
  now: Date,
): number {
  if (!fields.effectiveCadence) return 0;
  const ratio =
    (now.getTime() - Date.parse(fields.clockStart)) / (fields.effectiveCadence * DAY_MS);
  return Number.isNaN(ratio) ? 0 : ratio;
}

/** Whole days since the clock started. */
export function daysSince(fields: Pick<FollowUpFields, 'clockStart'>, now: Date): number {
  const days = Math.floor((now.getTime() - Date.parse(fields.clockStart)) / DAY_MS);
  return Number.isNaN(days) ? 0 : days;
}

type Comparable = Pick<FollowUpFields, 'turn' | 'clockStart' | 'effectiveCadence'> & {
  name: string;
  id?: string;
};

const names = new Intl.Collator();

/**
 * The popup's order: whose turn it is first, then the most overdue, then by name; people with the
 * same name keep a fixed order by id, so every list of the same people comes out the same.
 */
export function compareCold(a: Comparable, b: Comparable, now: Date): number {
  if (a.turn !== b.turn) return b.turn - a.turn;
  // Elapsed milliseconds and cadences are whole numbers, so equal ratios divide to equal doubles.
  const byRatio = overdueRatio(b, now) - overdueRatio(a, now);
  if (byRatio !== 0) return byRatio;
  const byName = names.compare(a.name, b.name);
  if (byName !== 0) return byName;
  const idA = a.id ?? '';
  const idB = b.id ?? '';
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** One row of the popup's cold list (CONTRACT §4). */
export interface ColdPerson {
  person: Person;
  lastInteraction: Interaction | null;
  /** Whole days since the clock started. */
  daysSince: number;
  /** Days since the clock started over the cadence (above 1: overdue). */
  ratio: number;
  /** Their message is the latest (or nobody wrote yet): it is the user's turn. */
  myTurn: boolean;
}

/**
 * Counting cold people stops here. Past it the popup says "1,000+" and the toolbar badge "999+":
 * nobody works through a thousand cold conversations one by one, and counting them all would
 * walk the whole index of a large database each time the popup opens.
 */
export const COLD_COUNT_CAP = 1000;

export interface ColdList {
  /** How many people are cold in all, also those beyond `limit`, up to COLD_COUNT_CAP. */
  total: number;
  /** The count stopped at COLD_COUNT_CAP: at least that many are cold. */
  totalIsAtLeast: boolean;
  /** The first `limit` of them, in the popup's order. */
  people: ColdPerson[];
}
