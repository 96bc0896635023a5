import type { Table } from 'dexie';

import type { AcquaintDatabase } from '../db/database';
import { repairedText, repairsGarbled } from '../format/garbled';
import { jsonErrorOffset, lineAndColumn } from '../format/json-error';
import {
  type Circle,
  type EventRecord,
  type Identity,
  type Interaction,
  type Introduction,
  type LedgerItem,
  type Note,
  type Person,
  type PersonRelation,
  relationOf,
} from '../model/types';
import { latestByPerson, withFollowUpAll } from '../services/follow-up';
import { sameInteraction } from '../services/interactions';
import {
  type Backup,
  type BackupInteraction,
  type BackupParse,
  type BackupPerson,
  parseBackup,
} from './schema';

/** The largest backup file read (in characters); a bigger one is refused before parsing. */
export const MAX_BACKUP_CHARS = 100 * 1024 * 1024;

export interface ImportCounts {
  added: number;
  updated: number;
}

export interface ImportSummary {
  people: ImportCounts;
  notes: ImportCounts;
  interactions: ImportCounts;
  circles: ImportCounts;
  ledger: ImportCounts;
  introductions: ImportCounts;
  events: ImportCounts;
  /** What was left as it is, for the preview (only in `add` mode; a restore refuses instead). */
  problems: string[];
}

/**
 * `restore`: an Acquaint backup; the newer copy of a person wins and the default cadence is taken
 * into a new profile. `add`: what another tool's export says (LinkedIn, X, vCard); it only adds
 * people, identities and interactions (and any other record new by id), fills in what is still
 * empty (a headline, a circle), and never changes what the user wrote about someone.
 */
export type ImportMode = 'restore' | 'add';

/** A backup that is valid on its own but cannot be merged into what is stored; nothing is written. */
export class ImportConflictError extends Error {
  override name = 'ImportConflictError';
}

/**
 * The text of a backup file, checked (CONTRACT §3). Text that cannot be a backup (too big, not
 * starting with `{`) is refused before it is parsed.
 */
