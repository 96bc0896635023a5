interface Props {
  /** What was deleted, e.g. "Note"; it also names the Undo button's test id ("note-undo"). */
  what?: string;
  /** What happened, when it was not a deletion. */
  message?: string;
  onUndo(): void;
  onDismiss(): void;
}

export function UndoBar({ what = 'Note', message, onUndo, onDismiss }: Props) {
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      <span dir="auto">{message ?? `${what} deleted.`}</span>
      <button type="button" data-testid={`${what.toLowerCase()}-undo`} onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
