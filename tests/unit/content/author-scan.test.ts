import { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createAuthorScan } from '@/lib/content/author-scan';
import type { AuthorMatch } from '@/lib/sites/types';

/**
 * The scan the badges and the side panel's "People on this page" share: one pass over the
 * document, then only what the page adds. A site reader is faked: every `a.author` is an author.
 */

const FEED = new URL('https://www.linkedin.com/feed/');
const NEXT = new URL('https://www.linkedin.com/feed/?page=2');

/** The fake site reader: the `a.author` elements in (or at) `root`, in document order. */
function findAuthors(root: ParentNode): AuthorMatch[] {
  const anchors = [...root.querySelectorAll<HTMLElement>('a.author')];
  if (root instanceof HTMLElement && root.matches('a.author')) anchors.unshift(root);
  return anchors.map((anchor) => ({
    anchor,
    person: { key: anchor.dataset.key ?? '', name: anchor.textContent ?? '' },
  }));
}

const post = (key: string, name: string) =>
  `<article><a class="author" data-key="${key}">${name}</a><p>Posted something</p></article>`;

function article(key: string, name: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = post(key, name);
  return template.content.firstElementChild as HTMLElement;
}

function setup(ownTags?: ReadonlySet<string>) {
  const ctx = new ContentScriptContext('test');
  const find = vi.fn((root: ParentNode, _url: URL) => findAuthors(root));
  const onMatches = vi.fn<(matches: AuthorMatch[]) => void>();
  const scan = createAuthorScan(ctx, {
    findAuthors: find,
    onMatches,
    ...(ownTags ? { ownTags } : {}),
  });
  contexts.push(ctx);
  return { ctx, find, onMatches, scan };
}

/** The keys of each onMatches call, in order. */
const batches = (onMatches: ReturnType<typeof setup>['onMatches']) =>
  onMatches.mock.calls.map(([matches]) => matches.map((match) => match.person.key));

/** Lets the observer's records arrive and the scheduled pass (50 ms later) run. */
async function settle() {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(100);
}

