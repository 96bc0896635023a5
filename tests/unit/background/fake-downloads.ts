import type { Browser } from 'wxt/browser';

import type { DownloadsApi } from '@/lib/background/downloads';

type Item = Browser.downloads.DownloadItem;

export const EXTENSION_ID = 'acquaint-extension-id';
const FOLDER = '/home/user/Downloads';

/**
 * Chromium's downloads as the backups meet them: ids count up from 1, and once the list is
 * cleared and the browser restarts they count from 1 again (the next id is one past the highest
 * the list still holds). Files live on a fake disk, so a test can ask what was deleted.
 */
export function fakeDownloads(clock: () => Date) {
  const items = new Map<number, Item>();
  const disk = new Map<string, string>();
  let nextId = 1;
  /** Set to have downloads named otherwise than asked (as another extension may do). */
  let rename: ((filename: string) => string) | null = null;

  const add = (filename: string, content: string, byExtensionId?: string): Item => {
    const item = {
      id: nextId++,
      filename: freeName(`${FOLDER}/${filename}`),
      startTime: clock().toISOString(),
      state: 'complete',
      exists: true,
      ...(byExtensionId ? { byExtensionId } : {}),
    } as Item;
    items.set(item.id, item);
    disk.set(item.filename, content);
    return item;
  };

  /** Chromium's "uniquify": `name (1).json` when `name.json` is taken. */
  const freeName = (path: string) => {
    if (!disk.has(path)) return path;
    for (let n = 1; ; n += 1) {
      const candidate = path.replace(/(\.[^./]+)$/, ` (${n})$1`);
      if (!disk.has(candidate)) return candidate;
    }
  };

  const api = {
    download: vi.fn(
      async ({ url = '', filename = 'download' }: { url?: string; filename?: string }) => {
        const content = url.startsWith('data:')
          ? decodeURIComponent(url.slice(url.indexOf(',') + 1))
          : '';
        return add(rename ? rename(filename) : filename, content, EXTENSION_ID).id;
      },
    ),
    search: vi.fn(async ({ id }: { id?: number }) => {
      const found = id === undefined ? [...items.values()] : [items.get(id)].filter((item) => item);
      return found.map((item) => ({ ...item }) as Item);
    }),
    removeFile: vi.fn(async (id: number) => {
      const item = items.get(id);
      if (!item) throw new Error(`Invalid download id ${id}`);
      disk.delete(item.filename);
      item.exists = false;
    }),
    erase: vi.fn(async ({ id }: { id?: number }) => {
      const erased = id === undefined ? [...items.keys()] : items.has(id) ? [id] : [];
      for (const each of erased) items.delete(each);
      return erased;
    }),
  } satisfies DownloadsApi;

  return {
    api,
    disk,
    items,
    /** The user downloads a file of their own from a page. */
    userDownload: (filename: string, content = 'the user’s own') => add(filename, content),
    renameDownloads: (to: (filename: string) => string) => {
      rename = to;
    },
    /** "Clear all" in the browser's downloads page. */
    clearList: () => items.clear(),
    /** The browser quits and starts again; ids go on from the highest one still listed. */
    restart: () => {
      nextId = Math.max(0, ...items.keys()) + 1;
    },
  };
}

export type FakeDownloads = ReturnType<typeof fakeDownloads>;
