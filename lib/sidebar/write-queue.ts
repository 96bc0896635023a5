export interface QueuedWrite {
  /** Writes with the same key replace each other: only the latest text of a field matters. */
  key: string;
}

/** Where a write waits to be saved, so a closed sidebar or browser loses nothing. */
export interface WriteJournal<W> {
  put(key: string, write: W): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface WriteQueueOptions<W extends QueuedWrite, R> {
  send(write: W): Promise<R>;
  onSaved?(write: W, result: R): void;
  onStateChange?(state: WriteQueueState): void;
  journal: WriteJournal<W>;
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
 * Debounced, ordered saving. Every change goes to the journal at once; the debounced save then
 * sends the latest write of each field, and clears its journal entry when nothing newer came.
 */
export function createWriteQueue<W extends QueuedWrite, R>(options: WriteQueueOptions<W, R>) {
  const pending = new Map<string, Entry<W>>();
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const emit = (state: WriteQueueState) => options.onStateChange?.(state);
  const quietly = (work: Promise<void>) => void work.catch(() => {});

  const drain = async () => {
    while (pending.size > 0) {
      const [key, entry] = pending.entries().next().value as [string, Entry<W>];
      emit({ status: 'saving' });
      let result: R;
      try {
        result = await options.send(entry.write);
      } catch (error) {
        emit({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
        clearTimeout(timer);
        timer = setTimeout(() => void flush(), options.retryMs ?? 3000);
        return;
      }
      // A newer write for the same field may have arrived meanwhile; that one still has to go.
      if (pending.get(key)?.seq === entry.seq) {
        pending.delete(key);
        quietly(options.journal.remove(key));
      }
      options.onSaved?.(entry.write, result);
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
      quietly(options.journal.put(write.key, write));
      emit({ status: 'pending' });
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), options.delayMs);
    },

    flush,

    isPending(key: string): boolean {
      return pending.has(key);
    },
  };
}
