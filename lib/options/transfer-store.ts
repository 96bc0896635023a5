import { signal } from '@preact/signals';

import { backupFileName, backupText } from '../backup/export';
import type { ImportMode, ImportSummary } from '../backup/import';
import type { Backup } from '../backup/schema';
import { PEOPLE_EXPORT_MIME_TYPES, peopleExportFileName } from '../exports/file-names';
import { backupToPeopleCsv } from '../exports/people-csv';
import { backupToVCards } from '../exports/vcard';
import {
  type ImportProgress,
  type ImportReader,
  ImportReadCancelled,
  type PickedBytes,
  readImportFiles,
} from '../imports/read-files';
import {
  DEFAULT_TRACK_CHOICE,
  type TrackChoice,
  type TrackingCounts,
  trackingCounts,
  withTracking,
} from '../imports/tracking';
import type { Clock } from '../model/clock';
import { systemClock } from '../model/clock';
import { describeImport } from './import-words';
import type { TransferApi } from './transfer-api';

export interface ImportPreview {
  /** What was read: "Acquaint backup", "LinkedIn export". */
  label: string;
  fileNames: string[];
  mode: ImportMode;
  summary: ImportSummary;
  /** The reader's problems and the merge's, together. */
  problems: string[];
  /** How files were read, when that needs a look (an encoding guessed). */
  notices: string[];
  /** The first few names read, to check they came out right. */
  sample: string[];
  /**
   * Another tool's files: whom to keep in touch with ("Keep in touch with: the people you have
   * messaged (N) / everyone (M) / nobody"), and how many each choice means. Absent for a
   * backup, which keeps everyone's own cadence.
   */
  tracking?: { choice: TrackChoice; counts: TrackingCounts } | null;
}

export const CANCELLED_TEXT = 'Import cancelled; nothing was changed.';

export interface TransferStatus {
  ok: boolean;
  text: string;
}

export type TransferStore = ReturnType<typeof createTransferStore>;

export type ExportKind = 'backup' | 'vcard' | 'csv';

/**
 * Export and import on the options page: read, preview, confirm, report. `read` reads the picked
 * files; the options page passes one that reads in a worker.
 */
