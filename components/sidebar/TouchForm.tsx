import { DIRECTION_LABELS, INTERACTION_LABELS } from '@/lib/model/interaction-labels';
import { INTERACTION_KINDS } from '@/lib/model/types';
import type { TouchDraft } from '@/lib/sidebar/follow-up-store';

interface Props {
  draft: TouchDraft;
  /** The latest moment a touch may be dated, as a `datetime-local` value. */
  latest: string;
  onChange(patch: Partial<TouchDraft>): void;
  onLog(): void;
}

/** Logging a touch takes two clicks: what happened, then Log (it is dated now unless changed). */
export function TouchForm({ draft, latest, onChange, onLog }: Props) {
  return (
    <form
      class="touch"
      aria-label="Log a touch"
      onSubmit={(event) => {
        event.preventDefault();
        onLog();
      }}
    >
      <fieldset class="chips">
        <legend>Log a touch</legend>
        {INTERACTION_KINDS.map((kind) => (
          <label key={kind} class={draft.kind === kind ? 'chip is-on' : 'chip'}>
            <input
              type="radio"
              name="touch-kind"
              value={kind}
              data-testid={`touch-kind-${kind}`}
              checked={draft.kind === kind}
              onChange={() => onChange({ kind })}
            />
            {INTERACTION_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset class="segmented">
        <legend class="visually-hidden">Who reached out</legend>
        {(['out', 'in'] as const).map((direction) => (
          <label key={direction} class={draft.direction === direction ? 'is-on' : ''}>
            <input
              type="radio"
              name="touch-direction"
              value={direction}
              data-testid={`touch-direction-${direction}`}
              checked={draft.direction === direction}
              onChange={() => onChange({ direction })}
            />
            {DIRECTION_LABELS[direction]}
          </label>
        ))}
      </fieldset>
      <div class="touch__row">
        <input
          type="text"
          dir="auto"
          aria-label="What happened, in one line"
          placeholder="What happened, in one line (optional)"
          data-testid="touch-summary"
          value={draft.summary}
          onInput={(event) => onChange({ summary: event.currentTarget.value })}
        />
      </div>
      <div class="touch__row">
        {draft.when === '' ? (
          // Dated now until the user says otherwise: a blank date box would say nothing.
          <span class="inline">
            When: <span data-testid="touch-when-now">now</span>
            <button
              type="button"
              class="link-button"
              data-testid="touch-date-change"
              onClick={() => onChange({ when: latest })}
            >
              Change
            </button>
          </span>
        ) : (
          <label class="inline">
            When
            <input
              type="datetime-local"
              data-testid="touch-date"
              max={latest}
              value={draft.when}
              onInput={(event) => onChange({ when: event.currentTarget.value })}
            />
          </label>
        )}
        <button type="submit" class="primary" data-testid="touch-log">
          Log
        </button>
      </div>
    </form>
  );
}
