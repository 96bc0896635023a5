import { useEffect, useRef } from 'preact/hooks';

import { Notice } from '@/components/Notice';
import { NoteComposer } from '@/components/NoteComposer';
import { NoteList } from '@/components/NoteList';
import { PersonHeader } from '@/components/PersonHeader';
import { SaveStatus } from '@/components/SaveStatus';
import { UndoBar } from '@/components/UndoBar';
import { WhyField } from '@/components/WhyField';
import type { SidebarStore } from '@/lib/sidebar/store';

export function App({ store }: { store: SidebarStore }) {
  const composerRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) void store.close();
    };
    // Opening the sidebar focuses this frame; start where a note is written.
    const onFocus = () => {
      if (document.activeElement === document.body) composerRef.current?.focus();
    };
    addEventListener('keydown', onKey);
    addEventListener('focus', onFocus);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('focus', onFocus);
    };
  }, [store]);

  const context = store.context.value;
  const subject = store.subject.value;
  const person = store.person.value;

  // The frame may have been focused before the person loaded and the composer existed.
  useEffect(() => {
    if (document.hasFocus() && document.activeElement === document.body) {
      composerRef.current?.focus();
    }
  }, [subject?.key]);

  if (!context) {
    return store.loadError.value ? (
      <main class="sidebar">
        <Notice tone="error" text={`Acquaint could not load: ${store.loadError.value}`} />
        <button type="button" onClick={() => void store.load()}>
          Try again
        </button>
      </main>
    ) : (
      <main class="sidebar" aria-busy="true" />
    );
  }

  if (!subject) {
    return (
      <main class="sidebar">
        <p class="empty" data-testid="no-subject">
          Open someone’s LinkedIn or X profile to keep notes about them here.
        </p>
      </main>
    );
  }

  const identities = person?.identities ?? [
    subject.url ? { key: subject.key, url: subject.url } : { key: subject.key },
  ];
  const notice = store.notice.value;

  return (
    <main class="sidebar">
      <PersonHeader
        name={store.displayName.value}
        identities={identities}
        onClose={() => void store.close()}
      />
      <WhyField value={store.why.value} onInput={(text) => store.typeWhy(text)} />
      <NoteComposer
        inputRef={composerRef}
        value={store.composer.value.body}
        onInput={(body) => store.typeComposer(body)}
        onSave={() => void store.saveComposer()}
      />
      <SaveStatus state={store.saveState.value} />
      {notice && (
        <Notice tone={notice.tone} text={notice.text} onDismiss={() => store.dismissNotice()} />
      )}
      {store.deleted.value && (
        <UndoBar onUndo={() => void store.undoDelete()} onDismiss={() => store.dismissUndo()} />
      )}
      <NoteList
        notes={store.notes.value}
        editing={store.editing.value}
        now={new Date()}
        onEdit={(note) => store.startEdit(note)}
        onEditInput={(body) => store.typeEdit(body)}
        onEditDone={() => void store.finishEdit()}
        onDelete={(note) => void store.deleteNote(note)}
      />
    </main>
  );
}