export function createTransferStore(
  api: TransferApi,
  clock: Clock = systemClock,
  read: ImportReader = readImportFiles,
) {
  const preview = signal<ImportPreview | null>(null);
  const importStatus = signal<TransferStatus | null>(null);
  const exportStatus = signal<TransferStatus | null>(null);
  const busy = signal(false);
  /** Files are being read and checked (the import card says so; an export does not). */
  const reading = signal(false);
  /** How far reading has come, while it runs. */
  const progress = signal<ImportProgress | null>(null);
  /** Ends the reading under way; a reading or plan that comes back after it is dropped. */
  let stop: AbortController | null = null;
  /**
   * The file waiting for "Import", kept out of the signals: it may be large. `read` is the file as
   * read; `backup` is it with the tracking choice applied, which is what is imported.
   */
  let pending: { read: Backup; backup: Backup; mode: ImportMode } | null = null;

  // Counted, not set: a reading cancelled (still settling) and the next one overlap.
  let running = 0;
  const run = async (task: () => Promise<void>) => {
    running += 1;
    busy.value = true;
    try {
      await task();
    } finally {
      running -= 1;
      busy.value = running > 0;
    }
  };

  /** Reads and checks the files, then asks the background what importing them would do. */
  const planFiles = async (files: readonly PickedBytes[], signal: AbortSignal) => {
    const result = await read(files, {
      clock,
      signal,
      onProgress: (step) => {
        if (!signal.aborted) progress.value = step;
      },
    });
    if (signal.aborted) return;
    if (!result.ok) {
      importStatus.value = { ok: false, text: result.error };
      return;
    }
    try {
      const summary = await api.planImport(result.backup, result.mode);
      // Planning only reads; a plan coming back after Cancel is dropped, so nothing is pending.
      if (signal.aborted) return;
      pending = { read: result.backup, backup: result.backup, mode: result.mode };
      preview.value = {
        label: result.label,
        fileNames: files.map((file) => file.name),
        mode: result.mode,
        summary,
        problems: [...result.problems, ...summary.problems],
        notices: result.notices,
        sample: result.sample,
        ...(result.mode === 'add' && result.backup.people.length > 0
          ? {
              tracking: {
                choice: DEFAULT_TRACK_CHOICE,
                counts: trackingCounts(result.backup),
              },
            }
          : {}),
      };
    } catch (error) {
      if (!signal.aborted) importStatus.value = { ok: false, text: message(error) };
    }
  };

  return {
    preview,
    importStatus,
    exportStatus,
    busy,
    reading,
    progress,

    /** The user picked files: read and check them, then show what importing would do. */
    choose: (files: readonly PickedBytes[]) =>
      run(async () => {
        preview.value = null;
        pending = null;
        importStatus.value = null;
        reading.value = true;
        progress.value = null;
        const controller = new AbortController();
        stop = controller;
        try {
          await planFiles(files, controller.signal);
        } catch (error) {
          if (!(error instanceof ImportReadCancelled)) {
            importStatus.value = { ok: false, text: message(error) };
          }
        } finally {
          if (stop === controller) {
            stop = null;
            reading.value = false;
            progress.value = null;
          }
        }
      }),

    /** Cancel while files are read or checked: the reading ends, and nothing is pending. */
    stopReading() {
      if (!stop) return;
      stop.abort();
      stop = null;
      reading.value = false;
      progress.value = null;
      preview.value = null;
      pending = null;
      importStatus.value = { ok: true, text: CANCELLED_TEXT };
    },

    /** The browser could not hand over the picked files (moved, deleted, unreadable). */
    unreadable(error: unknown) {
      preview.value = null;
      pending = null;
      importStatus.value = {
        ok: false,
        text: `The file could not be read (${message(error)}). Was it moved or deleted? Nothing was imported.`,
      };
    },

    /**
     * The user chose whom to keep in touch with: the file to import changes at once, and the
     * preview's counts are asked for again (someone an earlier import left untracked may now be
     * updated).
     */
    chooseTracking: (choice: TrackChoice) =>
      run(async () => {
        const current = preview.value;
        const waiting = pending;
        if (!waiting || !current?.tracking || current.tracking.choice === choice) return;
        const backup = withTracking(waiting.read, choice);
        pending = { ...waiting, backup };
        preview.value = { ...current, tracking: { ...current.tracking, choice } };
        try {
          const summary = await api.planImport(backup, waiting.mode);
          // A later choice, a cancel or another file since: this plan is for nothing pending.
          if (pending?.backup !== backup || !preview.value) return;
          preview.value = { ...preview.value, summary };
        } catch (error) {
          if (pending?.backup === backup) importStatus.value = { ok: false, text: message(error) };
        }
      }),

    confirm: () =>
      run(async () => {
        const current = preview.value;
        if (!pending || !current) return;
        try {
          const summary = await api.applyImport(pending.backup, pending.mode);
          importStatus.value = { ok: true, text: describeImport(current.label, summary) };
          preview.value = null;
          pending = null;
        } catch (error) {
          importStatus.value = {
            ok: false,
            text: `Nothing was imported: ${message(error)}`,
          };
        }
      }),

    cancel() {
      preview.value = null;
      pending = null;
      importStatus.value = { ok: true, text: CANCELLED_TEXT };
    },

    exportAs: (kind: ExportKind) =>
      run(async () => {
        try {
          const backup = await api.exportBackup();
          const file = exportFile(kind, backup, clock());
          api.saveFile(file.name, file.text, file.type);
          exportStatus.value = {
            ok: true,
            text: `Saved ${file.name} to your downloads: ${count(backup.people.length, 'person', 'people')}, ${count(backup.notes.length, 'note', 'notes')}, ${count(backup.interactions.length, 'interaction', 'interactions')}.`,
          };
        } catch (error) {
          exportStatus.value = { ok: false, text: `The export failed: ${message(error)}` };
        }
      }),
  };
}

function exportFile(kind: ExportKind, backup: Backup, now: Date) {
  if (kind === 'backup') {
    return { name: backupFileName(backup), text: backupText(backup), type: 'application/json' };
  }
  const format = kind === 'vcard' ? 'vcf' : 'csv';
  return {
    name: peopleExportFileName(backup, format),
    text: kind === 'vcard' ? backupToVCards(backup) : backupToPeopleCsv(backup, now),
    type: PEOPLE_EXPORT_MIME_TYPES[format],
  };
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
