import type { Journal, JournaledRequest } from '../storage/journal';
import type { MessageRouter } from './router';

export interface RecoveryResult {
  saved: number;
  /** Dropped: they could never be saved. */
  rejected: number;
  /** Left in the journal: saving failed this time. */
  kept: number;
}

/**
 * Saves typing that a sidebar journaled but never got to save (the browser quit, the tab crashed).
 * Only entries older than `olderThanMs` are taken, so a sidebar still typing keeps its own. An
 * entry that can never be saved (malformed, or a draft emptied before it was ever stored) is
 * dropped; one whose save failed for now stays for the next start.
 */
export async function recoverJournal(
  journal: Journal,
  router: MessageRouter,
  options: { olderThanMs: number; now?: () => number },
): Promise<RecoveryResult> {
  const now = options.now ?? Date.now;
  const result: RecoveryResult = { saved: 0, rejected: 0, kept: 0 };
  for (const entry of await journal.entries()) {
    if (now() - entry.at < options.olderThanMs) continue;
    if (isEmptyNewNote(entry.request)) {
      await journal.remove(entry.key);
      continue;
    }
    const outcome = await router.replay(entry.request);
    if (outcome.ok) {
      result.saved += 1;
      await journal.remove(entry.key);
    } else if ('invalid' in outcome) {
      result.rejected += 1;
      console.warn(`Acquaint dropped unsaved typing it can never save: ${outcome.error}`);
      await journal.remove(entry.key);
    } else {
      result.kept += 1;
      console.warn(`Acquaint will retry saving typing left unsaved: ${outcome.error}`);
    }
  }
  return result;
}

function isEmptyNewNote(request: JournaledRequest): boolean {
  return request?.type === 'notes.save' && request.baseRev === null && !request.note?.body?.trim();
}
