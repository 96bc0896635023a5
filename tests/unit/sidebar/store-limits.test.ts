import { fakeBrowser } from 'wxt/testing/fake-browser';

import { recoverJournal } from '@/lib/background/recover-journal';
import type { MessageRouter } from '@/lib/background/router';
import type { AcquaintDatabase } from '@/lib/db/database';
import { createRequestSender, RequestError } from '@/lib/messaging/request';
import { MAX_NOTE_LENGTH, MAX_WHY_LENGTH } from '@/lib/model/limits';
import { createNotesService } from '@/lib/services/notes';
import { createPeopleService } from '@/lib/services/people';
import type { SidebarApi } from '@/lib/sidebar/api';
import { createSidebarStore, type SidebarStore } from '@/lib/sidebar/store';
import { createJournal } from '@/lib/storage/journal';

import { ADA, disposeDatabase, openTestDatabase, testClock, type TestClock } from '../support/db';
import { createTestRouter } from '../support/handlers';

const DELAY = 400;
const TAB = 7;

let db: AcquaintDatabase;
let time: TestClock;
let router: MessageRouter;
let stores: SidebarStore[];

/**
 * A sidebar whose writes go through the background's real router (so its refusals are the real
 * ones) and whose journal is the real one over the shared `storage.local`, as in a tab.
 */
function openSidebar(overrides: Partial<SidebarApi> = {}) {
  const send = createRequestSender((message) =>
    router.handleMessage(message, {
      id: 'ext',
      url: 'chrome-extension://ext/sidebar.html',
      tab: { id: TAB },
      frameId: 3,
    }),
  );
  const people = createPeopleService(db, time.clock);
  const notes = createNotesService(db, time.clock);
  const api = {
    context: async () => {
      const person = (await people.findByKey(ADA.key)) ?? null;
      return {
        tabId: TAB,
        subject: ADA,
        person,
        notes: person ? await notes.listForPerson(person.id) : [],
        interactions: [],
        defaultCadenceDays: 30,
      };
    },
    saveNote: vi.fn<SidebarApi['saveNote']>((person, note, baseRev) =>
      send({ type: 'notes.save', person, note, baseRev }),
    ),
    setWhy: vi.fn<SidebarApi['setWhy']>((person, why) =>
      send({ type: 'people.setWhy', person, why }),
    ),
    deleteNote: (id: string) => send({ type: 'notes.delete', id }),
    ...overrides,
  } as unknown as SidebarApi;
  const journal = createJournal(fakeBrowser.storage.local, () => time.clock().getTime());
  const store = createSidebarStore({
    api,
    journal: {
      put: (key, write) => journal.put(key, write.request),
      remove: (key) => journal.remove(key),
    },
    saveDelayMs: DELAY,
  });
  stores.push(store);
  return { store, api, journal };
}

/** The background's replay at the next start, after the browser quit. */
const replayAtNextStart = () =>
  recoverJournal(createJournal(fakeBrowser.storage.local), router, { olderThanMs: 0 });

const storedWhy = async () => (await db.people.where('identityKeys').equals(ADA.key).first())?.why;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  db = openTestDatabase();
  time = testClock();
  router = createTestRouter(db, { clock: time.clock });
  stores = [];
});

afterEach(async () => {
  vi.useRealTimers();
  await disposeDatabase(db);
});

describe('a note at the size limit', () => {
  it('stops at the limit, says how much did not fit, and saves the rest', async () => {
    const { store } = openSidebar();
    await store.load();
    store.typeComposer('start ');
    store.typeComposer(`start ${'x'.repeat(MAX_NOTE_LENGTH)}`);

    expect(store.composer.value.body).toHaveLength(MAX_NOTE_LENGTH);
    expect(store.notice.value).toEqual({
      tone: 'error',
      text: 'A note holds at most 500,000 characters, so the last 6 you added did not fit. Put the rest in another note.',
    });

    await store.saveComposer();
    expect(store.saveState.value).toEqual({ status: 'idle' });
    const [saved] = await db.notes.toArray();
    expect(saved?.body).toHaveLength(MAX_NOTE_LENGTH);
    expect(store.composer.value.body).toBe('');
  });

  it('stops an edit at the limit too', async () => {
    const { store } = openSidebar();
    await store.load();
    store.typeComposer('short');
    await store.saveComposer();
    const [note] = store.notes.value;
    if (!note) throw new Error('no note');

    store.startEdit(note);
    store.typeEdit(`short${'y'.repeat(MAX_NOTE_LENGTH)}`);

    expect(store.editing.value?.body).toHaveLength(MAX_NOTE_LENGTH);
    expect(store.notice.value?.text).toContain('the last 5 you added did not fit');
  });

  it('stops the why line at its own limit', async () => {
    const { store } = openSidebar();
    await store.load();
    store.typeWhy('w'.repeat(MAX_WHY_LENGTH + 3));
    await store.flush();

    expect(store.why.value).toHaveLength(MAX_WHY_LENGTH);
    expect(await storedWhy()).toHaveLength(MAX_WHY_LENGTH);
    expect(store.notice.value?.text).toContain('The "why" line holds at most 20,000 characters');
  });
});

