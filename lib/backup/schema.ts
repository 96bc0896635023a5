import { z } from 'zod';

import { identityKeySchema, idSchema, webUrlSchema } from '../messaging/schemas';
import { MAX_CADENCE_DAYS } from '../model/cold';
import {
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_WHY_LENGTH,
} from '../model/limits';
import { DEFAULT_SETTINGS } from '../model/settings';
import {
  INTERACTION_KINDS,
  INTRODUCTION_STATUSES,
  type InteractionKind,
  type IntroductionStatus,
  LEDGER_KINDS,
  type LedgerKind,
} from '../model/types';
import { isoDate } from '../services/follow-up';
import { describeIssue, ordinal, RECORD_WORDS } from './words';

export { ordinal } from './words';

/** CONTRACT §3: the backup file, `format: "acquaint-backup"`. */
export const BACKUP_FORMAT = 'acquaint-backup';
/** The newest version this build writes; it reads every version from 1 up to this one. */
export const BACKUP_VERSION = 2;
export const SUPPORTED_BACKUP_VERSIONS: readonly number[] = [1, 2];

/** The most people a circle may be given as its budget (far more than anyone keeps in touch with). */
export const MAX_CIRCLE_BUDGET = 100_000;

// ---------------------------------------------------------------------------------------------
// What an import hands on: every field present, defaults filled in (CONTRACT §3, "Reading is
// tolerant"), dates in `toISOString` form.

export interface BackupIdentity {
  key: string;
  url?: string;
}

export interface BackupPerson {
  id: string;
  name: string;
  identities: BackupIdentity[];
  why: string;
  tags: string[];
  cadenceDays: number | null;
  snoozedUntil: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  headline: string;
  interests: string[];
  circleId: string | null;
  metVia: string | null;
  metAt: string | null;
}

export interface BackupNote {
  id: string;
  personId: string;
  body: string;
  url?: string;
  createdAt: string;
  updatedAt: string;
}

export interface BackupInteraction {
  id: string;
  personId: string;
  at: string;
  kind: InteractionKind;
  direction: 'in' | 'out';
  summary: string;
  url?: string;
  eventId: string | null;
}

export interface BackupCircle {
  id: string;
  name: string;
  budget: number | null;
  cadenceDays: number | null;
}

export interface BackupLedgerItem {
  id: string;
  personId: string | null;
  kind: LedgerKind;
  text: string;
  dueAt: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BackupIntroduction {
  id: string;
  personIds: string[];
  at: string;
  status: IntroductionStatus;
  note: string;
  followUpAt: string | null;
  updatedAt: string;
}

export interface BackupEvent {
  id: string;
  name: string;
  startsAt: string | null;
  place: string;
  url: string | null;
  notes: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** The version the file was written in (1 or 2); export writes BACKUP_VERSION. */
  version: number;
  exportedAt: string;
  people: BackupPerson[];
  notes: BackupNote[];
  interactions: BackupInteraction[];
  settings: { defaultCadenceDays: number };
  circles: BackupCircle[];
  ledger: BackupLedgerItem[];
  introductions: BackupIntroduction[];
  events: BackupEvent[];
}

// ---------------------------------------------------------------------------------------------
// Reading. A field that may be missing is read by `optional`: absent, null and "" all mean "not
// given" and take the default; anything else must be right.

/** What "not given" looks like in a file: missing, null or "". */
function notGiven(value: unknown): unknown {
  return value === null || value === '' ? undefined : value;
}

function optional<T extends z.ZodType, D>(schema: T, fallback: D) {
  return z
    .preprocess(notGiven, schema.optional())
    .transform((value): z.output<T> | D => (value === undefined ? fallback : value));
}

/** An optional text: missing or null is "" (and "" is "" too). */
function text(max: number) {
  return optional(z.string().max(max), '');
}

/** An optional list: missing or null is []. */
function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((value): z.output<T>[] => value ?? []);
}

/**
 * A date and time with its offset, as `toISOString` writes it (other offsets and precisions are
 * read too), handed on in `toISOString` form so the indexes compare it as text.
 */
const isoDateSchema = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && isoDate(value) !== null,
    'is not a date and time like 2026-11-22T10:00:00.000Z',
  )
  .transform((value) => isoDate(value) as string);

