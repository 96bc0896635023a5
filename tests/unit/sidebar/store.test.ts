import type { AcquaintDatabase } from '@/lib/db/database';
import type { SidebarContext } from '@/lib/messaging/protocol';
import type { Note } from '@/lib/model/types';
import { createFollowUpService, type FollowUpService } from '@/lib/services/follow-up';
import { createInteractionsService, type InteractionsService } from '@/lib/services/interactions';
import { createNotesService, type NotesService } from '@/lib/services/notes';
import { createPeopleService, type PeopleService } from '@/lib/services/people';
import type { SidebarApi } from '@/lib/sidebar/api';
import { createSidebarStore, type SidebarStore, type SidebarWrite } from '@/lib/sidebar/store';
import type { PersonRef } from '@/lib/sites/types';

import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';
import { deferred, memoryJournal } from '../support/deferred';

const DELAY = 400;
const TAB = 7;

let db: AcquaintDatabase;
let time: TestClock;
let people: PeopleService;
let notes: NotesService;
let interactions: InteractionsService;
let followUp: FollowUpService;
/** What the content script of the sidebar's tab last reported. */
let tabSubject: PersonRef | null;
let api: ReturnType<typeof backedApi>;
let journal: ReturnType<typeof memoryJournal<SidebarWrite>>;
let store: SidebarStore;

/** The background, as the sidebar sees it: real services over a fake-indexeddb database. */
function backedApi() {
  return {
    context: vi.fn<SidebarApi['context']>(async (): Promise<SidebarContext> => {
      const subject = tabSubject;
      if (!subject) {
        return {
          tabId: TAB,
          subject: null,
          person: null,
          notes: [],
          interactions: [],
          defaultCadenceDays: 30,
        };
      }
      const person = (await people.findByKey(subject.key)) ?? null;
      return {
        tabId: TAB,
        subject,
        person,
        notes: person ? await notes.listForPerson(person.id) : [],
        interactions: person ? await interactions.listForPerson(person.id) : [],
        defaultCadenceDays: 30,
      };
    }),
    saveNote: vi.fn<SidebarApi['saveNote']>((person, note, baseRev) =>
      notes.save(person, note, baseRev),
    ),
    setWhy: vi.fn<SidebarApi['setWhy']>((person, why) => people.setWhy(person, why)),
    rename: vi.fn<SidebarApi['rename']>((person, name) => people.rename(person, name)),
    deleteNote: vi.fn<SidebarApi['deleteNote']>((id) => notes.remove(id)),
    restoreNote: vi.fn<SidebarApi['restoreNote']>((note) => notes.restore(note)),
    close: vi.fn<SidebarApi['close']>(async () => undefined),
    addInteraction: vi.fn<SidebarApi['addInteraction']>(async (person, interaction) =>
      interactions.add({ ...interaction, personId: (await people.ensure(person)).id }),
    ),
    updateInteraction: vi.fn<SidebarApi['updateInteraction']>((id, changes) =>
      interactions.update(id, changes),
    ),
    deleteInteraction: vi.fn<SidebarApi['deleteInteraction']>((id) => interactions.remove(id)),
    restoreInteraction: vi.fn<SidebarApi['restoreInteraction']>((interaction) =>
      interactions.restore(interaction),
    ),
    searchPeople: vi.fn<SidebarApi['searchPeople']>(async () => []),
    mergePerson: vi.fn<SidebarApi['mergePerson']>(async () => {
      throw new Error('not expected');
    }),
    splitIdentity: vi.fn<SidebarApi['splitIdentity']>(async () => {
      throw new Error('not expected');
    }),
    acceptAlias: vi.fn<SidebarApi['acceptAlias']>(async () => {
      throw new Error('not expected');
    }),
    dismissAlias: vi.fn<SidebarApi['dismissAlias']>(async () => {
      throw new Error('not expected');
    }),
    followUp: vi.fn<SidebarApi['followUp']>(async (person, change) => {
      let stored = await people.ensure(person);
      if (change.cadenceDays !== undefined)
        stored = await followUp.setCadence(stored.id, change.cadenceDays);
      if (change.snoozedUntil !== undefined)
        stored = await followUp.snooze(stored.id, change.snoozedUntil);
      if (change.archived !== undefined)
        stored = await followUp.setArchived(stored.id, change.archived);
      return stored;
    }),
  } satisfies SidebarApi;
}

