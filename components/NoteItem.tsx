import { absoluteTime, relativeTime } from '@/lib/format/time';
import type { Note } from '@/lib/model/types';

interface Props {
  note: Note;
  now: Date;
  /** The text being edited, when this note is open for editing. */
  editingBody: string | null;
  onEdit(): void;
  onEditInput(body: string): void;
  onEditDone(): void;
  /** Escape: the edit is undone and the editor closes (the sidebar stays open). */
  onEditCancel(): void;
  onDelete(): void;
}

export function NoteItem({
  note,
  now,
  editingBody,
  onEdit,
  onEditInput,
  onEditDone,
  onEditCancel,
  onDelete,
}: Props) {
  const edited = note.updatedAt !== note.createdAt;
  return (
    <article class="note" data-testid="note" data-note-id={note.id}>
      <header class="note__meta">
        <time dateTime={note.createdAt} title={absoluteTime(note.createdAt)}>
          {relativeTime(note.createdAt, now)}
        </time>
        {edited && <span title={`Edited ${absoluteTime(note.updatedAt)}`}> · edited</span>}
      </header>
      {editingBody === null ? (
        <p class="note__body" data-testid="note-body" dir="auto">
          {note.body}
        </p>
      ) : (
        <textarea
          class="note__editor"
          data-testid="note-edit"
          aria-label="Edit note"
          dir="auto"
          rows={Math.min(12, Math.max(3, editingBody.split('\n').length + 1))}
          value={editingBody}
          // Focus follows the user's own click on Edit.
          autoFocus
          onInput={(event) => onEditInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            const done = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
            if (event.key !== 'Escape' && !done) return;
            event.preventDefault();
            event.stopPropagation();
            if (done) onEditDone();
            else onEditCancel();
          }}
        />
      )}
      <div class="note__actions">
        {editingBody === null ? (
          <button type="button" data-testid="note-edit-start" onClick={onEdit}>
            Edit
          </button>
        ) : (
          <button type="button" data-testid="note-edit-done" onClick={onEditDone}>
            Done
          </button>
        )}
        <button type="button" class="danger" data-testid="note-delete" onClick={onDelete}>
          Delete
        </button>
      </div>
    </article>
  );
}
