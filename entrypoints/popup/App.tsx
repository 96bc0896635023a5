import { HealthWarnings } from '@/components/HealthWarnings';
import { Notice } from '@/components/Notice';
import { AddPerson } from '@/components/popup/AddPerson';
import { ColdList } from '@/components/popup/ColdList';
import { NotesHere } from '@/components/popup/NotesHere';
import { SiteAccess } from '@/components/popup/SiteAccess';
import { UndoBar } from '@/components/UndoBar';
import type { PopupStore } from '@/lib/popup/store';
import { siteLabel } from '@/lib/sites/site-label';

export function App({ store }: { store: PopupStore }) {
  const cold = store.cold.value;
  return (
    <main class="popup">
      <h1>Acquaint</h1>
      {store.notesHere.value && (
        <NotesHere target={store.notesHere.value} onOpen={() => store.openNotesHere()} />
      )}
      <HealthWarnings health={store.health.value} labelOf={siteLabel} />
      {store.coldError.value && <Notice tone="error" text={store.coldError.value} />}
      {store.undo.value && (
        <UndoBar
          what="Reached-out"
          message={`Logged that you reached out to ${store.undo.value.name}.`}
          onUndo={() => void store.undoReachedOut()}
          onDismiss={() => store.dismissUndo()}
        />
      )}
      {cold && (
        <ColdList
          total={cold.total}
          totalIsAtLeast={cold.totalIsAtLeast}
          rows={cold.people}
          active={store.active.value}
          onMove={(step) => store.move(step)}
          onActivate={(index) => (store.active.value = index)}
          onOpenProfile={(row) => store.openProfile(row)}
          onReachedOut={(row) => void store.reachedOut(row)}
          onSnooze={(row, days) => void store.snooze(row, days)}
          onOpenNotes={(row) => void store.openNotes(row)}
        />
      )}
      <SiteAccess
        site={store.site.value}
        labelOf={siteLabel}
        status={store.status.value}
        showIntro={cold !== null && cold.people.length === 0}
        onEnable={() => void store.enableHere()}
        onDisable={() => void store.disableHere()}
      />
      <div class="actions">
        <AddPerson status={store.added.value} onAdd={(entry) => void store.addPerson(entry)} />
        <button type="button" data-testid="open-options" onClick={() => void store.openOptions()}>
          Options
        </button>
      </div>
    </main>
  );
}
