import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';
import { newId } from '../model/ids';
import { type Identity, type MergedRecord, type Person, relationOf } from '../model/types';
import type { PersonRef } from '../sites/types';
import { followUpTables, withFollowUp } from './follow-up';
import { ensurePerson, fallbackName } from './people';

export type IdentitiesService = ReturnType<typeof createIdentitiesService>;

/** A person as the "same person as…" search lists them. */
export interface PersonMatch {
  id: string;
  name: string;
  identities: Identity[];
  why: string;
}

export const MAX_PERSON_MATCHES = 8;

/** The person a page's account number points at, and the keys linking would give them. */
export interface AliasCandidate {
  person: Person;
  /** `ref`'s key first, then any alias they lack. */
  missing: string[];
}

/**
 * One person, many identities: merging two records into one, splitting an identity off again,
 * and linking a handle to someone known by an X account's number when the user confirms that the
 * page's number is theirs.
 */
export function createIdentitiesService(db: AcquaintDatabase, clock: Clock = systemClock) {
  const tables = [...followUpTables(db), db.notes, db.ledger, db.introductions];

  return {
    /** People whose name starts with, or has a word starting with, the query; or with that key. */
    async search(query: string, excludeId?: string): Promise<PersonMatch[]> {
      const text = query.trim().toLowerCase();
      if (text === '') return [];
      const found = new Map<string, Person>();
      const add = (person: Person) => {
        if (person.id !== excludeId && found.size < MAX_PERSON_MATCHES)
          found.set(person.id, person);
      };
      (
        await db.people
          .where('identityKeys')
          .startsWith(text)
          .limit(MAX_PERSON_MATCHES + 1)
          .toArray()
      ).forEach(add);
      (
        await db.people
          .where('name')
          .startsWithIgnoreCase(text)
          .limit(MAX_PERSON_MATCHES + 1)
          .toArray()
      ).forEach(add);
      if (found.size < MAX_PERSON_MATCHES) {
        // A later word of the name ("quill" for Ada Quill): a scan, but only on a typed query.
        await db.people
          .filter((person) => nameHasWordStarting(person.name, text))
          .until(() => found.size >= MAX_PERSON_MATCHES)
          .each(add);
      }
      return [...found.values()].map(({ id, name, identities, why }) => ({
        id,
        name,
        identities,
        why,
      }));
    },

    /**
     * Makes `otherId` part of the person the page shows (created if nothing was saved yet): their
     * identities, notes and interactions all move over, nothing is dropped, and the merged record
     * is remembered so it can be split off again.
     */
    merge(ref: PersonRef, otherId: string): Promise<Person> {
      return db.transaction('rw', tables, async () => {
        const now = clock().toISOString();
        const keep = await ensurePerson(db, ref, clock());
        const other = await db.people.get(otherId);
        if (!other) throw new Error('That person is no longer in Acquaint.');
        if (other.id === keep.id) throw new Error('That is already this person.');

        const noteIds = await db.notes.where('personId').equals(other.id).primaryKeys();
        const interactionIds = await db.interactions
          .where('personId')
          .equals(other.id)
          .primaryKeys();
        await db.notes.where('personId').equals(other.id).modify({ personId: keep.id });
        await db.interactions.where('personId').equals(other.id).modify({ personId: keep.id });
        // Whatever pointed at the other record now points at this one, so nothing refers to
        // someone who is gone (a backup would refuse that). A split leaves these here.
        await db.ledger.where('personId').equals(other.id).modify({ personId: keep.id });
        await db.introductions
          .where('personIds')
          .equals(other.id)
          .modify((introduction) => {
            introduction.personIds = introduction.personIds.map((id) =>
              id === other.id ? keep.id : id,
            );
          });
        await db.people
          .where('metVia')
          .equals(other.id)
          .modify((person) => {
            person.metVia = person.id === keep.id ? null : keep.id;
          });

        const identities = [
          ...keep.identities,
          ...other.identities.filter((i) => !keep.identityKeys.includes(i.key)),
        ];
        const record: MergedRecord = {
          id: other.id,
          name: other.name,
          identities: other.identities,
          why: other.why,
          tags: other.tags,
          cadenceDays: other.cadenceDays,
          snoozedUntil: other.snoozedUntil,
          archived: other.archived,
          createdAt: other.createdAt,
          noteIds: noteIds.map(String),
          interactionIds: interactionIds.map(String),
          mergedAt: now,
          relation: relationOf(other),
        };
        const kept = relationOf(keep);
        const taken = relationOf(other);
        const merged: Person = {
          ...keep,
          name:
            keep.name === fallbackName(keep.identityKeys[0] ?? '') && other.name
              ? other.name
              : keep.name,
          identities,
          identityKeys: identities.map((identity) => identity.key),
          why: joinWhy(keep.why, other.why),
          tags: [...new Set([...keep.tags, ...other.tags])],
          cadenceDays: keep.cadenceDays ?? other.cadenceDays,
          // Still archived only when both were: the merged person should not vanish from the list.
          archived: keep.archived && other.archived,
          createdAt: other.createdAt < keep.createdAt ? other.createdAt : keep.createdAt,
          updatedAt: now,
          headline: kept.headline || taken.headline,
          interests: [...new Set([...kept.interests, ...taken.interests])],
          circleId: kept.circleId ?? taken.circleId,
          // Neither introduced themselves: the one who introduced the other is nobody's metVia.
          metVia:
            [kept.metVia, taken.metVia].find((id) => id && id !== keep.id && id !== other.id) ??
            null,
          metAt: kept.metAt ?? taken.metAt,
          merged: [...(keep.merged ?? []), ...(other.merged ?? []), record],
        };
        await db.people.delete(other.id);
        const stored = await withFollowUp(db, merged);
        await db.people.put(stored);
        return stored;
      });
    },

    /**
     * Takes an identity off a person. When it came with a merge, the merged record comes back
     * as it was, with its notes and interactions; otherwise the identity becomes a new person of
     * its own. Returns both.
     */
    split(personId: string, key: string): Promise<{ kept: Person; split: Person }> {
      return db.transaction('rw', tables, async () => {
        const now = clock().toISOString();
        const person = await db.people.get(personId);
        if (!person) throw new Error('That person is no longer in Acquaint.');
        if (!person.identityKeys.includes(key))
          throw new Error('That identity is not theirs any more.');
        if (person.identityKeys.length === 1)
          throw new Error('A person needs at least one identity.');

        const records = person.merged ?? [];
        const record = [...records].reverse().find((r) => r.identities.some((i) => i.key === key));
        let moveKeys: string[];
        let split: Person;
        if (record) {
          // The identities that came with that record and are still here leave together.
          moveKeys = record.identities
            .map((i) => i.key)
            .filter((k) => person.identityKeys.includes(k));
          if (moveKeys.length === person.identityKeys.length) moveKeys = [key];
          const identities = person.identities.filter((i) => moveKeys.includes(i.key));
          split = {
            id: (await db.people.get(record.id)) ? newId() : record.id,
            name: record.name,
            identities,
            identityKeys: identities.map((i) => i.key),
            why: record.why,
            tags: record.tags,
            cadenceDays: record.cadenceDays,
            snoozedUntil: record.snoozedUntil,
            archived: record.archived,
            createdAt: record.createdAt,
            updatedAt: now,
            ...relationOf(record.relation ?? {}),
          };
          await db.notes
            .where('id')
            .anyOf(record.noteIds)
            .and((n) => n.personId === person.id)
            .modify({ personId: split.id });
          await db.interactions
            .where('id')
            .anyOf(record.interactionIds)
            .and((i) => i.personId === person.id)
            .modify({ personId: split.id });
        } else {
          moveKeys = [key];
          const identities = person.identities.filter((i) => i.key === key);
          split = {
            id: newId(),
            name: person.name,
            identities,
            identityKeys: [key],
            why: '',
            tags: [],
            cadenceDays: null,
            snoozedUntil: null,
            archived: false,
            createdAt: now,
            updatedAt: now,
            ...relationOf({}),
          };
        }
        const remaining = person.identities.filter((i) => !moveKeys.includes(i.key));
        const kept: Person = {
          ...person,
          identities: remaining,
          identityKeys: remaining.map((i) => i.key),
          updatedAt: now,
          merged: records.filter((r) => r !== record),
        };
        if (kept.merged?.length === 0) delete kept.merged;
        const storedKept = await withFollowUp(db, kept);
        const storedSplit = await withFollowUp(db, split);
        await db.people.put(storedKept);
        await db.people.put(storedSplit);
        return { kept: storedKept, split: storedSplit };
      });
    },

    /**
     * Whom the page's other keys for `ref` (an X account's number, read from the page's follow
     * button) would join `ref` to, asked of the user before anything is written: the one stored
     * person who holds those keys but not `ref`'s own key, and is known by no other key of its
     * scheme (an X archive import, known only by number). Null when there is nobody to ask about:
     * the number is unknown, `ref`'s key is already theirs (linked before), someone else holds
     * `ref`'s key (two people are joined only with "Same person as…"), or they have another
     * handle (the page's word never moves a person to a new handle). Reads only.
     */
    aliasOffer(ref: PersonRef, aliases: readonly string[]): Promise<AliasCandidate | null> {
      return db.transaction('r', db.people, () => aliasCandidate(db, ref, aliases));
    },

    /**
     * The user said yes to `aliasOffer`: `personId`, the person it offered, gains `ref`'s key
     * (and any of the aliases they lack) and, having no name, `ref`'s. Checked again in the same
     * transaction, so nothing is written unless the offer still holds for that very person.
     * Never joins two stored people and never creates anyone. Returns the person changed, if any.
     */
    linkAliases(
      ref: PersonRef,
      aliases: readonly string[],
      personId: string,
    ): Promise<Person | null> {
      return db.transaction('rw', tables, async () => {
        const candidate = await aliasCandidate(db, ref, aliases);
        if (!candidate || candidate.person.id !== personId) return null;
        const { person, missing } = candidate;
        const added: Identity[] = missing.map((key) =>
          key === ref.key && ref.url ? { key, url: ref.url } : { key },
        );
        const identities = [...person.identities, ...added];
        const updated: Person = {
          ...person,
          // Known only by number until now: the page has the name, and the user said it is them.
          name:
            person.name === '' || person.name === fallbackName(person.identityKeys[0] ?? '')
              ? ref.name || person.name
              : person.name,
          identities,
          identityKeys: identities.map((identity) => identity.key),
          updatedAt: clock().toISOString(),
        };
        await db.people.put(updated);
        return updated;
      });
    },
  };
}

