import type { Interaction, InteractionKind } from './types';

export const INTERACTION_LABELS: Record<InteractionKind, string> = {
  message: 'Message',
  comment: 'Comment',
  reply: 'Reply',
  met: 'Met in person',
  call: 'Call',
  email: 'Email',
  intro: 'Introduction',
  other: 'Other',
};

export const DIRECTION_LABELS = { out: 'I reached out', in: 'They reached out' } as const;

/** What they (or you) did, said as a verb: "wrote", "called", "replied". */
const DID: Record<InteractionKind, string> = {
  message: 'wrote',
  email: 'emailed',
  comment: 'commented',
  reply: 'replied',
  call: 'called',
  met: 'reached out',
  intro: 'made an introduction',
  other: 'reached out',
};

/**
 * Whose turn it is, in words that are true of the last touch, whatever its source: "They wrote
 * last: your turn" only when their latest interaction really is a message from them, "They called
 * last: your turn" for a call, "You replied last" for the user's reply, and "Your move" when there
 * has been no touch at all (a connection or an import is not one).
 */
export function turnWords(last: Pick<Interaction, 'kind' | 'direction'> | null): string {
  if (!last) return 'Your move';
  const did = DID[last.kind] ?? 'reached out';
  return last.direction === 'in' ? `They ${did} last: your turn` : `You ${did} last`;
}
