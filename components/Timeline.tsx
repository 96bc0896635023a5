import type { Interaction, Note } from '@/lib/model/types';
import type { EditingNote } from '@/lib/sidebar/store';

import { NoteItem } from './NoteItem';
import { InteractionItem } from './sidebar/InteractionItem';

interface Props {
  notes: Note[];
  interactions: Interaction[];
  now: Date;
  editingNote: EditingNote | null;
  editingInteraction: { id: string; summary: string; when: string } | null;
  note: {
    onEdit(note: Note): void;
    onEditInput(body: string): void;
    onEditDone(): void;
    onEditCancel(): void;
    onDelete(note: Note): void;
  };
  interaction: {
    onEdit(interaction: Interaction): void;
    onEditChange(patch: Partial<{ summary: string; when: string }>): void;
    onEditSave(): void;
    onEditCancel(): void;
    onDelete(interaction: Interaction): void;
  };
}

type Entry = { at: string; note: Note } | { at: string; interaction: Interaction };

/** Notes and touches together, newest first: the history of the relationship in one place. */
export function Timeline(props: Props) {
  const { notes, interactions, now } = props;
  if (notes.length === 0 && interactions.length === 0) {
    return (
      <p class="empty" data-testid="notes-empty">
        Nothing yet. Write down what you talked about and what matters to them, and log each touch,
        so you can pick up where you left off.
      </p>
    );
  }
  const entries: Entry[] = [
    ...notes.map((note) => ({ at: note.createdAt, note })),
    ...interactions.map((interaction) => ({ at: interaction.at, interaction })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <section class="notes" aria-label="Notes and touches, newest first">
      {entries.map((entry) =>
        'note' in entry ? (
          <NoteItem
            key={`n-${entry.note.id}`}
            note={entry.note}
            now={now}
            editingBody={props.editingNote?.id === entry.note.id ? props.editingNote.body : null}
            onEdit={() => props.note.onEdit(entry.note)}
            onEditInput={props.note.onEditInput}
            onEditDone={props.note.onEditDone}
            onEditCancel={props.note.onEditCancel}
            onDelete={() => props.note.onDelete(entry.note)}
          />
        ) : (
          <InteractionItem
            key={`i-${entry.interaction.id}`}
            interaction={entry.interaction}
            now={now}
            editing={
              props.editingInteraction?.id === entry.interaction.id
                ? props.editingInteraction
                : null
            }
            onEdit={() => props.interaction.onEdit(entry.interaction)}
            onEditChange={props.interaction.onEditChange}
            onEditSave={props.interaction.onEditSave}
            onEditCancel={props.interaction.onEditCancel}
            onDelete={() => props.interaction.onDelete(entry.interaction)}
          />
        ),
      )}
    </section>
  );
}
