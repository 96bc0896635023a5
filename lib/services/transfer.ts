import { exportBackup } from '../backup/export';
import { applyImport, type ImportMode, type ImportSummary, planImport } from '../backup/import';
import { type Backup, parseBackup } from '../backup/schema';
import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';

export type TransferService = ReturnType<typeof createTransferService>;

/** Moving everything out (backups) and in (restores, other tools' exports). */
export function createTransferService(db: AcquaintDatabase, clock: Clock = systemClock) {
  return {
    exportBackup: (): Promise<Backup> => exportBackup(db, clock),

    /** What importing would do; writes nothing. The file is checked again here, as it came by message. */
    plan: (file: unknown, mode: ImportMode): Promise<ImportSummary> =>
      planImport(db, checked(file), mode),

    /** All of it or none of it. */
    apply: (file: unknown, mode: ImportMode): Promise<ImportSummary> =>
      applyImport(db, checked(file), mode),
  };
}

function checked(file: unknown): Backup {
  const parsed = parseBackup(file);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}
