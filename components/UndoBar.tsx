interface Props {
  /** What was deleted, e.g. "Note". */
  what?: string;
  onUndo(): void;
  onDismiss(): void;
}

export function UndoBar({ what = 'Note', onUndo, onDismiss }: Props) {
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      <span>{what} deleted.</span>
      <button type="button" data-testid={`${what.toLowerCase()}-undo`} onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
