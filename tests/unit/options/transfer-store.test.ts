import { strToU8 } from 'fflate';
import Papa from 'papaparse';

import type { ImportSummary } from '@/lib/backup/import';
import type { Backup } from '@/lib/backup/schema';
import { PEOPLE_CSV_COLUMNS } from '@/lib/exports/people-csv';
import { type PickedBytes, readImportFiles } from '@/lib/imports/read-files';
import { createTransferStore } from '@/lib/options/transfer-store';

import { backupOf, person } from '../exports/backup-builder';
import { testClock } from '../support/db';
import { deferred } from '../support/deferred';
import {
  fakeTransferApi,
  fixtureBackup,
  fixtureFile,
  fixtureText,
  summaryOf,
} from '../support/transfer-api';

const NOW = '2026-11-25T08:30:00.000Z';
const clock = testClock(NOW).clock;

const BACKUP_FILE = () => fixtureFile('backup/valid-v1.json', 'acquaint-backup-2026-11-22.json');
const CONNECTIONS = () => fixtureFile('imports/linkedin/Connections.csv');
/** What the LinkedIn reader says about tests/fixtures/imports/linkedin/Connections.csv. */
const CONNECTIONS_PROBLEM =
  'Connections.csv row 9 (Eli Park): "sometime in spring" is not a date; imported without the day of connecting';

function text(name: string, content: string): PickedBytes {
  return { name, bytes: strToU8(content) };
}

function setup(init: Parameters<typeof fakeTransferApi>[0] = {}) {
  const fake = fakeTransferApi(init);
  return { ...fake, store: createTransferStore(fake.api, clock) };
}

/** The first argument of the only call to a mock. */
function onlyCall<A extends unknown[]>(mock: { mock: { calls: A[] } }): A {
  expect(mock.mock.calls).toHaveLength(1);
  return mock.mock.calls[0] as A;
}

