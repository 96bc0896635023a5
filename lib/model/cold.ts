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

type FollowUpInput = Pick<Person, 'createdAt' | 'cadenceDays' | 'archived' | 'snoozedUntil'>;

/** The follow-up fields of a person, given their latest interaction and the default cadence. */
export function followUpFields(
  person: FollowUpInput,
  latest: Pick<Interaction, 'at' | 'direction'> | null,
  defaultCadenceDays: number,
): FollowUpFields {
  const clockStart = latest?.at ?? person.createdAt;
  const cadence = person.cadenceDays ?? defaultCadenceDays;
  const effectiveCadence = person.archived || cadence === 0 ? null : cadence;
  let coldAt: string | null = null;
  if (effectiveCadence !== null) {
    const due = new Date(Date.parse(clockStart) + effectiveCadence * DAY_MS).toISOString();
    coldAt = person.snoozedUntil && person.snoozedUntil > due ? person.snoozedUntil : due;
  }
  return {
    lastTouchAt: latest?.at ?? null,
    lastTouchDirection: latest?.direction ?? null,
    clockStart,
    effectiveCadence,
    turn: latest === null || latest.direction === 'in' ? 1 : 0,
    coldAt,
  };
}

/**
 * Cold: more than the cadence has passed since the clock started, and no snooze is still running.
 * `coldAt` is the later of the two moments, so "cold" is simply "now is past coldAt".
 */
export function isCold(fields: Pick<FollowUpFields, 'coldAt'>, now: Date): boolean {
  return fields.coldAt !== null && fields.coldAt < now.toISOString();
}

/** How overdue: days since the clock started over the cadence (1 = exactly due). */
export function overdueRatio(
  fields: Pick<FollowUpFields, 'clockStart' | 'effectiveCadence'>,
  now: Date,
): number {
  if (!fields.effectiveCadence) return 0;
  return (now.getTime() - Date.parse(fields.clockStart)) / (fields.effectiveCadence * DAY_MS);
}

/** The popup's order: whose turn it is first, then the most overdue, then by name. */
export function compareCold(
  a: Pick<FollowUpFields, 'turn' | 'clockStart' | 'effectiveCadence'> & { name: string },
  b: Pick<FollowUpFields, 'turn' | 'clockStart' | 'effectiveCadence'> & { name: string },
  now: Date,
): number {
  if (a.turn !== b.turn) return b.turn - a.turn;
  const byRatio = overdueRatio(b, now) - overdueRatio(a, now);
  if (byRatio !== 0) return byRatio;
  return a.name.localeCompare(b.name);
}