beforeEach(() => {
  // Only the debounce timers are faked: fake-indexeddb schedules its work with setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  db = openTestDatabase();
  time = testClock();
  people = createPeopleService(db, time.clock);
  notes = createNotesService(db, time.clock);
  interactions = createInteractionsService(db, time.clock);
  followUp = createFollowUpService(db, time.clock);
  tabSubject = ADA;
  api = backedApi();
  journal = memoryJournal<SidebarWrite>();
  store = createSidebarStore({ api, journal, saveDelayMs: DELAY });
});

afterEach(async () => {
  await store.flush();
  vi.useRealTimers();
  await disposeDatabase(db);
});

/** Lets the debounce run out and waits for the saves it started. */
async function afterDebounce(): Promise<void> {
  await vi.advanceTimersByTimeAsync(DELAY);
  await store.flush();
}

/** Stores a note about someone as another tab would, a minute after the last one. */
async function noteElsewhere(id: string, body: string, person: PersonRef = ADA): Promise<Note> {
  time.advance(60_000);
  return (await notes.save(person, { id, body }, null)).note;
}

const bodies = () => store.notes.value.map((note) => note.body);

/** The background's real answer to a context request, for mocks that hold it back. */
const readContext = () => backedApi().context();

describe('load', () => {
  it('fills subject, person, notes (newest first) and why', async () => {
    await noteElsewhere('n1', 'older');
    await noteElsewhere('n2', 'newer');
    await people.setWhy(ADA, 'Runs the owl meetup');

    await store.load();

    expect(store.context.value?.tabId).toBe(TAB);
    expect(store.subject.value).toEqual(ADA);
    expect(store.person.value?.identityKeys).toEqual([ADA.key]);
    expect(bodies()).toEqual(['newer', 'older']);
    expect(store.why.value).toBe('Runs the owl meetup');
    expect(store.loadError.value).toBeNull();
  });

  it('shows nobody when the tab has no subject', async () => {
    tabSubject = null;
    await store.load();
    expect(store.context.value).toEqual({
      tabId: TAB,
      subject: null,
      person: null,
      notes: [],
      interactions: [],
      defaultCadenceDays: 30,
    });
    expect(store.subject.value).toBeNull();
    expect(store.displayName.value).toBe('');
    expect(store.notes.value).toEqual([]);
  });

  it('keeps a failure to load in loadError instead of throwing', async () => {
    api.context.mockRejectedValueOnce(new Error('background asleep'));
    await expect(store.load()).resolves.toBeUndefined();
    expect(store.loadError.value).toBe('background asleep');

    await store.load();
    expect(store.loadError.value).toBeNull();
    expect(store.subject.value).toEqual(ADA);
  });
});

describe('displayName', () => {
  it('uses the stored person’s name first', async () => {
    await people.ensure({ ...ADA, name: 'Ada Quill (stored)' });
    tabSubject = { ...ADA, name: 'Ada on the page' };
    await store.load();
    expect(store.displayName.value).toBe('Ada Quill (stored)');
  });

  it('falls back to the name on the page', async () => {
    await store.load();
    expect(store.person.value).toBeNull();
    expect(store.displayName.value).toBe('Ada Quill');
  });

  it('falls back to the key’s handle when the page has not rendered a name', async () => {
    tabSubject = { key: 'x:pipwellings', name: '' };
    await store.load();
    expect(store.displayName.value).toBe('pipwellings');
  });
});

