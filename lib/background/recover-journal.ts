import type { Journal } from '../storage/journal';
import type { MessageRouter } from './router';

export interface RecoveryResult {
  saved: number;
  rejected: number;
}

/**
 * Saves typing that a sidebar journaled but never got to save (the browser quit, the tab crashed).
 * Only entries older than `olderThanMs` are taken, so a sidebar still typing keeps its own.
 * An entry the background refuses is dropped: it could never be saved, and would block nothing.
 */
export async function recoverJournal(
  journal: Journal,
  router: MessageRouter,
  options: { olderThanMs: number; now?: () => number },
): Promise<RecoveryResult> {
  const now = options.now ?? Date.now;
  const result: RecoveryResult = { saved: 0, rejected: 0 };
  for (const entry of await journal.entries()) {
    if (now() - entry.at < options.olderThanMs) continue;
    const outcome = await router.replay(entry.request);
    if (outcome.ok) result.saved += 1;
    else {
      result.rejected += 1;
      console.warn(`Acquaint dropped unsaved typing it could not save: ${outcome.error}`);
    }
    await journal.remove(entry.key);
  }
  return result;
}
