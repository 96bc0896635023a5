export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A WriteJournal kept in a Map, with a log of what happened to it. */
export function memoryJournal<W>() {
  const entries = new Map<string, W>();
  const log: string[] = [];
  return {
    entries,
    log,
    put: vi.fn(async (key: string, write: W) => {
      entries.set(key, write);
      log.push(`put ${key}`);
    }),
    remove: vi.fn(async (key: string) => {
      entries.delete(key);
      log.push(`remove ${key}`);
    }),
  };
}