/** A date that may be missing (null); the record's own default is filled in later when needed. */
const optionalDate = optional(isoDateSchema, null);

/** One of `values`; a missing one is said to be missing, not wrong. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, wrong: string) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === null ? 'is missing' : wrong),
  });
}

/** A reference by id to another record; missing, null or "" is none. */
const reference = optional(idSchema, null);

const cadenceSchema = z
  .number()
  .int('is not a whole number of days')
  .min(0, 'is below 0 days')
  .max(MAX_CADENCE_DAYS, `is above ${MAX_CADENCE_DAYS} days`);

const identitySchema = z.object({
  key: identityKeySchema,
  url: optional(webUrlSchema, undefined),
});

const personSchema = z.object({
  id: idSchema,
  name: z.string().max(MAX_NAME_LENGTH),
  identities: list(identitySchema),
  why: text(MAX_WHY_LENGTH),
  tags: list(z.string().max(MAX_NAME_LENGTH)),
  cadenceDays: optional(cadenceSchema, null),
  snoozedUntil: optionalDate,
  archived: optional(z.boolean(), false),
  createdAt: optionalDate,
  updatedAt: optionalDate,
  headline: text(MAX_NAME_LENGTH),
  interests: list(z.string().max(MAX_NAME_LENGTH)),
  circleId: reference,
  metVia: reference,
  metAt: reference,
});

const noteSchema = z.object({
  id: idSchema,
  personId: idSchema,
  body: z.string().max(MAX_NOTE_LENGTH),
  url: optional(webUrlSchema, undefined),
  createdAt: optionalDate,
  updatedAt: optionalDate,
});

const interactionSchema = z.object({
  id: idSchema,
  personId: idSchema,
  at: isoDateSchema,
  kind: oneOf(INTERACTION_KINDS, `is not one of ${INTERACTION_KINDS.join(', ')}`),
  direction: oneOf(['in', 'out'], 'is not "in" or "out"'),
  summary: text(MAX_SUMMARY_LENGTH),
  url: optional(webUrlSchema, undefined),
  eventId: reference,
});

const settingsSchema = z
  .object({
    defaultCadenceDays: optional(
      z
        .number()
        .int('is not a whole number of days')
        .min(1, 'is below 1 day')
        .max(MAX_CADENCE_DAYS, `is above ${MAX_CADENCE_DAYS} days`),
      DEFAULT_SETTINGS.defaultCadenceDays,
    ),
  })
  .nullish()
  .transform((value) => value ?? { defaultCadenceDays: DEFAULT_SETTINGS.defaultCadenceDays });

const circleSchema = z.object({
  id: idSchema,
  name: text(MAX_NAME_LENGTH),
  budget: optional(
    z
      .number()
      .int('is not a whole number of people')
      .min(0, 'is below 0 people')
      .max(MAX_CIRCLE_BUDGET, `is above ${MAX_CIRCLE_BUDGET.toLocaleString('en')} people`),
    null,
  ),
  cadenceDays: optional(cadenceSchema, null),
});

const ledgerSchema = z.object({
  id: idSchema,
  personId: reference,
  kind: oneOf(LEDGER_KINDS, `is not one of ${LEDGER_KINDS.join(', ')}`),
  text: text(MAX_WHY_LENGTH),
  dueAt: optionalDate,
  doneAt: optionalDate,
  createdAt: optionalDate,
  updatedAt: optionalDate,
});

const introductionSchema = z.object({
  id: idSchema,
  personIds: z.array(idSchema).min(2, 'names fewer than two people'),
  at: optionalDate,
  status: oneOf(INTRODUCTION_STATUSES, `is not one of ${INTRODUCTION_STATUSES.join(', ')}`),
  note: text(MAX_NOTE_LENGTH),
  followUpAt: optionalDate,
  updatedAt: optionalDate,
});

const eventSchema = z.object({
  id: idSchema,
  name: text(MAX_NAME_LENGTH),
  startsAt: optionalDate,
  place: text(MAX_NAME_LENGTH),
  url: optional(webUrlSchema, null),
  notes: text(MAX_NOTE_LENGTH),
});

