import type { Request } from '../messaging/protocol';

/** The part of `storage.local` the journal uses; fakeBrowser's in tests. */
export interface JournalArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Writes that may be journaled: the ones that carry what a person typed. */
export type JournaledRequest = Extract<Request, { type: 'notes.save' | 'people.setWhy' }>;

export interface JournalEntry {
  key: string;
  request: JournaledRequest;
  /** When it was written, in ms since the epoch. */
  at: number;
}

const PREFIX = 'journal:';

export type Journal = ReturnType<typeof createJournal>;

/**
 * Typing not yet saved, kept in the extension's own storage (not the page's, and not partitioned
 * by the site the sidebar sits on). The sidebar writes an entry on every change and removes it once
 * the background has saved it; the background replays what a closed sidebar or browser left behind.
 */
export function createJournal(area: JournalArea, now: () => number = Date.now) {
  return {
    put(key: string, request: JournaledRequest): Promise<void> {
      return area.set({ [PREFIX + key]: { key, request, at: now() } satisfies JournalEntry });
    },

    remove(key: string): Promise<void> {
      return area.remove(PREFIX + key);
    },

    async entries(): Promise<JournalEntry[]> {
      const all = await area.get(null);
      return Object.entries(all)
        .filter(([storageKey]) => storageKey.startsWith(PREFIX))
        .map(([, value]) => value as JournalEntry)
        .filter((entry) => entry && typeof entry.key === 'string' && typeof entry.at === 'number')
        .sort((a, b) => a.at - b.at);
    },
  };
}
