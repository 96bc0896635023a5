import { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createLazySubjectTracker } from '@/lib/content/lazy-subject';
import type { OnSubject, SubjectPart } from '@/lib/content/subject-part';
import type { ReadableSite } from '@/lib/sites/reader';

import { deferred } from '../support/deferred';

const PROFILE = new URL('https://www.linkedin.com/in/ada/');
const OTHER_PROFILE = new URL('https://www.linkedin.com/in/pip/');
const FEED = new URL('https://www.linkedin.com/feed/');

const pages: ReadableSite = {
  id: 'linkedin',
  label: 'LinkedIn',
  matchesHost: () => true,
  pageKind: (url) => (url.pathname.startsWith('/in/') ? 'profile' : 'feed'),
  expectsSubject: (url) => url.pathname.startsWith('/in/'),
  subjectKey: () => null,
  findAuthors: () => [],
};

/** A subject part whose tracker records the addresses it is asked to follow. */
function fakePart() {
  const tracked: string[] = [];
  let given: { pages: ReadableSite; onSubject: OnSubject } | undefined;
  const part: SubjectPart = (_ctx, partPages, onSubject) => {
    given = { pages: partPages, onSubject };
    return { track: (url) => tracked.push(url.pathname) };
  };
  return { part, tracked, given: () => given };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the subject tracker loaded on the first page with a subject', () => {
  it('reports nobody once on pages without a subject, and loads nothing', async () => {
    const ctx = new ContentScriptContext('test');
    const onSubject = vi.fn<OnSubject>();
    const load = vi.fn(async () => fakePart().part);
    const tracker = createLazySubjectTracker(ctx, pages, onSubject, load);

    tracker.track(FEED);
    tracker.track(new URL('https://www.linkedin.com/feed/?page=2'));
    await flush();

    expect(onSubject).toHaveBeenCalledTimes(1);
    expect(onSubject).toHaveBeenCalledWith(null, []);
    expect(load).not.toHaveBeenCalled();
    ctx.abort();
  });

  it('loads the part on a subject page and hands it the pages and the listener', async () => {
    const ctx = new ContentScriptContext('test');
    const onSubject = vi.fn<OnSubject>();
    const fake = fakePart();
    const load = vi.fn(async () => fake.part);
    const tracker = createLazySubjectTracker(ctx, pages, onSubject, load);

    tracker.track(PROFILE);
    await flush();

    expect(load).toHaveBeenCalledTimes(1);
    expect(fake.tracked).toEqual(['/in/ada/']);
    expect(fake.given()?.pages).toBe(pages);
    expect(fake.given()?.onSubject).toBe(onSubject);

    // From then on the loaded tracker follows every page, with or without a subject.
    tracker.track(FEED);
    tracker.track(OTHER_PROFILE);
    expect(fake.tracked).toEqual(['/in/ada/', '/feed/', '/in/pip/']);
    expect(load).toHaveBeenCalledTimes(1);
    ctx.abort();
  });

  it('follows the latest address once loaded, and nothing when the user left for a feed', async () => {
    const ctx = new ContentScriptContext('test');
    const fake = fakePart();
    const pending = deferred<SubjectPart>();
    const load = vi.fn(() => pending.promise);
    const tracker = createLazySubjectTracker(ctx, pages, vi.fn<OnSubject>(), load);

    tracker.track(PROFILE);
    tracker.track(OTHER_PROFILE);
    expect(load).toHaveBeenCalledTimes(1);
    pending.resolve(fake.part);
    await flush();
    expect(fake.tracked).toEqual(['/in/pip/']);

    const ctx2 = new ContentScriptContext('test2');
    const fake2 = fakePart();
    const pending2 = deferred<SubjectPart>();
    const tracker2 = createLazySubjectTracker(
      ctx2,
      pages,
      vi.fn<OnSubject>(),
      () => pending2.promise,
    );
    tracker2.track(PROFILE);
    tracker2.track(FEED);
    pending2.resolve(fake2.part);
    await flush();
    expect(fake2.tracked).toEqual([]);
    ctx.abort();
    ctx2.abort();
  });

  it('asks again on the next subject page after a failed load', async () => {
    const ctx = new ContentScriptContext('test');
    const fake = fakePart();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi
      .fn<() => Promise<SubjectPart>>()
      .mockRejectedValueOnce(new Error('no background'))
      .mockResolvedValue(fake.part);
    const tracker = createLazySubjectTracker(ctx, pages, vi.fn<OnSubject>(), load);

    tracker.track(PROFILE);
    await flush();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(fake.tracked).toEqual([]);

    tracker.track(OTHER_PROFILE);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    expect(fake.tracked).toEqual(['/in/pip/']);
    warn.mockRestore();
    ctx.abort();
  });

  it('builds nothing once the content script is invalidated', async () => {
    const ctx = new ContentScriptContext('test');
    const fake = fakePart();
    const pending = deferred<SubjectPart>();
    const tracker = createLazySubjectTracker(ctx, pages, vi.fn<OnSubject>(), () => pending.promise);

    tracker.track(PROFILE);
    ctx.abort();
    pending.resolve(fake.part);
    await flush();
    expect(fake.given()).toBeUndefined();
  });
});
