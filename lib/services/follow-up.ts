import Dexie from 'dexie';

import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';
import {
  COLD_COUNT_CAP,
  compareCold,
  DAY_MS,
  daysSince,
  defaultCadenceFrom,
  type FollowUpFields,
  followUpFields,
  isCold,
  isValidCadence,
  overdueRatio,
  sameFollowUp,
  storedFollowUp,
  type ColdList,
  type ColdPerson,
} from '../model/cold';
import type { Interaction, Person } from '../model/types';

export type { ColdList, ColdPerson } from '../model/cold';

export type FollowUpService = ReturnType<typeof createFollowUpService>;

/** A person whose follow-up fields are stored, as everyone in the follow-up indexes is. */
type TrackedPerson = Person & FollowUpFields;

export function createFollowUpService(db: AcquaintDatabase, clock: Clock = systemClock) {
  /** Changes a person's follow-up settings and recomputes their fields, in one transaction. */
  function change(personId: string, patch: Partial<Person>): Promise<Person> {
    return db.transaction('rw', followUpTables(db), async () => {
      const person = await db.people.get(personId);
      if (!person) throw new Error(`Refused: nobody with id "${personId}" is in Acquaint.`);
      const next: Person = { ...person, ...patch, updatedAt: clock().toISOString() };
      // The user chose a cadence: no import decides it for them any more.
      if ('cadenceDays' in patch) delete next.untrackedByImport;
      const updated = await withFollowUp(db, next);
      await db.people.put(updated);
      return updated;
    });
  }

  return {
    /** Keep-in-touch interval: whole days from 1 to 3650, 0 for never, null for the default. */
    setCadence(personId: string, cadenceDays: number | null): Promise<Person> {
      if (!isValidCadence(cadenceDays)) {
        return Promise.reject(
          new RangeError(
            `Refused: a cadence is a whole number of days from 1 to 3650, 0 (never) or null (the default), not ${String(cadenceDays)}.`,
          ),
        );
      }
      return change(personId, { cadenceDays });
    },

    /** Not cold before `until` (an ISO date); null ends the snooze. */
    snooze(personId: string, until: string | null): Promise<Person> {
      let snoozedUntil: string | null = null;
      if (until !== null) {
        snoozedUntil = isoDate(until);
        if (snoozedUntil === null) {
          return Promise.reject(
            new RangeError(`Refused: "${String(until)}" is not a date to snooze until.`),
          );
        }
      }
      return change(personId, { snoozedUntil });
    },

    /** Archived people never go cold and are not listed. */
    setArchived(personId: string, archived: boolean): Promise<Person> {
      if (typeof archived !== 'boolean') {
        return Promise.reject(new TypeError('Refused: archived is true or false.'));
      }
      return change(personId, { archived });
    },

    /**
     * Computes a person's fields again from their interactions and the settings; writes only when
     * they changed (and leaves updatedAt alone: the user changed nothing). Null: no such person.
     */
    recompute(personId: string): Promise<Person | null> {
      return db.transaction('rw', followUpTables(db), async () => {
        const person = await db.people.get(personId);
        if (!person) return null;
        const updated = await withFollowUp(db, person);
        if (!sameFollowUp(storedFollowUp(person), updated)) await db.people.put(updated);
        return updated;
      });
    },

    /**
     * The default cadence is now `days`: everyone who follows it (cadence null, and in no circle
     * with a cadence of its own) is recomputed. Only people whose cadence in force differs from it
     * are read; those with their own or their circle's cadence among them are left as they are.
     * Returns how many people changed.
     */
    defaultCadenceChanged(days: number): Promise<number> {
      const cadence = defaultCadenceFrom(days);
      return db.transaction('rw', [db.people, db.circles], async () => {
        const circles = await circleCadences(db);
        let changed = 0;
        await db.people
          .where('effectiveCadence')
          .notEqual(cadence)
          .modify((person) => {
            // Everyone in the index has stored fields, their latest touch among them.
            const stored = storedFollowUp(person);
            if (person.cadenceDays !== null || stored === undefined) return false;
            if (person.circleId && circles.get(person.circleId) !== undefined) return false;
            const latest =
              stored.lastTouchAt !== null && stored.lastTouchDirection !== null
                ? { at: stored.lastTouchAt, direction: stored.lastTouchDirection }
                : null;
            const fields = followUpFields(person, latest, cadence);
            if (sameFollowUp(stored, fields)) return false;
            Object.assign(person, fields);
            changed += 1;
            return true;
          });
        return changed;
      });
    },

    /** How many people are cold now, counted up to COLD_COUNT_CAP. */
    coldCount(now: Date = clock()): Promise<number> {
      return countColdUpTo(db, now.toISOString(), COLD_COUNT_CAP);
    },

    /**
     * The cold people in the popup's order (CONTRACT §4), at most `limit` of them, with how many
     * there are in all. Reads only the index ranges of people past their cadence: for each turn
     * (the user's first) and each cadence in use, the people whose clock started before
     * now − cadence, oldest first, which is most overdue first within that cadence.
     */
    coldList(options: { limit?: number; now?: Date } = {}): Promise<ColdList> {
      const { limit = 50, now = clock() } = options;
      if (!Number.isInteger(limit) || limit < 0) {
        return Promise.reject(new RangeError(`Refused: ${String(limit)} is not a row count.`));
      }
      return db.transaction('r', [db.people, db.interactions], async () => {
        const nowIso = now.toISOString();
        // Counting as far as the rows asked for keeps the total from ever being below them.
        const cap = Math.max(COLD_COUNT_CAP, limit);
        // Each step's requests are asked together: the database answers them in one round rather
        // than one round each, and its rounds, not the work in them, are most of the time.
        const [total, cadences] = await Promise.all([
          countColdUpTo(db, nowIso, cap),
          cadencesInUse(db),
        ]);
        const totalIsAtLeast = total === cap;
        if (total === 0 || limit === 0) return { total, totalIsAtLeast, people: [] };

        const byPopupOrder = (a: TrackedPerson, b: TrackedPerson) => compareCold(a, b, now);
        // Both turns are read at once, though the user's turn may fill every row by itself.
        const [mine, theirs] = await Promise.all(
          ([1, 0] as const).map(async (turn) =>
            (
              await Promise.all(
                cadences.map((cadence) => {
                  const cutoff = new Date(now.getTime() - cadence * DAY_MS).toISOString();
                  return mostOverdue(db, turn, cadence, cutoff, limit, now);
                }),
              )
            )
              .flat()
              .sort(byPopupOrder),
          ),
        );
        const listed = [...(mine ?? []), ...(theirs ?? [])].slice(0, limit);

        // Asked all at once: the database answers them in one go rather than one round each.
        const latest = await Promise.all(listed.map((person) => latestInteraction(db, person.id)));
        const people = listed.map((person, index): ColdPerson => ({
          person,
          lastInteraction: latest[index] ?? null,
          daysSince: daysSince(person, now),
          ratio: overdueRatio(person, now),
          myTurn: person.turn === 1,
        }));
        return { total, totalIsAtLeast, people };
      });
    },
  };
}

