import type { Request } from '../messaging/protocol';
import { newId } from '../model/ids';

/** The part of `storage.local` the journal uses; fakeBrowser's in tests. */
export interface JournalArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Writes that may be journaled: the ones that carry what a person typed. */
export type JournaledRequest = Extract<Request, { type: 'notes.save' | 'people.setWhy' }>;

export interface JournalEntry {
  /** The field it saves: `note:<id>`, `why:<person key>`. */
  key: string;
  request: JournaledRequest;
  /** When it was written, in ms since the epoch. */
  at: number;
  /** The journal (one per sidebar) that wrote it; missing in entries of earlier builds. */
  writer?: string;
  /** Where it is kept, so exactly this entry can be removed. */
  storageKey: string;
}

const PREFIX = 'journal:';

export type Journal = ReturnType<typeof createJournal>;

/**
 * Typing not yet saved, kept in the extension's own storage (not the page's, and not partitioned
 * by the site the sidebar sits on). The sidebar writes an entry on every change and removes it once
 * the background has saved it; the background replays what a closed sidebar or browser left behind.
 *
 * Each journal (each sidebar) keeps its entries under its own writer id, so a save in one tab
 * removes only what that tab wrote, never another tab's later text for the same field. Earlier
 * builds kept `journal:<field>`; those entries are still listed, and removed by where they are.
 */
export function createJournal(
  area: JournalArea,
  now: () => number = Date.now,
  writer: string = newId(),
) {
  const storageKey = (key: string) => `${PREFIX}${writer}:${key}`;
  return {
    writer,

    put(key: string, request: JournaledRequest): Promise<void> {
      return area.set({ [storageKey(key)]: { key, writer, request, at: now() } });
    },

    /** Removes this journal's own entry for the field, whoever else wrote one since. */
    remove(key: string): Promise<void> {
      return area.remove(storageKey(key));
    },

    /** Removes one listed entry, whichever journal wrote it (the background's replay). */
    discard(entry: JournalEntry): Promise<void> {
      return area.remove(entry.storageKey);
    },

    /** Every journal's entries, oldest first. */
    async entries(): Promise<JournalEntry[]> {
      const all = await area.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith(PREFIX))
        .flatMap(([key, value]) => {
          const entry = value as Omit<JournalEntry, 'storageKey'> | null;
          const ok = entry && typeof entry.key === 'string' && typeof entry.at === 'number';
          return ok ? [{ ...entry, storageKey: key }] : [];
        })
        .sort((a, b) => a.at - b.at);
    },
  };
}
