import { z } from 'zod';

import { identityKeySchema, idSchema, webUrlSchema } from '../messaging/schemas';
import { MAX_CADENCE_DAYS } from '../model/cold';
import {
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_WHY_LENGTH,
} from '../model/limits';
import { INTERACTION_KINDS } from '../model/types';
import { isoDate } from '../services/follow-up';

/** CONTRACT §3: the backup file, `format: "acquaint-backup"`. */
export const BACKUP_FORMAT = 'acquaint-backup';
/** The newest version this build writes; it reads every version from 1 up to this one. */
export const BACKUP_VERSION = 1;
export const SUPPORTED_BACKUP_VERSIONS: readonly number[] = [1];

/**
 * A date and time with its offset, as `toISOString` writes it (other offsets and precisions are
 * read too), handed on in `toISOString` form so the indexes compare it as text.
 */
const isoDateSchema = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && isoDate(value) !== null,
    'is not an ISO date and time (like 2026-11-22T10:00:00.000Z)',
  )
  .transform((value) => isoDate(value) as string);

const identitySchema = z.object({
  key: identityKeySchema,
  url: webUrlSchema.optional(),
});

const personSchema = z.object({
  id: idSchema,
  name: z.string().max(MAX_NAME_LENGTH),
  identities: z.array(identitySchema).min(1, 'has no identity (a person needs at least one)'),
  why: z.string().max(MAX_WHY_LENGTH),
  tags: z.array(z.string().max(MAX_NAME_LENGTH)),
  cadenceDays: z
    .number()
    .int('is not a whole number of days')
    .min(0, 'is below 0 days')
    .max(MAX_CADENCE_DAYS, `is above ${MAX_CADENCE_DAYS} days`)
    .nullable(),
  snoozedUntil: isoDateSchema.nullable(),
  archived: z.boolean(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});

const noteSchema = z.object({
  id: idSchema,
  personId: idSchema,
  body: z.string().max(MAX_NOTE_LENGTH),
  url: webUrlSchema.optional(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});

const interactionSchema = z.object({
  id: idSchema,
  personId: idSchema,
  at: isoDateSchema,
  kind: z.enum(INTERACTION_KINDS, `is not one of ${INTERACTION_KINDS.join(', ')}`),
  direction: z.enum(['in', 'out'], 'is not "in" or "out"'),
  summary: z.string().max(MAX_SUMMARY_LENGTH),
  url: webUrlSchema.optional(),
});

const settingsSchema = z.object({
  defaultCadenceDays: z
    .number()
    .int('is not a whole number of days')
    .min(1, 'is below 1 day')
    .max(MAX_CADENCE_DAYS, `is above ${MAX_CADENCE_DAYS} days`),
});

/**
 * Version 1 of the backup. Fields this version does not know are dropped (a later version may add
 * some); ids, identity keys and the people notes and interactions belong to are checked across the
 * whole file.
 */
export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT, `is not "${BACKUP_FORMAT}": this is not an Acquaint backup`),
    version: z.literal(BACKUP_VERSION, {
      error: (issue) => versionMessage(issue.input),
    }),
    exportedAt: isoDateSchema,
    people: z.array(personSchema),
    notes: z.array(noteSchema),
    interactions: z.array(interactionSchema),
    settings: settingsSchema,
  })
  .superRefine((backup, ctx) => {
    const personIds = new Map<string, number>();
    const keys = new Map<string, number>();
    backup.people.forEach((person, index) => {
      const first = personIds.get(person.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', index, 'id'],
          message: `"${person.id}" is also the id of people[${first}]`,
        });
      } else {
        personIds.set(person.id, index);
      }
      person.identities.forEach((identity, at) => {
        const owner = keys.get(identity.key);
        if (owner !== undefined && owner !== index) {
          ctx.addIssue({
            code: 'custom',
            path: ['people', index, 'identities', at, 'key'],
            message: `"${identity.key}" is also an identity of people[${owner}]`,
          });
        } else {
          keys.set(identity.key, index);
        }
      });
    });
    for (const table of ['notes', 'interactions'] as const) {
      const ids = new Map<string, number>();
      backup[table].forEach((record, index) => {
        const first = ids.get(record.id);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [table, index, 'id'],
            message: `"${record.id}" is also the id of ${table}[${first}]`,
          });
        } else {
          ids.set(record.id, index);
        }
        if (!personIds.has(record.personId)) {
          ctx.addIssue({
            code: 'custom',
            path: [table, index, 'personId'],
            message: `"${record.personId}" is nobody in this backup`,
          });
        }
      });
    }
  });

export type Backup = z.output<typeof backupSchema>;
export type BackupPerson = Backup['people'][number];
export type BackupNote = Backup['notes'][number];
export type BackupInteraction = Backup['interactions'][number];

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
    return { ok: false, error: `version: ${versionMessage(head.version)}` };
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

/** Each problem as `where: what`, e.g. `people[3].identities[0].key: is not an identity key`. */
export function describeBackupIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issueMessage(issue)}`);
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
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) {
      text += text === '' ? part : `.${part}`;
    } else text += `[${JSON.stringify(String(part))}]`;
  }
  return text === '' ? 'backup' : text;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    if (/received undefined/.test(issue.message)) return 'is missing';
    const received = /received (\w+)/.exec(issue.message)?.[1];
    return `is not ${article(issue.expected)}${received ? ` (it is ${article(received)})` : ''}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return `is longer than ${String(issue.maximum)} characters`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return 'is empty';
  }
  return issue.message;
}

function article(type: string): string {
  if (type === 'null' || type === 'undefined') return type;
  return /^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`;
}

function versionMessage(version: unknown): string {
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return `version ${version} is from a newer Acquaint; this one reads backup versions up to ${BACKUP_VERSION}. Update Acquaint, then import it again.`;
  }
  if (version === undefined) return 'is missing, so this backup cannot be read';
  return `${describeValue(version)} is not a backup version this Acquaint knows (it reads ${SUPPORTED_BACKUP_VERSIONS.join(', ')})`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
