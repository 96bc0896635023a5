interface Props {
  text: string;
  tone?: 'info' | 'error';
  onDismiss?(): void;
}

export function Notice({ text, tone = 'info', onDismiss }: Props) {
  return (
    <div
      class={`notice notice--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{text}</span>
      {onDismiss && (
        <button type="button" class="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
