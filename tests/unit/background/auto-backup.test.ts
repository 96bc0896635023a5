import {
  type AutoBackupFile,
  type AutoBackupState,
  autoBackupFileName,
  createAutoBackup,
  EMPTY_AUTO_BACKUP_STATE,
} from '@/lib/background/auto-backup';
import { exportBackup } from '@/lib/backup/export';
import type { AcquaintDatabase } from '@/lib/db/database';
import { DAY_MS } from '@/lib/model/cold';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import { createAutoBackupStateStore } from '@/lib/services/auto-backup-state';
import { createPeopleService } from '@/lib/services/people';

import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';

let db: AcquaintDatabase;
let time: TestClock;
let settings: Settings;
let files: Map<number, { filename: string; text: string }>;
let failNext: string | null;

function setup() {
  let nextId = 1;
  const store = createAutoBackupStateStore(db);
  const save = vi.fn(async (filename: string, text: string) => {
    if (failNext) {
      const message = failNext;
      failNext = null;
      throw new Error(message);
    }
    const id = nextId++;
    files.set(id, { filename, text });
    return { downloadId: id, filename, startTime: time.iso() };
  });
  const isOwn = vi.fn(async (file: AutoBackupFile) => files.has(file.downloadId));
  const remove = vi.fn(async (file: AutoBackupFile) => files.delete(file.downloadId));
  const backups = createAutoBackup({
    exportBackup: () => exportBackup(db, time.clock),
    settings: async () => settings,
    readState: () => store.read(),
    writeState: (state) => store.write(state),
    downloads: { save, isOwn, remove },
    clock: time.clock,
  });
  return { backups, save, remove, store };
}

beforeEach(() => {
  db = openTestDatabase();
  time = testClock('2026-11-22T10:00:00.000Z');
  settings = { ...DEFAULT_SETTINGS };
  files = new Map();
  failNext = null;
});
afterEach(() => disposeDatabase(db));

describe('automatic backups', () => {
  it('writes a dated backup at once on a new install, then once per period', async () => {
    const { backups, save } = setup();
    await createPeopleService(db, time.clock).ensure(ADA);
    const first = await backups.runIfDue();
    expect(save).toHaveBeenCalledTimes(1);
    expect(first.lastWrittenAt).toBe('2026-11-22T10:00:00.000Z');
    expect(first.files.map((f) => f.filename)).toEqual([
      'Acquaint/acquaint-backup-2026-11-22-1000.json',
    ]);
    const written = JSON.parse(files.get(1)?.text ?? '') as { people: { name: string }[] };
    expect(written.people.map((p) => p.name)).toEqual(['Ada Quill']);

    time.advance(DAY_MS / 2);
    await createPeopleService(db, time.clock).ensure(PIP);
    await backups.runIfDue();
    expect(save).toHaveBeenCalledTimes(1);

    time.advance(DAY_MS / 2);
    await backups.runIfDue();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('writes nothing new when nothing changed, but counts the check as done', async () => {
    const { backups, save } = setup();
    await createPeopleService(db, time.clock).ensure(ADA);
    await backups.runIfDue();
    time.advance(2 * DAY_MS);
    const state = await backups.runIfDue();
    expect(save).toHaveBeenCalledTimes(1);
    expect(state.lastWrittenAt).toBe('2026-11-22T10:00:00.000Z');
    expect(state.lastCheckedAt).toBe('2026-11-24T10:00:00.000Z');
    // "Back up now" writes anyway.
    await backups.runNow();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('keeps the last N files and deletes only older ones it wrote', async () => {
    settings.autoBackupKeep = 2;
    const { backups, remove } = setup();
    const people = createPeopleService(db, time.clock);
    for (let day = 0; day < 4; day += 1) {
      await people.ensure({ key: `x:person${day}`, name: `Person ${day}` });
      await backups.runIfDue();
      time.advance(DAY_MS);
    }
    expect([...files.keys()]).toEqual([3, 4]);
    expect(remove.mock.calls.map(([file]) => file.downloadId)).toEqual([1, 2]);
    const state = await backups.status();
    expect(state.files.map((f) => f.downloadId)).toEqual([3, 4]);
    expect(state).not.toHaveProperty('lastDigest');
  });

  it('writes nothing while there is nobody to lose', async () => {
    const { backups, save } = setup();
    const state = await backups.runIfDue();
    expect(save).not.toHaveBeenCalled();
    expect(state.lastCheckedAt).toBeNull();
    await createPeopleService(db, time.clock).ensure(ADA);
    await backups.runIfDue();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does nothing when turned off, except when asked', async () => {
    settings.autoBackup = false;
    const { backups, save } = setup();
    await backups.runIfDue();
    expect(save).not.toHaveBeenCalled();
    await backups.runNow();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('honours a longer period', async () => {
    settings.autoBackupEveryDays = 7;
    const { backups, save } = setup();
    await createPeopleService(db, time.clock).ensure(ADA);
    await backups.runIfDue();
    const people = createPeopleService(db, time.clock);
    for (let day = 1; day < 7; day += 1) {
      time.advance(DAY_MS);
      await people.ensure({ key: `x:p${day}`, name: `P ${day}` });
      await backups.runIfDue();
    }
    expect(save).toHaveBeenCalledTimes(1);
    time.advance(DAY_MS);
    await backups.runIfDue();
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('records a failure in words, keeps the older files, and tries again next time', async () => {
    const { backups, save } = setup();
    await createPeopleService(db, time.clock).ensure(PIP);
    await backups.runIfDue();
    time.advance(DAY_MS);
    await createPeopleService(db, time.clock).ensure(ADA);
    failNext = 'The browser could not write the backup file (FILE_NO_SPACE).';
    const failed = await backups.runIfDue();
    expect(failed.lastError).toBe('The browser could not write the backup file (FILE_NO_SPACE).');
    expect(failed.lastWrittenAt).toBe('2026-11-22T10:00:00.000Z');
    expect(failed.files).toHaveLength(1);
    const retried = await backups.runIfDue();
    expect(save).toHaveBeenCalledTimes(3);
    expect(retried.lastError).toBeNull();
    expect(retried.files).toHaveLength(2);
  });

  it('writes one file when an alarm and a click come at once', async () => {
    const { backups, save } = setup();
    await createPeopleService(db, time.clock).ensure(PIP);
    await Promise.all([backups.runIfDue(), backups.runNow(), backups.runIfDue()]);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('starts over from a damaged record', async () => {
    await db.settings.put({ key: 'autoBackupState', value: { files: 'nonsense' } });
    const { store } = setup();
    const state: AutoBackupState = await store.read();
    expect(state).toEqual(EMPTY_AUTO_BACKUP_STATE);
  });

  it('names files by the UTC minute, inside the Acquaint folder', () => {
    expect(autoBackupFileName(new Date('2026-01-02T03:04:59.000Z'))).toBe(
      'Acquaint/acquaint-backup-2026-01-02-0304.json',
    );
  });
});
