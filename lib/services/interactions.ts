import Dexie from 'dexie';

import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';
import { newId } from '../model/ids';
import { MAX_ID_LENGTH, MAX_SUMMARY_LENGTH, MAX_URL_LENGTH } from '../model/limits';
import { INTERACTION_KINDS, type Interaction } from '../model/types';
import { followUpTables, isoDate, withFollowUp } from './follow-up';

/** A new interaction; the id is made up when absent. */
export interface InteractionDraft {
  id?: string;
  personId: string;
  at: string;
  kind: Interaction['kind'];
  direction: Interaction['direction'];
  summary: string;
  url?: string;
}

/** Fields to change on a stored interaction; `url: null` removes its address. */
export type InteractionChanges = Partial<Omit<Interaction, 'id' | 'url'>> & {
  url?: string | null;
};

export type InteractionsService = ReturnType<typeof createInteractionsService>;

/**
 * What happened between the user and someone. Every change recomputes the person's follow-up fields
 * (lib/model/cold.ts) in the same transaction, so the cold list never sees one without the other.
 */
export function createInteractionsService(db: AcquaintDatabase, clock: Clock = systemClock) {
  const tables = followUpTables(db);

  /** Recomputes a person after their interactions changed, and marks them as updated. */
  async function touch(personId: string): Promise<void> {
    const person = await db.people.get(personId);
    if (!person) return;
    await db.people.put(await withFollowUp(db, { ...person, updatedAt: clock().toISOString() }));
  }

  async function requirePerson(personId: string): Promise<void> {
    if (!(await db.people.get(personId))) {
      throw new Error(
        `Refused: nobody with id "${personId}" is in Acquaint, so nothing can be logged for them.`,
      );
    }
  }

  return {
    /** A person's interactions, newest first by when they happened. */
    listForPerson(personId: string): Promise<Interaction[]> {
      return db.interactions
        .where('[personId+at]')
        .between([personId, Dexie.minKey], [personId, Dexie.maxKey])
        .reverse()
        .toArray();
    },

    /**
     * Logs an interaction (back-dating allowed: `at` is when it happened). Adding the same one
     * again (a retried request) changes nothing; another one under a used id is refused.
     */
    add(draft: InteractionDraft): Promise<Interaction> {
      let interaction: Interaction;
      try {
        const { url, ...fields } = draft;
        // An empty address is no address.
        interaction = validInteraction(
          url
            ? { ...fields, url, id: draft.id ?? newId() }
            : { ...fields, id: draft.id ?? newId() },
        );
      } catch (error) {
        return Promise.reject(error);
      }
      return db.transaction('rw', tables, async () => {
        await requirePerson(interaction.personId);
        const existing = await db.interactions.get(interaction.id);
        if (existing) {
          if (sameInteraction(existing, interaction)) return existing;
          throw new Error(`Refused: another interaction already has the id "${interaction.id}".`);
        }
        await db.interactions.add(interaction);
        await touch(interaction.personId);
        return interaction;
      });
    },

    /** Changes a logged interaction; moving it to another person recomputes both. */
    update(id: string, changes: InteractionChanges): Promise<Interaction> {
      return db.transaction('rw', tables, async () => {
        const stored = await db.interactions.get(id);
        if (!stored) throw new Error(`Refused: there is no interaction with the id "${id}".`);
        const merged: Record<string, unknown> = { ...stored, ...changes, id };
        if (changes.url === null || changes.url === '') delete merged.url;
        const updated = validInteraction(merged);
        if (updated.personId !== stored.personId) await requirePerson(updated.personId);
        await db.interactions.put(updated);
        await touch(updated.personId);
        if (updated.personId !== stored.personId) await touch(stored.personId);
        return updated;
      });
    },

    /** Deletes an interaction and hands it back, so the UI can offer to undo. */
    remove(id: string): Promise<Interaction | null> {
      return db.transaction('rw', tables, async () => {
        const stored = await db.interactions.get(id);
        if (!stored) return null;
        await db.interactions.delete(id);
        await touch(stored.personId);
        return stored;
      });
    },

    /** Puts a deleted interaction back as it was; refused when its person no longer exists. */
    restore(interaction: Interaction): Promise<Interaction> {
      let restored: Interaction;
      try {
        restored = validInteraction(interaction);
      } catch (error) {
        return Promise.reject(error);
      }
      return db.transaction('rw', tables, async () => {
        if (!(await db.people.get(restored.personId))) {
          throw new Error('The person this interaction belonged to no longer exists.');
        }
        await db.interactions.put(restored);
        await touch(restored.personId);
        return restored;
      });
    },
  };
}

/** The interaction as stored, with `at` in `toISOString` form; throws on anything invalid. */
function validInteraction(input: Record<string, unknown> | InteractionDraft): Interaction {
  const { id, personId, at, kind, direction, summary, url } = input as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    problems.push('the id is missing or too long');
  }
  if (typeof personId !== 'string' || personId.length === 0 || personId.length > MAX_ID_LENGTH) {
    problems.push('the person id is missing or too long');
  }
  const when = isoDate(at);
  if (when === null) problems.push(`"${String(at)}" is not an ISO date`);
  if (!(INTERACTION_KINDS as readonly unknown[]).includes(kind)) {
    problems.push(`the kind is one of ${INTERACTION_KINDS.join(', ')}, not "${String(kind)}"`);
  }
  if (direction !== 'in' && direction !== 'out') {
    problems.push(`the direction is "in" or "out", not "${String(direction)}"`);
  }
  if (typeof summary !== 'string' || summary.length > MAX_SUMMARY_LENGTH) {
    problems.push(`the summary is text of at most ${MAX_SUMMARY_LENGTH} characters`);
  }
  if (url !== undefined && !isWebUrl(url)) problems.push('the address is not a web address');
  if (problems.length > 0) {
    throw new Error(`Refused interaction: ${problems.join('; ')}.`);
  }
  const interaction: Interaction = {
    id: id as string,
    personId: personId as string,
    at: when as string,
    kind: kind as Interaction['kind'],
    direction: direction as Interaction['direction'],
    summary: summary as string,
  };
  if (url !== undefined) interaction.url = url as string;
  return interaction;
}

function isWebUrl(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length <= MAX_URL_LENGTH &&
    /^https?:\/\//i.test(value) &&
    URL.canParse(value)
  );
}

/** Whether two copies of an interaction say the same thing (a retried add, an unchanged import). */
export function sameInteraction(a: Interaction, b: Interaction): boolean {
  return (
    a.personId === b.personId &&
    a.at === b.at &&
    a.kind === b.kind &&
    a.direction === b.direction &&
    a.summary === b.summary &&
    a.url === b.url
  );
}
