import { type ColdBadgeDeps, createColdBadge } from '@/lib/background/cold-badge';

import { deferred } from '../support/deferred';

function fakeAction(initial = 0) {
  let cold = initial;
  const deps = {
    count: vi.fn<ColdBadgeDeps['count']>(async () => cold),
    setText: vi.fn<ColdBadgeDeps['setText']>(async () => undefined),
    setColor: vi.fn<ColdBadgeDeps['setColor']>(async () => undefined),
  };
  return {
    deps,
    setCold(count: number) {
      cold = count;
    },
    texts: () => deps.setText.mock.calls.map(([text]) => text),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('update', () => {
  it.each<[number, string]>([
    [0, ''],
    [1, '1'],
    [7, '7'],
    [999, '999'],
    [1000, '999+'],
    [123_456, '999+'],
  ])('shows %i cold people as %j', async (count, text) => {
    const action = fakeAction(count);
    const badge = createColdBadge(action.deps);

    expect(await badge.update()).toBe(count);

    expect(action.texts()).toEqual([text]);
    expect(action.deps.count).toHaveBeenCalledTimes(1);
  });

  it('colours the badge', async () => {
    const action = fakeAction(3);
    await createColdBadge(action.deps).update();
    expect(action.deps.setColor).toHaveBeenCalledTimes(1);
    expect(action.deps.setColor.mock.calls[0]?.[0]).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('clears the badge once nobody is cold any more', async () => {
    const action = fakeAction(4);
    const badge = createColdBadge(action.deps);
    await badge.update();
    action.setCold(0);
    await badge.update();
    expect(action.texts()).toEqual(['4', '']);
  });

  it('passes a failure to count on, setting no text', async () => {
    const action = fakeAction();
    action.deps.count.mockRejectedValueOnce(new Error('database closed'));
    await expect(createColdBadge(action.deps).update()).rejects.toThrow('database closed');
    expect(action.deps.setText).not.toHaveBeenCalled();
  });
});

describe('changed', () => {
  it('counts once, after the debounce, for a burst of changes', async () => {
    const action = fakeAction(2);
    const badge = createColdBadge({ ...action.deps, debounceMs: 300 });

    // Five writes, 100 ms apart: each one puts the count off again.
    badge.changed();
    for (let write = 1; write < 5; write += 1) {
      await vi.advanceTimersByTimeAsync(100);
      badge.changed();
    }
    expect(action.deps.count).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(299);
    expect(action.deps.count).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(action.deps.count).toHaveBeenCalledTimes(1);
    expect(action.texts()).toEqual(['2']);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(action.deps.count).toHaveBeenCalledTimes(1);
  });

  it('shows the count after the last change of the burst', async () => {
    const action = fakeAction(1);
    const badge = createColdBadge(action.deps);

    badge.changed();
    action.setCold(2);
    badge.changed();
    action.setCold(3);
    badge.changed();
    await vi.runAllTimersAsync();

    expect(action.deps.count).toHaveBeenCalledTimes(1);
    expect(action.texts()).toEqual(['3']);
  });

  it('waits 300 ms by default', async () => {
    const action = fakeAction(1);
    createColdBadge(action.deps).changed();

    await vi.advanceTimersByTimeAsync(299);
    expect(action.deps.count).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(action.deps.count).toHaveBeenCalledTimes(1);
  });

  it('counts again for changes after the debounce ran out', async () => {
    const action = fakeAction(1);
    const badge = createColdBadge({ ...action.deps, debounceMs: 50 });

    badge.changed();
    await vi.advanceTimersByTimeAsync(50);
    action.setCold(0);
    badge.changed();
    await vi.advanceTimersByTimeAsync(50);

    expect(action.deps.count).toHaveBeenCalledTimes(2);
    expect(action.texts()).toEqual(['1', '']);
  });

  it('swallows a failed count, and the next change counts again', async () => {
    const action = fakeAction(5);
    action.deps.count.mockRejectedValueOnce(new Error('database closed'));
    const badge = createColdBadge({ ...action.deps, debounceMs: 10 });

    badge.changed();
    await vi.advanceTimersByTimeAsync(10);
    expect(action.deps.setText).not.toHaveBeenCalled();

    badge.changed();
    await vi.advanceTimersByTimeAsync(10);
    expect(action.texts()).toEqual(['5']);
  });

  it('shows a slow count once it arrives', async () => {
    const action = fakeAction();
    const slow = deferred<number>();
    action.deps.count.mockReturnValueOnce(slow.promise);
    const badge = createColdBadge({ ...action.deps, debounceMs: 10 });

    badge.changed();
    badge.changed();
    await vi.advanceTimersByTimeAsync(10);
    expect(action.deps.count).toHaveBeenCalledTimes(1);

    slow.resolve(12);
    await vi.advanceTimersByTimeAsync(0);
    expect(action.texts()).toEqual(['12']);
  });
});