describe('composer', () => {
  it('saves after the debounce with the subject as the person', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('Met');
    store.typeComposer('Met at the owl talk');

    await vi.advanceTimersByTimeAsync(DELAY - 1);
    expect(api.saveNote).not.toHaveBeenCalled();
    await afterDebounce();

    expect(api.saveNote).toHaveBeenCalledTimes(1);
    expect(api.saveNote).toHaveBeenCalledWith(
      ADA,
      { id, body: 'Met at the owl talk', url: ADA.url },
      null,
    );
    expect(await db.notes.get(id)).toMatchObject({ body: 'Met at the owl talk', rev: 1 });
  });

  it('journals the typing at once and clears the journal once saved', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('journaled');
    await Promise.resolve();

    expect(journal.entries.get(`note:${id}`)?.request).toEqual({
      type: 'notes.save',
      person: ADA,
      note: { id, body: 'journaled', url: ADA.url },
      baseRev: null,
    });
    await afterDebounce();
    await Promise.resolve();
    expect(journal.entries.size).toBe(0);
  });

  it('names the person by their handle when the page had no name yet', async () => {
    tabSubject = { key: 'x:pipwellings', name: '' };
    await store.load();
    store.typeComposer('hello');
    await afterDebounce();

    expect(api.saveNote.mock.calls[0]?.[0]).toEqual({ key: 'x:pipwellings', name: 'pipwellings' });
    expect((await people.findByKey('x:pipwellings'))?.name).toBe('pipwellings');
  });

  it('hides the composed note from notes until saveComposer files it', async () => {
    await noteElsewhere('old', 'an older note');
    time.advance(60_000);
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('still being written');
    await afterDebounce();
    // The write's broadcast makes the sidebar reload.
    await store.onRefresh(undefined);

    expect(store.context.value?.notes.map((note) => note.id)).toContain(id);
    expect(bodies()).toEqual(['an older note']);

    await store.saveComposer();

    expect(store.composer.value.body).toBe('');
    expect(store.composer.value.id).not.toBe(id);
    expect(bodies()).toEqual(['still being written', 'an older note']);
    expect(await db.notes.count()).toBe(2);
  });

  it('files a note typed and saved before the debounce ran out', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('quick note');

    await store.saveComposer();

    expect(api.saveNote).toHaveBeenCalledTimes(1);
    expect(store.notes.value.map((note) => note.id)).toEqual([id]);
    expect(store.composer.value).toEqual({ id: expect.any(String), body: '' });
    // No second save when the (cancelled) debounce would have run out.
    await vi.advanceTimersByTimeAsync(DELAY * 5);
    expect(api.saveNote).toHaveBeenCalledTimes(1);
  });

  it('files the note once a retry saves it, when "Save note" was pressed while saving failed', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('saved on the second try');
    api.saveNote.mockRejectedValueOnce(new Error('the background stopped'));

    await store.saveComposer();
    // Not saved: the text stays in the composer, and the status says it will be retried.
    expect(store.composer.value).toEqual({ id, body: 'saved on the second try' });
    expect(store.saveState.value.status).toBe('failed');

    await vi.advanceTimersByTimeAsync(3000);
    await store.flush();
    await vi.waitFor(() => expect(store.composer.value.id).not.toBe(id));
    expect(store.composer.value.body).toBe('');
    expect(await db.notes.get(id)).toMatchObject({ body: 'saved on the second try' });
    await vi.waitFor(() => expect(bodies()).toEqual(['saved on the second try']));
  });

  it('does not file a failed note once the user typed on', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('first words');
    api.saveNote.mockRejectedValueOnce(new Error('the background stopped'));
    await store.saveComposer();
    store.typeComposer('first words, and more');
    await vi.advanceTimersByTimeAsync(3000);
    await store.flush();
    expect(store.composer.value).toEqual({ id, body: 'first words, and more' });
  });

  it('never creates a note from an empty composer', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('   ');
    store.typeComposer('\n\t');
    await afterDebounce();
    await store.saveComposer();

    expect(api.saveNote).not.toHaveBeenCalled();
    expect(api.deleteNote).not.toHaveBeenCalled();
    expect(await db.notes.count()).toBe(0);
    expect(store.composer.value.id).not.toBe(id);
    expect(journal.put).not.toHaveBeenCalled();
  });

  it('does not save text that was erased before the debounce ran out', async () => {
    await store.load();
    store.typeComposer('typed by mistake');
    store.typeComposer('');
    await afterDebounce();

    expect(await db.notes.count()).toBe(0);
    await store.saveComposer();
    expect(await db.notes.count()).toBe(0);
    await Promise.resolve();
    expect(journal.entries.size).toBe(0);
  });

  it('deletes a draft emptied while its first save was on its way', async () => {
    await store.load();
    const gate = deferred();
    api.saveNote.mockImplementationOnce(async (person, note, baseRev) => {
      await gate.promise;
      return notes.save(person, note, baseRev);
    });
    const id = store.composer.value.id;
    store.typeComposer('oops');
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(api.saveNote).toHaveBeenCalledTimes(1);

    store.typeComposer('');
    const filing = store.saveComposer();
    gate.resolve();
    await filing;

    expect(await db.notes.count()).toBe(0);
    expect(store.composer.value).toEqual({ id: expect.any(String), body: '' });
    expect(store.composer.value.id).not.toBe(id);
    await store.load();
    expect(store.notes.value).toEqual([]);
  });

  it('deletes the stored draft when the composer is emptied and filed', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('draft');
    await afterDebounce();
    expect(await db.notes.get(id)).toBeDefined();

    store.typeComposer('');
    await store.saveComposer();

    expect(await db.notes.get(id)).toBeUndefined();
    expect(await db.notes.count()).toBe(0);
    expect(store.composer.value).toEqual({ id: expect.any(String), body: '' });
    expect(store.composer.value.id).not.toBe(id);
  });

  it('keeps the text in the composer when the save fails', async () => {
    await store.load();
    api.saveNote.mockRejectedValue(new Error('The background did not answer'));
    const id = store.composer.value.id;
    store.typeComposer('do not lose me');

    await store.saveComposer();

    expect(store.composer.value).toEqual({ id, body: 'do not lose me' });
    expect(store.saveState.value).toEqual({
      status: 'failed',
      error: 'The background did not answer',
    });
    expect(journal.entries.get(`note:${id}`)?.request).toMatchObject({
      note: { body: 'do not lose me' },
    });

    api.saveNote.mockImplementation((person, note, baseRev) => notes.save(person, note, baseRev));
    await vi.advanceTimersByTimeAsync(3_000);
    await store.flush();
    expect(await db.notes.get(id)).toMatchObject({ body: 'do not lose me' });
  });

  it('does nothing without a subject', async () => {
    tabSubject = null;
    await store.load();
    store.typeComposer('nobody to file this under');
    await afterDebounce();
    expect(api.saveNote).not.toHaveBeenCalled();
  });
});

