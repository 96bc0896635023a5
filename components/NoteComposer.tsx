import type { Ref } from 'preact';

import { MAX_NOTE_LENGTH } from '@/lib/model/limits';

/** From here on the box counts down, so the limit never comes as a surprise. */
const COUNT_FROM = MAX_NOTE_LENGTH - 20_000;

interface Props {
  value: string;
  onInput(value: string): void;
  onSave(): void;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function NoteComposer({ value, onInput, onSave, inputRef }: Props) {
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label for="note-input">New note</label>
      <textarea
        id="note-input"
        ref={inputRef}
        data-testid="note-input"
        dir="auto"
        rows={4}
        placeholder="What did you talk about? What matters to them? What could you offer?"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSave();
          }
        }}
      />
      <div class="composer__actions">
        <span class="hint" data-testid="note-hint">
          {value.length < COUNT_FROM
            ? 'Saved as you type · Ctrl+Enter to file it'
            : `${Math.max(0, MAX_NOTE_LENGTH - value.length).toLocaleString('en')} characters left in this note`}
        </span>
        <button
          type="submit"
          class="primary"
          data-testid="note-save"
          disabled={value.trim() === ''}
        >
          Save note
        </button>
      </div>
    </form>
  );
}