describe('a write the background refuses', () => {
  const refusal = 'Refused: note.body: Too big: expected string to have <=500000 characters';

  /** A background that refuses every note, as it would one over its limit. */
  function refusingNotes() {
    return openSidebar({
      saveNote: vi.fn<SidebarApi['saveNote']>(async () => {
        throw new RequestError(refusal);
      }),
    });
  }

  it('is not tried again, is said to be refused for good, and the text stays', async () => {
    const { store, api } = refusingNotes();
    await store.load();
    store.typeComposer('a note the background will not take');
    await store.saveComposer();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(api.saveNote).toHaveBeenCalledTimes(1);
    expect(store.saveState.value).toEqual({ status: 'refused', error: refusal });
    expect(store.composer.value.body).toBe('a note the background will not take');
  });

  it('does not block a why line typed afterwards', async () => {
    const { store, api } = refusingNotes();
    await store.load();
    store.typeComposer('a note the background will not take');
    await vi.advanceTimersByTimeAsync(DELAY);

    store.typeWhy('typed after the refusal');
    await vi.advanceTimersByTimeAsync(DELAY);
    await store.flush();

    expect(await storedWhy()).toBe('typed after the refusal');
    expect(api.setWhy).toHaveBeenCalledTimes(1);
    expect(api.saveNote).toHaveBeenCalledTimes(1);
  });

  it('keeps its journal entry, so the text outlives the sidebar', async () => {
    const { store, journal } = refusingNotes();
    await store.load();
    store.typeComposer('a note the background will not take');
    await store.saveComposer();

    const [entry] = await journal.entries();
    expect(entry?.request).toMatchObject({
      note: { body: 'a note the background will not take' },
    });
  });

  it('keeps an edit open when its save was refused', async () => {
    const { store } = openSidebar();
    await store.load();
    store.typeComposer('first text');
    await store.saveComposer();
    const [note] = store.notes.value;
    if (!note) throw new Error('no note');

    const refused = vi.spyOn(router, 'handleMessage').mockResolvedValue({
      ok: false,
      error: refusal,
    });
    store.startEdit(note);
    store.typeEdit('edited text');
    await store.finishEdit();
    refused.mockRestore();

    expect(store.editing.value).toMatchObject({ id: note.id, body: 'edited text' });
    expect(store.saveState.value).toEqual({ status: 'refused', error: refusal });
  });

  it('is only what starts with "Refused": a background that did not answer is retried', async () => {
    let answering = false;
    const { store, api } = openSidebar({
      setWhy: vi.fn<SidebarApi['setWhy']>(async (person, why) => {
        if (!answering) throw new RequestError("Acquaint's background did not answer.");
        return createPeopleService(db, time.clock).setWhy(person, why);
      }),
    });
    await store.load();
    store.typeWhy('kept for the retry');
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(store.saveState.value.status).toBe('failed');

    answering = true;
    await vi.advanceTimersByTimeAsync(3_000);
    await store.flush();

    expect(api.setWhy).toHaveBeenCalledTimes(2);
    expect(await storedWhy()).toBe('kept for the retry');
  });
});

describe('two tabs typing the same field', () => {
  it("a save in one tab leaves the other tab's later text in the journal", async () => {
    const tabA = openSidebar();
    // Tab B's save never arrives: the browser quits while it is on its way.
    const tabB = openSidebar({ setWhy: vi.fn<SidebarApi['setWhy']>(() => new Promise(() => {})) });
    await tabA.store.load();
    await tabB.store.load();

    tabA.store.typeWhy('typed in tab A');
    time.advance(1_000);
    tabB.store.typeWhy('typed later in tab B');
    await vi.advanceTimersByTimeAsync(DELAY);
    await tabA.store.flush();

    expect(await storedWhy()).toBe('typed in tab A');
    const left = await tabA.journal.entries();
    expect(left.map((entry) => [entry.writer, entry.request])).toEqual([
      [tabB.journal.writer, expect.objectContaining({ why: 'typed later in tab B' })],
    ]);

    // The browser quits; at the next start the background saves what tab B typed.
    await replayAtNextStart();
    expect(await storedWhy()).toBe('typed later in tab B');
    expect(await tabA.journal.entries()).toEqual([]);
  });

  it('a why line a closed tab never saved does not overwrite one typed later and saved', async () => {
    // Tab A's save never arrives: it closes while the save is on its way.
    const tabA = openSidebar({ setWhy: vi.fn<SidebarApi['setWhy']>(() => new Promise(() => {})) });
    await tabA.store.load();
    tabA.store.typeWhy('typed in tab A, never saved');
    await vi.advanceTimersByTimeAsync(DELAY);

    time.advance(60_000);
    const tabB = openSidebar();
    await tabB.store.load();
    tabB.store.typeWhy('typed later in tab B, saved');
    await tabB.store.flush();
    expect(await storedWhy()).toBe('typed later in tab B, saved');

    await replayAtNextStart();

    expect(await storedWhy()).toBe('typed later in tab B, saved');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it("a note edited in both tabs keeps both tabs' texts through a quit", async () => {
    const tabA = openSidebar();
    await tabA.store.load();
    tabA.store.typeComposer('the first text');
    await tabA.store.saveComposer();
    const [note] = tabA.store.notes.value;
    if (!note) throw new Error('no note');

    const tabB = openSidebar({
      saveNote: vi.fn<SidebarApi['saveNote']>(() => new Promise(() => {})),
    });
    await tabB.store.load();
    tabA.store.startEdit(note);
    tabB.store.startEdit(note);
    tabA.store.typeEdit('the text tab A saved');
    tabB.store.typeEdit('the text tab B had not saved yet');
    await vi.advanceTimersByTimeAsync(DELAY);
    await tabA.store.flush();

    await replayAtNextStart();

    const bodies = (await db.notes.toArray()).map((stored) => stored.body).sort();
    expect(bodies).toEqual(['the text tab A saved', 'the text tab B had not saved yet']);
  });
});
