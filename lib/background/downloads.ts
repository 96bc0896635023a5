import { browser, type Browser } from 'wxt/browser';

import {
  AUTO_BACKUP_FOLDER,
  type AutoBackupDownloads,
  type AutoBackupFile,
  type SavedBackupFile,
} from './auto-backup';

/** How long a file may take to be written before the backup counts as failed. */
const SAVE_TIMEOUT_MS = 60_000;

/**
 * Records written before the start time was kept hold only the clock reading taken before the
 * export; the browser starts the download after the export, which may take a while on a big
 * profile. The extension id and the file name have to match as well.
 */
const LEGACY_START_WINDOW_MS = 10 * 60_000;
/** The browser's start time and the background's clock are read separately. */
const CLOCK_SLACK_MS = 1_000;

/** The slice of `browser.downloads` used. */
export interface DownloadsApi {
  download(options: Browser.downloads.DownloadOptions): Promise<number>;
  search(query: Browser.downloads.DownloadQuery): Promise<Browser.downloads.DownloadItem[]>;
  removeFile(id: number): Promise<void>;
  erase(query: Browser.downloads.DownloadQuery): Promise<number[]>;
}

/** What of a browser download item tells whose file it is. */
export type DownloadFacts = Pick<
  Browser.downloads.DownloadItem,
  'byExtensionId' | 'filename' | 'startTime'
>;

/**
 * Writes files to the downloads folder, and deletes only those it can show are its own. A download
 * id alone proves nothing: once the browser's list is cleared and the browser restarts, Chromium
 * counts ids from 1 again, so an old backup's id may now be a file the user downloaded.
 *
 * A Manifest V3 service worker has no `URL.createObjectURL`, so the file goes as a `data:`
 * address there; Firefox's background page uses a blob.
 */
export function createBackupDownloads(
  downloads: DownloadsApi,
  extensionId: string = browser.runtime.id,
): AutoBackupDownloads {
  const item = async (id: number) => (await downloads.search({ id }))[0];
  const own = (found: Browser.downloads.DownloadItem | undefined, file: AutoBackupFile) =>
    found !== undefined && isOwnBackup(found, file, extensionId);

  return {
    async save(filename, text) {
      const blobUrl =
        typeof URL.createObjectURL === 'function'
          ? URL.createObjectURL(new Blob([text], { type: 'application/json' }))
          : null;
      const url = blobUrl ?? `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
      try {
        const id = await downloads.download({
          url,
          filename,
          conflictAction: 'uniquify',
          saveAs: false,
        });
        const done = await finished(downloads, id);
        return {
          downloadId: id,
          filename: writtenName(done.filename) ?? filename,
          startTime: done.startTime,
        } satisfies SavedBackupFile;
      } finally {
        if (blobUrl) URL.revokeObjectURL(blobUrl);
      }
    },

    async isOwn(file) {
      return own(await item(file.downloadId), file);
    },

    async remove(file) {
      const found = await item(file.downloadId);
      if (!own(found, file)) return false;
      // A file already gone from the disk is not deleted again: its name may be another's now.
      if (found?.exists !== false) await downloads.removeFile(file.downloadId).catch(() => {});
      await downloads.erase({ id: file.downloadId });
      return true;
    },
  };
}

/**
 * Whether the browser's download item is the backup file `file` records: written by this
 * extension, in the backup folder under the recorded name (or that name with the " (1)" the
 * browser adds when the name is taken), and started when the record says.
 */
export function isOwnBackup(
  item: DownloadFacts,
  file: AutoBackupFile,
  extensionId: string,
): boolean {
  if (!extensionId || item.byExtensionId !== extensionId) return false;
  const parts = item.filename.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (parts.at(-2) !== AUTO_BACKUP_FOLDER || !BACKUP_NAME.test(name)) return false;
  const recorded = baseName(file.filename);
  if (name !== recorded && name.replace(UNIQUIFIED, '.json') !== recorded) return false;
  const started = Date.parse(item.startTime);
  if (file.startTime !== undefined) return started === Date.parse(file.startTime);
  const written = Date.parse(file.writtenAt);
  return started - written >= -CLOCK_SLACK_MS && started - written <= LEGACY_START_WINDOW_MS;
}

/** Chromium makes a taken name `name (1).json`; Firefox, `name(1).json`. */
const BACKUP_NAME = /^acquaint-backup-\d{4}-\d{2}-\d{2}-\d{4}( ?\(\d+\))?\.json$/;
const UNIQUIFIED = / ?\(\d+\)\.json$/;

/**
 * `Acquaint/<name>` when the browser wrote a backup's name in the backup folder (it may have
 * added " (1)"), so the record names the very file; null when something else named it (another
 * extension may rename downloads), and such a file is never taken for Acquaint's own.
 */
function writtenName(path: string): string | null {
  const parts = path.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  return parts.at(-2) === AUTO_BACKUP_FOLDER && BACKUP_NAME.test(name)
    ? `${AUTO_BACKUP_FOLDER}/${name}`
    : null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? '';
}

async function finished(
  downloads: DownloadsApi,
  id: number,
): Promise<Browser.downloads.DownloadItem> {
  const deadline = Date.now() + SAVE_TIMEOUT_MS;
  for (;;) {
    const [item] = await downloads.search({ id });
    if (item?.state === 'complete') return item;
    if (!item || item.state === 'interrupted') {
      throw new Error(
        `The browser could not write the backup file${item?.error ? ` (${item.error})` : ''}.`,
      );
    }
    if (Date.now() > deadline) throw new Error('Writing the backup file took too long.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
