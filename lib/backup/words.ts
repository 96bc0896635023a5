import type { z } from 'zod';

/**
 * A backup's problems said to a person: "The 4th person has no name", "The 2nd note's address is
 * not a web address". The technical place (`people[3].name`) is added beside it by the caller.
 */

/** What each table's records are called in a sentence. */
export const RECORD_WORDS = {
  people: 'person',
  notes: 'note',
  interactions: 'interaction',
  circles: 'circle',
  ledger: 'ledger item',
  introductions: 'introduction',
  events: 'event',
} as const;

/** What a list's whole is called ("the list of people"). */
const LIST_WORDS: Record<keyof typeof RECORD_WORDS, string> = {
  people: 'the list of people',
  notes: 'the list of notes',
  interactions: 'the list of interactions',
  circles: 'the list of circles',
  ledger: 'the ledger',
  introductions: 'the list of introductions',
  events: 'the list of events',
};

/** An element of a list inside a record: `identities[0]` is "1st identity". */
const ITEM_WORDS: Record<string, string> = {
  identities: 'identity',
  tags: 'tag',
  interests: 'interest',
  personIds: 'person',
};

const FIELD_WORDS: Record<string, string> = {
  id: 'id',
  name: 'name',
  identities: 'identities',
  key: 'key',
  url: 'address',
  why: '“why”',
  tags: 'tags',
  cadenceDays: 'keep-in-touch interval',
  snoozedUntil: 'snooze date',
  archived: '“archived”',
  createdAt: 'creation date',
  updatedAt: 'date of last change',
  headline: 'headline',
  interests: 'interests',
  circleId: 'circle',
  metVia: '“met via” person',
  metAt: '“met at” event',
  personId: 'person',
  body: 'text',
  at: 'date',
  kind: 'kind',
  direction: 'direction',
  summary: 'summary',
  eventId: 'event',
  budget: 'budget',
  text: 'text',
  dueAt: 'due date',
  doneAt: 'date done',
  personIds: 'people',
  status: 'status',
  note: 'note',
  followUpAt: 'follow-up date',
  startsAt: 'start date',
  place: 'place',
  notes: 'notes',
  exportedAt: 'export date',
  format: 'format',
  version: 'version',
  defaultCadenceDays: 'default keep-in-touch interval',
};

/** What a value of a JSON type is called: "text", "a number", "a list". */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
  undefined: 'missing',
};

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 21st, 112th. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * The path as the parts of a possessive: `people[3].identities[0].key` is "the 4th person",
 * "1st identity", "key"; `settings.defaultCadenceDays` is "the default keep-in-touch interval".
 */
export function pathWords(path: readonly PropertyKey[]): string[] {
  const [head, ...rest] = path;
  const parts: string[] = [];
  let index = 0;
  if (typeof head === 'string' && head in RECORD_WORDS) {
    const table = head as keyof typeof RECORD_WORDS;
    const position = rest[0];
    if (typeof position === 'number') {
      parts.push(`the ${ordinal(position + 1)} ${RECORD_WORDS[table]}`);
      index = 1;
    } else {
      parts.push(LIST_WORDS[table]);
    }
  } else if (head === 'settings') {
    if (rest.length === 0) parts.push('the settings');
  } else if (head !== undefined) {
    parts.push('the file');
    index = -1;
  }
  const fields = index === -1 ? path : rest.slice(index);
  for (let at = 0; at < fields.length; at += 1) {
    const part = fields[at];
    const next = fields[at + 1];
    if (typeof part === 'string' && typeof next === 'number' && part in ITEM_WORDS) {
      parts.push(`${ordinal(next + 1)} ${ITEM_WORDS[part] ?? part}`);
      at += 1;
    } else if (typeof part === 'string') {
      const word = FIELD_WORDS[part] ?? `“${part}”`;
      parts.push(parts.length === 0 ? `the ${word}` : word);
    } else if (typeof part === 'number') {
      parts.push(`${ordinal(part + 1)} entry`);
    }
  }
  return parts.length === 0 ? ['the file'] : parts;
}

/** "the 4th person's 1st identity's key". */
function possessive(parts: readonly string[]): string {
  return parts.map((part, at) => (at < parts.length - 1 ? `${part}'s` : part)).join(' ');
}

function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** One problem as a sentence, without its place. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const parts = pathWords(issue.path);
  const last = issue.path[issue.path.length - 1];
  const whole = possessive(parts);
  const owner = parts.length > 1 ? possessive(parts.slice(0, -1)) : null;
  const field = parts[parts.length - 1] ?? 'the file';

  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const received = /received (\w+)/.exec(issue.message)?.[1] ?? 'undefined';
    // A required field that is missing or null is missing; an element of a list is what it is.
    if ((received === 'undefined' || received === 'null') && typeof last === 'string' && owner) {
      return capitalised(`${owner} has no ${field}`);
    }
    const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
    return capitalised(`${whole} is ${TYPE_WORDS[received] ?? received}, not ${expected}`);
  }
  if (issue.message.startsWith('is missing') && owner) {
    return capitalised(`${owner} has no ${field}${issue.message.slice('is missing'.length)}`);
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return capitalised(`${whole} is longer than ${String(issue.maximum)} characters`);
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return capitalised(`${whole} is empty`);
  }
  return capitalised(`${whole} ${issue.message}`);
}
