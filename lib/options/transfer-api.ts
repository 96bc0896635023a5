import type { ImportMode, ImportSummary } from '../backup/import';
import type { Backup } from '../backup/schema';
import { sendRequest } from '../messaging/client';

/** What the options page's "Your data" section asks of the background and the browser. */
export interface TransferApi {
  exportBackup(): Promise<Backup>;
  planImport(file: Backup, mode: ImportMode): Promise<ImportSummary>;
  applyImport(file: Backup, mode: ImportMode): Promise<ImportSummary>;
  /** Starts the download of a file made on this page; nothing leaves the machine. */
  saveFile(name: string, text: string, type: string): void;
}

export const messagingTransferApi: TransferApi = {
  exportBackup: () => sendRequest({ type: 'backup.export' }),
  planImport: (file, mode) => sendRequest({ type: 'import.plan', mode, file }),
  applyImport: (file, mode) => sendRequest({ type: 'import.apply', mode, file }),
  saveFile: (name, text, type) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its own copy once it started; the page's URL can go.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};
