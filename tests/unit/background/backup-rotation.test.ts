import { type AutoBackupFile, createAutoBackup } from '@/lib/background/auto-backup';
import { createBackupDownloads, isOwnBackup } from '@/lib/background/downloads';
import { exportBackup } from '@/lib/backup/export';
import type { AcquaintDatabase } from '@/lib/db/database';
import { DAY_MS } from '@/lib/model/cold';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import { createAutoBackupStateStore } from '@/lib/services/auto-backup-state';
import { createPeopleService } from '@/lib/services/people';

import { disposeDatabase, openTestDatabase, testClock, type TestClock } from '../support/db';
import { EXTENSION_ID, type FakeDownloads, fakeDownloads } from './fake-downloads';

let db: AcquaintDatabase;
let time: TestClock;
let settings: Settings;
let browserDownloads: FakeDownloads;

function setup() {
  const store = createAutoBackupStateStore(db);
  const downloads = createBackupDownloads(browserDownloads.api, EXTENSION_ID);
  const backups = createAutoBackup({
    exportBackup: () => exportBackup(db, time.clock),
    settings: async () => settings,
    readState: () => store.read(),
    writeState: (state) => store.write(state),
    downloads,
    clock: time.clock,
  });
  return { backups, downloads, store };
}

/** Something changes, a day passes, and the due backup is written. */
let day = 0;
async function nextDailyBackup(backups: ReturnType<typeof setup>['backups']) {
  day += 1;
  await createPeopleService(db, time.clock).ensure({ key: `x:person${day}`, name: `P ${day}` });
  const state = await backups.runIfDue();
  time.advance(DAY_MS);
  return state;
}

const removedIds = () => browserDownloads.api.removeFile.mock.calls.map(([id]) => id);

beforeEach(() => {
  db = openTestDatabase();
  time = testClock('2026-11-22T10:00:00.000Z');
  settings = { ...DEFAULT_SETTINGS, autoBackupKeep: 2 };
  browserDownloads = fakeDownloads(time.clock);
  day = 0;
});
afterEach(() => disposeDatabase(db));

describe('backup rotation after the download list is cleared and the browser restarts', () => {
  it("never deletes the user's own file that now has an old backup's id", async () => {
    const { backups } = setup();
    const before = await nextDailyBackup(backups);
    await nextDailyBackup(backups);
    expect(before.files.map((file) => file.downloadId)).toEqual([1]);

    browserDownloads.clearList();
    browserDownloads.restart();
    const statement = browserDownloads.userDownload('statement.pdf');
    // The premise: the user's file has the id the oldest backup's record names.
    expect(statement.id).toBe(1);

    const after = await nextDailyBackup(backups);

    expect(browserDownloads.disk.get(statement.filename)).toBe('the user’s own');
    expect(browserDownloads.items.get(1)?.filename).toBe(statement.filename);
    expect(removedIds()).toEqual([]);
    // The records whose ids now name something else are gone from the rotation, never deleted.
    expect(after.files).toHaveLength(1);
    expect(after.files[0]).toMatchObject({
      downloadId: 2,
      filename: 'Acquaint/acquaint-backup-2026-11-24-1000.json',
    });
    // Their files are still on the disk: with the list cleared, the browser cannot say which
    // file they were, so they are left alone.
    expect(
      [...browserDownloads.disk.keys()].filter((path) => path.includes('backup')),
    ).toHaveLength(3);
  });

  it('never deletes the newest backup when it got an id an older record names', async () => {
    const { backups } = setup();
    await nextDailyBackup(backups);
    await nextDailyBackup(backups);
    browserDownloads.clearList();
    browserDownloads.restart();

    const after = await nextDailyBackup(backups);

    // The new file took id 1, the oldest record's; the kept list names it once, and it is there.
    expect(after.files.map((file) => file.downloadId)).toEqual([1]);
    const newest = browserDownloads.items.get(1);
    expect(newest?.filename).toContain('acquaint-backup-2026-11-24-1000.json');
    expect(browserDownloads.disk.has(newest?.filename ?? '')).toBe(true);
    expect(removedIds()).toEqual([]);
  });

  it('rotates normally again once the new files are its own', async () => {
    const { backups } = setup();
    await nextDailyBackup(backups);
    await nextDailyBackup(backups);
    browserDownloads.clearList();
    browserDownloads.restart();
    const statement = browserDownloads.userDownload('statement.pdf');

    await nextDailyBackup(backups); // id 2
    await nextDailyBackup(backups); // id 3
    const state = await nextDailyBackup(backups); // id 4; 2 goes

    expect(removedIds()).toEqual([2]);
    expect(state.files.map((file) => file.downloadId)).toEqual([3, 4]);
    expect(new Set(state.files.map((file) => file.filename)).size).toBe(2);
    expect(browserDownloads.disk.has(statement.filename)).toBe(true);
  });

  it('names the file the browser wrote, and tells two files of the same minute apart', async () => {
    settings.autoBackupKeep = 3;
    const { backups } = setup();
    await createPeopleService(db, time.clock).ensure({ key: 'x:ada', name: 'Ada' });
    await backups.runNow();
    const state = await backups.runNow();

    expect(state.files.map((file) => file.filename)).toEqual([
      'Acquaint/acquaint-backup-2026-11-22-1000.json',
      'Acquaint/acquaint-backup-2026-11-22-1000 (1).json',
    ]);
    expect(state.files.map((file) => file.startTime)).toEqual([
      '2026-11-22T10:00:00.000Z',
      '2026-11-22T10:00:00.000Z',
    ]);
  });

  it('never deletes a file the browser wrote under another name, and records the name asked', async () => {
    const { backups } = setup();
    browserDownloads.renameDownloads(() => '3f2b-random.json');
    const first = await nextDailyBackup(backups);
    await nextDailyBackup(backups);
    const state = await nextDailyBackup(backups);

    expect(first.files.map((file) => file.filename)).toEqual([
      'Acquaint/acquaint-backup-2026-11-22-1000.json',
    ]);
    // Nothing shows those files are backups in Acquaint's folder: none is deleted.
    expect(removedIds()).toEqual([]);
    expect(state.files.map((file) => file.downloadId)).toEqual([3]);
    expect(browserDownloads.disk.size).toBe(3);
  });

  it('drops a record whose file the user deleted and a new backup took the name of', async () => {
    const { backups } = setup();
    const first = await nextDailyBackup(backups);
    const path = browserDownloads.items.get(1)?.filename ?? '';
    browserDownloads.disk.delete(path);
    const item = browserDownloads.items.get(1);
    if (item) item.exists = false;
    // Same name as the deleted one: the browser reuses a name that is free again.
    time.set(first.files[0]?.writtenAt ?? '');
    const state = await backups.runNow();

    expect(state.files.map((file) => file.downloadId)).toEqual([2]);
    expect(browserDownloads.items.get(2)?.filename).toBe(path);
    expect(browserDownloads.disk.has(path)).toBe(true);
  });
});