const contexts: ContentScriptContext[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  document.body.innerHTML = post('linkedin:ada', 'Ada') + post('linkedin:bea', 'Bea');
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the author scan', () => {
  it('first reads the whole document, once, with the page’s address', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();

    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith(document.documentElement, FEED);
    expect(batches(onMatches)).toEqual([['linkedin:ada', 'linkedin:bea']]);
    expect(onMatches.mock.calls[0]?.[0][0]?.anchor).toBe(document.querySelector('a.author'));
  });

  it('then reads only what the page adds', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();
    find.mockClear();

    const added = article('linkedin:cal', 'Cal');
    document.body.append(added);
    await settle();

    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith(added, FEED);
    expect(batches(onMatches)).toEqual([['linkedin:ada', 'linkedin:bea'], ['linkedin:cal']]);
  });

  it('reads a node added inside another added node once, with the outer one', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();
    find.mockClear();

    const outer = article('linkedin:cal', 'Cal');
    document.body.append(outer);
    outer.append(article('linkedin:dee', 'Dee'));
    await settle();

    expect(find.mock.calls.map(([root]) => root)).toEqual([outer]);
    expect(batches(onMatches).at(-1)).toEqual(['linkedin:cal', 'linkedin:dee']);
  });

  it('does not read what the page took away before the pass', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();
    find.mockClear();

    const gone = article('linkedin:cal', 'Cal');
    document.body.append(gone);
    const kept = article('linkedin:dee', 'Dee');
    document.body.append(kept);
    gone.remove();
    await settle();

    expect(find.mock.calls.map(([root]) => root)).toEqual([kept]);
    expect(batches(onMatches).at(-1)).toEqual(['linkedin:dee']);
  });

  it('never reads Acquaint’s own elements', async () => {
    const { find, onMatches, scan } = setup(new Set(['acquaint-badge', 'acquaint-toggle']));
    scan.track(FEED);
    await settle();
    find.mockClear();

    const badge = document.createElement('acquaint-badge');
    badge.innerHTML = '<a class="author" data-key="linkedin:own">Own</a>';
    document.querySelector('article')?.append(badge);
    document.body.append(document.createElement('acquaint-toggle'));
    await settle();
    expect(find).not.toHaveBeenCalled();

    // The page's own additions are still read.
    const added = article('linkedin:cal', 'Cal');
    document.body.append(added);
    await settle();
    expect(find.mock.calls.map(([root]) => root)).toEqual([added]);
    expect(batches(onMatches)).toEqual([['linkedin:ada', 'linkedin:bea'], ['linkedin:cal']]);
  });

  it('reports nothing for a page without authors, or an addition without any', async () => {
    document.body.innerHTML = '<main><p>No posts yet</p></main>';
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();
    document.body.append(document.createElement('div'));
    await settle();

    expect(find).toHaveBeenCalledTimes(2);
    expect(onMatches).not.toHaveBeenCalled();
  });

  it('gathers everything added before a pass into one report', async () => {
    const { onMatches, scan } = setup();
    scan.track(FEED);
    await settle();

    document.body.append(article('linkedin:cal', 'Cal'));
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(10);
    document.body.append(article('linkedin:dee', 'Dee'));
    await settle();

    expect(batches(onMatches)).toEqual([
      ['linkedin:ada', 'linkedin:bea'],
      ['linkedin:cal', 'linkedin:dee'],
    ]);
  });

  it('reads a long batch in slices and still reports it all, in page order', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();
    find.mockClear();

    // Every reading takes 5 ms: the scan yields to the page every couple of roots.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    const keys = Array.from({ length: 12 }, (_, index) => `linkedin:p${index}`);
    // Separate tasks' worth of additions under different parents, so each is its own root.
    for (const key of keys) {
      const wrapper = document.createElement('section');
      wrapper.append(article(key, key));
      document.body.append(wrapper);
    }
    await settle();

    expect(find).toHaveBeenCalledTimes(12);
    expect(batches(onMatches).at(-1)).toEqual(keys);
    expect(onMatches).toHaveBeenCalledTimes(2);
  });

  it('track starts over: the new page is read whole, and the old observer is dropped', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();

    document.body.innerHTML = post('linkedin:cal', 'Cal');
    scan.track(NEXT);
    await settle();
    expect(find).toHaveBeenLastCalledWith(document.documentElement, NEXT);
    expect(batches(onMatches).at(-1)).toEqual(['linkedin:cal']);
    find.mockClear();
    onMatches.mockClear();

    // One observer only: an addition is read once, for the new address.
    const added = article('linkedin:dee', 'Dee');
    document.body.append(added);
    await settle();
    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith(added, NEXT);
    expect(batches(onMatches)).toEqual([['linkedin:dee']]);
  });

  it('track drops the previous observer: once stopped, nothing at all is read', async () => {
    const { find, scan } = setup();
    scan.track(FEED);
    await settle();
    scan.track(NEXT);
    await settle();
    scan.stop();
    find.mockClear();

    document.body.append(article('linkedin:cal', 'Cal'));
    await settle();
    expect(find).not.toHaveBeenCalled();
  });

  it('a track before the first pass ran reads the page once, for the newer address', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    scan.track(NEXT);
    await settle();

    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith(document.documentElement, NEXT);
    expect(onMatches).toHaveBeenCalledTimes(1);
  });

  it('stop: the scheduled pass is dropped and nothing added is read', async () => {
    const { find, onMatches, scan } = setup();
    scan.track(FEED);
    scan.stop();
    await settle();
    document.body.append(article('linkedin:cal', 'Cal'));
    await settle();

    expect(find).not.toHaveBeenCalled();
    expect(onMatches).not.toHaveBeenCalled();
  });

  it('a pass stopped midway reports nothing', async () => {
    const { find, onMatches, scan } = setup();
    find.mockImplementationOnce((root) => {
      scan.stop();
      return findAuthors(root);
    });
    scan.track(FEED);
    await settle();

    expect(find).toHaveBeenCalledTimes(1);
    expect(onMatches).not.toHaveBeenCalled();
  });

  it('stops when the content script is invalidated', async () => {
    const { ctx, find, onMatches, scan } = setup();
    scan.track(FEED);
    await settle();
    find.mockClear();

    ctx.abort();
    document.body.append(article('linkedin:cal', 'Cal'));
    await settle();

    expect(find).not.toHaveBeenCalled();
    expect(onMatches).toHaveBeenCalledTimes(1);
  });

  it('lets go of the page when the content script is invalidated', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const { ctx, scan } = setup();
    scan.track(FEED);
    await settle();
    expect(disconnect).not.toHaveBeenCalled();

    ctx.abort();
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('changes nothing in the page', async () => {
    const before = document.documentElement.outerHTML;
    const { scan } = setup();
    scan.track(FEED);
    await settle();
    document.body.append(article('linkedin:cal', 'Cal'));
    const withAddition = document.documentElement.outerHTML;
    await settle();

    expect(withAddition).not.toBe(before);
    expect(document.documentElement.outerHTML).toBe(withAddition);
  });
});
