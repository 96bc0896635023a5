import type { PersonRef } from '../sites/types';
import type { Person } from './types';

/** A stored person as the reference requests carry: their first identity and their name. */
export function refOfPerson(person: Person): PersonRef | null {
  const identity = person.identities[0];
  if (!identity) return null;
  return identity.url
    ? { key: identity.key, name: person.name, url: identity.url }
    : { key: identity.key, name: person.name };
}

/** Where to find them: the first identity with a web address. */
export function profileUrlOf(person: Person): string | null {
  return (
    person.identities.find((identity) => identity.url && /^https?:\/\//i.test(identity.url))?.url ??
    null
  );
}
