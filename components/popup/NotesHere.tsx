import type { NotesTarget } from '@/lib/messaging/protocol';

interface Props {
  target: NotesTarget;
  onOpen(): void;
}

/** "Notes on <the person on this tab>": the way to the notes when the page shows no toggle. */
export function NotesHere({ target, onOpen }: Props) {
  if (!target.person) return null;
  const name = target.person.name || 'this person';
  return (
    <section class="card notes-here" aria-label="This page">
      <button type="button" class="primary" data-testid="notes-here" onClick={onOpen}>
        Notes on <span dir="auto">{name}</span>
      </button>
      <p class="hint">
        {target.inPage
          ? 'Opens in Acquaint’s sidebar on the page.'
          : 'Opens in the browser’s side panel.'}
      </p>
    </section>
  );
}