/**
 * Every version of the backup (1 and 2; version 1 simply has none of version 2's fields, which
 * take their defaults). Unknown fields are dropped; ids, identity keys and every reference are
 * checked across the whole file, and missing dates of records become the file's `exportedAt`.
 */
export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT, `is not "${BACKUP_FORMAT}": this is not an Acquaint backup`),
    version: z.union(
      SUPPORTED_BACKUP_VERSIONS.map((version) => z.literal(version)) as [
        z.ZodLiteral<number>,
        ...z.ZodLiteral<number>[],
      ],
      { error: (issue) => versionMessage(issue.input) },
    ),
    exportedAt: optionalDate,
    people: list(personSchema),
    notes: list(noteSchema),
    interactions: list(interactionSchema),
    settings: settingsSchema,
    circles: list(circleSchema),
    ledger: list(ledgerSchema),
    introductions: list(introductionSchema),
    events: list(eventSchema),
  })
  .superRefine((backup, ctx) => {
    const issue = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    const idsOf = <T extends { id: string }>(table: keyof typeof RECORD_WORDS, records: T[]) => {
      const ids = new Map<string, number>();
      records.forEach((record, index) => {
        const first = ids.get(record.id);
        if (first !== undefined) {
          issue(
            [table, index, 'id'],
            `"${record.id}" is also the id of the ${ordinal(first + 1)} ${RECORD_WORDS[table]}`,
          );
        } else {
          ids.set(record.id, index);
        }
      });
      return ids;
    };
    const personIds = idsOf('people', backup.people);
    idsOf('notes', backup.notes);
    idsOf('interactions', backup.interactions);
    const circleIds = idsOf('circles', backup.circles);
    idsOf('ledger', backup.ledger);
    idsOf('introductions', backup.introductions);
    const eventIds = idsOf('events', backup.events);

    const keys = new Map<string, number>();
    backup.people.forEach((person, index) => {
      if (person.name.trim() === '' && person.identities.length === 0) {
        issue(['people', index, 'name'], 'is missing, and they have no identity either');
      }
      person.identities.forEach((identity, at) => {
        const owner = keys.get(identity.key);
        if (owner !== undefined && owner !== index) {
          issue(
            ['people', index, 'identities', at, 'key'],
            `"${identity.key}" is also an identity of the ${ordinal(owner + 1)} person`,
          );
        } else {
          keys.set(identity.key, index);
        }
      });
    });

    const nobody = (id: string) => `"${id}" is nobody in this backup`;
    const check = (
      ids: ReadonlyMap<string, number>,
      id: string | null,
      path: PropertyKey[],
      missing: (id: string) => string,
    ) => {
      if (id !== null && !ids.has(id)) issue(path, missing(id));
    };
    const noCircle = (id: string) => `"${id}" is no circle in this backup`;
    const noEvent = (id: string) => `"${id}" is no event in this backup`;
    backup.people.forEach((person, index) => {
      check(circleIds, person.circleId, ['people', index, 'circleId'], noCircle);
      check(personIds, person.metVia, ['people', index, 'metVia'], nobody);
      check(eventIds, person.metAt, ['people', index, 'metAt'], noEvent);
    });
    backup.notes.forEach((note, index) =>
      check(personIds, note.personId, ['notes', index, 'personId'], nobody),
    );
    backup.interactions.forEach((interaction, index) => {
      check(personIds, interaction.personId, ['interactions', index, 'personId'], nobody);
      check(eventIds, interaction.eventId, ['interactions', index, 'eventId'], noEvent);
    });
    backup.ledger.forEach((item, index) =>
      check(personIds, item.personId, ['ledger', index, 'personId'], nobody),
    );
    backup.introductions.forEach((introduction, index) =>
      introduction.personIds.forEach((id, at) =>
        check(personIds, id, ['introductions', index, 'personIds', at], nobody),
      ),
    );
  })
  .transform((file): Backup => {
    // A record without its dates was made no later than the file: it takes the file's date.
    const exportedAt = file.exportedAt ?? new Date().toISOString();
    const dated = <T extends { createdAt: string | null; updatedAt: string | null }>(
      record: T,
    ) => ({
      ...record,
      createdAt: record.createdAt ?? exportedAt,
      updatedAt: record.updatedAt ?? exportedAt,
    });
    return {
      format: file.format,
      version: file.version,
      exportedAt,
      people: file.people.map((person) => ({
        ...dated(person),
        identities: person.identities.map(({ key, url }) =>
          url === undefined ? { key } : { key, url },
        ),
      })),
      notes: file.notes.map((note) => {
        const { url, ...rest } = dated(note);
        return url === undefined ? rest : { ...rest, url };
      }),
      interactions: file.interactions.map(({ url, ...rest }) =>
        url === undefined ? rest : { ...rest, url },
      ),
      settings: file.settings,
      circles: file.circles,
      ledger: file.ledger.map(dated),
      introductions: file.introductions.map((introduction) => ({
        ...introduction,
        at: introduction.at ?? exportedAt,
        updatedAt: introduction.updatedAt ?? exportedAt,
      })),
      events: file.events,
    };
  });

