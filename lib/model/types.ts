import type { FollowUpFields } from './cold';

/** Stored records. Dates are ISO-8601 strings in UTC (`Date#toISOString()`), so they sort as text. */

export interface Identity {
  /** CONTRACT §1 key, e.g. `linkedin:ada-quill-4b21a`. */
  key: string;
  url?: string;
}

export interface Person extends Partial<FollowUpFields> {
  id: string;
  name: string;
  identities: Identity[];
  /** Mirror of `identities[].key` for Dexie's multi-entry index. */
  identityKeys: string[];
  /** Why this person matters, in one line. */
  why: string;
  tags: string[];
  /** Keep-in-touch interval in days; null = the default; 0 = never goes cold. */
  cadenceDays: number | null;
  snoozedUntil: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  /**
   * The records merged into this one ("same person as…"), newest last, so an identity can be
   * split off again with what came with it. Not in backups: a restored person starts with none.
   */
  merged?: MergedRecord[];
  // The relationship fields of backup version 2 (CONTRACT §3). Every stored person has them from
  // database version 3 on (its upgrade gives "", [] and null); read them with `relationOf`.
  /** Role and company as last read or imported ("Data engineer at Tidewater"); "" if unknown. */
  headline?: string;
  /** What they care about, as the user writes it. */
  interests?: string[];
  /** The circle they are in (its cadence is their default, CONTRACT §4); null: none. */
  circleId?: string | null;
  /** The person who introduced us; null: nobody or unknown. */
  metVia?: string | null;
  /** The event where we met; null: none. */
  metAt?: string | null;
  /**
   * Set when an import, not the user, made the cadence 0 (a LinkedIn connection with no
   * conversation): a later import that finds a conversation may track them after all. Choosing a
   * cadence removes it. Not in backups.
   */
  untrackedByImport?: true;
}

/** A person's version-2 fields, with their defaults for a record that lacks them. */
export type PersonRelation = Required<
  Pick<Person, 'headline' | 'interests' | 'circleId' | 'metVia' | 'metAt'>
>;

export function relationOf(person: Partial<PersonRelation>): PersonRelation {
  return {
    headline: person.headline ?? '',
    interests: person.interests ?? [],
    circleId: person.circleId ?? null,
    metVia: person.metVia ?? null,
    metAt: person.metAt ?? null,
  };
}

/** What a new person starts with: no headline, interests, circle, introducer or event. */
export const NO_RELATION: Readonly<PersonRelation> = Object.freeze({
  headline: '',
  interests: [],
  circleId: null,
  metVia: null,
  metAt: null,
});

/** What a merge took in, as it was: enough to give the record back on a split. */
export interface MergedRecord {
  id: string;
  name: string;
  identities: Identity[];
  why: string;
  tags: string[];
  cadenceDays: number | null;
  snoozedUntil: string | null;
  archived: boolean;
  createdAt: string;
  noteIds: string[];
  interactionIds: string[];
  mergedAt: string;
  /** Its version-2 fields (absent in records merged before database version 3). */
  relation?: PersonRelation;
}

export interface Note {
  id: string;
  personId: string;
  body: string;
  /** Where the note was written. */
  url?: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every stored change, so a save made from a stale copy can be detected. */
  rev: number;
}

export const INTERACTION_KINDS = [
  'message',
  'comment',
  'reply',
  'met',
  'call',
  'email',
  'intro',
  'other',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface Interaction {
  id: string;
  personId: string;
  at: string;
  kind: InteractionKind;
  /** `out`: I reached them; `in`: they reached me. */
  direction: 'out' | 'in';
  summary: string;
  url?: string;
  /** The event it happened at; absent or null: none. */
  eventId?: string | null;
}

/** A group of people with a size the user wants to keep and a default keep-in-touch interval. */
export interface Circle {
  id: string;
  name: string;
  /** The most people the user wants in it; null: no limit. */
  budget: number | null;
  /** Its members' default interval in days (CONTRACT §4); null: the settings default. */
  cadenceDays: number | null;
}

export const LEDGER_KINDS = [
  'can-help',
  'they-asked',
  'promised',
  'gave',
  'they-helped',
  'my-ask',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Something given, asked or owed between the user and someone (CONTRACT §3 version 2). */
export interface LedgerItem {
  id: string;
  /** Null only makes sense for `my-ask` (what the user is looking for themselves). */
  personId: string | null;
  kind: LedgerKind;
  text: string;
  dueAt: string | null;
  /** When it was done (for `they-helped`: when the user thanked them); null: not yet. */
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const INTRODUCTION_STATUSES = ['proposed', 'asked', 'made', 'met', 'declined'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

/** An introduction the user makes between people. */
export interface Introduction {
  id: string;
  personIds: string[];
  at: string;
  status: IntroductionStatus;
  note: string;
  /** When to check how it went; null: none. */
  followUpAt: string | null;
  updatedAt: string;
}

/** An event where the user met people (a meetup, a conference). */
export interface EventRecord {
  id: string;
  name: string;
  startsAt: string | null;
  place: string;
  url: string | null;
  notes: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