describe('editing', () => {
  it('saves with the revision the editor started from, then the one it saved', async () => {
    const note = await noteElsewhere('n1', 'original');
    await store.load();

    store.startEdit(note);
    expect(store.editing.value).toEqual({ id: 'n1', body: 'original', original: 'original' });
    store.typeEdit('changed once');
    await afterDebounce();
    store.typeEdit('changed twice');
    await afterDebounce();

    expect(api.saveNote.mock.calls.map(([, draft, baseRev]) => [draft.body, baseRev])).toEqual([
      ['changed once', 1],
      ['changed twice', 2],
    ]);
    expect(await db.notes.get('n1')).toMatchObject({ body: 'changed twice', rev: 3 });
    expect(await db.notes.count()).toBe(1);
    expect(store.notice.value).toBeNull();

    await store.finishEdit();
    expect(store.editing.value).toBeNull();
    expect(bodies()).toEqual(['changed twice']);
  });

  it('cancels an edit with the note’s old text, even once the typing was saved', async () => {
    const note = await noteElsewhere('n1', 'original');
    await store.load();
    store.startEdit(note);
    store.typeEdit('changed, and saved as typed');
    await afterDebounce();
    expect(await db.notes.get('n1')).toMatchObject({ body: 'changed, and saved as typed' });

    await store.cancelEdit();
    expect(store.editing.value).toBeNull();
    expect(await db.notes.get('n1')).toMatchObject({ body: 'original' });
    expect(bodies()).toEqual(['original']);
    expect(await db.notes.count()).toBe(1);
  });

  it('on a conflict, keeps both texts, follows the new note and says so', async () => {
    const note = await noteElsewhere('n1', 'original');
    await store.load();
    store.startEdit(note);

    // Another tab edits the same note meanwhile, and the broadcast reloads this sidebar.
    await notes.save(ADA, { id: 'n1', body: 'edited in another tab' }, 1);
    await store.onRefresh(TAB);
    expect(store.editing.value).toMatchObject({ id: 'n1', body: 'original' });

    store.typeEdit('edited here');
    await afterDebounce();

    expect(api.saveNote.mock.calls[0]?.[2]).toBe(1);
    const conflictId = store.editing.value?.id;
    expect(conflictId).toBeDefined();
    expect(conflictId).not.toBe('n1');
    expect(store.editing.value?.body).toBe('edited here');
    expect(store.notice.value).toMatchObject({ tone: 'info' });
    expect(store.notice.value?.text).toMatch(/Both versions are kept/);
    expect((await db.notes.get('n1'))?.body).toBe('edited in another tab');
    expect((await db.notes.get(conflictId as string))?.body).toBe('edited here');

    // Further typing goes to the new note, without another conflict.
    store.typeEdit('edited here, more');
    await afterDebounce();
    expect(api.saveNote.mock.calls[1]?.[1].id).toBe(conflictId);
    expect((await db.notes.get(conflictId as string))?.body).toBe('edited here, more');
    expect((await db.notes.get('n1'))?.body).toBe('edited in another tab');
    expect(await db.notes.count()).toBe(2);

    await store.finishEdit();
    expect(bodies().sort()).toEqual(['edited here, more', 'edited in another tab']);

    // Opening the other tab's version afterwards edits that note itself.
    const theirs = store.notes.value.find((n) => n.id === 'n1') as Note;
    store.startEdit(theirs);
    store.typeEdit('edited in another tab, then here');
    await afterDebounce();
    expect(api.saveNote.mock.calls.at(-1)?.[1].id).toBe('n1');
    expect((await db.notes.get('n1'))?.body).toBe('edited in another tab, then here');
    expect(await db.notes.count()).toBe(2);
  });

  it('sends typing that came during a conflicting save to the new note, not a third copy', async () => {
    const note = await noteElsewhere('n1', 'original');
    await store.load();
    store.startEdit(note);
    await notes.save(ADA, { id: 'n1', body: 'edited in another tab' }, 1);
    const gate = deferred();
    api.saveNote.mockImplementationOnce(async (person, draft, baseRev) => {
      await gate.promise;
      return notes.save(person, draft, baseRev);
    });

    store.typeEdit('mine');
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(api.saveNote).toHaveBeenCalledTimes(1);
    // Still typing while the first save is on its way.
    store.typeEdit('mine, and more');
    gate.resolve();
    await store.flush();

    const conflictId = store.editing.value?.id as string;
    expect(conflictId).not.toBe('n1');
    expect(await db.notes.count()).toBe(2);
    expect((await db.notes.get(conflictId))?.body).toBe('mine, and more');
    expect((await db.notes.get('n1'))?.body).toBe('edited in another tab');
  });

  it('handles a conflict answer from the api by switching to the note it names', async () => {
    const note = await noteElsewhere('n1', 'original');
    await store.load();
    store.startEdit(note);
    api.saveNote.mockImplementationOnce(async (person, draft) => {
      const made = await notes.save(person, { id: 'from-conflict', body: draft.body }, null);
      return { ...made, conflict: true };
    });

    store.typeEdit('mine');
    await afterDebounce();

    expect(store.editing.value).toMatchObject({ id: 'from-conflict', body: 'mine' });
    expect(store.notice.value?.tone).toBe('info');
  });

  it('deletes the note when the edit is finished empty, and undo brings it back', async () => {
    const note = await noteElsewhere('n1', 'keep this text');
    await noteElsewhere('n2', 'another');
    await store.load();

    store.startEdit(note);
    store.typeEdit('');
    await afterDebounce();
    await store.finishEdit();

    expect(api.deleteNote).toHaveBeenCalledWith('n1');
    expect(await db.notes.get('n1')).toBeUndefined();
    expect(store.editing.value).toBeNull();
    expect(store.deleted.value?.id).toBe('n1');
    expect(bodies()).toEqual(['another']);

    await store.undoDelete();

    expect(store.deleted.value).toBeNull();
    expect(await db.notes.get('n1')).toMatchObject({ body: 'keep this text' });
    expect(bodies()).toEqual(['another', 'keep this text']);
    expect(store.notice.value).toBeNull();
  });

  it('keeps the second editor open when Edit is clicked on another note', async () => {
    const first = await noteElsewhere('n1', 'first');
    const second = await noteElsewhere('n2', 'second');
    await store.load();

    store.startEdit(first);
    store.typeEdit('first, edited');
    store.startEdit(second);
    await store.flush();
    await vi.advanceTimersByTimeAsync(0);
    await store.flush();

    expect(store.editing.value).toMatchObject({ id: 'n2', body: 'second' });
    expect((await db.notes.get('n1'))?.body).toBe('first, edited');
  });

  it('typeEdit does nothing when no note is open', async () => {
    await store.load();
    store.typeEdit('stray');
    await afterDebounce();
    expect(api.saveNote).not.toHaveBeenCalled();
    expect(store.editing.value).toBeNull();
  });
});

