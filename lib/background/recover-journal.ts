import type { Journal, JournalEntry, SavedMark } from '../storage/journal';
import { replayPlan, typedText } from '../storage/replay-plan';
import type { MessageRouter } from './router';

export interface RecoveryResult {
  saved: number;
  /** Of those saved, how many were too long for their field and went as several notes. */
  split: number;
  /** Left in the journal: saving failed this time, or the text cannot be saved as it is. */
  kept: number;
  /** Removed without saving: nothing typed in them, or a newer "why" of the same person came. */
  dropped: number;
}

/**
 * Saves typing that a sidebar journaled but never got to save (the browser quit, the tab crashed).
 * Only entries older than `olderThanMs` are taken, so a sidebar still typing keeps its own.
 *
 * Journaled text is never dropped: what is too long for its field is split; what the background
 * refuses as it is stays in the journal. Only entries with nothing typed in them (a draft emptied
 * before it was stored, a request that holds no text) go. Every sidebar journals under its own
 * writer id, so two tabs may have left the same person's "why" line: the newest is the one saved,
 * as it would have been had both tabs saved in time, and none typed before a text already saved
 * (its mark says when) overwrites it.
 */
export async function recoverJournal(
  journal: Journal,
  router: MessageRouter,
  options: { olderThanMs: number; now?: () => number },
): Promise<RecoveryResult> {
  const now = options.now ?? Date.now;
  const result: RecoveryResult = { saved: 0, split: 0, kept: 0, dropped: 0 };
  const entries = await journal.entries();
  const marks = await journal.marks();
  // Marks first: of a mark and an entry written in the same millisecond, the text is kept.
  const newestWhy = newestWhyEntries([...marks, ...entries]);
  for (const entry of entries) {
    if (now() - entry.at < options.olderThanMs) continue;
    const why = whyKey(entry);
    if (isEmptyNewNote(entry) || (why !== null && newestWhy.get(why) !== entry)) {
      result.dropped += 1;
      await journal.discard(entry);
      continue;
    }
    const plan = replayPlan(entry);
    const outcome = await replayAll(router, plan);
    if (outcome.ok) {
      result.saved += 1;
      if (plan.length > 1 || plan[0] !== entry.request) result.split += 1;
      await journal.discard(entry);
    } else if (outcome.invalid && typedText(entry.request).trim() === '') {
      result.dropped += 1;
      console.warn(`Acquaint dropped a journal entry with nothing typed in it: ${outcome.error}`);
      await journal.discard(entry);
    } else {
      result.kept += 1;
      console.warn(
        outcome.invalid
          ? `Acquaint keeps unsaved typing it cannot save as it is: ${outcome.error}`
          : `Acquaint will retry saving typing left unsaved: ${outcome.error}`,
      );
    }
  }
  // A mark has done its work once nothing older than it can still be replayed.
  for (const mark of marks) {
    if (now() - mark.at >= options.olderThanMs) await journal.discard(mark);
  }
  return result;
}

type Outcome = { ok: true } | { ok: false; error: string; invalid: boolean };

/** Sends each part in order; stops at the first that fails (a later replay sends them again). */
async function replayAll(router: MessageRouter, plan: readonly unknown[]): Promise<Outcome> {
  for (const request of plan) {
    const outcome = await router.replay(request);
    if (!outcome.ok) return { ok: false, error: outcome.error, invalid: 'invalid' in outcome };
  }
  return { ok: true };
}

/**
 * Of each person's "why" line, the text typed last by any sidebar: an entry still to save, or the
 * mark of one saved. Anything typed before it is superseded, as the line holds one text.
 */
function newestWhyEntries(
  entries: readonly (JournalEntry | SavedMark)[],
): Map<string, JournalEntry | SavedMark> {
  const newest = new Map<string, JournalEntry | SavedMark>();
  for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
    const key = whyKey(entry);
    if (key !== null) newest.set(key, entry);
  }
  return newest;
}

function whyKey(entry: { key: string }): string | null {
  return entry.key.startsWith('why:') ? entry.key : null;
}

function isEmptyNewNote({ request }: JournalEntry): boolean {
  return (
    request?.type === 'notes.save' && request.baseRev === null && typedText(request).trim() === ''
  );
}
