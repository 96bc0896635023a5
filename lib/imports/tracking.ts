import type { Backup } from '../backup/schema';

/**
 * Whom an import of another tool's files keeps in touch with (issue 13): "the people you have
 * messaged" (the default), "everyone", or "nobody". Someone not tracked is still imported,
 * searchable and badged, with cadence 0: they never go cold (CONTRACT §4). A connection or a
 * follow is not a conversation; a message in either direction is.
 */
export type TrackChoice = 'messaged' | 'everyone' | 'nobody';

export const TRACK_CHOICES: readonly TrackChoice[] = ['messaged', 'everyone', 'nobody'];

export const DEFAULT_TRACK_CHOICE: TrackChoice = 'messaged';

/** How many people each choice would keep in touch with. */
export interface TrackingCounts {
  /** People with at least one interaction in the file (a conversation). */
  messaged: number;
  everyone: number;
}

/** The ids of the file's people who have a conversation in it. */
function conversationIds(backup: Pick<Backup, 'interactions'>): Set<string> {
  return new Set(backup.interactions.map((interaction) => interaction.personId));
}

export function trackingCounts(backup: Pick<Backup, 'people' | 'interactions'>): TrackingCounts {
  const talked = conversationIds(backup);
  return {
    messaged: backup.people.filter((person) => talked.has(person.id)).length,
    everyone: backup.people.length,
  };
}

/**
 * The backup with each person's cadence set by the choice: null (the default, so they go cold
 * when a conversation goes quiet) for those kept in touch with, 0 (never) for the others. Only
 * for another tool's files: it is merged in `add` mode, which never changes the cadence of
 * someone already in Acquaint unless an earlier import, not the user, left them untracked.
 */
export function withTracking<T extends Pick<Backup, 'people' | 'interactions'>>(
  backup: T,
  choice: TrackChoice,
): T {
  const talked = conversationIds(backup);
  return {
    ...backup,
    people: backup.people.map((person) => {
      const tracked = choice === 'everyone' || (choice === 'messaged' && talked.has(person.id));
      const cadenceDays = tracked ? null : 0;
      return person.cadenceDays === cadenceDays ? person : { ...person, cadenceDays };
    }),
  };
}
