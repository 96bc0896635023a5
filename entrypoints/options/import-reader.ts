import { workerReader } from '@/lib/imports/read-in-worker';

/**
 * Picked files are read in a worker, so the options page answers (and Cancel works) while a large
 * zip is checked. Vite bundles the worker from this literal URL.
 */
export const readInWorker = workerReader(
  () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }),
);