describe('records of an earlier build, without a start time', () => {
  /** What an earlier build recorded: the clock reading from before the export, no start time. */
  async function legacyRecord(store: ReturnType<typeof setup>['store'], writtenAt: string) {
    time.set(new Date(Date.parse(writtenAt) + 150).toISOString());
    const id = await browserDownloads.api.download({
      url: 'data:application/json,{}',
      filename: `Acquaint/acquaint-backup-${writtenAt.slice(0, 10)}-1000.json`,
    });
    const file: AutoBackupFile = {
      downloadId: id,
      filename: `Acquaint/acquaint-backup-${writtenAt.slice(0, 10)}-1000.json`,
      writtenAt,
    };
    const state = await store.read();
    await store.write({ ...state, files: [...state.files, file], lastCheckedAt: writtenAt });
    return file;
  }

  it('still rotates them out when the browser item matches', async () => {
    settings.autoBackupKeep = 1;
    const { backups, store } = setup();
    await legacyRecord(store, '2026-11-20T10:00:00.000Z');
    time.set('2026-11-22T10:00:00.000Z');

    await nextDailyBackup(backups);

    expect(removedIds()).toEqual([1]);
  });

  it("leaves the user's file alone when it has a legacy record's id", async () => {
    settings.autoBackupKeep = 1;
    const { backups, store } = setup();
    await legacyRecord(store, '2026-11-20T10:00:00.000Z');
    browserDownloads.clearList();
    browserDownloads.restart();
    time.set('2026-11-21T09:00:00.000Z');
    const statement = browserDownloads.userDownload('statement.pdf');
    time.set('2026-11-22T10:00:00.000Z');

    const state = await nextDailyBackup(backups);

    expect(removedIds()).toEqual([]);
    expect(browserDownloads.disk.has(statement.filename)).toBe(true);
    expect(state.files.map((file) => file.downloadId)).toEqual([2]);
  });
});

