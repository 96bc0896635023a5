import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createJournal } from '@/lib/storage/journal';

import { PIP } from '../support/db';
import { saveRequest, whyRequest } from '../support/requests';

function steppingClock(start = 1_000) {
  let now = start;
  return {
    now: () => now,
    set: (value: number) => (now = value),
  };
}

describe('journal', () => {
  it('is empty at first', async () => {
    expect(await createJournal(fakeBrowser.storage.local).entries()).toEqual([]);
  });

  it('stores an entry with the time it was written', async () => {
    const clock = steppingClock(5_000);
    const journal = createJournal(fakeBrowser.storage.local, clock.now, 'tab-a');
    const request = saveRequest();

    await journal.put('note:note-1', request);

    expect(await journal.entries()).toEqual([
      {
        key: 'note:note-1',
        request,
        at: 5_000,
        writer: 'tab-a',
        storageKey: 'journal:tab-a:note:note-1',
      },
    ]);
  });

  it('lists entries oldest first, whatever order the keys have', async () => {
    const clock = steppingClock();
    const journal = createJournal(fakeBrowser.storage.local, clock.now);
    clock.set(300);
    await journal.put('a', whyRequest('third'));
    clock.set(100);
    await journal.put('z', whyRequest('first'));
    clock.set(200);
    await journal.put('m', whyRequest('second'));

    expect((await journal.entries()).map((entry) => [entry.key, entry.at])).toEqual([
      ['z', 100],
      ['m', 200],
      ['a', 300],
    ]);
  });

  it('replaces the entry for a key with the newest write', async () => {
    const clock = steppingClock(10);
    const journal = createJournal(fakeBrowser.storage.local, clock.now);
    await journal.put('why:x', whyRequest('old', PIP));
    clock.set(20);
    await journal.put('why:x', whyRequest('new', PIP));

    const entries = await journal.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ key: 'why:x', request: whyRequest('new', PIP), at: 20 });
  });

  it('removes an entry by key, leaving the others', async () => {
    const journal = createJournal(fakeBrowser.storage.local);
    await journal.put('a', whyRequest('a'));
    await journal.put('b', whyRequest('b'));

    await journal.remove('a');

    expect((await journal.entries()).map((entry) => entry.key)).toEqual(['b']);
    // Removing what is not there is fine.
    await expect(journal.remove('never-written')).resolves.toBeUndefined();
  });

  it('ignores other things kept in the same storage area, and broken entries', async () => {
    await fakeBrowser.storage.local.set({
      settings: { theme: 'dark' },
      'journal:broken': 'not an entry',
      'journal:no-at': { key: 'no-at', request: whyRequest() },
      'journal:null': null,
    });
    const journal = createJournal(fakeBrowser.storage.local, () => 1);
    await journal.put('ok', whyRequest());

    expect((await journal.entries()).map((entry) => entry.key)).toEqual(['ok']);
  });

  it('keeps its entries under its own prefix and writer id', async () => {
    const journal = createJournal(fakeBrowser.storage.local, Date.now, 'tab-a');
    await journal.put('note:n1', saveRequest());
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([
      'journal:tab-a:note:n1',
    ]);
  });

  it('gives every journal a writer id of its own', () => {
    const a = createJournal(fakeBrowser.storage.local);
    const b = createJournal(fakeBrowser.storage.local);
    expect(a.writer).not.toBe(b.writer);
    expect(a.writer.length).toBeGreaterThan(8);
  });

  it('keeps entries across journal instances over the same area', async () => {
    await createJournal(fakeBrowser.storage.local, () => 7, 'tab-a').put('k', whyRequest('kept'));
    const entries = await createJournal(fakeBrowser.storage.local).entries();
    expect(entries).toEqual([
      {
        key: 'k',
        request: whyRequest('kept'),
        at: 7,
        writer: 'tab-a',
        storageKey: 'journal:tab-a:k',
      },
    ]);
  });
});

