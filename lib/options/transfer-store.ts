import { signal } from '@preact/signals';

import { backupFileName, backupText } from '../backup/export';
import type { ImportMode, ImportSummary } from '../backup/import';
import type { Backup } from '../backup/schema';
import { PEOPLE_EXPORT_MIME_TYPES, peopleExportFileName } from '../exports/file-names';
import { backupToPeopleCsv } from '../exports/people-csv';
import { backupToVCards } from '../exports/vcard';
import { type PickedBytes, readImportFiles } from '../imports/read-files';
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
}

export interface TransferStatus {
  ok: boolean;
  text: string;
}

export type TransferStore = ReturnType<typeof createTransferStore>;

export type ExportKind = 'backup' | 'vcard' | 'csv';

/** Export and import on the options page: read, preview, confirm, report. */
export function createTransferStore(api: TransferApi, clock: Clock = systemClock) {
  const preview = signal<ImportPreview | null>(null);
  const importStatus = signal<TransferStatus | null>(null);
  const exportStatus = signal<TransferStatus | null>(null);
  const busy = signal(false);
  /** Files are being read and checked (the import card says so; an export does not). */
  const reading = signal(false);
  /** The file waiting for "Import", kept out of the signals: it may be large. */
  let pending: { backup: Backup; mode: ImportMode } | null = null;

  const run = async (task: () => Promise<void>) => {
    busy.value = true;
    try {
      await task();
    } finally {
      busy.value = false;
    }
  };

  /** Reads and checks the files, then asks the background what importing them would do. */
  const planFiles = async (files: readonly PickedBytes[]) => {
    const read = await readImportFiles(files, clock);
    if (!read.ok) {
      importStatus.value = { ok: false, text: read.error };
      return;
    }
    try {
      const summary = await api.planImport(read.backup, read.mode);
      pending = { backup: read.backup, mode: read.mode };
      preview.value = {
        label: read.label,
        fileNames: files.map((file) => file.name),
        mode: read.mode,
        summary,
        problems: [...read.problems, ...summary.problems],
      };
    } catch (error) {
      importStatus.value = { ok: false, text: message(error) };
    }
  };

  return {
    preview,
    importStatus,
    exportStatus,
    busy,
    reading,

    /** The user picked files: read and check them, then show what importing would do. */
    choose: (files: readonly PickedBytes[]) =>
      run(async () => {
        preview.value = null;
        pending = null;
        importStatus.value = null;
        reading.value = true;
        try {
          await planFiles(files);
        } finally {
          reading.value = false;
        }
      }),

    /** The browser could not hand over the picked files (moved, deleted, unreadable). */
    unreadable(error: unknown) {
      preview.value = null;
      pending = null;
      importStatus.value = {
        ok: false,
        text: `The file could not be read (${message(error)}). Was it moved or deleted? Nothing was imported.`,
      };
    },

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
      importStatus.value = { ok: true, text: 'Import cancelled; nothing was changed.' };
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
