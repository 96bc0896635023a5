import { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createPagePeople } from '@/lib/content/page-people';
import { MAX_PAGE_PEOPLE } from '@/lib/messaging/limits';
import type { AuthorMatch, PersonRef, SiteId } from '@/lib/sites/types';

/**
 * The side panel's "People on this page", read by the content script with the badges' scan and
 * reported to the background. A site reader is faked: every `a.author` is an author.
 */

const FEED = new URL('https://www.linkedin.com/feed/');
const NEXT = new URL('https://www.linkedin.com/feed/?page=2');

function findAuthors(root: ParentNode): AuthorMatch[] {
  const anchors = [...root.querySelectorAll<HTMLElement>('a.author')];
  if (root instanceof HTMLElement && root.matches('a.author')) anchors.unshift(root);
  return anchors.map((anchor) => ({
    anchor,
    person: { key: anchor.dataset.key ?? '', name: anchor.textContent ?? '' },
  }));
}

const post = (key: string, name = key.split(':')[1] ?? key) =>
  `<article><a class="author" data-key="${key}">${name}</a></article>`;

function addPosts(...keys: string[]) {
  const section = document.createElement('section');
  section.innerHTML = keys.map((key) => post(key)).join('');
  document.body.append(section);
}

const contexts: ContentScriptContext[] = [];

function setup(site: SiteId = 'linkedin') {
  // One name per site: a newer context of the same name would invalidate the older one.
  const ctx = new ContentScriptContext(`test-${site}`);
  contexts.push(ctx);
  const report = vi.fn<(people: PersonRef[]) => void>();
  const onAuthors = vi.fn<(count: number) => void>();
  const people = createPagePeople(ctx, { site, findAuthors, onAuthors, report });
  return { ctx, people, report, onAuthors };
}

/** The keys of each report, in order. */
const reports = (report: ReturnType<typeof setup>['report']) =>
  report.mock.calls.map(([people]) => people.map((person) => person.key));