describe('isOwnBackup', () => {
  const record: AutoBackupFile = {
    downloadId: 4,
    filename: 'Acquaint/acquaint-backup-2026-11-22-1000.json',
    writtenAt: '2026-11-22T10:00:00.000Z',
    startTime: '2026-11-22T10:00:00.250Z',
  };
  const item = {
    byExtensionId: EXTENSION_ID,
    filename: '/home/user/Downloads/Acquaint/acquaint-backup-2026-11-22-1000.json',
    startTime: '2026-11-22T10:00:00.250Z',
  };

  it('accepts the very file, on Linux and on Windows paths', () => {
    expect(isOwnBackup(item, record, EXTENSION_ID)).toBe(true);
    const windows = 'C:\\Users\\u\\Downloads\\Acquaint\\acquaint-backup-2026-11-22-1000.json';
    expect(isOwnBackup({ ...item, filename: windows }, record, EXTENSION_ID)).toBe(true);
  });

  it.each([
    ['no extension wrote it', { byExtensionId: undefined }],
    ['another extension wrote it', { byExtensionId: 'someone-else' }],
    ['another folder', { filename: '/home/user/Downloads/acquaint-backup-2026-11-22-1000.json' }],
    ['a file of the user', { filename: '/home/user/Downloads/Acquaint/statement.pdf' }],
    [
      'another backup',
      { filename: '/home/user/Downloads/Acquaint/acquaint-backup-2026-11-23-1000.json' },
    ],
    ['another start time', { startTime: '2026-11-22T10:00:00.251Z' }],
  ])('refuses an item when %s', (_why, change) => {
    expect(isOwnBackup({ ...item, ...change }, record, EXTENSION_ID)).toBe(false);
  });

  it('refuses everything when the extension id is unknown', () => {
    expect(isOwnBackup({ ...item, byExtensionId: '' }, record, '')).toBe(false);
  });

  it('accepts the name the browser gave a taken name, for records of an earlier build', () => {
    const legacy = { ...record, startTime: undefined };
    const uniquified = item.filename.replace('.json', ' (2).json');
    expect(
      isOwnBackup(
        { ...item, filename: uniquified, startTime: record.writtenAt },
        legacy,
        EXTENSION_ID,
      ),
    ).toBe(true);
    const firefox = item.filename.replace('.json', '(1).json');
    expect(
      isOwnBackup(
        { ...item, filename: firefox, startTime: record.writtenAt },
        legacy,
        EXTENSION_ID,
      ),
    ).toBe(true);
    // Without a start time, the write time has to be just before the browser's start time.
    expect(
      isOwnBackup({ ...item, startTime: '2026-11-22T10:00:30.000Z' }, legacy, EXTENSION_ID),
    ).toBe(true);
    expect(
      isOwnBackup({ ...item, startTime: '2026-11-22T11:00:00.000Z' }, legacy, EXTENSION_ID),
    ).toBe(false);
    expect(
      isOwnBackup({ ...item, startTime: '2026-11-21T10:00:00.000Z' }, legacy, EXTENSION_ID),
    ).toBe(false);
  });
});

describe('createBackupDownloads', () => {
  it('confirms a file is its own before removing it, and touches nothing otherwise', async () => {
    const downloads = createBackupDownloads(browserDownloads.api, EXTENSION_ID);
    const statement = browserDownloads.userDownload('statement.pdf');
    const stale: AutoBackupFile = {
      downloadId: statement.id,
      filename: 'Acquaint/acquaint-backup-2026-11-01-1000.json',
      writtenAt: '2026-11-01T10:00:00.000Z',
      startTime: '2026-11-01T10:00:00.100Z',
    };

    expect(await downloads.isOwn(stale)).toBe(false);
    expect(await downloads.remove(stale)).toBe(false);

    expect(browserDownloads.api.search).toHaveBeenCalledWith({ id: statement.id });
    expect(browserDownloads.api.removeFile).not.toHaveBeenCalled();
    expect(browserDownloads.api.erase).not.toHaveBeenCalled();
    expect(browserDownloads.disk.has(statement.filename)).toBe(true);
  });

  it('removes its own file and its entry in the list', async () => {
    const downloads = createBackupDownloads(browserDownloads.api, EXTENSION_ID);
    const saved = await downloads.save('Acquaint/acquaint-backup-2026-11-22-1000.json', '{}');
    const file = { ...saved, writtenAt: time.iso() };

    expect(await downloads.isOwn(file)).toBe(true);
    expect(await downloads.remove(file)).toBe(true);

    expect(browserDownloads.disk.size).toBe(0);
    expect(browserDownloads.items.size).toBe(0);
  });

  it('only forgets its own file that is already gone from the disk, whose name may be taken', async () => {
    const downloads = createBackupDownloads(browserDownloads.api, EXTENSION_ID);
    const saved = await downloads.save('Acquaint/acquaint-backup-2026-11-22-1000.json', '{}');
    const item = browserDownloads.items.get(saved.downloadId);
    if (item) item.exists = false;

    expect(await downloads.remove({ ...saved, writtenAt: time.iso() })).toBe(true);

    expect(browserDownloads.api.removeFile).not.toHaveBeenCalled();
    expect(browserDownloads.items.size).toBe(0);
  });
});
