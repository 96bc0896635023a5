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
    const journal = createJournal(fakeBrowser.storage.local, clock.now);
    const request = saveRequest();

    await journal.put('note:note-1', request);

    expect(await journal.entries()).toEqual([{ key: 'note:note-1', request, at: 5_000 }]);
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
    expect(entries[0]).toEqual({ key: 'why:x', request: whyRequest('new', PIP), at: 20 });
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

  it('keeps its entries under its own prefix', async () => {
    const journal = createJournal(fakeBrowser.storage.local);
    await journal.put('note:n1', saveRequest());
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['journal:note:n1']);
  });

  it('keeps entries across journal instances over the same area', async () => {
    await createJournal(fakeBrowser.storage.local, () => 7).put('k', whyRequest('kept'));
    const entries = await createJournal(fakeBrowser.storage.local).entries();
    expect(entries).toEqual([{ key: 'k', request: whyRequest('kept'), at: 7 }]);
  });
});
