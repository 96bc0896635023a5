import { signal } from '@preact/signals';

import type { AutoBackupStatus } from '../background/auto-backup';
import { sendRequest } from '../messaging/client';

/** What the automatic-backups card asks of the background; tests give a fake. */
export interface AutoBackupApi {
  status(): Promise<AutoBackupStatus>;
  runNow(): Promise<AutoBackupStatus>;
  /** Whether the browser keeps the extension's data under storage pressure (null: cannot tell). */
  persisted(): Promise<boolean | null>;
}

export const messagingAutoBackupApi: AutoBackupApi = {
  status: () => sendRequest({ type: 'autoBackup.status' }),
  runNow: () => sendRequest({ type: 'autoBackup.run' }),
  persisted: async () => {
    if (!navigator.storage?.persisted) return null;
    // Asking again is harmless; the background asks at every start.
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  },
};

export type AutoBackupStore = ReturnType<typeof createAutoBackupStore>;

export function createAutoBackupStore(api: AutoBackupApi) {
  const status = signal<AutoBackupStatus | null>(null);
  const running = signal(false);
  const failure = signal<string | null>(null);
  const persisted = signal<boolean | null>(null);

  return {
    status,
    running,
    failure,
    persisted,

    async load() {
      try {
        persisted.value = await api.persisted().catch(() => null);
        status.value = await api.status();
      } catch (error) {
        failure.value = error instanceof Error ? error.message : String(error);
      }
    },

    async runNow() {
      running.value = true;
      failure.value = null;
      try {
        status.value = await api.runNow();
      } catch (error) {
        failure.value = error instanceof Error ? error.message : String(error);
      } finally {
        running.value = false;
      }
    },
  };
}
