import { fakeBrowser } from 'wxt/testing/fake-browser';

import { recoverJournal } from '@/lib/background/recover-journal';
import type { MessageRouter } from '@/lib/background/router';
import type { AcquaintDatabase } from '@/lib/db/database';
import { MAX_NOTE_LENGTH, MAX_WHY_LENGTH } from '@/lib/model/limits';
import { createJournal } from '@/lib/storage/journal';

import { ADA, disposeDatabase, openTestDatabase, testClock } from '../support/db';
import { createTestRouter } from '../support/handlers';
import { saveRequest, whyRequest } from '../support/requests';

const NOW = 1_000_000;
const OLD_ENOUGH = 120_000;

let db: AcquaintDatabase;
let router: MessageRouter;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  db = openTestDatabase();
  router = createTestRouter(db, { clock: testClock().clock });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  warn.mockRestore();
  await disposeDatabase(db);
});

/** One sidebar's journal, writing at `at`. */
function sidebar(writer: string, at: number) {
  return createJournal(fakeBrowser.storage.local, () => at, writer);
}

const background = createJournal(fakeBrowser.storage.local, () => NOW, 'background');
const recover = (olderThanMs = OLD_ENOUGH) =>
  recoverJournal(background, router, { olderThanMs, now: () => NOW });

const whyOfAda = async () => (await db.people.where('identityKeys').equals(ADA.key).first())?.why;

async function notesInOrder(): Promise<string> {
  const notes = await db.notes.toArray();
  return notes
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((note) => note.body)
    .join('');
}

