import type { Interaction } from './types';

/**
 * Whose turn it is, said as it is: from the latest touch between you (newest first in a person's
 * timeline). Nothing is said before any touch: a connection or an import is not a conversation.
 */
export function whoseTurn(latest: Pick<Interaction, 'direction'> | undefined): string | null {
  if (!latest) return null;
  return latest.direction === 'in'
    ? 'They reached out last: your turn'
    : 'You reached out last: their turn';
}
