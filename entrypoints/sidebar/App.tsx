import { useEffect, useRef } from 'preact/hooks';

import { Notice } from '@/components/Notice';
import { NoteComposer } from '@/components/NoteComposer';
import { AliasOfferPanel } from '@/components/sidebar/AliasOfferPanel';
import { FollowUpControls } from '@/components/sidebar/FollowUpControls';
import { PagePeople } from '@/components/sidebar/PagePeople';
import { SamePersonPanel } from '@/components/sidebar/SamePersonPanel';
import { TouchForm } from '@/components/sidebar/TouchForm';
import { Timeline } from '@/components/Timeline';
import { PersonHeader } from '@/components/PersonHeader';
import { SaveStatus } from '@/components/SaveStatus';
import { UndoBar } from '@/components/UndoBar';
import { WhyField } from '@/components/WhyField';
import { toLocalInput, type FollowUpStore } from '@/lib/sidebar/follow-up-store';
import type { IdentityStore } from '@/lib/sidebar/identity-store';
import type { SidebarStore } from '@/lib/sidebar/store';
import { whoseTurn } from '@/lib/model/turn';

interface Props {
  store: SidebarStore;
  followUp: FollowUpStore;
  identity: IdentityStore;
}

export function App({ store, followUp, identity }: Props) {
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
  // Opened from "Remember this person" (?focus=why), it starts at the why line instead.
  useEffect(() => {
    if (!subject) return;
    if (new URLSearchParams(location.search).get('focus') === 'why') {
      document.getElementById('why-input')?.focus();
    } else if (document.hasFocus() && document.activeElement === document.body) {
      composerRef.current?.focus();
    }
  }, [subject?.key]);

  // "Remember this person": once they are shown, the cursor goes to why they matter.
  const whyWanted = store.whyWanted.value;
  useEffect(() => {
    if (!whyWanted || !subject) return;
    document.getElementById('why-input')?.focus();
    store.whyWanted.value = false;
  }, [whyWanted, subject?.key]);

  // Another person on the page: a half-made merge was about someone else.
  useEffect(() => identity.close(), [subject?.key]);

  if (!context) {
    return store.loadError.value ? (
      <main class="sidebar">
        <h1 class="visually-hidden">Acquaint notes</h1>
        <Notice tone="error" text={`Acquaint could not load: ${store.loadError.value}`} />
        <button type="button" onClick={() => void store.load()}>
          Try again
        </button>
      </main>
    ) : (
      <main class="sidebar" aria-busy="true" />
    );
  }

  // The side panel's list of the page's authors (the in-page badges' job, done beside the page).
  const pagePeople = context.page && (
    <PagePeople
      people={context.page.people}
      shownKey={subject?.key}
      picked={context.page.picked}
      onPick={(person) => void store.pick(person)}
    />
  );

  if (!subject) {
    return (
      <main class="sidebar">
        <h1 class="visually-hidden">Acquaint notes</h1>
        <p class="empty" data-testid="no-subject">
          {context.page
            ? 'Open someone’s LinkedIn or X profile, or pick someone on this page, to keep notes about them here.'
            : 'Open someone’s LinkedIn or X profile to keep notes about them here.'}
        </p>
        {pagePeople}
        {store.notice.value && (
          <Notice
            tone={store.notice.value.tone}
            text={store.notice.value.text}
            onDismiss={() => store.dismissNotice()}
          />
        )}
      </main>
    );
  }

  const identities = person?.identities ?? [
    subject.url ? { key: subject.key, url: subject.url } : { key: subject.key },
  ];
  const notice = store.notice.value;
  const now = new Date();

  return (
    <main class="sidebar">
      <PersonHeader
        name={store.displayName.value}
        identities={identities}
        onClose={() => void store.close()}
        onSamePerson={() => identity.toggle()}
        onRename={(name) => void store.rename(name)}
        headline={subject.headline ?? ''}
        turn={whoseTurn(followUp.interactions.value[0])}
        samePersonOpen={identity.open.value}
        busy={identity.busy.value}
        {...(person ? { onSplit: (key: string) => void identity.split(key) } : {})}
      />
      {identity.open.value && (
        <SamePersonPanel
          name={store.displayName.value}
          query={identity.query.value}
          matches={identity.matches.value}
          picked={identity.picked.value}
          busy={identity.busy.value}
          onQuery={(text) => void identity.search(text)}
          onPick={(match) => identity.pick(match)}
          onConfirm={() => void identity.confirmMerge()}
          onClose={() => identity.close()}
        />
      )}
      {context.aliasOffer && (
        <AliasOfferPanel
          offer={context.aliasOffer}
          busy={identity.busy.value}
          onAccept={() => void identity.acceptOffer()}
          onDismiss={() => void identity.dismissOffer()}
        />
      )}
      <WhyField value={store.why.value} onInput={(text) => store.typeWhy(text)} />
      <FollowUpControls
        person={person}
        defaultCadenceDays={context.defaultCadenceDays}
        now={now}
        onCadence={(days) => void followUp.setCadence(days)}
        onSnoozeFor={(days) => void followUp.snoozeFor(days)}
        onSnoozeUntil={(date) => void followUp.snoozeUntil(date)}
        onClearSnooze={() => void followUp.clearSnooze()}
        onArchived={(archived) => void followUp.setArchived(archived)}
      />
      <NoteComposer
        inputRef={composerRef}
        value={store.composer.value.body}
        onInput={(body) => store.typeComposer(body)}
        onSave={() => void store.saveComposer()}
      />
      <SaveStatus state={store.saveState.value} />
      <TouchForm
        draft={followUp.draft.value}
        latest={toLocalInput(now.toISOString())}
        onChange={(patch) => followUp.setDraft(patch)}
        onLog={() => void followUp.logTouch()}
      />
      {notice && (
        <Notice tone={notice.tone} text={notice.text} onDismiss={() => store.dismissNotice()} />
      )}
      {store.deleted.value && (
        <UndoBar
          what="Note"
          onUndo={() => void store.undoDelete()}
          onDismiss={() => store.dismissUndo()}
        />
      )}
      {followUp.deleted.value && (
        <UndoBar
          what="Touch"
          onUndo={() => void followUp.undoRemove()}
          onDismiss={() => followUp.dismissUndo()}
        />
      )}
      <Timeline
        notes={store.notes.value}
        interactions={followUp.interactions.value}
        now={now}
        editingNote={store.editing.value}
        editingInteraction={followUp.editing.value}
        note={{
          onEdit: (note) => store.startEdit(note),
          onEditInput: (body) => store.typeEdit(body),
          onEditDone: () => void store.finishEdit(),
          onEditCancel: () => void store.cancelEdit(),
          onDelete: (note) => void store.deleteNote(note),
        }}
        interaction={{
          onEdit: (interaction) => followUp.startEdit(interaction),
          onEditChange: (patch) => followUp.setEdit(patch),
          onEditSave: () => void followUp.saveEdit(),
          onEditCancel: () => followUp.cancelEdit(),
          onDelete: (interaction) => void followUp.remove(interaction),
        }}
      />
      {pagePeople}
    </main>
  );
}