describe('delete and undo', () => {
  it('deleteNote removes the note and offers undo; undoDelete restores it', async () => {
    const note = await noteElsewhere('n1', 'to delete');
    await store.load();

    await store.deleteNote(note);

    expect(await db.notes.count()).toBe(0);
    expect(store.deleted.value).toMatchObject({ id: 'n1', body: 'to delete' });
    expect(store.notes.value).toEqual([]);

    await store.undoDelete();

    expect(store.deleted.value).toBeNull();
    expect(await db.notes.get('n1')).toMatchObject({ body: 'to delete', rev: note.rev + 1 });
    expect(bodies()).toEqual(['to delete']);
  });

  it('dismissUndo forgets the deleted note', async () => {
    const note = await noteElsewhere('n1', 'gone');
    await store.load();
    await store.deleteNote(note);
    store.dismissUndo();
    await store.undoDelete();
    expect(api.restoreNote).not.toHaveBeenCalled();
    expect(await db.notes.count()).toBe(0);
  });

  it('saves pending typing before deleting', async () => {
    const note = await noteElsewhere('n1', 'text');
    await store.load();
    store.startEdit(note);
    store.typeEdit('text, edited');
    await store.deleteNote(note);

    expect(api.saveNote).toHaveBeenCalledBefore(api.deleteNote);
    expect(store.deleted.value?.body).toBe('text, edited');
    expect(store.editing.value).toBeNull();
  });
});

