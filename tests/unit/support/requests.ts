import type { RequestOf } from '@/lib/messaging/protocol';
import type { PersonRef } from '@/lib/sites/types';

import { ADA } from './db';

/** Well-formed requests, one per type, for tests to start from and break. */
export function saveRequest(
  overrides: Partial<RequestOf<'notes.save'>> = {},
  person: PersonRef = ADA,
): RequestOf<'notes.save'> {
  return {
    type: 'notes.save',
    person,
    note: { id: 'note-1', body: 'Met at the owl talk', url: 'https://www.linkedin.com/in/ada/' },
    baseRev: null,
    ...overrides,
  };
}

export function whyRequest(why = 'Runs the owl meetup', person: PersonRef = ADA) {
  return { type: 'people.setWhy', person, why } satisfies RequestOf<'people.setWhy'>;
}

export const STORED_NOTE = {
  id: 'note-1',
  personId: 'person-1',
  body: 'Restored text',
  createdAt: '2024-05-10T12:00:00.000Z',
  updatedAt: '2024-05-10T12:00:00.000Z',
  rev: 2,
};
