/** The part of `localStorage` the queue needs; a map in tests. */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface QueuedWrite {
  /** Writes with the same key replace each other: only the latest text of a field matters. */
  key: string;
}

export interface WriteQueueOptions<W extends QueuedWrite, R> {
  send(write: W): Promise<R>;
  onSaved?(write: W, result: R): void;
  onStateChange?(state: WriteQueueState): void;
  journal: JournalStorage;
  journalKey: string;
  delayMs: number;
  /** How long to wait before trying a failed write again (the background may be restarting). */
  retryMs?: number;
}

export type WriteQueueState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'failed'; error: string };

interface Entry<W> {
  write: W;
  seq: number;
}

/**
 * Debounced, ordered saving with a synchronous journal. Every change is written to the journal at
 * once, so a write still waiting for its debounce survives the sidebar closing or the browser
 * quitting; `recover()` sends what an earlier session left behind.
 */
export function createWriteQueue<W extends QueuedWrite, R>(options: WriteQueueOptions<W, R>) {
  const pending = new Map<string, Entry<W>>();
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let lastError: string | undefined;

  const persist = () => {
    try {
      if (pending.size === 0) options.journal.removeItem(options.journalKey);
      else {
        const writes = [...pending.values()].map((entry) => entry.write);
        options.journal.setItem(options.journalKey, JSON.stringify(writes));
      }
    } catch {
      // A full or unavailable journal only loses the crash safety net; saving goes on.
    }
  };

  const emit = (state: WriteQueueState) => options.onStateChange?.(state);

  const drain = async () => {
    while (pending.size > 0) {
      const [key, entry] = pending.entries().next().value as [string, Entry<W>];
      emit({ status: 'saving' });
      try {
        const result = await options.send(entry.write);
        // A newer write for the same field may have arrived meanwhile; keep that one.
        if (pending.get(key)?.seq === entry.seq) pending.delete(key);
        persist();
        lastError = undefined;
        options.onSaved?.(entry.write, result);
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        emit({ status: 'failed', error: lastError });
        clearTimeout(timer);
        timer = setTimeout(() => void flush(), options.retryMs ?? 3000);
        return;
      }
    }
    emit({ status: 'idle' });
  };

  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    while (running) await running;
    if (pending.size === 0) return;
    running = drain().finally(() => (running = undefined));
    await running;
  };

  return {
    schedule(write: W) {
      pending.set(write.key, { write, seq: ++seq });
      persist();
      emit({ status: 'pending' });
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), options.delayMs);
    },

    flush,

    /** Queues what the journal holds from a sidebar that closed before it could save. */
    async recover(): Promise<void> {
      let stored: W[] = [];
      try {
        stored = JSON.parse(options.journal.getItem(options.journalKey) ?? '[]') as W[];
      } catch {
        stored = [];
      }
      for (const write of Array.isArray(stored) ? stored : []) {
        if (write && typeof write.key === 'string' && !pending.has(write.key)) {
          pending.set(write.key, { write, seq: ++seq });
        }
      }
      await flush();
    },

    pendingWrite(key: string): W | undefined {
      return pending.get(key)?.write;
    },

    get hasPending(): boolean {
      return pending.size > 0;
    },

    get lastError(): string | undefined {
      return lastError;
    },
  };
}
