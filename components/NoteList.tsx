import type { Note } from '@/lib/model/types';

import type { EditingNote } from '@/lib/sidebar/store';
import { NoteItem } from './NoteItem';

interface Props {
  notes: Note[];
  editing: EditingNote | null;
  now: Date;
  onEdit(note: Note): void;
  onEditInput(body: string): void;
  onEditDone(): void;
  onDelete(note: Note): void;
}

export function NoteList({
  notes,
  editing,
  now,
  onEdit,
  onEditInput,
  onEditDone,
  onDelete,
}: Props) {
  if (notes.length === 0) {
    return (
      <p class="empty" data-testid="notes-empty">
        No notes yet. Write down what you talked about and what matters to them, so you can pick up
        where you left off.
      </p>
    );
  }
  return (
    <section class="notes" aria-label="Notes, newest first">
      {notes.map((note) => (
        <NoteItem
          key={note.id}
          note={note}
          now={now}
          editingBody={editing?.id === note.id ? editing.body : null}
          onEdit={() => onEdit(note)}
          onEditInput={onEditInput}
          onEditDone={onEditDone}
          onDelete={() => onDelete(note)}
        />
      ))}
    </section>
  );
}
