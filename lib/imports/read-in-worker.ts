import {
  type ImportReader,
  ImportReadCancelled,
  type ImportReading,
  readImportFiles,
} from './read-files';
import type { ReadAnswer, ReadRequest } from './worker-host';

/**
 * The options page's side of reading in a worker (see `worker-host.ts`). Each reading gets a
 * worker of its own, ended when the reading is done or cancelled, so a zip bomb's memory goes
 * with it and Cancel works even while the worker is busy inflating.
 */

/** What the page needs of a `Worker`. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ReadAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  terminate(): void;
}

/**
 * A reader running `readImportFiles` in the workers `makeWorker` starts. The files' bytes are
 * transferred to the worker, so the caller's copies are empty afterwards. Where no worker can be
 * started (`makeWorker` throws), it reads on the page itself, which still works, only without
 * the page answering meanwhile.
 */
export function workerReader(makeWorker: () => WorkerLike): ImportReader {
  return (files, { onProgress = () => {}, signal, clock } = {}) => {
    if (signal?.aborted) return Promise.reject(new ImportReadCancelled());
    let worker: WorkerLike;
    try {
      worker = makeWorker();
    } catch {
      return readImportFiles(files, { onProgress, ...(clock ? { clock } : {}) });
    }
    return new Promise<ImportReading>((resolve, reject) => {
      const finish = () => {
        worker.terminate();
        signal?.removeEventListener('abort', cancel);
      };
      const cancel = () => {
        finish();
        reject(new ImportReadCancelled());
      };
      signal?.addEventListener('abort', cancel);
      worker.onmessage = (event) => {
        const answer = event.data;
        if (answer.type === 'progress') {
          onProgress(answer.progress);
          return;
        }
        finish();
        resolve(answer.reading);
      };
      worker.onerror = (event) => {
        finish();
        resolve({
          ok: false,
          error: `The files could not be read (${event.message || 'the reader stopped'}). Nothing was imported.`,
        });
      };
      // Handed over, not copied: an X archive can be gigabytes, and the page needs only the names.
      const buffers = new Set<ArrayBuffer>();
      for (const file of files) {
        if (file.bytes.buffer instanceof ArrayBuffer) buffers.add(file.bytes.buffer);
      }
      worker.postMessage({ files: [...files] }, [...buffers]);
    });
  };
}