/** What a backup file may hold (before defaults are filled in), for code and tests that write one. */
export type BackupInput = z.input<typeof backupSchema>;

export type BackupParse = { ok: true; backup: Backup } | { ok: false; error: string };

/** How many problems a message lists before it says "and N more". */
const MAX_LISTED_ISSUES = 10;

/**
 * A parsed JSON value as a backup. The format and the version are checked first, so a file of
 * another kind or from a later Acquaint gets one clear sentence rather than a list of every field.
 */
export function parseBackup(value: unknown): BackupParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: 'This is not an Acquaint backup: the file holds no JSON object.',
    };
  }
  const head = value as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      error: `This is not an Acquaint backup: format is ${describeValue(head.format)}, not "${BACKUP_FORMAT}".`,
    };
  }
  if (!SUPPORTED_BACKUP_VERSIONS.includes(head.version as number)) {
    return { ok: false, error: `${versionMessage(head.version)} (version)` };
  }
  let result: ReturnType<typeof backupSchema.safeParse>;
  try {
    result = backupSchema.safeParse(value);
  } catch (error) {
    // The schema library collects every problem; hundreds of thousands of them overflow its stack.
    if (error instanceof RangeError) {
      return {
        ok: false,
        error:
          'This backup has too many problems to list (hundreds of thousands of wrong fields), so nothing was imported. Is it an Acquaint backup that another program changed?',
      };
    }
    throw error;
  }
  if (result.success) return { ok: true, backup: result.data };
  return { ok: false, error: describeBackupError(result.error) };
}

/**
 * Each problem as a sentence with its place in the file beside it:
 * `The 4th person's 1st identity's key is not an identity key (people[3].identities[0].key)`.
 */
export function describeBackupIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${describeIssue(issue)} (${formatPath(issue.path)})`);
}

/** The problems as one message for the options page. */
export function describeBackupError(error: z.ZodError): string {
  const lines = describeBackupIssues(error);
  const listed = lines.slice(0, MAX_LISTED_ISSUES);
  const more = lines.length - listed.length;
  const heading =
    lines.length === 1
      ? 'This backup has a problem, so nothing was imported:'
      : `This backup has ${lines.length} problems, so nothing was imported:`;
  return [heading, ...listed, ...(more > 0 ? [`…and ${more} more`] : [])].join('\n');
}

/** `people[3].identities[0].key`; the file itself is `backup`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) {
      out += out === '' ? part : `.${part}`;
    } else out += `[${JSON.stringify(String(part))}]`;
  }
  return out === '' ? 'backup' : out;
}

function versionMessage(version: unknown): string {
  const newest = SUPPORTED_BACKUP_VERSIONS[SUPPORTED_BACKUP_VERSIONS.length - 1] ?? BACKUP_VERSION;
  if (typeof version === 'number' && Number.isInteger(version) && version > newest) {
    return `This backup is version ${version}, from a newer Acquaint; this one reads backup versions up to ${newest}. Update Acquaint, then import it again.`;
  }
  if (version === undefined || version === null) {
    return 'This backup has no version, so it cannot be read';
  }
  return `This backup's version ${describeValue(version)} is not one this Acquaint knows (it reads ${SUPPORTED_BACKUP_VERSIONS.join(' and ')})`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