/**
 * How many people are cold at `nowIso`, stopping at `cap`: an IndexedDB count walks every entry of
 * its range, which takes seconds when a database of 100,000 people has gone mostly cold.
 */
function countColdUpTo(db: AcquaintDatabase, nowIso: string, cap: number): Promise<number> {
  return db.people
    .where('coldAt')
    .below(nowIso)
    .limit(cap)
    .primaryKeys()
    .then((keys) => keys.length);
}

/**
 * The cadences people follow, each read with one seek past the one before, so the cost grows
 * with how many different cadences are in use (a handful) rather than with how many people there
 * are. Cadence 0 (never cold) is left out; people out of the follow-up indexes have none.
 */
async function cadencesInUse(db: AcquaintDatabase): Promise<number[]> {
  const cadences: number[] = [];
  let next = await db.people.where('effectiveCadence').above(0).limit(1).keys();
  while (typeof next[0] === 'number') {
    const cadence = next[0];
    cadences.push(cadence);
    next = await db.people.where('effectiveCadence').above(cadence).limit(1).keys();
  }
  return cadences;
}

/**
 * At least the `room` most overdue cold people with this turn and cadence (fewer if there are not
 * that many), skipping the snoozed: read in index order (clock start, oldest first) a page at a
 * time, each page one request. People tied on a clock start are ordered by name afterwards, so a
 * page whose last clock start may go on past it is completed with that whole tie group (one more
 * request): dates imported by the day (LinkedIn's connections) make such groups common.
 */
async function mostOverdue(
  db: AcquaintDatabase,
  turn: 0 | 1,
  cadence: number,
  cutoff: string,
  room: number,
  now: Date,
): Promise<TrackedPerson[]> {
  const index = db.people.where('[turn+effectiveCadence+clockStart]');
  const pageSize = room + 10;
  const found: TrackedPerson[] = [];
  let after: string | null = null;
  for (;;) {
    const page = (await index
      .between(
        [turn, cadence, after ?? Dexie.minKey],
        [turn, cadence, cutoff],
        after === null,
        false,
      )
      .limit(pageSize)
      .toArray()) as TrackedPerson[];
    const last = page[page.length - 1];
    if (page.length < pageSize || last === undefined) {
      found.push(...page.filter((person) => isCold(person, now)));
      return found;
    }
    const tied = (await index
      .equals([turn, cadence, last.clockStart])
      .toArray()) as TrackedPerson[];
    const before = page.filter((person) => person.clockStart !== last.clockStart);
    found.push(...[...before, ...tied].filter((person) => isCold(person, now)));
    if (found.length >= room) return found;
    after = last.clockStart;
  }
}

