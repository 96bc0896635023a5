import { type ImportProgress, type ImportReading, readImportFiles } from './read-files';
import type { PickedBytes } from './read-files';

/**
 * The worker's side of reading picked files off the options page's main thread: one request (the
 * files), any number of progress messages, then the reading. A zip of hundreds of megabytes takes
 * seconds to check; in a worker the page keeps answering, and Cancel can end the worker outright.
 */

export interface ReadRequest {
  files: PickedBytes[];
}

export type ReadAnswer =
  { type: 'progress'; progress: ImportProgress } | { type: 'done'; reading: ImportReading };

/** What a dedicated worker's global scope offers, as far as this uses it. */
export interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ReadRequest>) => void): void;
  postMessage(message: ReadAnswer): void;
}

/** Progress messages are sent at most this often; zips report every 8 KB. */
const PROGRESS_INTERVAL_MS = 100;

export function serveImportReading(scope: WorkerScope, now: () => number = Date.now): void {
  scope.addEventListener('message', (event) => {
    void answer(scope, event.data, now);
  });
}

async function answer(scope: WorkerScope, request: ReadRequest, now: () => number) {
  let sentAt = -Infinity;
  let lastStage = '';
  const onProgress = (progress: ImportProgress) => {
    const time = now();
    if (progress.stage === lastStage && time - sentAt < PROGRESS_INTERVAL_MS) return;
    sentAt = time;
    lastStage = progress.stage;
    scope.postMessage({ type: 'progress', progress });
  };
  let reading: ImportReading;
  try {
    reading = await readImportFiles(request.files, { onProgress });
  } catch (error) {
    // readImportFiles answers with sentences; this is only for what it did not foresee.
    const why = error instanceof Error ? error.message : String(error);
    reading = { ok: false, error: `The files could not be read (${why}). Nothing was imported.` };
  }
  scope.postMessage({ type: 'done', reading });
}
