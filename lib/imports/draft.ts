import type { Identity, InteractionKind } from '../model/types';

/**
 * What a file from another tool (LinkedIn's export, the X archive, a vCard) says, before anything
 * is stored. Every reader produces one; `draftToBackup` turns it into a backup that is merged with
 * the same all-or-nothing import as a restore, but never overwrites what the user wrote.
 */
export interface ImportDraft {
  /** What was read, for the preview: "LinkedIn connections", "X archive", "vCard". */
  source: string;
  people: DraftPerson[];
  interactions: DraftInteraction[];
  /** Things skipped or guessed, each naming where: `Connections.csv row 14: no name and no profile address; skipped`. */
  problems: string[];
}

export interface DraftPerson {
  /** Local to the draft: what `DraftInteraction.personRef` points at (usually the first identity key). */
  ref: string;
  /** May be "" when the file has only an id (an X account seen by number). */
  name: string;
  /** At least one; CONTRACT §1 keys, plus `x-id:<digits>` for X accounts known only by number. */
  identities: Identity[];
  /** What the user wrote about them in another tool (a vCard's note); the "why" of a new person only. */
  why?: string;
  /** Role and company ("Founder at Quill Data"): the headline, never the "why". */
  headline?: string;
  /**
   * Since when the user has known them (the day of connecting on LinkedIn), ISO-8601 in UTC. It
   * becomes the person's `createdAt`; it is not an interaction, so it never decides whose turn it is.
   */
  since?: string;
  tags?: string[];
}

export interface DraftInteraction {
  personRef: string;
  /** ISO-8601 in UTC, as `Date#toISOString()` writes it. */
  at: string;
  kind: InteractionKind;
  direction: 'in' | 'out';
  summary: string;
  url?: string;
}

/** A file the user picked, as the readers get it. */
export interface PickedFile {
  name: string;
  text: string;
}
