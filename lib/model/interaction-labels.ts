import type { InteractionKind } from './types';

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
