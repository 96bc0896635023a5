import { backupText } from '../backup/export';
import type { Backup } from '../backup/schema';
import type { Clock } from '../model/clock';
import { DAY_MS } from '../model/cold';
import type { Settings } from '../model/settings';

export const AUTO_BACKUP_ALARM = 'acquaint-auto-backup';
/** How often the background asks whether a backup is due. */
export const AUTO_BACKUP_CHECK_MINUTES = 60;
/** Inside the downloads folder, so the files are easy to find and never mixed with others. */
export const AUTO_BACKUP_FOLDER = 'Acquaint';

/** One file Acquaint wrote, by the browser's download id, so it can delete it later. */
export interface AutoBackupFile {
  downloadId: number;
  /** Inside the downloads folder, as the browser named it (it adds " (1)" when a name is taken). */
  filename: string;
  writtenAt: string;
  /**
   * When the browser started the download, as it reported it. An id alone is no proof: the
   * browser hands out ids from 1 again after its list is cleared and it restarts. Missing in
   * records of earlier builds.
   */
  startTime?: string;
}

/** What the browser says about a file just written. */
export type SavedBackupFile = Required<Omit<AutoBackupFile, 'writtenAt'>>;

/** What the options page shows, stored beside the settings. */
export interface AutoBackupState {
  /** When the newest file was written. */
  lastWrittenAt: string | null;
  /** When a backup was last due and done: written, or found unchanged since the newest file. */
  lastCheckedAt: string | null;
  /** Why the last attempt failed, in words; null after a success. */
  lastError: string | null;
  /** The content of the last file written (without its date), to skip writing the same again. */
  lastDigest: string | null;
  files: AutoBackupFile[];
}

/** What the options page is told: where the files are and when the last one was written. */
export type AutoBackupStatus = Omit<AutoBackupState, 'lastDigest'>;

export function autoBackupStatus({
  lastDigest: _digest,
  ...status
}: AutoBackupState): AutoBackupStatus {
  return status;
}

export const EMPTY_AUTO_BACKUP_STATE: AutoBackupState = {
  lastWrittenAt: null,
  lastCheckedAt: null,
  lastError: null,
  lastDigest: null,
  files: [],
};

/** The slices of `downloads` the backups use; fakes in tests. */
export interface AutoBackupDownloads {
  /** Starts a download of `text` and resolves when the file is complete, with what identifies it. */
  save(filename: string, text: string): Promise<SavedBackupFile>;
  /** Whether the browser's item of that id is still this file, written by Acquaint. */
  isOwn(file: AutoBackupFile): Promise<boolean>;
  /**
   * Deletes the file and forgets it in the browser's list, only after confirming it is still
   * Acquaint's own; false (and nothing touched) when it is not.
   */
  remove(file: AutoBackupFile): Promise<boolean>;
}

export interface AutoBackupDeps {
  exportBackup(): Promise<Backup>;
  settings(): Promise<Settings>;
  readState(): Promise<AutoBackupState>;
  writeState(state: AutoBackupState): Promise<void>;
  downloads: AutoBackupDownloads;
  clock: Clock;
}

export type AutoBackup = ReturnType<typeof createAutoBackup>;

/**
 * Dated backup files in the downloads folder, so an uninstall or a broken profile cannot take the
 * notes with it. A backup is written when one is due and something changed since the last file;
 * the last `autoBackupKeep` files are kept.
 */
export function createAutoBackup(deps: AutoBackupDeps) {
  let running: Promise<AutoBackupState> | null = null;

  const write = async (force: boolean): Promise<AutoBackupState> => {
    const state = await deps.readState();
    const settings = await deps.settings();
    const now = deps.clock();
    if (!force) {
      if (!settings.autoBackup) return state;
      const lastDone = state.lastCheckedAt ?? state.lastWrittenAt;
      const last = lastDone ? Date.parse(lastDone) : null;
      if (last !== null && now.getTime() - last < settings.autoBackupEveryDays * DAY_MS) {
        return state;
      }
    }
    let next: AutoBackupState;
    try {
      const backup = await deps.exportBackup();
      const digest = await digestOf(backup);
      if (!force && backup.people.length === 0) {
        // A new install has nothing to lose yet; look again at the next alarm.
        return state;
      }
      if (!force && digest === state.lastDigest && state.files.length > 0) {
        // Nothing changed: the newest file still holds everything.
        next = { ...state, lastCheckedAt: now.toISOString(), lastError: null };
      } else {
        const saved = await deps.downloads.save(autoBackupFileName(now), backupText(backup));
        const written: AutoBackupFile = { ...saved, writtenAt: now.toISOString() };
        const files = [...(await stillOwn(deps.downloads, state.files, written)), written];
        const surplus = files.length - settings.autoBackupKeep;
        const old = surplus > 0 ? files.slice(0, surplus) : [];
        for (const file of old) await deps.downloads.remove(file).catch(() => false);
        next = {
          lastWrittenAt: now.toISOString(),
          lastCheckedAt: now.toISOString(),
          lastError: null,
          lastDigest: digest,
          files: files.slice(old.length),
        };
      }
    } catch (error) {
      next = { ...state, lastError: error instanceof Error ? error.message : String(error) };
    }
    await deps.writeState(next);
    return next;
  };

  /** One at a time: an alarm and a click at once write one file. */
  const once = (force: boolean) => {
    running ??= write(force).finally(() => {
      running = null;
    });
    return running;
  };

  return {
    /** From the alarm and at start-up: writes only when due and on. */
    runIfDue: () => once(false),
    /** "Back up now" on the options page. */
    runNow: () => once(true),
    status: async () => autoBackupStatus(await deps.readState()),
  };
}

/**
 * The recorded files that are still the ones Acquaint wrote, oldest first, each once. A record
 * whose id now names something else (a file the user downloaded, or the file just written) is
 * dropped and never deleted; of two records naming the same file, the newer one stays.
 */
async function stillOwn(
  downloads: AutoBackupDownloads,
  recorded: readonly AutoBackupFile[],
  written: AutoBackupFile,
): Promise<AutoBackupFile[]> {
  const kept: AutoBackupFile[] = [];
  const seen = new Set<string>([idOf(written), written.filename]);
  for (const file of [...recorded].reverse()) {
    if (seen.has(idOf(file)) || seen.has(file.filename)) continue;
    if (!(await downloads.isOwn(file).catch(() => false))) continue;
    seen.add(idOf(file)).add(file.filename);
    kept.unshift(file);
  }
  return kept;
}

const idOf = (file: AutoBackupFile) => `#${file.downloadId}`;

/** `Acquaint/acquaint-backup-2026-11-22-1000.json`, in UTC, so the files sort by date. */
export function autoBackupFileName(at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `${AUTO_BACKUP_FOLDER}/acquaint-backup-${stamp}.json`;
}

async function digestOf(backup: Backup): Promise<string> {
  const text = backupText({ ...backup, exportedAt: '' });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