describe('entries of several sidebars', () => {
  it("saves each tab's text of a note, and the newest why line of a person", async () => {
    await sidebar('tab-a', 100).put(`why:${ADA.key}`, whyRequest('typed in A first'));
    await sidebar('tab-b', 200).put(`why:${ADA.key}`, whyRequest('typed in B later'));
    await sidebar('tab-a', 300).put('note:a', saveRequest({ note: { id: 'a', body: 'A note' } }));
    await sidebar('tab-b', 400).put('note:b', saveRequest({ note: { id: 'b', body: 'B note' } }));

    expect(await recover()).toEqual({ saved: 3, split: 0, kept: 0, dropped: 1 });

    expect(await whyOfAda()).toBe('typed in B later');
    expect((await db.notes.toArray()).map((note) => note.body).sort()).toEqual([
      'A note',
      'B note',
    ]);
    expect(await background.entries()).toEqual([]);
  });

  it('drops an older why line only for a newer one still in the journal', async () => {
    await sidebar('tab-a', 100).put(`why:${ADA.key}`, whyRequest('older, abandoned'));
    // Tab B is still typing: its entry is too young to replay, but it supersedes A's.
    await sidebar('tab-b', NOW).put(`why:${ADA.key}`, whyRequest('newer, still typing'));

    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 0, dropped: 1 });

    const left = await background.entries();
    expect(left.map((entry) => [entry.writer, entry.request])).toEqual([
      ['tab-b', whyRequest('newer, still typing')],
    ]);
    expect(await whyOfAda()).toBeUndefined();
  });

  it('never lets a why line left unsaved overwrite one typed later and saved', async () => {
    // Tab A closed before its save arrived; tab B typed later and saved (its entry became a mark).
    await sidebar('tab-a', 100).put(`why:${ADA.key}`, whyRequest('older, never saved'));
    await router.replay(whyRequest('newer, saved by B'));
    const tabB = sidebar('tab-b', 200);
    await tabB.put(`why:${ADA.key}`, whyRequest('newer, saved by B'));
    await tabB.remove(`why:${ADA.key}`);

    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 0, dropped: 1 });

    expect(await whyOfAda()).toBe('newer, saved by B');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('saves a why line typed after the last saved one, then drops the mark', async () => {
    const tabB = sidebar('tab-b', NOW - 20);
    await tabB.put(`why:${ADA.key}`, whyRequest('saved just now'));
    await tabB.remove(`why:${ADA.key}`);
    await sidebar('tab-a', NOW - 10).put(`why:${ADA.key}`, whyRequest('typed after it'));

    expect(await recover(0)).toEqual({ saved: 1, split: 0, kept: 0, dropped: 0 });

    expect(await whyOfAda()).toBe('typed after it');
    // Nothing older than the mark is left, so it has done its work.
    expect(await background.marks()).toEqual([]);
  });

  it('keeps a mark while an entry older than it may still come of age', async () => {
    await sidebar('tab-a', NOW - 10).put(`why:${ADA.key}`, whyRequest('young, unsaved'));
    const tabB = sidebar('tab-b', NOW);
    await tabB.put(`why:${ADA.key}`, whyRequest('saved'));
    await tabB.remove(`why:${ADA.key}`);

    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 0, dropped: 0 });

    expect(await background.marks()).toHaveLength(1);
    expect(await background.entries()).toHaveLength(1);
  });

  it('replays and removes entries written by the build before writer ids', async () => {
    await fakeBrowser.storage.local.set({
      'journal:note:old-1': {
        key: 'note:old-1',
        request: saveRequest({ note: { id: 'old-1', body: 'from the old build' } }),
        at: 5,
      },
      [`journal:why:${ADA.key}`]: { key: `why:${ADA.key}`, request: whyRequest('old why'), at: 6 },
    });

    expect(await recover()).toEqual({ saved: 2, split: 0, kept: 0, dropped: 0 });

    expect(await db.notes.get('old-1')).toMatchObject({ body: 'from the old build' });
    expect(await whyOfAda()).toBe('old why');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('text too long for its field', () => {
  /** Words and line breaks, so the split has places to cut; unique enough to check order. */
  function longText(length: number): string {
    let text = '';
    for (let i = 0; text.length < length; i += 1) text += i % 12 === 11 ? `line ${i}\n` : `w${i} `;
    return text.slice(0, length);
  }

  it('saves an over-long note as several notes that together hold all of it', async () => {
    const body = longText(MAX_NOTE_LENGTH * 2 + 1234);
    await sidebar('tab-a', 1).put('note:n1', saveRequest({ note: { id: 'n1', body } }));

    expect(await recover()).toEqual({ saved: 1, split: 1, kept: 0, dropped: 0 });

    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(3);
    expect(notes.every((note) => note.body.length <= MAX_NOTE_LENGTH)).toBe(true);
    // The note keeps its id and the beginning of the text.
    const first = (await db.notes.get('n1'))?.body ?? '';
    expect(first.length).toBeGreaterThan(MAX_NOTE_LENGTH / 2);
    expect(body.startsWith(first)).toBe(true);
    expect(await notesInOrder()).toBe(body);
    expect(await background.entries()).toEqual([]);
  });

  it('saves each part once when the split replay is cut short and run again', async () => {
    const body = longText(MAX_NOTE_LENGTH + 10);
    await sidebar('tab-a', 1).put('note:n1', saveRequest({ note: { id: 'n1', body } }));
    const replay = router.replay.bind(router);
    let calls = 0;
    const failing = vi.spyOn(router, 'replay').mockImplementation(async (request) => {
      calls += 1;
      return calls === 2 ? { ok: false, error: 'The database is busy.' } : replay(request);
    });

    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 1, dropped: 0 });
    expect(await db.notes.count()).toBe(1);
    failing.mockRestore();

    expect(await recover()).toEqual({ saved: 1, split: 1, kept: 0, dropped: 0 });
    expect(await db.notes.count()).toBe(2);
    expect(await notesInOrder()).toBe(body);
  });

  it('saves an over-long why line as notes about the person, leaving the line as it was', async () => {
    await router.replay(whyRequest('the line before'));
    const why = longText(MAX_WHY_LENGTH + 1);
    await sidebar('tab-a', 1).put(`why:${ADA.key}`, whyRequest(why));

    expect(await recover()).toEqual({ saved: 1, split: 1, kept: 0, dropped: 0 });

    expect(await whyOfAda()).toBe('the line before');
    const notes = await db.notes.toArray();
    expect(notes.map((note) => note.body)).toEqual([why]);
    expect(await background.entries()).toEqual([]);
  });
});