describe('refresh', () => {
  it('ignores a refresh for another tab', async () => {
    await store.load();
    await noteElsewhere('n1', 'added elsewhere');
    api.context.mockClear();

    await store.onRefresh(TAB + 1);

    expect(api.context).not.toHaveBeenCalled();
    expect(store.notes.value).toEqual([]);
  });

  it('reloads for its own tab and for everyone', async () => {
    await store.load();
    await noteElsewhere('n1', 'first elsewhere');
    await store.onRefresh(TAB);
    expect(bodies()).toEqual(['first elsewhere']);

    await noteElsewhere('n2', 'second elsewhere');
    await store.onRefresh(undefined);
    expect(bodies()).toEqual(['second elsewhere', 'first elsewhere']);
  });

  it('resets composer, editor, undo and notice when the subject changes', async () => {
    const note = await noteElsewhere('n1', 'about Ada');
    await store.load();
    const composerId = store.composer.value.id;
    store.typeComposer('draft about Ada');
    store.startEdit(note);
    api.deleteNote.mockRejectedValueOnce(new Error('boom'));
    await store.deleteNote(note);
    expect(store.notice.value).not.toBeNull();

    tabSubject = PIP;
    await store.onRefresh(TAB);

    expect(store.subject.value).toEqual(PIP);
    expect(store.composer.value.body).toBe('');
    expect(store.composer.value.id).not.toBe(composerId);
    expect(store.editing.value).toBeNull();
    expect(store.deleted.value).toBeNull();
    expect(store.notice.value).toBeNull();
    expect(store.notes.value).toEqual([]);
    // The draft was saved about Ada, not about the new subject.
    const ada = await people.findByKey(ADA.key);
    expect((await notes.listForPerson(ada?.id ?? '')).map((n) => n.body)).toContain(
      'draft about Ada',
    );
    expect(await people.findByKey(PIP.key)).toBeUndefined();
  });

  it('shows the newest context when the worker answers two reloads out of order', async () => {
    await store.load();
    // The first reload reads the database before the note below exists, then is held back.
    const held = deferred();
    api.context.mockImplementationOnce(async () => {
      const stale = await readContext();
      await held.promise;
      return stale;
    });
    const first = store.onRefresh(undefined);
    await vi.waitFor(() => expect(api.context).toHaveBeenCalledTimes(2));

    await noteElsewhere('n1', 'filed in the other tab');
    const second = store.onRefresh(undefined);
    await vi.waitFor(() => expect(bodies()).toEqual(['filed in the other tab']));

    held.resolve();
    await Promise.all([first, second]);
    expect(bodies()).toEqual(['filed in the other tab']);
  });

  it('a load overtaken by a newer one resolves only once the newer one is shown', async () => {
    await store.load();
    await noteElsewhere('n1', 'newer');
    const firstAnswered = deferred();
    api.context.mockImplementationOnce(async () => {
      const answer = await readContext();
      firstAnswered.resolve();
      return answer;
    });
    const held = deferred();
    api.context.mockImplementationOnce(async () => {
      await held.promise;
      return readContext();
    });
    let firstDone = false;
    const first = store.load().then(() => (firstDone = true));
    const second = store.load();

    await firstAnswered.promise;
    await new Promise((resolve) => setImmediate(resolve));
    // Its answer came back but was superseded: it does not claim the sidebar is current yet.
    expect(firstDone).toBe(false);
    expect(bodies()).toEqual([]);

    held.resolve();
    await first;
    expect(bodies()).toEqual(['newer']);
    await second;
  });

  it('two sidebars on one person: saves and reloads from both while one types lose nothing', async () => {
    // The same person in two tabs: both sidebars hear every broadcast, as the background sends it.
    const right = createSidebarStore({ api, journal: memoryJournal(), saveDelayMs: DELAY });
    const sidebars = [store, right];
    const broadcast = () => Promise.all(sidebars.map((sidebar) => sidebar.onRefresh(undefined)));
    await Promise.all(sidebars.map((sidebar) => sidebar.load()));
    const composerId = store.composer.value.id;

    store.typeComposer('Shared: likes');
    // The autosave of what is typed so far goes out and is broadcast...
    await vi.advanceTimersByTimeAsync(DELAY);
    // ...and while both sidebars reload, the other tab files a note of its own and the left
    // sidebar's reload is still on its way when the user types on.
    const held = deferred();
    api.context.mockImplementationOnce(async () => {
      const answer = await readContext();
      await held.promise;
      return answer;
    });
    const reloading = broadcast();
    store.typeComposer('Shared: likes long');
    right.typeComposer('From the right tab');
    await right.saveComposer();
    const reloadingAgain = broadcast();
    store.typeComposer('Shared: likes long walks');
    held.resolve();
    await Promise.all([reloading, reloadingAgain]);

    // The left composer holds every key typed, as one draft, and "Save note" would file it.
    expect(store.composer.value).toEqual({ id: composerId, body: 'Shared: likes long walks' });
    expect(bodies()).toEqual(['From the right tab']);
    await store.saveComposer();
    await broadcast();
    expect(store.composer.value.body).toBe('');
    for (const sidebar of sidebars) {
      expect(sidebar.notes.value.map((note) => note.body).sort()).toEqual([
        'From the right tab',
        'Shared: likes long walks',
      ]);
    }
    await right.flush();
  });

  it('keeps the composer when the same subject reloads', async () => {
    await store.load();
    const composerId = store.composer.value.id;
    store.typeComposer('still typing');
    await store.load();
    expect(store.composer.value).toEqual({ id: composerId, body: 'still typing' });
  });
});