export function parseBackupText(text: unknown): BackupParse {
  if (typeof text !== 'string') {
    return {
      ok: false,
      error: 'This is not an Acquaint backup: the file could not be read as text.',
    };
  }
  if (text.length > MAX_BACKUP_CHARS) {
    return {
      ok: false,
      error: `This file is too large to be an Acquaint backup (over ${MAX_BACKUP_CHARS / 1024 / 1024} MB).`,
    };
  }
  const start = firstNonSpace(text);
  if (start === -1) {
    return { ok: false, error: 'This is not an Acquaint backup: the file is empty.' };
  }
  if (text[start] !== '{') {
    return {
      ok: false,
      error: `This is not an Acquaint backup: a backup is a JSON object starting with "{", this file starts with ${JSON.stringify(text.slice(start, start + 10))} at ${where(text, start)}.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: jsonError(text) };
  }
  return parseBackup(value);
}

/** What importing the backup would do, worked out without writing anything. */
export function planImport(
  db: AcquaintDatabase,
  backup: Backup,
  mode: ImportMode = 'restore',
): Promise<ImportSummary> {
  return db.transaction('r', importTables(db), async () => {
    const plan = await mergePlan(db, backup, mode);
    return plan.summary;
  });
}

/**
 * Merges the backup into the database in one read-write transaction: all of it or, when anything
 * fails, none of it. The same id or the same identity key is the same person; notes and
 * interactions are matched by id. Nothing is duplicated.
 */
export function applyImport(
  db: AcquaintDatabase,
  backup: Backup,
  mode: ImportMode = 'restore',
): Promise<ImportSummary> {
  return db.transaction('rw', importTables(db), async () => {
    const plan = await mergePlan(db, backup, mode);
    if (plan.defaultCadenceDays !== null) {
      await db.settings.put({ key: 'defaultCadenceDays', value: plan.defaultCadenceDays });
    }
    // Circles first: a member's cadence in force may be their circle's.
    await db.circles.bulkPut(plan.circles);
    await db.events.bulkPut(plan.events);
    await db.ledger.bulkPut(plan.ledger);
    await db.introductions.bulkPut(plan.introductions);
    await db.interactions.bulkPut(plan.interactions);
    await db.notes.bulkPut(plan.notes);
    const written = new Set(plan.people.map((person) => person.id));
    // Their follow-up fields may have changed too: an interaction moved away from them, or the
    // default cadence was set.
    const others =
      plan.defaultCadenceDays !== null
        ? await db.people.toArray()
        : ((await db.people.bulkGet([...plan.alsoRecompute])).filter(Boolean) as Person[]);
    // Someone new to Acquaint has no interactions but the file's: no need to ask for them.
    const fromFile = latestByPerson(plan.interactions);
    const known = new Map([...plan.newIds].map((id) => [id, fromFile.get(id) ?? null] as const));
    await db.people.bulkPut(
      await withFollowUpAll(
        db,
        [...plan.people, ...others.filter((person) => !written.has(person.id))],
        known,
      ),
    );
    return plan.summary;
  });
}

/** Every table an import reads or writes. */
function importTables(db: AcquaintDatabase) {
  return [
    db.people,
    db.notes,
    db.interactions,
    db.settings,
    db.circles,
    db.ledger,
    db.introductions,
    db.events,
  ];
}

interface MergePlan {
  summary: ImportSummary;
  /** People to write (follow-up fields still to compute). */
  people: Person[];
  notes: Note[];
  interactions: Interaction[];
  circles: Circle[];
  ledger: LedgerItem[];
  introductions: Introduction[];
  events: EventRecord[];
  /** Stored people not written whose follow-up fields must be computed again. */
  alsoRecompute: Set<string>;
  /** Ids of the people in `people` who are new to Acquaint (no stored record matched them). */
  newIds: Set<string>;
  /** The default cadence to store, or null to leave the setting alone. */
  defaultCadenceDays: number | null;
}

/** Call inside a transaction on `importTables`; reads only. */
async function mergePlan(
  db: AcquaintDatabase,
  backup: Backup,
  mode: ImportMode,
): Promise<MergePlan> {
  const summary: ImportSummary = {
    people: { added: 0, updated: 0 },
    notes: { added: 0, updated: 0 },
    interactions: { added: 0, updated: 0 },
    circles: { added: 0, updated: 0 },
    ledger: { added: 0, updated: 0 },
    introductions: { added: 0, updated: 0 },
    events: { added: 0, updated: 0 },
    problems: [],
  };
  // Version 1 has no relationship fields: restoring one keeps what is stored there.
  const knowsRelation = backup.version >= 2;

  // People: by id, else by any of their identity keys.
  // A first import into a new profile has nothing to match: the lookups below are skipped for a
  // table that holds nothing (20,000 requests for 10,000 LinkedIn connections).
  const [hasPeople, hasNotes, hasInteractions] = await Promise.all(
    [db.people, db.notes, db.interactions].map(holdsAnything),
  );
  const byId = hasPeople ? await db.people.bulkGet(backup.people.map((person) => person.id)) : [];
  const allKeys = [...new Set(backup.people.flatMap((p) => p.identities.map((i) => i.key)))];
  const byKey = new Map<string, Person>();
  // One lookup per key, all asked at once: an `anyOf` would step a cursor from key to key.
  const owners = hasPeople
    ? await Promise.all(allKeys.map((key) => db.people.where('identityKeys').equals(key).toArray()))
    : [];
  for (const person of owners.flat()) {
    for (const key of person.identityKeys) byKey.set(key, person);
  }

  /** File person id → the stored id their notes and interactions go to. */
  const personIdMap = new Map<string, string>();
  const claimed = new Map<string, number>();
  const people: Person[] = [];
  const newIds = new Set<string>();
  backup.people.forEach((fromFile, index) => {
    let incoming = fromFile;
    const matches = new Map<string, Person>();
    const sameId = byId[index];
    if (sameId) matches.set(sameId.id, sameId);
    for (const identity of incoming.identities) {
      const owner = byKey.get(identity.key);
      if (owner) matches.set(owner.id, owner);
    }
    if (matches.size > 1 && mode === 'add') {
      // Another tool cannot know two stored records are one person; the first match takes what
      // is new, and the identities that belong to someone else stay where they are.
      const [first, ...others] = [...matches.values()] as [Person, ...Person[]];
      const taken = new Set(others.flatMap((other) => other.identityKeys));
      incoming = {
        ...incoming,
        identities: incoming.identities.filter((identity) => !taken.has(identity.key)),
      };
      summary.problems.push(
        `"${displayName(incoming.name, first.name)}" matches ${[first, ...others].map((p) => `"${p.name}"`).join(' and ')}, who are separate people in Acquaint; the import adds to "${first.name}" only. Use “Same person as…” in the sidebar if they are one person.`,
      );
      matches.clear();
      matches.set(first.id, first);
    }
    if (matches.size > 1) {
      const names = [...matches.values()].map((p) => `"${p.name}" (${p.id})`).join(' and ');
      throw new ImportConflictError(
        `people[${index}] ("${incoming.name}") matches ${matches.size} different people already in Acquaint: ${names}. Nothing was imported.`,
      );
    }
    const stored = [...matches.values()][0];
    const targetId = stored?.id ?? incoming.id;
    const earlier = claimed.get(targetId);
    if (earlier !== undefined) {
      throw new ImportConflictError(
        `people[${earlier}] and people[${index}] are both "${stored?.name ?? incoming.name}" (${targetId}) already in Acquaint. Nothing was imported.`,
      );
    }
    claimed.set(targetId, index);
    personIdMap.set(incoming.id, targetId);
    if (!stored) {
      const person = newPerson(incoming);
      // Another tool's file says nothing about tracking: a cadence of 0 there is the import's.
      if (mode === 'add' && person.cadenceDays === 0) person.untrackedByImport = true;
      people.push(person);
      newIds.add(incoming.id);
      summary.people.added += 1;
      return;
    }
    const merged =
      mode === 'add'
        ? addIdentities(stored, incoming)
        : mergePerson(stored, incoming, knowsRelation);
    if (merged) {
      people.push(merged);
      summary.people.updated += 1;
    }
  });
  // "Met via" names someone in the file, who may have an id of their own in Acquaint.
  const mapPerson = (id: string) => personIdMap.get(id) ?? id;
  for (const person of people) {
    if (person.metVia) person.metVia = mapPerson(person.metVia);
    if (person.metVia === person.id) person.metVia = null;
  }

  // Notes: by id; a stored note changes only when the file's copy is different and not older.
  const notes: Note[] = [];
  const storedNotes = hasNotes ? await db.notes.bulkGet(backup.notes.map((note) => note.id)) : [];
  backup.notes.forEach((incoming, index) => {
    const personId = personIdMap.get(incoming.personId) ?? incoming.personId;
    const fields: Omit<Note, 'rev'> = {
      id: incoming.id,
      personId,
      body: incoming.body,
      createdAt: incoming.createdAt,
      updatedAt: incoming.updatedAt,
    };
    if (incoming.url !== undefined) fields.url = incoming.url;
    const stored = storedNotes[index];
    if (!stored) {
      notes.push({ ...fields, rev: 1 });
      summary.notes.added += 1;
    } else if (!sameNote(stored, fields) && incoming.updatedAt >= stored.updatedAt) {
      notes.push({ ...fields, rev: stored.rev + 1 });
      summary.notes.updated += 1;
    }
  });

  // Interactions: by id, replaced when different.
  const interactions: Interaction[] = [];
  const alsoRecompute = new Set<string>();
  const storedInteractions = hasInteractions
    ? await db.interactions.bulkGet(backup.interactions.map((i) => i.id))
    : [];
  const garbled = await garbledTwins(
    db,
    backup.interactions.filter((_, index) => !storedInteractions[index]),
    (personId) => personIdMap.get(personId) ?? personId,
    newIds,
  );
  backup.interactions.forEach((incoming, index) => {
    const interaction: Interaction = {
      id: incoming.id,
      personId: personIdMap.get(incoming.personId) ?? incoming.personId,
      at: incoming.at,
      kind: incoming.kind,
      direction: incoming.direction,
      summary: incoming.summary,
    };
    if (incoming.url !== undefined) interaction.url = incoming.url;
    if (incoming.eventId !== null) interaction.eventId = incoming.eventId;
    const stored = storedInteractions[index];
    const twin = stored ? undefined : garbled.get(incoming.id);
    if (twin) {
      // The same message an earlier import garbled: its summary is read right, nothing is added.
      interactions.push({ ...twin, summary: incoming.summary });
      summary.interactions.updated += 1;
    } else if (!stored) {
      interactions.push(interaction);
      summary.interactions.added += 1;
    } else if (!sameInteraction(stored, interaction)) {
      interactions.push(interaction);
      summary.interactions.updated += 1;
      alsoRecompute.add(stored.personId);
    }
    alsoRecompute.add(interaction.personId);
  });

  // The default cadence is taken from the file only where none was chosen yet (a new profile).
  const storedCadence =
    mode === 'restore' ? await db.settings.get('defaultCadenceDays') : { value: null };
  const defaultCadenceDays =
    storedCadence === undefined ? backup.settings.defaultCadenceDays : null;

  // Circles, events, the ledger and introductions: by id. A restore takes the file's copy when it
  // differs (and, for records with a date of change, is not older); another tool's file only adds.
  const circles = await mergeById(
    (ids) => db.circles.bulkGet(ids),
    backup.circles,
    mode,
    summary.circles,
    {
      same: sameJson,
    },
  );
  const events = await mergeById(
    (ids) => db.events.bulkGet(ids),
    backup.events,
    mode,
    summary.events,
    {
      same: sameJson,
    },
  );
  const ledger = await mergeById(
    (ids) => db.ledger.bulkGet(ids),
    backup.ledger.map((item) => ({
      ...item,
      personId: item.personId === null ? null : mapPerson(item.personId),
    })),
    mode,
    summary.ledger,
    { same: sameJson, newer: (a, b) => a.updatedAt >= b.updatedAt },
  );
  const introductions = await mergeById(
    (ids) => db.introductions.bulkGet(ids),
    backup.introductions.map((introduction) => ({
      ...introduction,
      personIds: introduction.personIds.map(mapPerson),
    })),
    mode,
    summary.introductions,
    { same: sameJson, newer: (a, b) => a.updatedAt >= b.updatedAt },
  );
  // A circle whose cadence changed changes its stored members' cadence in force.
  const storedCircles = await db.circles.bulkGet(circles.map((circle) => circle.id));
  const recadenced = circles
    .filter((circle, index) => storedCircles[index]?.cadenceDays !== circle.cadenceDays)
    .map((circle) => circle.id);
  if (recadenced.length > 0 && hasPeople) {
    for (const id of await db.people.where('circleId').anyOf(recadenced).primaryKeys()) {
      alsoRecompute.add(String(id));
    }
  }

  for (const person of people) alsoRecompute.delete(person.id);
  return {
    summary,
    people,
    notes,
    interactions,
    circles,
    ledger,
    introductions,
    events,
    alsoRecompute,
    newIds,
    defaultCadenceDays,
  };
}

/**
 * Records matched by id: new ones are added; in a restore a stored one is replaced when the
 * file's copy differs and, where `newer` says, is not older. Counts what would change.
 */
async function mergeById<T extends { id: string }>(
  read: (ids: string[]) => Promise<(T | undefined)[]>,
  incoming: readonly T[],
  mode: ImportMode,
  counts: ImportCounts,
  compare: { same(a: T, b: T): boolean; newer?(incoming: T, stored: T): boolean },
): Promise<T[]> {
  if (incoming.length === 0) return [];
  const stored = await read(incoming.map((record) => record.id));
  const written: T[] = [];
  incoming.forEach((record, index) => {
    const current = stored[index];
    if (!current) {
      written.push(record);
      counts.added += 1;
    } else if (
      mode === 'restore' &&
      !compare.same(current, record) &&
      (compare.newer?.(record, current) ?? true)
    ) {
      written.push(record);
      counts.updated += 1;
    }
  });
  return written;
}

/** Two flat records with the same fields, whatever their order. */
function sameJson<T extends object>(a: T, b: T): boolean {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return JSON.stringify(a, keys) === JSON.stringify(b, keys);
}

/**
 * For interactions the store does not have by id: the stored one of the same person, time, kind and
 * direction whose summary an earlier import garbled ("Jos� wrote…") and this one reads right. Their
 * ids differ (an imported message's id is a digest of its text), so without this the message would
 * be there twice, once garbled. Only people already stored can have such a twin.
 */
async function garbledTwins(
  db: AcquaintDatabase,
  missing: readonly BackupInteraction[],
  personIdOf: (personId: string) => string,
  newIds: ReadonlySet<string>,
): Promise<Map<string, Interaction>> {
  const twins = new Map<string, Interaction>();
  const byPerson = new Map<string, BackupInteraction[]>();
  for (const incoming of missing) {
    if (newIds.has(incoming.personId) || incoming.summary.includes('\uFFFD')) continue;
    const personId = personIdOf(incoming.personId);
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), incoming]);
  }
  for (const [personId, incomings] of byPerson) {
    const stored = (await db.interactions.where('personId').equals(personId).toArray()).filter(
      (interaction) => interaction.summary.includes('\uFFFD'),
    );
    for (const incoming of incomings) {
      const twin = stored.find(
        (interaction) =>
          interaction.at === incoming.at &&
          interaction.kind === incoming.kind &&
          interaction.direction === incoming.direction &&
          repairsGarbled(interaction.summary, incoming.summary),
      );
      if (twin) twins.set(incoming.id, twin);
    }
  }
  return twins;
}

async function holdsAnything(table: Table<unknown, string>): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length > 0;
}

function relationFrom(incoming: BackupPerson): PersonRelation {
  return {
    headline: incoming.headline,
    interests: [...incoming.interests],
    circleId: incoming.circleId,
    metVia: incoming.metVia,
    metAt: incoming.metAt,
  };
}

function newPerson(incoming: BackupPerson): Person {
  const identities = unionIdentities([], incoming.identities);
  return {
    id: incoming.id,
    name: incoming.name,
    identities,
    identityKeys: identities.map((identity) => identity.key),
    why: incoming.why,
    tags: [...incoming.tags],
    cadenceDays: incoming.cadenceDays,
    snoozedUntil: incoming.snoozedUntil,
    archived: incoming.archived,
    createdAt: incoming.createdAt,
    updatedAt: incoming.updatedAt,
    ...relationFrom(incoming),
  };
}

/**
 * The stored person with the file's identities added and, when the file's copy is newer, its
 * fields (a version 1 file has none of the relationship fields: those stay as stored); null when
 * that changes nothing.
 */
function mergePerson(
  stored: Person,
  incoming: BackupPerson,
  knowsRelation: boolean,
): Person | null {
  const newer = incoming.updatedAt > stored.updatedAt;
  const identities = newer
    ? unionIdentities(incoming.identities, stored.identities)
    : unionIdentities(stored.identities, incoming.identities);
  const merged: Person = {
    ...stored,
    identities,
    identityKeys: identities.map((identity) => identity.key),
    createdAt: incoming.createdAt < stored.createdAt ? incoming.createdAt : stored.createdAt,
  };
  if (newer) {
    Object.assign(merged, {
      name: incoming.name,
      why: incoming.why,
      tags: [...incoming.tags],
      cadenceDays: incoming.cadenceDays,
      snoozedUntil: incoming.snoozedUntil,
      archived: incoming.archived,
      updatedAt: incoming.updatedAt,
    });
    if (knowsRelation) Object.assign(merged, relationFrom(incoming));
  }
  return samePersonData(stored, merged) ? null : merged;
}

/**
 * The stored person with the file's new identities, and what they still lack (a headline, a
 * circle; a cadence only where an import, not the user, stopped tracking them); everything the
 * user wrote stays (a repaired garble is not the user's writing: see `lib/format/garbled.ts`).
 */
function addIdentities(stored: Person, incoming: BackupPerson): Person | null {
  const identities = unionIdentities(stored.identities, incoming.identities);
  const relation = relationOf(stored);
  const merged: Person = {
    ...stored,
    // A person first seen by number (an X account) learns their name from a later file, and a
    // name or why an earlier import garbled ("Jos� M�ller") is read right from a later one.
    name: stored.name === '' ? incoming.name : repairedText(stored.name, incoming.name),
    why: repairedText(stored.why, incoming.why),
    identities,
    identityKeys: identities.map((identity) => identity.key),
    headline:
      relation.headline === ''
        ? incoming.headline
        : repairedText(relation.headline, incoming.headline),
    interests: relation.interests.length === 0 ? [...incoming.interests] : relation.interests,
    circleId: relation.circleId ?? incoming.circleId,
    metVia: relation.metVia ?? incoming.metVia,
    metAt: relation.metAt ?? incoming.metAt,
  };
  // Left untracked by an earlier import (no conversation then), and tracked by this one: the
  // user never chose "never" for them.
  if (stored.untrackedByImport && stored.cadenceDays === 0 && incoming.cadenceDays !== 0) {
    merged.cadenceDays = incoming.cadenceDays;
    delete merged.untrackedByImport;
  }
  return samePersonData(stored, merged) ? null : merged;
}

function displayName(name: string, fallback: string): string {
  return name === '' ? fallback : name;
}

/** Each key once, in order of first appearance; an address from `first` wins, else from `second`. */
function unionIdentities(first: readonly Identity[], second: readonly Identity[]): Identity[] {
  const byKey = new Map<string, Identity>();
  for (const identity of [...first, ...second]) {
    const known = byKey.get(identity.key);
    if (!known) {
      byKey.set(
        identity.key,
        identity.url === undefined
          ? { key: identity.key }
          : { key: identity.key, url: identity.url },
      );
    } else if (known.url === undefined && identity.url !== undefined) {
      known.url = identity.url;
    }
  }
  return [...byKey.values()];
}

function samePersonData(a: Person, b: Person): boolean {
  return (
    a.name === b.name &&
    a.why === b.why &&
    a.cadenceDays === b.cadenceDays &&
    a.snoozedUntil === b.snoozedUntil &&
    a.archived === b.archived &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.identities.map((i) => [i.key, i.url ?? null])) ===
      JSON.stringify(b.identities.map((i) => [i.key, i.url ?? null])) &&
    JSON.stringify(a.identityKeys) === JSON.stringify(b.identityKeys) &&
    JSON.stringify(relationOf(a)) === JSON.stringify(relationOf(b)) &&
    a.untrackedByImport === b.untrackedByImport
  );
}

function sameNote(a: Note, b: Omit<Note, 'rev'>): boolean {
  return (
    a.personId === b.personId &&
    a.body === b.body &&
    a.url === b.url &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt
  );
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : -1;
}

/** "line 3, column 14" for a character offset. */
function where(text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}`;
}

function jsonError(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset !== null && offset >= text.length) {
    return `This file is not valid JSON: it ends too early, at ${where(text, text.length)} (is it cut off?). Nothing was imported.`;
  }
  if (offset !== null) {
    return `This file is not valid JSON: it breaks at ${where(text, offset)}. Nothing was imported.`;
  }
  return 'This file is not valid JSON. Nothing was imported.';
}
