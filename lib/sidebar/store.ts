import { batch, computed, signal } from '@preact/signals';

import type { SidebarContext } from '../messaging/protocol';
import { displayName as nameToShow } from '../model/display-name';
import { newId } from '../model/ids';
import { MAX_NOTE_LENGTH, MAX_WHY_LENGTH } from '../model/limits';
import { fitEdit } from '../model/text-limit';
import type { Note } from '../model/types';
import type { PersonRef } from '../sites/types';
import type { SidebarApi } from './api';
import type { JournaledRequest } from '../storage/journal';
import { createWriteQueue, type WriteJournal, type WriteQueueState } from './write-queue';

/** One field's latest text, as the request that saves it (so the background can replay it). */
export interface SidebarWrite {
  key: string;
  request: JournaledRequest;
}

export interface SidebarStoreOptions {
  api: SidebarApi;
  journal: WriteJournal<SidebarWrite>;
  /** Debounce before typing is saved. */
  saveDelayMs?: number;
}

export interface EditingNote {
  id: string;
  body: string;
  /** The text the note had when its editor opened, for Escape (cancel). */
  original?: string;
}

export type SidebarStore = ReturnType<typeof createSidebarStore>;

/** The sidebar's state and everything it can do; components read the signals and call the actions. */
export function createSidebarStore(options: SidebarStoreOptions) {
  const { api } = options;

  const context = signal<SidebarContext | null>(null);
  const loadError = signal<string | null>(null);
  const composer = signal<EditingNote>({ id: newId(), body: '' });
  const editing = signal<EditingNote | null>(null);
  const why = signal('');
  const saveState = signal<WriteQueueState>({ status: 'idle' });
  const deleted = signal<Note | null>(null);
  const notice = signal<{ text: string; tone: 'info' | 'error' } | null>(null);
  /** The why line is to take the cursor once the person it was asked for is shown. */
  const whyWanted = signal(false);

  /** The latest revision this sidebar saw of each note, for conflict detection. */
  const knownRevs = new Map<string, number>();
  let whyDirty = false;
  /** Notes whose edit a conflict moved to a new note (old id → new id). */
  const movedTo = new Map<string, string>();
  /** The composer's note the user asked to file while its save was still failing. */
  let filing: string | null = null;
  /** Counts startEdit calls, so finishing one note does not close the editor of the next. */
  let editSession = 0;
  /**
   * Counts context requests. Every write makes every sidebar reload, so several loads can be on
   * their way at once and the worker may answer them out of order: only the newest is shown, or an
   * older answer would take back a note just filed (it left the composer, so it would vanish).
   */
  let loadSeq = 0;

  const queue = createWriteQueue<SidebarWrite, unknown>({
    journal: options.journal,
    delayMs: options.saveDelayMs ?? 400,
    onStateChange: (state) => (saveState.value = state),
    isPermanent: isRefusal,
    send: async ({ request }) => {
      if (request.type === 'people.setWhy') {
        await api.setWhy(request.person, request.why);
        return null;
      }
      // Typing queued before a conflict answer goes to the note that conflict made.
      let id = request.note.id;
      for (let next = movedTo.get(id); next; next = movedTo.get(id)) id = next;
      const note = { ...request.note, id };
      // A draft emptied before it was ever stored: there is nothing to save or to keep.
      if (note.body.trim() === '' && !knownRevs.has(id)) return null;
      const baseRev = knownRevs.get(id) ?? request.baseRev;
      const result = await api.saveNote(request.person, note, baseRev);
      knownRevs.set(result.note.id, result.note.rev);
      if (result.conflict) onConflict(id, result.note.id);
      return result;
    },
    onSaved: ({ key, request }) => {
      if (request.type === 'people.setWhy' && !queue.isPending(key)) whyDirty = false;
      // "Save note" was pressed while the save could not go through; a retry got it there, so
      // file it now, as the click asked (unless the user typed on meanwhile).
      if (
        request.type === 'notes.save' &&
        filing === request.note.id &&
        !queue.isPending(key) &&
        composer.value.id === filing &&
        composer.value.body === request.note.body
      ) {
        filing = null;
        composer.value = { id: newId(), body: '' };
        void load();
      }
    },
  });

  const subject = computed(() => context.value?.subject ?? null);
  const person = computed(() => context.value?.person ?? null);
  const displayName = computed(() => {
    const current = subject.value;
    if (!current) return '';
    const stored = person.value;
    return nameToShow(stored?.name || current.name, stored?.identityKeys ?? [current.key]);
  });
  /** Saved notes, without the one still being written in the composer. */
  const notes = computed(() =>
    (context.value?.notes ?? []).filter((note) => note.id !== composer.value.id),
  );

  function onConflict(oldId: string, newNoteId: string) {
    movedTo.set(oldId, newNoteId);
    if (editing.value?.id === oldId) editing.value = { ...editing.value, id: newNoteId };
    notice.value = {
      tone: 'info',
      text: 'This note was also changed in another tab. Both versions are kept: yours is the newest note.',
    };
  }

  /**
   * What typing into a field of at most `max` characters keeps: past the limit, the end of what
   * was just added is left out, and the sidebar says so (nothing is cut without a word).
   */
  function fit(previous: string, next: string, max: number, what: string): string {
    const fitted = fitEdit(previous, next, max);
    if (fitted.cut > 0) {
      notice.value = {
        tone: 'error',
        text: `${what} holds at most ${max.toLocaleString('en')} characters, so the last ${fitted.cut.toLocaleString('en')} you added did not fit. Put the rest in another note.`,
      };
    }
    return fitted.text;
  }

  function writeRef(): PersonRef | null {
    const current = subject.value;
    if (!current) return null;
    return { ...current, name: current.name || displayName.value };
  }

  function scheduleNote(note: EditingNote) {
    const person = writeRef();
    if (!person) return;
    const url = person.url;
    queue.schedule({
      key: `note:${note.id}`,
      request: {
        type: 'notes.save',
        person,
        note: url ? { id: note.id, body: note.body, url } : { id: note.id, body: note.body },
        baseRev: knownRevs.get(note.id) ?? null,
      },
    });
  }

  /** Asks for the context and shows it, unless a newer request was made meanwhile. */
  async function loadOnce(seq: number): Promise<void> {
    try {
      const next = await api.context();
      if (seq !== loadSeq) return;
      const previousKey = subject.peek()?.key;
      batch(() => {
        // Only another person clears the composer: what it holds was queued about the previous
        // one and is saved to them. The same person reloading never touches what is being typed.
        if (next.subject?.key !== previousKey) resetForNewSubject();
        context.value = next;
        loadError.value = null;
        if (next.focusWhy) whyWanted.value = true;
        // The note open in the editor keeps the revision it started from, so a change made
        // elsewhere meanwhile is seen as a conflict instead of being overwritten.
        for (const note of next.notes) {
          if (editing.peek()?.id !== note.id) knownRevs.set(note.id, note.rev);
        }
        if (!whyDirty) why.value = next.person?.why ?? '';
      });
    } catch (error) {
      if (seq !== loadSeq) return;
      loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  let latestLoad: Promise<void> = Promise.resolve();

  /** Reloads; resolves once the newest answer, this one or a later one, is shown. */
  async function load(): Promise<void> {
    let mine = loadOnce(++loadSeq);
    latestLoad = mine;
    await mine;
    while (latestLoad !== mine) {
      mine = latestLoad;
      await mine;
    }
  }

  /** Runs a user action; a failure is shown instead of thrown, and nothing typed is discarded. */
  async function attempt(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      notice.value = {
        tone: 'error',
        text: error instanceof Error ? error.message : String(error),
      };
    }
  }

  const deleteNote = (note: Note) =>
    attempt(async () => {
      await queue.flush();
      const removed = await api.deleteNote(note.id);
      if (editing.value?.id === note.id) editing.value = null;
      deleted.value = removed ?? note;
      await load();
    });

  async function finishEdit(): Promise<void> {
    const current = editing.value;
    if (!current) return;
    const session = editSession;
    await queue.flush();
    // Refused for good: the editor keeps the text, as the save status says.
    if (queue.isRefused(`note:${current.id}`)) return;
    if (session === editSession) editing.value = null;
    const stored = context.peek()?.notes.find((note) => note.id === current.id);
    if (current.body.trim() === '' && stored) await deleteNote(stored);
    else await load();
  }

  function resetForNewSubject() {
    composer.value = { id: newId(), body: '' };
    editing.value = null;
    deleted.value = null;
    notice.value = null;
    whyDirty = false;
  }

  return {
    context,
    subject,
    person,
    displayName,
    notes,
    loadError,
    composer,
    editing,
    why,
    saveState,
    deleted,
    notice,

    load,

    whyWanted,

    /** A broadcast from the background; `tabId` limits it to one tab's sidebar. */
    async onRefresh(tabId: number | undefined): Promise<void> {
      if (tabId !== undefined && tabId !== context.peek()?.tabId) return;
      await queue.flush();
      await load();
    },

    typeComposer(text: string) {
      // A new object even when the fitted text is unchanged, so the box shows what is kept.
      const body = fit(composer.value.body, text, MAX_NOTE_LENGTH, 'A note');
      composer.value = { ...composer.value, body };
      filing = null; // typing on means it is not finished yet
      // Nothing is stored until there is something to store; once stored, every change is saved.
      // Emptied while a save is pending: schedule the empty text so the stale one is not sent.
      const { id } = composer.value;
      if (body.trim() !== '' || knownRevs.has(id) || queue.isPending(`note:${id}`))
        scheduleNote(composer.value);
    },

    /** Files the composed note in the list and clears the composer for the next one. */
    async saveComposer(): Promise<void> {
      const draft = composer.value;
      if (draft.body.trim() === '') {
        if (knownRevs.has(draft.id) || queue.isPending(`note:${draft.id}`)) {
          await attempt(async () => {
            await queue.flush();
            if (!knownRevs.has(draft.id)) return; // it was never stored
            await api.deleteNote(draft.id);
            knownRevs.delete(draft.id);
          });
          if (knownRevs.has(draft.id)) return; // not deleted (the notice says why): keep it
        }
        composer.value = { id: newId(), body: '' };
        return;
      }
      scheduleNote(draft);
      await queue.flush();
      // Refused for good: the text stays in the composer, and the save status says why.
      if (queue.isRefused(`note:${draft.id}`)) return;
      if (queue.isPending(`note:${draft.id}`)) {
        // Not saved yet: it stays in the composer, and is filed when a retry saves it.
        filing = draft.id;
        return;
      }
      filing = null;
      composer.value = { id: newId(), body: '' };
      await load();
    },

    startEdit(note: Note) {
      if (editing.value) void finishEdit();
      editSession += 1;
      movedTo.delete(note.id); // editing it again: its own writes go to it
      knownRevs.set(note.id, note.rev);
      editing.value = { id: note.id, body: note.body, original: note.body };
    },

    /** Escape in the editor: the note goes back to the text it had, and the editor closes. */
    async cancelEdit() {
      const current = editing.value;
      if (!current) return;
      if (current.original !== undefined && current.body !== current.original) {
        editing.value = { ...current, body: current.original };
        // What was typed may be saved already (saving is as you type): the old text is saved back.
        scheduleNote(editing.value);
      }
      await finishEdit();
    },

    typeEdit(text: string) {
      const current = editing.value;
      if (!current) return;
      const body = fit(current.body, text, MAX_NOTE_LENGTH, 'A note');
      editing.value = { ...current, body };
      // Emptied text is not saved: finishing the edit empty deletes the note, and undo brings
      // back the text it had, not an empty note.
      if (body.trim() !== '') scheduleNote(editing.value);
    },

    finishEdit,

    typeWhy(typed: string) {
      const text = fit(why.value, typed, MAX_WHY_LENGTH, 'The "why" line');
      why.value = text;
      const person = writeRef();
      if (!person) return;
      whyDirty = true;
      queue.schedule({
        key: `why:${person.key}`,
        request: { type: 'people.setWhy', person, why: text },
      });
    },

    deleteNote,

    undoDelete: () =>
      attempt(async () => {
        const note = deleted.value;
        if (!note) return;
        const restored = await api.restoreNote(note);
        knownRevs.set(restored.id, restored.rev);
        deleted.value = null;
        await load();
      }),

    dismissUndo() {
      deleted.value = null;
    },

    /** The person the sidebar shows, as requests carry them. */
    personRef: writeRef,

    /** Shows a failure from elsewhere in the sidebar the way this store shows its own. */
    report(error: unknown) {
      notice.value = {
        tone: 'error',
        text: error instanceof Error ? error.message : String(error),
      };
    },

    /** Says what just happened (a merge, a split), the way failures are shown. */
    inform(text: string) {
      notice.value = { tone: 'info', text };
    },

    dismissNotice() {
      notice.value = null;
    },

    /** Saves now: the sidebar is closing or the page is going away. */
    flush: () => queue.flush(),

    close: () =>
      attempt(async () => {
        await queue.flush();
        await api.close();
      }),

    /** The user's own name for the person shown; no page renames them after that. */
    rename: (name: string) =>
      attempt(async () => {
        const person = writeRef();
        if (!person) return;
        await api.rename(person, name);
        await load();
      }),

    /** The side panel: show someone from "People on this page" (null: the page's own person). */
    pick: (person: PersonRef | null) =>
      attempt(async () => {
        await queue.flush();
        await api.pick?.(person);
        await load();
      }),
  };
}

/**
 * A refusal is the background saying the write is wrong as it is (every refusal it sends starts
 * with "Refused"), so a retry cannot help; anything else (no answer, a failing database) may pass.
 */
function isRefusal(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Refused');
}
