import type { ColdPerson } from '@/lib/messaging/protocol';
import type { Identity, Interaction, Person } from '@/lib/model/types';

/** A stored person as the cold list carries them. */
export function coldPerson(
  id: string,
  name: string,
  identities: Identity[] = [{ key: `x:${id}`, url: `https://x.com/${id}` }],
  overrides: Partial<Person> = {},
): Person {
  return {
    id,
    name,
    identities,
    identityKeys: identities.map((identity) => identity.key),
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: '2024-01-01T12:00:00.000Z',
    updatedAt: '2024-01-01T12:00:00.000Z',
    ...overrides,
  };
}

/** A message from them, 40 days before 2024-05-10, with whatever else is given. */
export function lastTouch(person: Person, overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: `touch-${person.id}`,
    personId: person.id,
    at: '2024-03-31T12:00:00.000Z',
    kind: 'message',
    direction: 'in',
    summary: '',
    ...overrides,
  };
}

/** One row of the popup's cold list; their turn, 40 days after a message from them, by default. */
export function coldRow(
  person: Person,
  overrides: Partial<Omit<ColdPerson, 'person'>> = {},
): ColdPerson {
  return {
    person,
    lastInteraction: lastTouch(person),
    daysSince: 40,
    ratio: 40 / 30,
    myTurn: true,
    ...overrides,
  };
}
