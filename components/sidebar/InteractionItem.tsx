import { absoluteTime, relativeTime } from '@/lib/format/time';
import { DIRECTION_LABELS, INTERACTION_LABELS } from '@/lib/model/interaction-labels';
import type { Interaction } from '@/lib/model/types';

interface Props {
  interaction: Interaction;
  now: Date;
  editing: { summary: string; when: string } | null;
  onEdit(): void;
  onEditChange(patch: Partial<{ summary: string; when: string }>): void;
  onEditSave(): void;
  onEditCancel(): void;
  onDelete(): void;
}

export function InteractionItem({ interaction, now, editing, ...actions }: Props) {
  return (
    <article class="interaction" data-testid="interaction" data-interaction-id={interaction.id}>
      <header class="note__meta">
        <strong data-testid="interaction-kind">{INTERACTION_LABELS[interaction.kind]}</strong>
        {' · '}
        <span data-testid="interaction-direction">{DIRECTION_LABELS[interaction.direction]}</span>
        {' · '}
        <time dateTime={interaction.at} title={absoluteTime(interaction.at)}>
          {relativeTime(interaction.at, now)}
        </time>
      </header>
      {editing ? (
        <form
          class="interaction__edit"
          onSubmit={(event) => {
            event.preventDefault();
            actions.onEditSave();
          }}
        >
          <input
            type="text"
            dir="auto"
            aria-label="What happened"
            data-testid="interaction-edit-summary"
            value={editing.summary}
            onInput={(event) => actions.onEditChange({ summary: event.currentTarget.value })}
          />
          <input
            type="datetime-local"
            aria-label="When"
            data-testid="interaction-edit-date"
            value={editing.when}
            onInput={(event) => actions.onEditChange({ when: event.currentTarget.value })}
          />
          <div class="note__actions">
            <button type="submit" data-testid="interaction-edit-save">
              Save
            </button>
            <button type="button" onClick={actions.onEditCancel}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {interaction.summary && (
            <p class="note__body" dir="auto" data-testid="interaction-summary">
              {interaction.summary}
            </p>
          )}
          <div class="note__actions">
            <button type="button" data-testid="interaction-edit" onClick={actions.onEdit}>
              Edit
            </button>
            <button
              type="button"
              class="danger"
              data-testid="interaction-delete"
              onClick={actions.onDelete}
            >
              Delete
            </button>
          </div>
        </>
      )}
    </article>
  );
}