describe('why', () => {
  it('saves after the debounce', async () => {
    await store.load();
    store.typeWhy('Owl');
    store.typeWhy('Owl expert ');
    expect(store.why.value).toBe('Owl expert ');
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    expect(api.setWhy).not.toHaveBeenCalled();
    await afterDebounce();

    expect(api.setWhy).toHaveBeenCalledTimes(1);
    expect(api.setWhy).toHaveBeenCalledWith(ADA, 'Owl expert ');
    expect((await people.findByKey(ADA.key))?.why).toBe('Owl expert');
  });

  it('a refresh while the write is pending does not overwrite what is typed', async () => {
    await people.setWhy(ADA, 'stored before');
    await store.load();
    expect(store.why.value).toBe('stored before');

    store.typeWhy('typed now');
    await store.load();
    expect(store.why.value).toBe('typed now');

    // The write is on its way and the reload still sees the old text.
    const gate = deferred();
    api.setWhy.mockImplementationOnce(async (person, why) => {
      await gate.promise;
      return people.setWhy(person, why);
    });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(api.setWhy).toHaveBeenCalledTimes(1);
    await store.load();
    expect(store.why.value).toBe('typed now');

    gate.resolve();
    await store.flush();
    await store.load();
    expect(store.why.value).toBe('typed now');

    // Once saved, changes from elsewhere show again.
    await people.setWhy(ADA, 'changed in another tab');
    await store.onRefresh(undefined);
    expect(store.why.value).toBe('changed in another tab');
  });

  it('does nothing without a subject', async () => {
    tabSubject = null;
    await store.load();
    store.typeWhy('nobody');
    await afterDebounce();
    expect(api.setWhy).not.toHaveBeenCalled();
  });
});

