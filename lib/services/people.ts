import type { AcquaintDatabase } from '../db/database';
import { existingIndexKeys } from '../db/index-keys';
import { type Clock, systemClock } from '../model/clock';
import { followUpFields } from '../model/cold';
import { newId } from '../model/ids';
import { NO_RELATION, type Person } from '../model/types';
import type { PersonAdded } from '../messaging/protocol';
import { keyOfAddress } from '../sites/address-key';
import type { PersonRef } from '../sites/types';
import { readDefaultCadence } from './follow-up';

export type PeopleService = ReturnType<typeof createPeopleService>;

export function createPeopleService(db: AcquaintDatabase, clock: Clock = systemClock) {
  return {
    get(id: string): Promise<Person | undefined> {
      return db.people.get(id);
    },

    findByKey(key: string): Promise<Person | undefined> {
      return findPersonByKey(db, key);
    },

    /** Which of these identity keys belong to someone already in Acquaint. */
    knownKeys(keys: readonly string[]): Promise<string[]> {
      return existingIndexKeys(db, 'people', 'identityKeys', [...new Set(keys)]);
    },

    /** The person with this identity, created from the page's reading the first time. */
    ensure(ref: PersonRef): Promise<Person> {
      return db.transaction('rw', db.people, db.settings, () => ensurePerson(db, ref, clock()));
    },

    /** The user's own name for someone: what any page shows is not asked again. */
    rename(ref: PersonRef, name: string): Promise<Person> {
      const wanted = name.trim();
      if (wanted === '') return Promise.reject(new Error('A name cannot be empty.'));
      return db.transaction('rw', db.people, db.settings, async () => {
        const person = await ensurePerson(db, ref, clock());
        const updated: Person = { ...person, name: wanted, updatedAt: clock().toISOString() };
        await db.people.put(updated);
        return updated;
      });
    },

    /**
     * Someone the user adds by hand (met at a café: no profile page open): by the address given,
     * or, with none, under a key of their own (`named:by-hand:<id>`, never shared by two people of
     * the same name). Someone already stored under that address is returned as they are.
     */
    addByHand(entry: { name: string; address?: string; why?: string }): Promise<PersonAdded> {
      const name = entry.name.trim();
      if (name === '') return Promise.reject(new Error('Give them a name.'));
      const address = entry.address?.trim() ? keyOfAddress(entry.address) : null;
      if (address && 'error' in address) return Promise.reject(new Error(address.error));
      const ref: PersonRef = address
        ? { key: address.key, name, ...(address.url ? { url: address.url } : {}) }
        : { key: `named:by-hand:${newId()}`, name };
      return db.transaction('rw', db.people, db.settings, async () => {
        const existing = await findPersonByKey(db, ref.key);
        if (existing) return { person: existing, existed: true };
        const person = await ensurePerson(db, ref, clock());
        const why = entry.why?.trim() ?? '';
        if (why === '') return { person, existed: false };
        const withWhy: Person = { ...person, why };
        await db.people.put(withWhy);
        return { person: withWhy, existed: false };
      });
    },

    setWhy(ref: PersonRef, why: string): Promise<Person> {
      return db.transaction('rw', db.people, db.settings, async () => {
        const person = await ensurePerson(db, ref, clock());
        const updated: Person = { ...person, why: why.trim(), updatedAt: clock().toISOString() };
        await db.people.put(updated);
        return updated;
      });
    },
  };
}

export function findPersonByKey(db: AcquaintDatabase, key: string): Promise<Person | undefined> {
  return db.people.where('identityKeys').equals(key).first();
}

/**
 * Call inside a read-write transaction on `people` and `settings`, so two tabs can't both create
 * the same person, and a new one starts with follow-up fields from the default cadence in force.
 */
export async function ensurePerson(
  db: AcquaintDatabase,
  ref: PersonRef,
  now: Date,
): Promise<Person> {
  const existing = await findPersonByKey(db, ref.key);
  // Created before the page had rendered the name: take the real one now that it is known.
  if (
    existing &&
    ref.name &&
    existing.name === fallbackName(ref.key) &&
    ref.name !== existing.name
  ) {
    const named: Person = { ...existing, name: ref.name, updatedAt: now.toISOString() };
    await db.people.put(named);
    return named;
  }
  if (existing) return existing;
  const stamp = now.toISOString();
  const fresh: Person = {
    id: newId(),
    name: ref.name || fallbackName(ref.key),
    identities: [ref.url ? { key: ref.key, url: ref.url } : { key: ref.key }],
    identityKeys: [ref.key],
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
    ...NO_RELATION,
    interests: [],
    // Role and company as the page shows them.
    ...(ref.headline ? { headline: ref.headline } : {}),
  };
  // Nobody has interactions yet: the clock starts now.
  const person: Person = { ...fresh, ...followUpFields(fresh, null, await readDefaultCadence(db)) };
  await db.people.add(person);
  return person;
}

/** What to call someone whose name the page had not rendered yet: the handle or slug. */
export function fallbackName(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}
