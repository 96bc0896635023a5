import type { AcquaintDatabase } from '@/lib/db/database';
import type { Note } from '@/lib/model/types';
import { createNotesService, type NotesService } from '@/lib/services/notes';
import { createPeopleService, type PeopleService } from '@/lib/services/people';

import {
  ADA,
  disposeDatabase,
  HOSTILE_TEXTS,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';

let db: AcquaintDatabase;
let time: TestClock;
let notes: NotesService;
let people: PeopleService;

beforeEach(() => {
  db = openTestDatabase();
  time = testClock('2024-05-10T12:00:00.000Z');
  notes = createNotesService(db, time.clock);
  people = createPeopleService(db, time.clock);
});

afterEach(async () => {
  await disposeDatabase(db);
});

describe('notes.save', () => {
  it('creates a new note at rev 1 and the person it is about', async () => {
    const saved = await notes.save(ADA, { id: 'n1', body: 'Met at the talk', url: ADA.url }, null);

    expect(saved.conflict).toBe(false);
    expect(saved.note).toEqual({
      id: 'n1',
      personId: saved.person.id,
      body: 'Met at the talk',
      url: ADA.url,
      createdAt: '2024-05-10T12:00:00.000Z',
      updatedAt: '2024-05-10T12:00:00.000Z',
      rev: 1,
    });
    expect(saved.person.identityKeys).toEqual([ADA.key]);
    expect(await db.notes.get('n1')).toEqual(saved.note);
    expect(await db.people.count()).toBe(1);
  });

  it('leaves url out when the draft has none', async () => {
    const saved = await notes.save(ADA, { id: 'n1', body: 'no url' }, null);
    expect(saved.note).not.toHaveProperty('url');
    expect(await db.notes.get('n1')).not.toHaveProperty('url');
  });

  it('files the note under the existing person', async () => {
    const ada = await people.ensure(ADA);
    const saved = await notes.save(ADA, { id: 'n1', body: 'hello' }, null);

    expect(saved.note.personId).toBe(ada.id);
    expect(saved.person.id).toBe(ada.id);
    expect(await db.people.count()).toBe(1);
  });

  it('updates the note: bumps rev and updatedAt, keeps createdAt', async () => {
    await notes.save(ADA, { id: 'n1', body: 'first' }, null);
    time.set('2024-05-11T09:00:00.000Z');

    const second = await notes.save(ADA, { id: 'n1', body: 'second' }, 1);
    expect(second.conflict).toBe(false);
    expect(second.note).toMatchObject({
      id: 'n1',
      body: 'second',
      rev: 2,
      createdAt: '2024-05-10T12:00:00.000Z',
      updatedAt: '2024-05-11T09:00:00.000Z',
    });

    time.set('2024-05-12T09:00:00.000Z');
    const third = await notes.save(ADA, { id: 'n1', body: 'third' }, 2);
    expect(third.note).toMatchObject({ body: 'third', rev: 3 });
    expect(third.note.updatedAt).toBe('2024-05-12T09:00:00.000Z');

    expect(await db.notes.count()).toBe(1);
    expect(await db.notes.get('n1')).toEqual(third.note);
  });

  it('treats a null baseRev on an existing note as an update', async () => {
    await notes.save(ADA, { id: 'n1', body: 'first' }, null);
    const saved = await notes.save(ADA, { id: 'n1', body: 'again from a fresh editor' }, null);

    expect(saved.conflict).toBe(false);
    expect(saved.note.rev).toBe(2);
    expect(await db.notes.count()).toBe(1);
  });

  it('does nothing to the note when the body is the same', async () => {
    const first = await notes.save(ADA, { id: 'n1', body: 'same' }, null);
    time.set('2024-05-20T00:00:00.000Z');

    const again = await notes.save(ADA, { id: 'n1', body: 'same' }, 1);
    // Even a stale revision is not a conflict when nothing differs.
    const stale = await notes.save(ADA, { id: 'n1', body: 'same' }, 0);

    expect(again.conflict).toBe(false);
    expect(stale.conflict).toBe(false);
    expect(again.note).toEqual(first.note);
    expect(await db.notes.get('n1')).toEqual(first.note);
    expect(await db.notes.count()).toBe(1);
  });

  it('keeps both texts when the editor started from a stale revision', async () => {
    await notes.save(ADA, { id: 'n1', body: 'original' }, null);
    time.advance(1000);
    // Another tab edits it: rev 2.
    const elsewhere = await notes.save(ADA, { id: 'n1', body: 'edited in tab B' }, 1);
    time.set('2024-05-10T13:00:00.000Z');

    // This tab still thinks it is at rev 1.
    const mine = await notes.save(ADA, { id: 'n1', body: 'edited in tab A', url: ADA.url }, 1);

    expect(mine.conflict).toBe(true);
    expect(mine.note.id).not.toBe('n1');
    expect(mine.note).toMatchObject({
      body: 'edited in tab A',
      personId: elsewhere.note.personId,
      url: ADA.url,
      rev: 1,
      createdAt: '2024-05-10T13:00:00.000Z',
      updatedAt: '2024-05-10T13:00:00.000Z',
    });
    expect(await db.notes.get('n1')).toEqual(elsewhere.note);
    expect(await db.notes.get(mine.note.id)).toEqual(mine.note);
    expect(await db.notes.count()).toBe(2);

    const bodies = (await notes.listForPerson(elsewhere.note.personId)).map((note) => note.body);
    expect(bodies.sort()).toEqual(['edited in tab A', 'edited in tab B']);
  });

  it('touches the person it files the note under', async () => {
    await people.ensure(ADA);
    time.set('2024-07-01T00:00:00.000Z');
    const saved = await notes.save(ADA, { id: 'n1', body: 'x' }, null);

    expect(saved.person.updatedAt).toBe('2024-07-01T00:00:00.000Z');
    expect((await people.findByKey(ADA.key))?.updatedAt).toBe('2024-07-01T00:00:00.000Z');
  });
});

describe('notes.listForPerson', () => {
  it('lists only that person’s notes, newest first by createdAt', async () => {
    time.set('2024-01-02T00:00:00.000Z');
    const { person: ada } = await notes.save(ADA, { id: 'b', body: 'second' }, null);
    time.set('2024-01-01T00:00:00.000Z');
    await notes.save(ADA, { id: 'c', body: 'first' }, null);
    time.set('2024-01-03T00:00:00.000Z');
    await notes.save(ADA, { id: 'a', body: 'third' }, null);
    await notes.save(PIP, { id: 'p', body: 'about Pip' }, null);
    // Editing an old note later does not move it up.
    time.set('2024-02-01T00:00:00.000Z');
    await notes.save(ADA, { id: 'c', body: 'first, edited' }, 1);

    const listed = await notes.listForPerson(ada.id);

    expect(listed.map((note) => note.id)).toEqual(['a', 'b', 'c']);
    expect(listed.map((note) => note.body)).toEqual(['third', 'second', 'first, edited']);
  });

  it('gives an empty list for someone without notes', async () => {
    const ada = await people.ensure(ADA);
    expect(await notes.listForPerson(ada.id)).toEqual([]);
    expect(await notes.listForPerson('no-such-person')).toEqual([]);
  });
});

describe('notes.remove and restore', () => {
  it('returns the note and deletes it', async () => {
    const { note } = await notes.save(ADA, { id: 'n1', body: 'to go' }, null);

    const removed = await notes.remove('n1');

    expect(removed).toEqual(note);
    expect(await db.notes.get('n1')).toBeUndefined();
    expect(await notes.listForPerson(note.personId)).toEqual([]);
  });

  it('returns null when removing an id that does not exist', async () => {
    await notes.save(ADA, { id: 'n1', body: 'stays' }, null);
    expect(await notes.remove('missing')).toBeNull();
    expect(await db.notes.count()).toBe(1);
  });

  it('puts a removed note back with its revision bumped', async () => {
    const { note } = await notes.save(ADA, { id: 'n1', body: 'come back' }, null);
    const removed = await notes.remove('n1');
    if (!removed) throw new Error('expected the note back');

    const restored = await notes.restore(removed);

    expect(restored).toEqual({ ...note, rev: note.rev + 1 });
    expect(await db.notes.get('n1')).toEqual(restored);
    expect((await notes.listForPerson(note.personId)).map((n) => n.id)).toEqual(['n1']);
  });

  it('makes a restored note conflict with an editor that saw the old revision', async () => {
    const { note } = await notes.save(ADA, { id: 'n1', body: 'v1' }, null);
    await notes.remove('n1');
    await notes.restore(note);

    const stale = await notes.save(ADA, { id: 'n1', body: 'v2' }, 1);
    expect(stale.conflict).toBe(true);
  });

  it('refuses to restore a note whose person no longer exists', async () => {
    const { note, person } = await notes.save(ADA, { id: 'n1', body: 'orphan' }, null);
    await notes.remove('n1');
    await db.people.delete(person.id);

    await expect(notes.restore(note)).rejects.toThrow(/no longer exists/);
    expect(await db.notes.get('n1')).toBeUndefined();
  });
});

describe('hostile text', () => {
  it.each(HOSTILE_TEXTS)('stores and reads back %s in a note unchanged', async (_what, text) => {
    const saved = await notes.save(ADA, { id: 'n1', body: text }, null);
    expect(saved.note.body).toBe(text);

    const [listed] = await notes.listForPerson(saved.person.id);
    expect(listed?.body).toBe(text);
    expect(listed?.body.length).toBe(text.length);
  });

  it.each(HOSTILE_TEXTS)('keeps %s in the person name of a note', async (_what, text) => {
    const saved = await notes.save({ key: 'x:hostile', name: text }, { id: 'n1', body: 'b' }, null);
    expect(saved.person.name).toBe(text);
    expect((await people.findByKey('x:hostile'))?.name).toBe(text);
  });

  it('keeps a hostile note through remove and restore', async () => {
    const body = HOSTILE_TEXTS.map(([, text]) => text).join('\n');
    await notes.save(ADA, { id: 'n1', body }, null);
    const removed = (await notes.remove('n1')) as Note;
    const restored = await notes.restore(removed);

    expect(restored.body).toBe(body);
    expect((await db.notes.get('n1'))?.body).toBe(body);
  });
});
