import type { Browser } from 'wxt/browser';

import type { AutoBackupDownloads } from './auto-backup';

/** How long a file may take to be written before the backup counts as failed. */
const SAVE_TIMEOUT_MS = 60_000;

/** The slice of `browser.downloads` used. */
export interface DownloadsApi {
  download(options: Browser.downloads.DownloadOptions): Promise<number>;
  search(query: Browser.downloads.DownloadQuery): Promise<Browser.downloads.DownloadItem[]>;
  removeFile(id: number): Promise<void>;
  erase(query: Browser.downloads.DownloadQuery): Promise<number[]>;
}

/**
 * Writes files to the downloads folder. A Manifest V3 service worker has no `URL.createObjectURL`,
 * so the file goes as a `data:` address there; Firefox's background page uses a blob.
 */
export function createBackupDownloads(downloads: DownloadsApi): AutoBackupDownloads {
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
        await finished(downloads, id);
        return id;
      } finally {
        if (blobUrl) URL.revokeObjectURL(blobUrl);
      }
    },
    async remove(downloadId) {
      await downloads.removeFile(downloadId).catch(() => {});
      await downloads.erase({ id: downloadId });
    },
  };
}

async function finished(downloads: DownloadsApi, id: number): Promise<void> {
  const deadline = Date.now() + SAVE_TIMEOUT_MS;
  for (;;) {
    const [item] = await downloads.search({ id });
    if (item?.state === 'complete') return;
    if (!item || item.state === 'interrupted') {
      throw new Error(
        `The browser could not write the backup file${item?.error ? ` (${item.error})` : ''}.`,
      );
    }
    if (Date.now() > deadline) throw new Error('Writing the backup file took too long.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
