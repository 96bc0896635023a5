import type { Mock } from 'vitest';

import { createWriteQueue, type WriteQueueState } from '@/lib/sidebar/write-queue';

import { deferred, type Deferred, memoryJournal } from '../support/deferred';

interface Write {
  key: string;
  text: string;
}

/** What the test's background says when a write can never be saved as it is. */
class Refusal extends Error {}

const DELAY = 400;
const RETRY = 3_000;

function setup(send: (write: Write) => Promise<string> = async (write) => `saved ${write.text}`) {
  const journal = memoryJournal<Write>();
  const states: WriteQueueState[] = [];
  const sendSpy = vi.fn(send);
  const onSaved = vi.fn<(write: Write, result: string) => void>();
  const queue = createWriteQueue<Write, string>({
    send: sendSpy,
    onSaved,
    onStateChange: (state) => states.push(state),
    journal,
    delayMs: DELAY,
    retryMs: RETRY,
    isPermanent: (error) => error instanceof Refusal,
  });
  return { queue, journal, states, send: sendSpy, onSaved };
}

const sent = (send: Mock<(write: Write) => Promise<string>>) =>
  send.mock.calls.map(([write]) => write);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('sends nothing before delayMs, then the latest write of the key once', async () => {
    const { queue, send } = setup();
    queue.schedule({ key: 'a', text: '1' });
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    queue.schedule({ key: 'a', text: '12' });
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    queue.schedule({ key: 'a', text: '123' });
    await vi.advanceTimersByTimeAsync(DELAY - 1);

    expect(send).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(sent(send)).toEqual([{ key: 'a', text: '123' }]);

    await vi.advanceTimersByTimeAsync(10 * DELAY);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends the latest write of each key, in the order the keys were first written', async () => {
    const { queue, send } = setup();
    queue.schedule({ key: 'note', text: 'n1' });
    queue.schedule({ key: 'why', text: 'w1' });
    queue.schedule({ key: 'note', text: 'n2' });

    await vi.advanceTimersByTimeAsync(DELAY);

    expect(sent(send)).toEqual([
      { key: 'note', text: 'n2' },
      { key: 'why', text: 'w1' },
    ]);
  });

  it('reports pending, saving and idle, and onSaved with each result', async () => {
    const { queue, states, onSaved } = setup();
    queue.schedule({ key: 'a', text: 'x' });
    expect(states).toEqual([{ status: 'pending' }]);
    expect(queue.isPending('a')).toBe(true);

    await vi.advanceTimersByTimeAsync(DELAY);

    expect(states).toEqual([{ status: 'pending' }, { status: 'saving' }, { status: 'idle' }]);
    expect(onSaved).toHaveBeenCalledWith({ key: 'a', text: 'x' }, 'saved x');
    expect(queue.isPending('a')).toBe(false);
  });
});

