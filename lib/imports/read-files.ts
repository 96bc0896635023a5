import { MAX_BACKUP_CHARS, parseBackupText } from '../backup/import';
import type { Backup } from '../backup/schema';
import { type Clock, systemClock } from '../model/clock';
import type { ImportDraft, PickedFile } from './draft';
import {
  isLinkedInConnectionsFile,
  isLinkedInExportPath,
  isLinkedInMessagesFile,
  readLinkedInExport,
} from './linkedin';
import { draftToBackup } from './to-backup';
import { isVCardFile, readVCards } from './vcard';
import { isXArchiveDataPath, isXArchiveFile, readXArchive } from './x-archive';
import { decodeText } from './decode';
import { isZip, readZipFiles } from './zip';

/** A file as the user picked it, before anything is known about it. */
export interface PickedBytes {
  name: string;
  bytes: Uint8Array;
}

/** What the picked files hold, ready to preview and import; or why they cannot be imported. */
export type ImportReading =
  | {
      ok: true;
      /** What was read, for the preview: "Acquaint backup", "LinkedIn export, vCard". */
      label: string;
      /** `restore` for an Acquaint backup, `add` for anything another tool made. */
      mode: 'restore' | 'add';
      backup: Backup;
      /** Rows and records left out or guessed, each saying where. */
      problems: string[];
      /** Sentences about how files were read (an encoding guessed), shown above the sample. */
      notices: string[];
      /** The first few names read, so the user can see they came out right. */
      sample: string[];
    }
  | { ok: false; error: string };

/** How many names the preview shows. */
export const SAMPLE_NAMES = 5;

/** Where reading has got to: a zip being unpacked (compressed bytes), or the files being read. */
export type ImportProgress =
  { stage: 'unpacking'; fileName: string; done: number; total: number } | { stage: 'reading' };

export interface ReadOptions {
  clock?: Clock;
  onProgress?(progress: ImportProgress): void;
}

/**
 * Something that reads picked files: `readImportFiles` itself, or the options page's reader that
 * runs it in a worker (`read-in-worker.ts`). Aborting `signal` ends the reading; the promise then
 * rejects with an `ImportReadCancelled`.
 */
export type ImportReader = (
  files: readonly PickedBytes[],
  options: ReadOptions & { signal?: AbortSignal },
) => Promise<ImportReading>;

/** A reading stopped by the user; nothing was read, so nothing can be imported. */
export class ImportReadCancelled extends Error {
  override name = 'ImportReadCancelled';
  constructor() {
    super('The reading was cancelled.');
  }
}

export const IMPORT_FORMATS =
  'an Acquaint backup (.json), LinkedIn’s Connections.csv and messages.csv (or the export’s .zip), the X archive’s data files (or its .zip), or contacts as vCard (.vcf)';

/**
 * Reads what the user picked: one Acquaint backup on its own, or any mix of files from LinkedIn's
 * export, the X archive and vCards (zips are opened, and only the files used are inflated).
 * Nothing is written here, and nothing leaves the browser.
 */
