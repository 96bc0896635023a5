import type { RequestOf } from '@/lib/messaging/protocol';
import type { Interaction } from '@/lib/model/types';
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

export const STORED_INTERACTION = {
  id: 'touch-1',
  personId: 'person-1',
  at: '2024-05-09T12:00:00.000Z',
  kind: 'message',
  direction: 'in',
  summary: 'Asked about the owl talk',
  url: 'https://x.com/pipwellings/status/1',
} satisfies Interaction;

/** A touch to log about `person`, as the sidebar sends it. */
export function touchRequest(
  overrides: Partial<RequestOf<'interactions.add'>['interaction']> = {},
  person: PersonRef = ADA,
): RequestOf<'interactions.add'> {
  return {
    type: 'interactions.add',
    person,
    interaction: {
      id: 'touch-1',
      at: '2024-05-09T12:00:00.000Z',
      kind: 'message',
      direction: 'out',
      summary: 'Sent the slides',
      ...overrides,
    },
  };
}
