import { z } from 'zod';

import { type AutoBackupState, EMPTY_AUTO_BACKUP_STATE } from '../background/auto-backup';
import type { AcquaintDatabase } from '../db/database';

const KEY = 'autoBackupState';

const stateSchema = z.object({
  lastWrittenAt: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastDigest: z.string().nullable(),
  files: z.array(
    z.object({
      downloadId: z.number().int(),
      filename: z.string(),
      writtenAt: z.string(),
      // Missing in records of earlier builds; without it a file is matched by its write time.
      startTime: z.string().optional(),
    }),
  ),
});

/** The automatic backups' own record, a row beside the settings. */
export function createAutoBackupStateStore(db: AcquaintDatabase) {
  return {
    async read(): Promise<AutoBackupState> {
      const row = await db.settings.get(KEY);
      const parsed = stateSchema.safeParse(row?.value);
      // A damaged record starts over: the worst case is one backup written early.
      return parsed.success ? parsed.data : { ...EMPTY_AUTO_BACKUP_STATE, files: [] };
    },
    async write(state: AutoBackupState): Promise<void> {
      await db.settings.put({ key: KEY, value: state });
    },
  };
}