export async function readImportFiles(
  picked: readonly PickedBytes[],
  options: Clock | ReadOptions = {},
): Promise<ImportReading> {
  const { clock = systemClock, onProgress = () => {} } =
    typeof options === 'function' ? { clock: options } : options;
  if (picked.length === 0) return { ok: false, error: 'No file was chosen.' };
  const files: PickedFile[] = [];
  const notices: string[] = [];
  try {
    for (const file of picked) {
      for (const opened of openFile(file, onProgress)) {
        const decoded = decodeText(displayName(opened.name), opened.bytes);
        files.push({ name: opened.name, text: decoded.text });
        if (decoded.notice) notices.push(decoded.notice);
      }
    }
  } catch (error) {
    return { ok: false, error: message(error) };
  }
  onProgress({ stage: 'reading' });
  if (files.length === 0) {
    return {
      ok: false,
      error: `The zip holds nothing Acquaint can import. Acquaint reads ${IMPORT_FORMATS}.`,
    };
  }

  const backups = files.filter(looksLikeJsonObject);
  if (backups.length > 0) {
    if (files.length > 1) {
      return {
        ok: false,
        error: 'Import an Acquaint backup on its own, not together with other files.',
      };
    }
    const parsed = parseBackupText(backups[0]?.text);
    if (!parsed.ok) return parsed;
    return {
      ok: true,
      label: 'Acquaint backup',
      mode: 'restore',
      backup: parsed.backup,
      problems: [],
      notices,
      sample: sampleNames(parsed.backup),
    };
  }

  const linkedIn = files.filter((f) => isLinkedInConnectionsFile(f) || isLinkedInMessagesFile(f));
  const xArchive = files.filter(isXArchiveFile);
  const vCards = files.filter((f) => isVCardFile(f) || /\.(vcf|vcard)$/i.test(f.name));
  const unknown = files.filter(
    (f) => !linkedIn.includes(f) && !xArchive.includes(f) && !vCards.includes(f),
  );
  if (unknown.length > 0) {
    const names = unknown.map((f) => `“${f.name}”`).join(', ');
    return {
      ok: false,
      error: `${names} ${unknown.length === 1 ? 'is not a file' : 'are not files'} Acquaint can import, so nothing was imported. Acquaint reads ${IMPORT_FORMATS}.`,
    };
  }

  try {
    const drafts: ImportDraft[] = [];
    if (linkedIn.length > 0) drafts.push(readLinkedInExport(linkedIn));
    if (xArchive.length > 0) drafts.push(readXArchive(xArchive));
    for (const file of vCards) drafts.push(readVCards(file));
    const draft = joinDrafts(drafts);
    const backup = await draftToBackup(draft, clock);
    return {
      ok: true,
      label: [...new Set(drafts.map((d) => d.source))].join(', '),
      mode: 'add',
      backup,
      problems: draft.problems,
      notices,
      sample: sampleNames(backup),
    };
  } catch (error) {
    return { ok: false, error: `${message(error)} Nothing was imported.` };
  }
}

/** The picked file's bytes, or the wanted files inside it when it is a zip. */
function openFile(
  file: PickedBytes,
  onProgress: (progress: ImportProgress) => void,
): { name: string; bytes: Uint8Array }[] {
  if (isZip(file.bytes)) {
    return readZipFiles(
      file.name,
      file.bytes,
      (path) => isLinkedInExportPath(path) || isXArchiveDataPath(path) || /\.vcf$/i.test(path),
      ({ done, total }) => onProgress({ stage: 'unpacking', fileName: file.name, done, total }),
    );
  }
  if (file.bytes.length > MAX_BACKUP_CHARS) {
    throw new Error(
      `“${file.name}” is too large to import (over ${MAX_BACKUP_CHARS / 1024 / 1024} MB).`,
    );
  }
  return [file];
}

/** The file's name without the folders of a zip, as notices name it. */
function displayName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** The first names in the backup, skipping people known only by number. */
function sampleNames(backup: Backup): string[] {
  const names: string[] = [];
  for (const person of backup.people) {
    if (person.name !== '') names.push(person.name);
    if (names.length === SAMPLE_NAMES) break;
  }
  return names;
}

function looksLikeJsonObject(file: PickedFile): boolean {
  return /^\uFEFF?\s*\{/.test(file.text.slice(0, 1000)) || /\.json$/i.test(file.name);
}

/** Several readers' drafts as one; refs are made unique per draft. */
function joinDrafts(drafts: ImportDraft[]): ImportDraft {
  if (drafts.length === 1 && drafts[0]) return drafts[0];
  return {
    source: drafts.map((d) => d.source).join(', '),
    people: drafts.flatMap((d, index) =>
      d.people.map((person) => ({ ...person, ref: `${index}:${person.ref}` })),
    ),
    interactions: drafts.flatMap((d, index) =>
      d.interactions.map((i) => ({ ...i, personRef: `${index}:${i.personRef}` })),
    ),
    problems: drafts.flatMap((d) => d.problems),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