async function aliasCandidate(
  db: AcquaintDatabase,
  ref: PersonRef,
  aliases: readonly string[],
): Promise<AliasCandidate | null> {
  const keys = aliases.filter((alias) => alias !== ref.key);
  if (keys.length === 0) return null;
  const owners = await db.people
    .where('identityKeys')
    .anyOf([ref.key, ...keys])
    .toArray();
  const distinct = new Map(owners.map((person) => [person.id, person]));
  if (distinct.size !== 1) return null;
  const [person] = [...distinct.values()] as [Person];
  // The page's handle is theirs already (linked before), or the number is the page's only.
  if (person.identityKeys.includes(ref.key)) return null;
  // The number is only the page's word (a forged follow button can show anyone's): someone with
  // a handle of their own keeps it; a renamed handle is linked with "Same person as…".
  const scheme = ref.key.slice(0, ref.key.indexOf(':') + 1);
  if (person.identityKeys.some((key) => key.startsWith(scheme))) return null;
  return {
    person,
    missing: [ref.key, ...keys.filter((key) => !person.identityKeys.includes(key))],
  };
}

function nameHasWordStarting(name: string, text: string): boolean {
  return name
    .toLowerCase()
    .split(/[\s\-'’.,]+/)
    .some((word) => word.startsWith(text));
}

/** Both people's reasons, once each. */
function joinWhy(first: string, second: string): string {
  if (second === '' || second === first) return first;
  if (first === '') return second;
  return `${first} · ${second}`;
}
