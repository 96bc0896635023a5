import type { WriteQueueState } from '@/lib/sidebar/write-queue';

const WORDS: Record<Exclude<WriteQueueState['status'], 'failed'>, string> = {
  idle: 'All changes saved',
  pending: 'Saving…',
  saving: 'Saving…',
};

export function SaveStatus({ state }: { state: WriteQueueState }) {
  const text =
    state.status === 'failed'
      ? `Not saved yet (${state.error}). Your text is kept and will be saved on the next try.`
      : WORDS[state.status];
  return (
    <p
      class={`save-status save-status--${state.status}`}
      data-testid="save-status"
      role="status"
      aria-live="polite"
    >
      {text}
    </p>
  );
}