describe('transfer store: choosing files', () => {
  it('reads a backup and previews a restore, applying nothing', async () => {
    const summary = summaryOf({ people: [2, 0], notes: [1, 0], interactions: [1, 1] });
    const { api, store } = setup({ summary });

    await store.choose([BACKUP_FILE()]);

    expect(store.preview.value).toEqual({
      label: 'Acquaint backup',
      fileNames: ['acquaint-backup-2026-11-22.json'],
      mode: 'restore',
      summary,
      problems: [],
      notices: [],
      sample: ['Ada Quill', 'Pip Wellings'],
    });
    const [file, mode] = onlyCall(api.planImport);
    expect(mode).toBe('restore');
    expect(file).toEqual(fixtureBackup());
    expect(file.people.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    expect(api.applyImport).not.toHaveBeenCalled();
    expect(api.exportBackup).not.toHaveBeenCalled();
    expect(api.saveFile).not.toHaveBeenCalled();
    expect(store.importStatus.value).toBeNull();
    expect(store.busy.value).toBe(false);
  });

  it('confirming applies the same backup once and says what was imported', async () => {
    const { api, store } = setup({
      summary: summaryOf({ people: [2, 0], notes: [1, 0], interactions: [2, 0] }),
    });
    await store.choose([BACKUP_FILE()]);
    const [planned] = onlyCall(api.planImport);

    await store.confirm();

    const [applied, mode] = onlyCall(api.applyImport);
    expect(applied).toBe(planned);
    expect(mode).toBe('restore');
    expect(store.importStatus.value).toEqual({
      ok: true,
      text: 'Imported from Acquaint backup: 2 people added; 1 note added; 2 interactions added.',
    });
    expect(store.preview.value).toBeNull();
    expect(store.busy.value).toBe(false);

    // The import is done: a second confirm has nothing to apply.
    await store.confirm();
    expect(api.applyImport).toHaveBeenCalledTimes(1);
  });

  it('says so when everything in the file is already there', async () => {
    const { store } = setup({ summary: summaryOf({}) });
    await store.choose([BACKUP_FILE()]);
    await store.confirm();
    expect(store.importStatus.value).toEqual({
      ok: true,
      text: 'Nothing new in this Acquaint backup: everything in it is already in Acquaint.',
    });
  });

  it('refuses a cut-off backup, saying where, without asking the background', async () => {
    const { api, store } = setup();
    const cut = fixtureText('backup/valid-v1.json').slice(0, 200);

    await store.choose([text('acquaint-backup.json', cut)]);

    expect(store.importStatus.value).toEqual({
      ok: false,
      text: 'This file is not valid JSON: it ends too early, at line 10, column 20 (is it cut off?). Nothing was imported.',
    });
    expect(store.preview.value).toBeNull();
    expect(api.planImport).not.toHaveBeenCalled();
    expect(api.applyImport).not.toHaveBeenCalled();
    expect(store.busy.value).toBe(false);
  });

  it('refuses a backup with a broken identity key, naming the place', async () => {
    const { api, store } = setup();
    const broken = JSON.parse(fixtureText('backup/valid-v1.json'));
    broken.people[0].identities[0].key = 'not a key';

    await store.choose([text('acquaint-backup.json', JSON.stringify(broken))]);

    expect(store.importStatus.value).toEqual({
      ok: false,
      text: "This backup has a problem, so nothing was imported:\nThe 1st person's 1st identity's key is not an identity key (people[0].identities[0].key)",
    });
    expect(store.preview.value).toBeNull();
    expect(api.planImport).not.toHaveBeenCalled();
  });

  it('refuses when no file was chosen', async () => {
    const { api, store } = setup();
    await store.choose([]);
    expect(store.importStatus.value).toEqual({ ok: false, text: 'No file was chosen.' });
    expect(api.planImport).not.toHaveBeenCalled();
  });

  it("reads LinkedIn's Connections.csv to add, listing the reader's problems and the merge's", async () => {
    const summary = summaryOf({ people: [4, 1], interactions: [0, 0] }, [
      'Ada Quill: the LinkedIn profile is already someone else’s',
    ]);
    const { api, store } = setup({ summary });

    await store.choose([CONNECTIONS()]);

    expect(store.preview.value).toEqual({
      label: 'LinkedIn export',
      fileNames: ['Connections.csv'],
      mode: 'add',
      summary,
      problems: [CONNECTIONS_PROBLEM, 'Ada Quill: the LinkedIn profile is already someone else’s'],
      notices: [],
      sample: ['Ada Quill', 'Bo Lind', 'Cy Moreau', 'Dee Nakamura', 'Eli Park'],
      // Connections alone: nobody has a conversation, so by default nobody is kept in touch with.
      tracking: { choice: 'messaged', counts: { messaged: 0, everyone: 5 } },
    });
    const [file, mode] = onlyCall(api.planImport);
    expect(mode).toBe('add');
    // New ids are random; what was read is known by its names, keys and the page's clock.
    expect(file.people.map((p) => [p.name, p.identities[0]?.key])).toEqual([
      ['Ada Quill', 'linkedin:ada-quill-4b21a'],
      ['Bo Lind', 'linkedin:bo-lind'],
      ['Cy Moreau', 'linkedin:cy-moreau'],
      ['Dee Nakamura', 'linkedin:ACoAABdee123XyZ'],
      ['Eli Park', 'linkedin:eli-park'],
    ]);
    // Known since the day of connecting, where the file gives one that reads as a date.
    expect(file.people.map((p) => p.createdAt)).toEqual([
      '2024-03-15T12:00:00.000Z',
      '2021-07-01T12:00:00.000Z',
      '2024-03-15T12:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      NOW,
    ]);
    expect(file.people.map((p) => p.cadenceDays)).toEqual([0, 0, 0, 0, 0]);
    expect(file.people[0]).toMatchObject({ why: '', headline: 'Founder at Quill Data' });

    await store.confirm();
    expect(onlyCall(api.applyImport)).toEqual([file, 'add']);
    expect(store.importStatus.value).toEqual({
      ok: true,
      text: 'Imported from LinkedIn export: 4 people added and 1 updated.',
    });
  });

  it('keeps every file name, in the order picked', async () => {
    const { store } = setup();
    await store.choose([
      fixtureFile('imports/x-archive/following.js'),
      fixtureFile('imports/vcard/contacts-4.0.vcf'),
    ]);
    expect(store.preview.value?.fileNames).toEqual(['following.js', 'contacts-4.0.vcf']);
    expect(store.preview.value?.label).toBe('X archive, vCard');
    expect(store.preview.value?.mode).toBe('add');
  });

  it('says why the background could not plan the import', async () => {
    const { api, store } = setup();
    api.planImport.mockRejectedValueOnce(new Error("Acquaint's background did not answer."));

    await store.choose([BACKUP_FILE()]);

    expect(store.importStatus.value).toEqual({
      ok: false,
      text: "Acquaint's background did not answer.",
    });
    expect(store.preview.value).toBeNull();
    expect(store.busy.value).toBe(false);
    // Nothing is pending: confirming now applies nothing.
    await store.confirm();
    expect(api.applyImport).not.toHaveBeenCalled();
  });

  it('words a rejection that is not an Error', async () => {
    const { api, store } = setup();
    api.planImport.mockRejectedValueOnce('the port closed');
    await store.choose([BACKUP_FILE()]);
    expect(store.importStatus.value).toEqual({ ok: false, text: 'the port closed' });
  });

  it('a failed apply imports nothing and keeps the preview, so the user can try again', async () => {
    const { api, store } = setup();
    await store.choose([BACKUP_FILE()]);
    const preview = store.preview.value;
    api.applyImport.mockRejectedValueOnce(new Error('The database is busy.'));

    await store.confirm();

    expect(store.importStatus.value).toEqual({
      ok: false,
      text: 'Nothing was imported: The database is busy.',
    });
    expect(store.preview.value).toBe(preview);
    expect(store.busy.value).toBe(false);

    await store.confirm();
    expect(api.applyImport).toHaveBeenCalledTimes(2);
    expect(api.applyImport.mock.calls[1]?.[0]).toBe(api.applyImport.mock.calls[0]?.[0]);
    expect(store.importStatus.value?.ok).toBe(true);
    expect(store.preview.value).toBeNull();
  });

  it('cancel clears the preview, says nothing changed, and leaves nothing to confirm', async () => {
    const { api, store } = setup();
    await store.choose([BACKUP_FILE()]);

    store.cancel();

    expect(store.preview.value).toBeNull();
    expect(store.importStatus.value).toEqual({
      ok: true,
      text: 'Import cancelled; nothing was changed.',
    });
    await store.confirm();
    expect(api.applyImport).not.toHaveBeenCalled();
  });

  it('confirm without a preview does nothing', async () => {
    const { api, store } = setup();
    await store.confirm();
    expect(api.applyImport).not.toHaveBeenCalled();
    expect(store.importStatus.value).toBeNull();
    expect(store.preview.value).toBeNull();
    expect(store.busy.value).toBe(false);
  });

  it('choosing again replaces the preview; a refused file leaves nothing to confirm', async () => {
    const { api, store } = setup();
    await store.choose([BACKUP_FILE()]);
    store.importStatus.value = { ok: true, text: 'an older status' };

    await store.choose([text('notes.txt', 'hello')]);

    expect(store.preview.value).toBeNull();
    expect(store.importStatus.value?.ok).toBe(false);
    expect(store.importStatus.value?.text).toMatch(
      /^“notes\.txt” is not a file Acquaint can import, so nothing was imported\./,
    );
    await store.confirm();
    expect(api.applyImport).not.toHaveBeenCalled();
  });

  it('a new choice clears the last status before reading', async () => {
    const { store } = setup();
    store.importStatus.value = { ok: false, text: 'an older failure' };
    await store.choose([BACKUP_FILE()]);
    expect(store.importStatus.value).toBeNull();
    expect(store.preview.value?.label).toBe('Acquaint backup');
  });

  it('is busy while planning and applying, and not after, also after a failure', async () => {
    const { api, store } = setup();
    const plan = deferred<ImportSummary>();
    api.planImport.mockReturnValueOnce(plan.promise);

    const choosing = store.choose([BACKUP_FILE()]);
    expect(store.busy.value).toBe(true);
    await vi.waitFor(() => expect(api.planImport).toHaveBeenCalledTimes(1));
    expect(store.busy.value).toBe(true);
    expect(store.preview.value).toBeNull();
    plan.resolve(summaryOf({ people: [1, 0] }));
    await choosing;
    expect(store.busy.value).toBe(false);
    expect(store.preview.value?.summary.people).toEqual({ added: 1, updated: 0 });

    const apply = deferred<ImportSummary>();
    api.applyImport.mockReturnValueOnce(apply.promise);
    const confirming = store.confirm();
    expect(store.busy.value).toBe(true);
    apply.reject(new Error('Quota exceeded'));
    await confirming;
    expect(store.busy.value).toBe(false);
    expect(store.importStatus.value).toEqual({
      ok: false,
      text: 'Nothing was imported: Quota exceeded',
    });

    const failing = deferred<ImportSummary>();
    api.planImport.mockReturnValueOnce(failing.promise);
    const again = store.choose([BACKUP_FILE()]);
    expect(store.busy.value).toBe(true);
    await vi.waitFor(() => expect(api.planImport).toHaveBeenCalledTimes(2));
    failing.reject(new Error('gone'));
    await again;
    expect(store.busy.value).toBe(false);
  });

  it('is not busy after a refused file', async () => {
    const { store } = setup();
    const choosing = store.choose([text('b.json', '{')]);
    expect(store.busy.value).toBe(true);
    await choosing;
    expect(store.busy.value).toBe(false);
    expect(store.importStatus.value?.ok).toBe(false);
  });
});

describe('transfer store: export', () => {
  const TWO_PEOPLE_STATUS = '2 people, 1 note, 2 interactions.';

  it('saves the backup as JSON that reads back as what the background exported', async () => {
    const { api, store, saved, backup, calls } = setup();

    await store.exportAs('backup');

    expect(calls).toEqual(['exportBackup', 'saveFile acquaint-backup-2026-11-22.json']);
    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(file?.name).toMatch(/^acquaint-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file?.name).toBe('acquaint-backup-2026-11-22.json');
    expect(file?.type).toBe('application/json');
    expect(JSON.parse(file?.text ?? '')).toEqual(backup);
    expect(file?.text.endsWith('}\n')).toBe(true);
    expect(store.exportStatus.value).toEqual({
      ok: true,
      text: `Saved acquaint-backup-2026-11-22.json to your downloads: ${TWO_PEOPLE_STATUS}`,
    });
    expect(api.planImport).not.toHaveBeenCalled();
    expect(store.busy.value).toBe(false);
  });

  it('names the file by the day the background exported, not the page’s clock', async () => {
    const backup = backupOf({ exportedAt: '2027-01-02T23:59:00.000Z' });
    const { store, saved } = setup({ backup });
    await store.exportAs('backup');
    expect(saved[0]?.name).toBe('acquaint-backup-2027-01-02.json');
    expect(store.exportStatus.value?.text).toBe(
      'Saved acquaint-backup-2027-01-02.json to your downloads: 0 people, 0 notes, 0 interactions.',
    );
  });

  it('saves the people as vCards, one card per person, that read back', async () => {
    const { store, saved, backup } = setup();

    await store.exportAs('vcard');

    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(file?.name).toMatch(/^acquaint-people-\d{4}-\d{2}-\d{2}\.vcf$/);
    expect(file?.name).toBe('acquaint-people-2026-11-22.vcf');
    expect(file?.type).toBe('text/vcard;charset=utf-8');
    const cards = file?.text ?? '';
    expect(cards.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(backup.people.length);
    expect(cards.match(/^END:VCARD\r?$/gm)).toHaveLength(backup.people.length);
    expect(cards).toContain('FN:Ada Quill');
    expect(cards).toContain('FN:Pip Wellings');

    const reading = await readImportFiles([text(file?.name ?? '', cards)], clock);
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.backup.people.map((p) => [p.name, p.identities.map((i) => i.key)])).toEqual([
      ['Ada Quill', ['linkedin:ada-quill-4b21a']],
      ['Pip Wellings', ['x:pipwellings']],
    ]);
    expect(store.exportStatus.value).toEqual({
      ok: true,
      text: `Saved acquaint-people-2026-11-22.vcf to your downloads: ${TWO_PEOPLE_STATUS}`,
    });
  });

  it('saves the people as CSV with a byte order mark, one row per person', async () => {
    const { store, saved } = setup();

    await store.exportAs('csv');

    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(file?.name).toMatch(/^acquaint-people-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file?.name).toBe('acquaint-people-2026-11-22.csv');
    expect(file?.type).toBe('text/csv;charset=utf-8');
    const csv = file?.text ?? '';
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...PEOPLE_CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Ada Quill', 'Pip Wellings']);
    expect(store.exportStatus.value).toEqual({
      ok: true,
      text: `Saved acquaint-people-2026-11-22.csv to your downloads: ${TWO_PEOPLE_STATUS}`,
    });
  });

  it('judges "Cold" by the clock it was given', async () => {
    // Ada's last interaction was 2026-02-10 with a 30-day cadence: cold at NOW.
    const { store, saved } = setup();
    await store.exportAs('csv');
    const rows = Papa.parse<string[]>((saved[0]?.text ?? '').slice(1), {
      skipEmptyLines: true,
    }).data;
    const cold = PEOPLE_CSV_COLUMNS.indexOf('Cold');
    expect(rows[1]?.[0]).toBe('Ada Quill');
    expect(rows[1]?.[cold]).toBe('yes');
  });

  it('counts one person and no notes in the singular and plural', async () => {
    const backup: Backup = backupOf({
      people: [person({ id: 'p-1', name: 'Solo', identities: [{ key: 'x:solo' }] })],
    });
    const { store } = setup({ backup });
    await store.exportAs('csv');
    expect(store.exportStatus.value?.text).toBe(
      'Saved acquaint-people-2026-11-22.csv to your downloads: 1 person, 0 notes, 0 interactions.',
    );
  });

  it('formats large counts with separators', async () => {
    const people = Array.from({ length: 1234 }, (_, index) =>
      person({ id: `p-${index}`, name: `P ${index}`, identities: [{ key: `x:p${index}` }] }),
    );
    const { store } = setup({ backup: backupOf({ people }) });
    await store.exportAs('backup');
    expect(store.exportStatus.value?.text).toBe(
      'Saved acquaint-backup-2026-11-22.json to your downloads: 1,234 people, 0 notes, 0 interactions.',
    );
  });

  it.each(['backup', 'vcard', 'csv'] as const)(
    'a failing export (%s) says why and saves nothing',
    async (kind) => {
      const { api, store } = setup();
      api.exportBackup.mockRejectedValueOnce(new Error('The database is closed.'));

      await store.exportAs(kind);

      expect(api.saveFile).not.toHaveBeenCalled();
      expect(store.exportStatus.value).toEqual({
        ok: false,
        text: 'The export failed: The database is closed.',
      });
      expect(store.busy.value).toBe(false);
    },
  );

  it('a download that cannot start is a failed export', async () => {
    const { api, store } = setup();
    api.saveFile.mockImplementationOnce(() => {
      throw new Error('Blocked by the browser.');
    });
    await store.exportAs('backup');
    expect(store.exportStatus.value).toEqual({
      ok: false,
      text: 'The export failed: Blocked by the browser.',
    });
  });

  it('is busy while the background exports', async () => {
    const { api, store } = setup();
    const exported = deferred<Backup>();
    api.exportBackup.mockReturnValueOnce(exported.promise);

    const exporting = store.exportAs('backup');
    expect(store.busy.value).toBe(true);
    expect(api.saveFile).not.toHaveBeenCalled();
    exported.resolve(fixtureBackup());
    await exporting;
    expect(store.busy.value).toBe(false);
    expect(api.saveFile).toHaveBeenCalledTimes(1);
  });

  it('exports and imports keep separate statuses', async () => {
    const { store } = setup();
    await store.choose([text('b.json', '{')]);
    await store.exportAs('backup');
    expect(store.importStatus.value?.ok).toBe(false);
    expect(store.exportStatus.value?.ok).toBe(true);
  });
});
