import {
  type ImportReader,
  type ImportReading,
  ImportReadCancelled,
  type ReadOptions,
} from '@/lib/imports/read-files';
import { CANCELLED_TEXT, createTransferStore } from '@/lib/options/transfer-store';

import { testClock } from '../support/db';
import { deferred } from '../support/deferred';
import { fakeTransferApi, fixtureBackup, fixtureFile, summaryOf } from '../support/transfer-api';

/**
 * Issue 12 item 11: the options page reads files through a reader it is given (a worker on the
 * real page), shows its progress, and can cancel it; a cancelled reading leaves nothing pending,
 * so nothing can be imported from it.
 */

const clock = testClock('2026-11-25T08:30:00.000Z').clock;
const FILE = () => fixtureFile('imports/linkedin/Connections.csv');

const READING: ImportReading = {
  ok: true,
  label: 'LinkedIn export',
  mode: 'add',
  backup: fixtureBackup(),
  problems: ['Connections.csv row 9: left out'],
  notices: [
    'Connections.csv is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.',
  ],
  sample: ['José Müller', 'Zoë Brontë'],
};

/** A reader the test answers by hand; it remembers what it was given. */
function controlledReader() {
  const answer = deferred<ImportReading>();
  let options: (ReadOptions & { signal?: AbortSignal }) | undefined;
  const read: ImportReader = (_files, given) => {
    options = given;
    given.signal?.addEventListener('abort', () => answer.reject(new ImportReadCancelled()));
    return answer.promise;
  };
  return { read, answer, options: () => options };
}

function setup() {
  const fake = fakeTransferApi({ summary: summaryOf({ people: [2, 0] }, ['merge problem']) });
  const reader = controlledReader();
  return { ...fake, reader, store: createTransferStore(fake.api, clock, reader.read) };
}

describe('reading files through the reader the page gives', () => {
  it('shows its progress while it reads, then the preview with notices and names', async () => {
    const { store, reader } = setup();
    const choosing = store.choose([FILE()]);
    expect(store.reading.value).toBe(true);
    expect(store.progress.value).toBeNull();

    reader.options()?.onProgress?.({
      stage: 'unpacking',
      fileName: 'export.zip',
      done: 10,
      total: 40,
    });
    expect(store.progress.value).toEqual({
      stage: 'unpacking',
      fileName: 'export.zip',
      done: 10,
      total: 40,
    });

    reader.answer.resolve(READING);
    await choosing;
    expect(store.reading.value).toBe(false);
    expect(store.progress.value).toBeNull();
    expect(store.preview.value?.notices).toEqual(READING.ok ? READING.notices : []);
    expect(store.preview.value?.sample).toEqual(['José Müller', 'Zoë Brontë']);
    expect(store.preview.value?.problems).toEqual([
      'Connections.csv row 9: left out',
      'merge problem',
    ]);
  });

  it('cancels a reading: it ends, says nothing was changed, and leaves nothing to import', async () => {
    const { store, reader, api } = setup();
    const choosing = store.choose([FILE()]);
    store.stopReading();
    expect(reader.options()?.signal?.aborted).toBe(true);
    expect(store.reading.value).toBe(false);
    expect(store.importStatus.value).toEqual({ ok: true, text: CANCELLED_TEXT });
    await choosing;
    expect(store.importStatus.value).toEqual({ ok: true, text: CANCELLED_TEXT });
    expect(store.preview.value).toBeNull();
    await store.confirm();
    expect(api.planImport).not.toHaveBeenCalled();
    expect(api.applyImport).not.toHaveBeenCalled();
    expect(store.busy.value).toBe(false);
  });

  it('drops a plan that comes back after Cancel', async () => {
    const fake = fakeTransferApi();
    const plan = deferred<ReturnType<typeof summaryOf>>();
    fake.api.planImport.mockImplementationOnce(() => plan.promise);
    const store = createTransferStore(fake.api, clock, async () => READING);
    const choosing = store.choose([FILE()]);
    await vi.waitFor(() => expect(fake.api.planImport).toHaveBeenCalled());
    store.stopReading();
    plan.resolve(summaryOf({ people: [2, 0] }));
    await choosing;
    expect(store.preview.value).toBeNull();
    await store.confirm();
    expect(fake.api.applyImport).not.toHaveBeenCalled();
    expect(store.importStatus.value).toEqual({ ok: true, text: CANCELLED_TEXT });
  });

  it('reads again after a cancel, and a stale reading does not end the new one', async () => {
    const fake = fakeTransferApi();
    const first = deferred<ImportReading>();
    const second = deferred<ImportReading>();
    const answers = [first, second];
    const store = createTransferStore(fake.api, clock, () => {
      const next = answers.shift();
      if (!next) throw new Error('read more than twice');
      return next.promise;
    });
    const one = store.choose([FILE()]);
    store.stopReading();
    const two = store.choose([FILE()]);
    first.resolve(READING);
    await one;
    expect(store.reading.value).toBe(true);
    expect(store.preview.value).toBeNull();
    second.resolve(READING);
    await two;
    expect(store.preview.value?.sample).toEqual(['José Müller', 'Zoë Brontë']);
  });

  it('shows a refusal in words, as before', async () => {
    const { store, reader } = setup();
    const choosing = store.choose([FILE()]);
    reader.answer.resolve({ ok: false, error: '“x.zip” is a damaged zip file: …' });
    await choosing;
    expect(store.importStatus.value).toEqual({
      ok: false,
      text: '“x.zip” is a damaged zip file: …',
    });
    expect(store.preview.value).toBeNull();
  });
});
