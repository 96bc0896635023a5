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
  /** Whether a failure is a refusal that no retry can change (the write is wrong as it is). */
  isPermanent?(error: unknown): boolean;
}

export type WriteQueueState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'failed'; error: string }
  /** Refused for good: not tried again, its journal entry kept; the other writes go on. */
  | { status: 'refused'; error: string };

interface Entry<W> {
  write: W;
  seq: number;
}

/**
 * Debounced, ordered saving. Every change goes to the journal at once; the debounced save then
 * sends the latest write of each field, and clears its journal entry when nothing newer came.
 * A write that failed for now is tried again, holding back the others (they would fail the same
 * way); one refused for good is set aside, so it neither retries forever nor blocks later writes.
 */
export function createWriteQueue<W extends QueuedWrite, R>(options: WriteQueueOptions<W, R>) {
  const pending = new Map<string, Entry<W>>();
  /** Fields whose latest write was refused for good, with why; cleared by a newer write. */
  const refused = new Map<string, string>();
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
        const message = error instanceof Error ? error.message : String(error);
        if (options.isPermanent?.(error)) {
          // The journal entry stays: the text is not lost, and the background's replay splits
          // or keeps what it cannot save as it is.
          if (pending.get(key)?.seq === entry.seq) {
            pending.delete(key);
            refused.set(key, message);
          }
          continue;
        }
        emit({ status: 'failed', error: message });
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
    emit(settled());
  };

  const settled = (): WriteQueueState => {
    const error = [...refused.values()].at(-1);
    return error === undefined ? { status: 'idle' } : { status: 'refused', error };
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
      refused.delete(write.key);
      quietly(options.journal.put(write.key, write));
      emit({ status: 'pending' });
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), options.delayMs);
    },

    flush,

    isPending(key: string): boolean {
      return pending.has(key);
    },

    /** Whether the field's latest write was refused for good (and is not being sent again). */
    isRefused(key: string): boolean {
      return refused.has(key);
    },
  };
}