async function settle() {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(100);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  document.body.innerHTML = '';
});

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('page people', () => {
  it('reports each person once, in page order, with what the page showed', async () => {
    document.body.innerHTML =
      post('linkedin:ada', 'Ada Quill') + post('linkedin:bea', 'Bea Stone') + post('linkedin:ada');
    const { people, report, onAuthors } = setup();
    people.track(FEED);
    await settle();

    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith([
      { key: 'linkedin:ada', name: 'Ada Quill' },
      { key: 'linkedin:bea', name: 'Bea Stone' },
    ]);
    // The health signal hears of every author read, repeats included.
    expect(onAuthors).toHaveBeenCalledWith(3);
  });

  it('reports the whole list again when the page adds someone new, and only then', async () => {
    document.body.innerHTML = post('linkedin:ada') + post('linkedin:bea');
    const { people, report, onAuthors } = setup();
    people.track(FEED);
    await settle();

    addPosts('linkedin:bea', 'linkedin:cal', 'linkedin:ada');
    await settle();
    expect(reports(report)).toEqual([
      ['linkedin:ada', 'linkedin:bea'],
      ['linkedin:ada', 'linkedin:bea', 'linkedin:cal'],
    ]);

    // Read, but nobody new: nothing to tell.
    addPosts('linkedin:cal', 'linkedin:ada');
    await settle();
    expect(onAuthors).toHaveBeenLastCalledWith(2);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('reports only people of its own site', async () => {
    document.body.innerHTML = [
      post('x:pipwellings'),
      post('linkedin:ada'),
      post('web:blog.example'),
      post('linkedinx:lookalike'),
      post('x-id:1234567890'),
      post('linkedin:bea'),
    ].join('');
    const linkedin = setup('linkedin');
    linkedin.people.track(FEED);
    const x = setup('x');
    x.people.track(new URL('https://x.com/home'));
    await settle();

    expect(reports(linkedin.report)).toEqual([['linkedin:ada', 'linkedin:bea']]);
    // x: only, not the look-alike x-id: scheme.
    expect(reports(x.report)).toEqual([['x:pipwellings']]);
  });

  it('reports nothing when none of the page’s authors is of its site', async () => {
    document.body.innerHTML = post('x:pipwellings');
    const { people, report, onAuthors } = setup('linkedin');
    people.track(FEED);
    await settle();
    expect(onAuthors).toHaveBeenCalledWith(1);
    expect(report).not.toHaveBeenCalled();
  });

  it(`keeps at most ${MAX_PAGE_PEOPLE} people, the first ones in page order`, async () => {
    const keys = Array.from({ length: MAX_PAGE_PEOPLE + 50 }, (_, index) => `linkedin:p${index}`);
    document.body.innerHTML = keys.map((key) => post(key)).join('');
    const { people, report } = setup();
    people.track(FEED);
    await settle();

    expect(reports(report)).toEqual([keys.slice(0, MAX_PAGE_PEOPLE)]);

    // Full: someone new on the page changes nothing.
    addPosts('linkedin:late');
    await settle();
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('fills up to the limit across additions', async () => {
    const keys = Array.from({ length: MAX_PAGE_PEOPLE - 1 }, (_, index) => `linkedin:p${index}`);
    document.body.innerHTML = keys.map((key) => post(key)).join('');
    const { people, report } = setup();
    people.track(FEED);
    await settle();

    addPosts('linkedin:last', 'linkedin:one-too-many');
    await settle();
    const lists = reports(report);
    expect(lists).toHaveLength(2);
    expect(lists[1]).toHaveLength(MAX_PAGE_PEOPLE);
    expect(lists[1]?.at(-1)).toBe('linkedin:last');
  });

  it('on a new page, reports an empty list at once if the last page had people, then the new page', async () => {
    document.body.innerHTML = post('linkedin:ada');
    const { people, report } = setup();
    people.track(FEED);
    await settle();

    document.body.innerHTML = post('linkedin:cal');
    people.track(NEXT);
    expect(reports(report)).toEqual([['linkedin:ada'], []]);
    await settle();
    expect(reports(report)).toEqual([['linkedin:ada'], [], ['linkedin:cal']]);
  });

  it('on a new page, says nothing if the last page had nobody', async () => {
    document.body.innerHTML = '<main>No posts</main>';
    const { people, report } = setup();
    people.track(FEED);
    await settle();
    people.track(NEXT);
    await settle();
    expect(report).not.toHaveBeenCalled();

    // And a page of only other sites' people counts as nobody.
    document.body.innerHTML = post('x:pipwellings');
    people.track(FEED);
    await settle();
    people.track(NEXT);
    await settle();
    expect(report).not.toHaveBeenCalled();
  });

  it('a person seen on the last page is reported again on the next', async () => {
    document.body.innerHTML = post('linkedin:ada');
    const { people, report } = setup();
    people.track(FEED);
    await settle();
    people.track(NEXT);
    await settle();
    expect(reports(report)).toEqual([['linkedin:ada'], [], ['linkedin:ada']]);
  });

  it('stop clears the list (telling the background) and reads nothing more', async () => {
    document.body.innerHTML = post('linkedin:ada');
    const { people, report, onAuthors } = setup();
    people.track(FEED);
    await settle();

    people.stop();
    expect(reports(report)).toEqual([['linkedin:ada'], []]);

    addPosts('linkedin:cal');
    await settle();
    expect(onAuthors).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledTimes(2);

    // Stopped with nobody listed: nothing to clear, nothing said.
    people.stop();
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('can be started again after a stop', async () => {
    document.body.innerHTML = post('linkedin:ada');
    const { people, report } = setup();
    people.track(FEED);
    await settle();
    people.stop();
    people.track(FEED);
    await settle();
    expect(reports(report)).toEqual([['linkedin:ada'], [], ['linkedin:ada']]);
  });
});