describe('failures become notices', () => {
  it('a failed delete', async () => {
    const note = await noteElsewhere('n1', 'x');
    await store.load();
    api.deleteNote.mockRejectedValueOnce(new Error('could not delete'));

    await expect(store.deleteNote(note)).resolves.toBeUndefined();

    expect(store.notice.value).toEqual({ tone: 'error', text: 'could not delete' });
    expect(store.deleted.value).toBeNull();
    expect(await db.notes.count()).toBe(1);
  });

  it('a refused undo (the person is gone)', async () => {
    const note = await noteElsewhere('n1', 'x');
    await store.load();
    await store.deleteNote(note);
    await db.people.clear();

    await expect(store.undoDelete()).resolves.toBeUndefined();

    expect(store.notice.value?.tone).toBe('error');
    expect(store.notice.value?.text).toMatch(/no longer exists/);
  });

  it('a failed close', async () => {
    await store.load();
    api.close.mockRejectedValueOnce('tab is gone');
    await expect(store.close()).resolves.toBeUndefined();
    expect(store.notice.value).toEqual({ tone: 'error', text: 'tab is gone' });
    store.dismissNotice();
    expect(store.notice.value).toBeNull();
  });

  it('a failed delete of an emptied draft', async () => {
    await store.load();
    const id = store.composer.value.id;
    store.typeComposer('draft');
    await afterDebounce();
    store.typeComposer('');
    api.deleteNote.mockRejectedValueOnce(new Error('could not delete the draft'));

    await expect(store.saveComposer()).resolves.toBeUndefined();

    expect(store.notice.value).toEqual({ tone: 'error', text: 'could not delete the draft' });
    // The draft stays where it is, so filing it again can still delete it.
    expect(store.composer.value).toEqual({ id, body: '' });
    await store.saveComposer();
    expect(await db.notes.get(id)).toBeUndefined();
    expect(store.composer.value.id).not.toBe(id);
  });

  it('close saves what is typed first', async () => {
    await store.load();
    store.typeComposer('last words');
    await store.close();
    expect(api.saveNote).toHaveBeenCalledBefore(api.close);
    expect(api.close).toHaveBeenCalledTimes(1);
  });
});