describe('journals of two tabs', () => {
  const why = `why:${PIP.key}`;

  it('remove only their own entry for a field both wrote', async () => {
    const clock = steppingClock(100);
    const tabA = createJournal(fakeBrowser.storage.local, clock.now, 'tab-a');
    const tabB = createJournal(fakeBrowser.storage.local, clock.now, 'tab-b');
    await tabA.put(why, whyRequest('typed in A', PIP));
    clock.set(200);
    await tabB.put(why, whyRequest('typed later in B', PIP));

    // A's save went through: A removes what it wrote, and B's later text stays.
    await tabA.remove(why);

    const left = await tabB.entries();
    expect(left.map((entry) => [entry.writer, entry.request])).toEqual([
      ['tab-b', whyRequest('typed later in B', PIP)],
    ]);
  });

  it('keep both texts of a field, oldest first, until each is saved', async () => {
    const clock = steppingClock(100);
    const tabA = createJournal(fakeBrowser.storage.local, clock.now, 'tab-a');
    const tabB = createJournal(fakeBrowser.storage.local, clock.now, 'tab-b');
    await tabB.put('note:n1', saveRequest({ note: { id: 'n1', body: 'B' } }));
    clock.set(50);
    await tabA.put('note:n1', saveRequest({ note: { id: 'n1', body: 'A' } }));

    expect((await tabA.entries()).map((entry) => entry.writer)).toEqual(['tab-a', 'tab-b']);
  });
});

describe('entries of an earlier build', () => {
  /** What the build before writer ids kept: `journal:<field>`, without a writer. */
  const legacy = { key: `why:${PIP.key}`, request: whyRequest('from the old build', PIP), at: 3 };

  it('are listed with where they are kept, and discarded from there', async () => {
    await fakeBrowser.storage.local.set({ [`journal:why:${PIP.key}`]: legacy });
    const journal = createJournal(fakeBrowser.storage.local);

    const [entry, ...rest] = await journal.entries();
    expect(rest).toEqual([]);
    expect(entry).toEqual({ ...legacy, storageKey: `journal:why:${PIP.key}` });
    if (!entry) throw new Error('no entry');

    // A new sidebar's remove of the same field does not touch it; discarding it does.
    await journal.remove(`why:${PIP.key}`);
    expect(await journal.entries()).toHaveLength(1);
    await journal.discard(entry);
    expect(await journal.entries()).toEqual([]);
  });
});

describe('marks of saved why lines', () => {
  const why = `why:${PIP.key}`;

  it('replace a saved why entry, with the time its text was typed', async () => {
    const clock = steppingClock(100);
    const journal = createJournal(fakeBrowser.storage.local, clock.now, 'tab-a');
    await journal.put(why, whyRequest('saved text', PIP));
    clock.set(900);

    await journal.remove(why);

    expect(await journal.entries()).toEqual([]);
    expect(await journal.marks()).toEqual([
      { key: why, at: 100, storageKey: `journal:tab-a:${why}` },
    ]);
    // Typing again replaces the mark with an entry.
    await journal.put(why, whyRequest('typed again', PIP));
    expect(await journal.marks()).toEqual([]);
    expect((await journal.entries()).map((entry) => entry.request)).toEqual([
      whyRequest('typed again', PIP),
    ]);
  });

  it('are not left by notes, or by a journal that never wrote the field', async () => {
    const journal = createJournal(fakeBrowser.storage.local, () => 5, 'tab-a');
    await journal.put('note:n1', saveRequest());
    await journal.remove('note:n1');
    await journal.remove(why);

    expect(await journal.marks()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('are discarded like entries', async () => {
    const journal = createJournal(fakeBrowser.storage.local, () => 5, 'tab-a');
    await journal.put(why, whyRequest('saved', PIP));
    await journal.remove(why);
    const [mark] = await journal.marks();
    if (!mark) throw new Error('no mark');

    await journal.discard(mark);

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