/** A person's latest interaction by its own date: one indexed read. */
export function latestInteraction(
  db: AcquaintDatabase,
  personId: string,
): Promise<Interaction | undefined> {
  return db.interactions
    .where('[personId+at]')
    .between([personId, Dexie.minKey], [personId, Dexie.maxKey])
    .last();
}

/** The default cadence in force, from the settings table (30 when unset or invalid). */
export async function readDefaultCadence(db: AcquaintDatabase): Promise<number> {
  const row = await db.settings.get('defaultCadenceDays');
  return defaultCadenceFrom(row?.value);
}

/**
 * The tables a follow-up computation reads besides `people`: give a transaction that calls
 * `withFollowUp` or `withFollowUpAll` all of them.
 */
export function followUpTables(db: AcquaintDatabase) {
  return [db.people, db.interactions, db.settings, db.circles];
}

/**
 * The cadences of circles that have one of their own (a valid number of days from 1 up), by
 * circle id; `ids` limits the read to those circles.
 */
async function circleCadences(
  db: AcquaintDatabase,
  ids?: readonly string[],
): Promise<Map<string, number>> {
  const circles =
    ids === undefined
      ? await db.circles.toArray()
      : ids.length === 0
        ? []
        : await db.circles.bulkGet([...ids]);
  const cadences = new Map<string, number>();
  for (const circle of circles) {
    if (circle && isValidCadence(circle.cadenceDays) && circle.cadenceDays) {
      cadences.set(circle.id, circle.cadenceDays);
    }
  }
  return cadences;
}

/**
 * The person with their follow-up fields computed from their latest interaction and the cadence
 * in force (their own, else their circle's, else the default: CONTRACT §4). Call inside a
 * transaction on `followUpTables`; it does not write.
 */
export async function withFollowUp(db: AcquaintDatabase, person: Person): Promise<TrackedPerson> {
  const [tracked] = await withFollowUpAll(db, [person]);
  return tracked as TrackedPerson;
}

/**
 * `withFollowUp` for many people at once (an import): the default cadence and the circles are
 * read once, and everyone's latest interaction is asked for together rather than one after
 * another. `known` holds the latest interaction of people the caller already knows it for (null:
 * none), who are not asked for again.
 */
export async function withFollowUpAll(
  db: AcquaintDatabase,
  people: readonly Person[],
  known: ReadonlyMap<string, LatestTouch | null> = new Map(),
): Promise<TrackedPerson[]> {
  // Only people on the default can follow a circle's cadence; nobody else's circle is read.
  const circleIds = [
    ...new Set(
      people.flatMap((person) =>
        person.cadenceDays === null && person.circleId ? [person.circleId] : [],
      ),
    ),
  ];
  const [defaultCadence, circles, latest] = await Promise.all([
    readDefaultCadence(db),
    circleCadences(db, circleIds),
    Promise.all(
      people.map((person) =>
        known.has(person.id) ? known.get(person.id) : latestInteraction(db, person.id),
      ),
    ),
  ]);
  return people.map((person, index) => ({
    ...person,
    ...followUpFields(
      person,
      latest[index] ?? null,
      (person.circleId ? circles.get(person.circleId) : undefined) ?? defaultCadence,
    ),
  }));
}

type LatestTouch = Pick<Interaction, 'at' | 'direction'>;

/**
 * Each person's latest of `interactions` as `latestInteraction` finds it in the [personId+at]
 * index: the latest `at`, and of those the greatest id; people with none are not in the map.
 */
export function latestByPerson(interactions: readonly Interaction[]): Map<string, Interaction> {
  const latest = new Map<string, Interaction>();
  for (const interaction of interactions) {
    const current = latest.get(interaction.personId);
    if (
      !current ||
      interaction.at > current.at ||
      (interaction.at === current.at && interaction.id > current.id)
    ) {
      latest.set(interaction.personId, interaction);
    }
  }
  return latest;
}

/**
 * An ISO-8601 date and time with its offset (or a bare date, read as UTC midnight), in
 * `toISOString` form; null for anything else, also for dates that do not exist (2026-02-30).
 */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2})))?$/i.exec(
      value.trim(),
    );
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] =
    match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  if (
    year === undefined ||
    year < 1 ||
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== (month ?? 0) - 1 ||
    calendar.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return null;
  }
  const ms = Date.parse(value.trim());
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  const utcYear = date.getUTCFullYear();
  return utcYear >= 1 && utcYear <= 9999 ? date.toISOString() : null;
}
