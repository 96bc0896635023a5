import type { AutoBackupStatus } from '@/lib/background/auto-backup';
import { type AutoBackupApi, createAutoBackupStore } from '@/lib/options/auto-backup-store';

import { deferred } from '../support/deferred';

const NONE: AutoBackupStatus = {
  lastWrittenAt: null,
  lastCheckedAt: null,
  lastError: null,
  files: [],
};

const WRITTEN: AutoBackupStatus = {
  lastWrittenAt: '2026-11-22T10:00:00.000Z',
  lastCheckedAt: '2026-11-22T10:00:00.000Z',
  lastError: null,
  files: [
    {
      downloadId: 7,
      filename: 'Acquaint/acquaint-backup-2026-11-22-1000.json',
      writtenAt: '2026-11-22T10:00:00.000Z',
    },
  ],
};

function fakeApi(status: AutoBackupStatus = NONE, written: AutoBackupStatus = WRITTEN) {
  return {
    status: vi.fn(async () => structuredClone(status)),
    runNow: vi.fn(async () => structuredClone(written)),
    persisted: vi.fn(async (): Promise<boolean | null> => false),
  } satisfies AutoBackupApi;
}

describe('auto-backup store', () => {
  it('starts empty', () => {
    const store = createAutoBackupStore(fakeApi());
    expect(store.status.value).toBeNull();
    expect(store.running.value).toBe(false);
    expect(store.failure.value).toBeNull();
  });

  it('load shows what the background says', async () => {
    const api = fakeApi(WRITTEN);
    const store = createAutoBackupStore(api);

    await store.load();

    expect(api.status).toHaveBeenCalledTimes(1);
    expect(api.runNow).not.toHaveBeenCalled();
    expect(store.status.value).toEqual(WRITTEN);
    expect(store.failure.value).toBeNull();
    expect(store.running.value).toBe(false);
  });

  it('load says why it failed, and keeps no status', async () => {
    const api = fakeApi();
    api.status.mockRejectedValueOnce(new Error("Acquaint's background did not answer."));
    const store = createAutoBackupStore(api);

    await store.load();

    expect(store.failure.value).toBe("Acquaint's background did not answer.");
    expect(store.status.value).toBeNull();
  });

  it('words a rejection that is not an Error', async () => {
    const api = fakeApi();
    api.status.mockRejectedValueOnce('the port closed');
    const store = createAutoBackupStore(api);
    await store.load();
    expect(store.failure.value).toBe('the port closed');
  });

  it('runNow is running during the call, then shows the new status', async () => {
    const api = fakeApi();
    const answer = deferred<AutoBackupStatus>();
    api.runNow.mockReturnValueOnce(answer.promise);
    const store = createAutoBackupStore(api);
    await store.load();

    const running = store.runNow();

    expect(store.running.value).toBe(true);
    expect(api.runNow).toHaveBeenCalledTimes(1);
    expect(store.status.value).toEqual(NONE);
    answer.resolve(WRITTEN);
    await running;
    expect(store.running.value).toBe(false);
    expect(store.status.value).toEqual(WRITTEN);
    expect(store.failure.value).toBeNull();
  });

  it('runNow stops running after a failure, says why and keeps the last status', async () => {
    const api = fakeApi(WRITTEN);
    const answer = deferred<AutoBackupStatus>();
    api.runNow.mockReturnValueOnce(answer.promise);
    const store = createAutoBackupStore(api);
    await store.load();

    const running = store.runNow();
    expect(store.running.value).toBe(true);
    answer.reject(new Error('The downloads folder is not writable.'));
    await running;

    expect(store.running.value).toBe(false);
    expect(store.failure.value).toBe('The downloads folder is not writable.');
    expect(store.status.value).toEqual(WRITTEN);
  });

  it('runNow clears an earlier failure as it starts', async () => {
    const api = fakeApi();
    api.status.mockRejectedValueOnce(new Error('no answer'));
    const store = createAutoBackupStore(api);
    await store.load();
    expect(store.failure.value).toBe('no answer');

    const answer = deferred<AutoBackupStatus>();
    api.runNow.mockReturnValueOnce(answer.promise);
    const running = store.runNow();
    expect(store.failure.value).toBeNull();
    answer.resolve(WRITTEN);
    await running;
    expect(store.failure.value).toBeNull();
    expect(store.status.value).toEqual(WRITTEN);
  });
});
