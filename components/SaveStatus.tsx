import type { WriteQueueState } from '@/lib/sidebar/write-queue';

const WORDS: Record<Exclude<WriteQueueState['status'], 'failed' | 'refused'>, string> = {
  idle: 'All changes saved',
  pending: 'Saving…',
  saving: 'Saving…',
};

export function SaveStatus({ state }: { state: WriteQueueState }) {
  return (
    <p
      class={`save-status save-status--${state.status}`}
      data-testid="save-status"
      role="status"
      aria-live="polite"
    >
      {describe(state)}
    </p>
  );
}

function describe(state: WriteQueueState): string {
  const reason = 'error' in state ? state.error.replace(/\.$/, '') : '';
  switch (state.status) {
    case 'failed':
      return `Not saved yet (${reason}). Your text is kept and will be saved on the next try.`;
    // A refusal is for good: saying "next try" would promise what will not happen.
    case 'refused':
      return `Not saved, and trying again would not help: ${reason}. Your text is still here; other changes are saved.`;
    default:
      return WORDS[state.status];
  }
}
