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

/**
 * Left where a "why" entry was once its text is saved: the line holds one text, the last saved,
 * so the replay must know that a text typed before this one, left by another sidebar that closed
 * unsaved, is older than what is stored and must not overwrite it.
 */
export interface SavedMark {
  key: string;
  /** When the saved text was typed (its entry's time). */
  at: number;
  storageKey: string;
}

const PREFIX = 'journal:';
/** Fields whose saves leave a mark (see SavedMark); a note's replay keeps both texts instead. */
const MARKED = 'why:';

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
  /** When each field's latest entry of this journal was written. */
  const written = new Map<string, number>();

  const listed = async () =>
    Object.entries(await area.get(null))
      .filter(([key]) => key.startsWith(PREFIX))
      .flatMap(([storageKey, value]) => {
        const entry = value as { key?: unknown; at?: unknown; saved?: unknown } | null;
        const ok = entry && typeof entry.key === 'string' && typeof entry.at === 'number';
        return ok ? [{ ...entry, storageKey } as JournalEntry & { saved?: unknown }] : [];
      })
      .sort((a, b) => a.at - b.at);

  return {
    writer,

    put(key: string, request: JournaledRequest): Promise<void> {
      const at = now();
      written.set(key, at);
      return area.set({ [storageKey(key)]: { key, writer, request, at } });
    },

    /**
     * Removes this journal's own entry for the field, whoever else wrote one since; a "why"
     * entry leaves a mark of when its saved text was typed.
     */
    remove(key: string): Promise<void> {
      const at = written.get(key);
      if (!key.startsWith(MARKED) || at === undefined) return area.remove(storageKey(key));
      return area.set({ [storageKey(key)]: { key, writer, at, saved: true } });
    },

    /** Removes one listed entry or mark, whichever journal wrote it (the background's replay). */
    discard(entry: JournalEntry | SavedMark): Promise<void> {
      return area.remove(entry.storageKey);
    },

    /** Every journal's entries, oldest first. */
    async entries(): Promise<JournalEntry[]> {
      return (await listed())
        .filter((entry) => entry.saved !== true)
        .map(({ saved: _saved, ...entry }) => entry);
    },

    /** Every journal's marks of saved "why" lines, oldest first. */
    async marks(): Promise<SavedMark[]> {
      return (await listed())
        .filter((entry) => entry.saved === true)
        .map(({ key, at, storageKey }) => ({ key, at, storageKey }));
    },
  };
}
