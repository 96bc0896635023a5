import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createHealthWatch, EXPECT_WITHIN_MS } from '@/lib/content/health-watch';
import type { PageKind, SiteId } from '@/lib/sites/types';

/** The one part of the content script context the watch uses. */
const ctx = {
  setTimeout: (handler: () => void, timeout?: number) => setTimeout(handler, timeout),
} as unknown as ContentScriptContext;

let report: ReturnType<typeof vi.fn<(site: SiteId, pageKind: PageKind, ok: boolean) => void>>;

beforeEach(() => {
  vi.useFakeTimers();
  report = vi.fn();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createHealthWatch', () => {
  it('reports OK once when someone is found before the deadline', () => {
    const watch = createHealthWatch(ctx, 'linkedin', report);
    watch.expect('profile');
    vi.advanceTimersByTime(EXPECT_WITHIN_MS - 1);

    watch.found();
    watch.found();
    vi.advanceTimersByTime(10 * EXPECT_WITHIN_MS);

    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith('linkedin', 'profile', true);
  });

  it('reports a failure once nobody was found within EXPECT_WITHIN_MS', () => {
    const watch = createHealthWatch(ctx, 'x', report);
    watch.expect('timeline');

    vi.advanceTimersByTime(EXPECT_WITHIN_MS - 1);
    expect(report).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith('x', 'timeline', false);

    // Someone turning up late changes nothing about this page's reading.
    watch.found();
    vi.advanceTimersByTime(10 * EXPECT_WITHIN_MS);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('drops the previous page’s wait when a new page is expected', () => {
    const watch = createHealthWatch(ctx, 'linkedin', report);
    watch.expect('feed');
    vi.advanceTimersByTime(EXPECT_WITHIN_MS - 1000);

    watch.expect('profile');
    vi.advanceTimersByTime(EXPECT_WITHIN_MS - 1);
    expect(report).not.toHaveBeenCalled();

    vi.advanceTimersByTime(1);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith('linkedin', 'profile', false);
  });

  it('reports the new page, not the old one, when someone is found after navigating', () => {
    const watch = createHealthWatch(ctx, 'x', report);
    watch.expect('timeline');
    watch.expect('status');
    watch.found();
    vi.advanceTimersByTime(10 * EXPECT_WITHIN_MS);
    expect(report.mock.calls).toEqual([['x', 'status', true]]);
  });

  it('reports nothing for a page that shows nobody by design', () => {
    const watch = createHealthWatch(ctx, 'x', report);
    watch.expect('timeline');
    watch.expect(null);

    vi.advanceTimersByTime(10 * EXPECT_WITHIN_MS);
    watch.found();

    expect(report).not.toHaveBeenCalled();
  });

  it('reports nothing when found before anything was expected', () => {
    const watch = createHealthWatch(ctx, 'blog', report);
    watch.found();
    vi.advanceTimersByTime(10 * EXPECT_WITHIN_MS);
    expect(report).not.toHaveBeenCalled();
  });

  it('reports each page of a session once', () => {
    const watch = createHealthWatch(ctx, 'blog', report);
    watch.expect('comments');
    watch.found();
    watch.expect('post');
    vi.advanceTimersByTime(EXPECT_WITHIN_MS);
    watch.expect('comments');
    watch.found();

    expect(report.mock.calls).toEqual([
      ['blog', 'comments', true],
      ['blog', 'post', false],
      ['blog', 'comments', true],
    ]);
  });
});
