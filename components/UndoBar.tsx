interface Props {
  onUndo(): void;
  onDismiss(): void;
}

export function UndoBar({ onUndo, onDismiss }: Props) {
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      <span>Note deleted.</span>
      <button type="button" data-testid="note-undo" onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
