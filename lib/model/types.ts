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
}

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
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
