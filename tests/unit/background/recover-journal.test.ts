import { fakeBrowser } from 'wxt/testing/fake-browser';

import { recoverJournal } from '@/lib/background/recover-journal';
import type { MessageRouter } from '@/lib/background/router';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { JournaledRequest } from '@/lib/storage/journal';
import { createJournal, type Journal } from '@/lib/storage/journal';

import { ADA, disposeDatabase, openTestDatabase, testClock } from '../support/db';
import { createTestRouter } from '../support/handlers';
import { saveRequest, whyRequest } from '../support/requests';

const NOW = 1_000_000;
const OLD_ENOUGH = 120_000;

let db: AcquaintDatabase;
let journal: Journal;
let router: MessageRouter;
let writtenAt: number;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  db = openTestDatabase();
  const { clock } = testClock();
  writtenAt = NOW;
  journal = createJournal(fakeBrowser.storage.local, () => writtenAt);
  router = createTestRouter(db, { clock });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  warn.mockRestore();
  await disposeDatabase(db);
});

async function putAt(at: number, key: string, request: unknown) {
  writtenAt = at;
  await journal.put(key, request as JournaledRequest);
}

const recover = () => recoverJournal(journal, router, { olderThanMs: OLD_ENOUGH, now: () => NOW });

describe('recoverJournal', () => {
  it('saves abandoned typing through the router and empties the journal', async () => {
    await putAt(
      NOW - OLD_ENOUGH,
      'note:n1',
      saveRequest({ note: { id: 'n1', body: 'typed, never saved' } }),
    );
    await putAt(NOW - 10 * OLD_ENOUGH, `why:${ADA.key}`, whyRequest('  the why  '));

    expect(await recover()).toEqual({ saved: 2, split: 0, kept: 0, dropped: 0 });

    expect((await db.notes.get('n1'))?.body).toBe('typed, never saved');
    expect((await db.people.where('identityKeys').equals(ADA.key).first())?.why).toBe('the why');
    expect(await journal.entries()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves typing younger than olderThanMs to the sidebar still writing it', async () => {
    await putAt(
      NOW - OLD_ENOUGH - 1,
      'note:old',
      saveRequest({ note: { id: 'old', body: 'old' } }),
    );
    await putAt(
      NOW - OLD_ENOUGH + 1,
      'note:young',
      saveRequest({ note: { id: 'young', body: 'young' } }),
    );
    await putAt(NOW, 'note:now', saveRequest({ note: { id: 'now', body: 'now' } }));

    expect(await recover()).toEqual({ saved: 1, split: 0, kept: 0, dropped: 0 });

    expect(await db.notes.get('old')).toBeDefined();
    expect(await db.notes.get('young')).toBeUndefined();
    expect(await db.notes.get('now')).toBeUndefined();
    expect((await journal.entries()).map((entry) => entry.key)).toEqual(['note:young', 'note:now']);
  });

  it('takes everything with olderThanMs 0', async () => {
    await putAt(NOW, 'note:now', saveRequest({ note: { id: 'now', body: 'now' } }));
    expect(await recoverJournal(journal, router, { olderThanMs: 0, now: () => NOW })).toEqual({
      saved: 1,
      split: 0,
      kept: 0,
      dropped: 0,
    });
    expect(await db.notes.get('now')).toBeDefined();
  });

  it('keeps an entry whose save failed for now, and saves it on a later try', async () => {
    await putAt(1, 'note:n1', saveRequest({ note: { id: 'n1', body: 'keep me' } }));
    db.close();
    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 1, dropped: 0 });
    expect((await journal.entries()).map((entry) => entry.key)).toEqual(['note:n1']);

    await db.open();
    expect(await recover()).toEqual({ saved: 1, split: 0, kept: 0, dropped: 0 });
    expect(await db.notes.get('n1')).toMatchObject({ body: 'keep me' });
    expect(await journal.entries()).toEqual([]);
  });

  it('drops a draft that was emptied before it was ever stored, creating nothing', async () => {
    await putAt(1, 'note:blank', saveRequest({ note: { id: 'blank', body: '  \n ' } }));
    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 0, dropped: 1 });
    expect(await db.notes.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
    expect(await journal.entries()).toEqual([]);
  });

  it('drops refused entries with nothing typed in them, keeps those with text, and warns', async () => {
    await putAt(1, 'note:bad-key', saveRequest({}, { key: 'foo:bar', name: 'x' }));
    await putAt(2, 'note:not-replayable', { type: 'notes.delete', id: 'n1' });
    await putAt(3, 'note:garbage', { type: 'notes.save', note: 'just a string' });
    await putAt(4, 'note:good', saveRequest({ note: { id: 'good', body: 'fine' } }));

    expect(await recover()).toEqual({ saved: 1, split: 0, kept: 1, dropped: 2 });

    // The text typed about a person the router refuses is still there, for a later build.
    expect((await journal.entries()).map((entry) => entry.key)).toEqual(['note:bad-key']);
    expect(await db.notes.count()).toBe(1);
    expect(await db.people.count()).toBe(1);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]?.[0])).toContain('keeps unsaved typing');
    expect(String(warn.mock.calls[0]?.[0])).toContain('person.key');

    // And it stays on every later start.
    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 1, dropped: 0 });
    expect(await journal.entries()).toHaveLength(1);
  });

  it('does not duplicate a note when the same entry is replayed twice', async () => {
    const request = saveRequest({ note: { id: 'n1', body: 'only once' } });
    await putAt(1, 'note:n1', request);
    await recover();
    // The sidebar journaled it again before the first recovery removed it, say.
    await putAt(2, 'note:n1', request);

    expect(await recover()).toEqual({ saved: 1, split: 0, kept: 0, dropped: 0 });

    expect(await db.notes.count()).toBe(1);
    expect(await db.notes.get('n1')).toMatchObject({ body: 'only once', rev: 1 });
    expect(await db.people.count()).toBe(1);
  });

  it('replays the newest journaled text of a note over an older saved one', async () => {
    await router.replay(saveRequest({ note: { id: 'n1', body: 'v1' } }));
    await putAt(1, 'note:n1', saveRequest({ note: { id: 'n1', body: 'v2' }, baseRev: 1 }));

    await recover();

    expect(await db.notes.get('n1')).toMatchObject({ body: 'v2', rev: 2 });
    expect(await db.notes.count()).toBe(1);
  });

  it('does nothing with an empty journal', async () => {
    expect(await recover()).toEqual({ saved: 0, split: 0, kept: 0, dropped: 0 });
  });
});