describe('journal', () => {
  it('writes every schedule to the journal at once', async () => {
    const { queue, journal } = setup();
    queue.schedule({ key: 'a', text: '1' });
    await Promise.resolve();
    expect(journal.put).toHaveBeenLastCalledWith('a', { key: 'a', text: '1' });
    queue.schedule({ key: 'a', text: '12' });
    await Promise.resolve();

    expect(journal.put).toHaveBeenCalledTimes(2);
    expect(journal.entries.get('a')).toEqual({ key: 'a', text: '12' });
    expect(journal.remove).not.toHaveBeenCalled();
  });

  it('removes the entry after a successful send', async () => {
    const { queue, journal } = setup();
    queue.schedule({ key: 'a', text: '1' });
    await vi.advanceTimersByTimeAsync(DELAY);

    expect(journal.remove).toHaveBeenCalledWith('a');
    expect(journal.entries.size).toBe(0);
    expect(journal.log).toEqual(['put a', 'remove a']);
  });

  it('keeps the entry when a newer write of the key came while sending, and sends that too', async () => {
    const gates: Deferred<string>[] = [];
    const { queue, journal, send } = setup(() => {
      const gate = deferred<string>();
      gates.push(gate);
      return gate.promise;
    });
    queue.schedule({ key: 'a', text: 'old' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(send).toHaveBeenCalledTimes(1);

    // Typing goes on while 'old' is on its way.
    queue.schedule({ key: 'a', text: 'new' });
    gates[0]?.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);

    expect(journal.remove).not.toHaveBeenCalled();
    expect(journal.entries.get('a')).toEqual({ key: 'a', text: 'new' });
    expect(queue.isPending('a')).toBe(true);
    expect(sent(send)).toEqual([
      { key: 'a', text: 'old' },
      { key: 'a', text: 'new' },
    ]);

    gates[1]?.resolve('ok');
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(journal.remove).toHaveBeenCalledTimes(1);
    expect(journal.entries.size).toBe(0);
    expect(queue.isPending('a')).toBe(false);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('keeps going when the journal fails', async () => {
    const { queue, journal, send } = setup();
    journal.put.mockRejectedValue(new Error('quota'));
    journal.remove.mockRejectedValue(new Error('quota'));
    queue.schedule({ key: 'a', text: 'x' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.isPending('a')).toBe(false);
  });
});

describe('order', () => {
  it('never has two sends in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const gates: Deferred<string>[] = [];
    const { queue, send } = setup(() => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const gate = deferred<string>();
      gates.push(gate);
      return gate.promise.finally(() => (inFlight -= 1));
    });

    queue.schedule({ key: 'a', text: 'a1' });
    queue.schedule({ key: 'b', text: 'b1' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(send).toHaveBeenCalledTimes(1);

    // Another timer and explicit flushes while the first send hangs.
    queue.schedule({ key: 'c', text: 'c1' });
    const flushed = queue.flush();
    void queue.flush();
    await vi.advanceTimersByTimeAsync(5 * DELAY);
    expect(send).toHaveBeenCalledTimes(1);
    expect(inFlight).toBe(1);

    gates[0]?.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(2);
    gates[1]?.resolve('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(3);
    gates[2]?.resolve('ok');
    await flushed;

    expect(most).toBe(1);
    expect(sent(send).map((write) => write.text)).toEqual(['a1', 'b1', 'c1']);
  });

  it('flush waits for the send in flight and for what came after it', async () => {
    const gate = deferred<string>();
    const { queue, send } = setup(async (write) => (write.text === 'first' ? gate.promise : 'ok'));
    queue.schedule({ key: 'a', text: 'first' });
    await vi.advanceTimersByTimeAsync(DELAY);
    queue.schedule({ key: 'b', text: 'second' });

    let done = false;
    const flushed = queue.flush().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);

    gate.resolve('ok');
    await flushed;
    expect(sent(send).map((write) => write.text)).toEqual(['first', 'second']);
    expect(queue.isPending('a') || queue.isPending('b')).toBe(false);
  });
});

describe('failure', () => {
  it('keeps a failed write, reports the error and retries after retryMs', async () => {
    let fail = true;
    const { queue, send, states, journal, onSaved } = setup(async (write) => {
      if (fail) throw new Error('The background is restarting');
      return `saved ${write.text}`;
    });
    queue.schedule({ key: 'a', text: 'precious' });
    await vi.advanceTimersByTimeAsync(DELAY);

    expect(send).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toEqual({ status: 'failed', error: 'The background is restarting' });
    expect(queue.isPending('a')).toBe(true);
    expect(journal.entries.get('a')).toEqual({ key: 'a', text: 'precious' });
    expect(onSaved).not.toHaveBeenCalled();

    fail = false;
    await vi.advanceTimersByTimeAsync(RETRY - 1);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);

    expect(sent(send)).toEqual([
      { key: 'a', text: 'precious' },
      { key: 'a', text: 'precious' },
    ]);
    expect(states.at(-1)).toEqual({ status: 'idle' });
    expect(queue.isPending('a')).toBe(false);
    expect(journal.entries.size).toBe(0);
    expect(onSaved).toHaveBeenCalledWith({ key: 'a', text: 'precious' }, 'saved precious');
  });

  it('keeps retrying while the send fails', async () => {
    const { queue, send } = setup(async () => {
      throw 'offline';
    });
    queue.schedule({ key: 'a', text: 'x' });
    await vi.advanceTimersByTimeAsync(DELAY + 3 * RETRY);
    expect(send).toHaveBeenCalledTimes(4);
    expect(queue.isPending('a')).toBe(true);
  });

  it('reports a non-Error failure as text', async () => {
    const { queue, states } = setup(async () => {
      throw 'offline';
    });
    queue.schedule({ key: 'a', text: 'x' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(states.at(-1)).toEqual({ status: 'failed', error: 'offline' });
  });

  it('does not lose the other keys behind a failed one', async () => {
    let fail = true;
    const { queue, send } = setup(async (write) => {
      if (fail && write.key === 'a') throw new Error('no');
      return 'ok';
    });
    queue.schedule({ key: 'a', text: 'a' });
    queue.schedule({ key: 'b', text: 'b' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(queue.isPending('b')).toBe(true);

    fail = false;
    await vi.advanceTimersByTimeAsync(RETRY);
    expect(queue.isPending('a')).toBe(false);
    expect(queue.isPending('b')).toBe(false);
    expect(sent(send).map((write) => write.key)).toEqual(['a', 'a', 'b']);
  });
});

describe('flush', () => {
  it('sends at once, without waiting for the debounce', async () => {
    const { queue, send, journal } = setup();
    queue.schedule({ key: 'a', text: 'now' });

    await queue.flush();

    expect(sent(send)).toEqual([{ key: 'a', text: 'now' }]);
    expect(queue.isPending('a')).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(journal.entries.size).toBe(0);

    // The debounce timer was cancelled: nothing is sent again.
    await vi.advanceTimersByTimeAsync(10 * DELAY);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does nothing when nothing is pending', async () => {
    const { queue, send, states } = setup();
    await queue.flush();
    expect(send).not.toHaveBeenCalled();
    expect(states).toEqual([]);
  });
});

describe('refusal', () => {
  const tooBig = 'Refused: note.body: Too big';

  function refusingA() {
    return setup(async (write) => {
      if (write.key === 'a' && write.text.length > 3) throw new Refusal(tooBig);
      return `saved ${write.text}`;
    });
  }

  it('is not retried, says so, and keeps the journal entry', async () => {
    const { queue, send, states, journal, onSaved } = refusingA();
    queue.schedule({ key: 'a', text: 'too long' });
    await vi.advanceTimersByTimeAsync(DELAY + 10 * RETRY);

    expect(send).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toEqual({ status: 'refused', error: tooBig });
    expect(queue.isRefused('a')).toBe(true);
    expect(queue.isPending('a')).toBe(false);
    expect(journal.entries.get('a')).toEqual({ key: 'a', text: 'too long' });
    expect(journal.remove).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('does not hold back the writes behind it, or those that come later', async () => {
    const { queue, send, onSaved, states } = refusingA();
    queue.schedule({ key: 'a', text: 'too long' });
    queue.schedule({ key: 'b', text: 'behind' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(onSaved).toHaveBeenCalledWith({ key: 'b', text: 'behind' }, 'saved behind');

    queue.schedule({ key: 'c', text: 'later' });
    await queue.flush();

    expect(sent(send).map((write) => write.text)).toEqual(['too long', 'behind', 'later']);
    expect(queue.isPending('b') || queue.isPending('c')).toBe(false);
    // The refused field is still not saved, and the status keeps saying so.
    expect(states.at(-1)).toEqual({ status: 'refused', error: tooBig });
  });

  it('ends with a newer write of the same field, which is sent', async () => {
    const { queue, send, states, journal } = refusingA();
    queue.schedule({ key: 'a', text: 'too long' });
    await vi.advanceTimersByTimeAsync(DELAY);

    queue.schedule({ key: 'a', text: 'ok' });
    expect(queue.isRefused('a')).toBe(false);
    await vi.advanceTimersByTimeAsync(DELAY);

    expect(sent(send).map((write) => write.text)).toEqual(['too long', 'ok']);
    expect(states.at(-1)).toEqual({ status: 'idle' });
    expect(journal.entries.size).toBe(0);
  });

  it('of a write overtaken while it was sent leaves the newer one to be sent', async () => {
    const gate = deferred<string>();
    const { queue, send } = setup(async (write) => {
      if (write.text === 'too long') {
        await gate.promise;
        throw new Refusal(tooBig);
      }
      return 'ok';
    });
    queue.schedule({ key: 'a', text: 'too long' });
    await vi.advanceTimersByTimeAsync(DELAY);
    queue.schedule({ key: 'a', text: 'short' });
    gate.resolve('');
    await queue.flush();

    expect(sent(send).map((write) => write.text)).toEqual(['too long', 'short']);
    expect(queue.isRefused('a')).toBe(false);
    expect(queue.isPending('a')).toBe(false);
  });
});
