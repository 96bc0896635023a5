import type { RequestContext } from '@/lib/background/router';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { PersonRef } from '@/lib/sites/types';

import { ADA, disposeDatabase, openTestDatabase, PIP, testClock } from '../support/db';
import { createTestHandlers } from '../support/handlers';
import { saveRequest } from '../support/requests';

/**
 * The requests of the side panel and the popup's "Notes on …" (issue 12, item 6), through the real
 * handlers and services over fake-indexeddb.
 */

const BEA: PersonRef = {
  key: 'linkedin:bea-stone-77',
  name: 'Bea Stone',
  url: 'https://www.linkedin.com/in/bea-stone-77/',
};
const CAL: PersonRef = {
  key: 'linkedin:cal-reyes',
  name: 'Cal Reyes',
  url: 'https://www.linkedin.com/in/cal-reyes/',
};

const FEED = 'https://www.linkedin.com/feed/';
/** The content script in the top frame of tab 7, on LinkedIn's feed. */
const FEED_TOP: RequestContext = { kind: 'content', tabId: 7, frameId: 0, url: FEED };
/** The content script on Ada's profile in tab 7 (it may report her as the subject). */
const ADA_TOP: RequestContext = { ...FEED_TOP, url: ADA.url };
/** The side panel: an extension page in no tab. */
const PANEL: RequestContext = {
  kind: 'extension-page',
  tabId: undefined,
  frameId: 0,
  url: 'chrome-extension://ext/sidebar.html',
};
/** The sidebar framed in tab 7's page. */
const FRAMED: RequestContext = { kind: 'extension-page', tabId: 7, frameId: 1 };
/** The toolbar popup, which sits in no tab either. */
const POPUP: RequestContext = {
  kind: 'extension-page',
  tabId: undefined,
  frameId: 0,
  url: 'chrome-extension://ext/popup.html',
};

let db: AcquaintDatabase;
let test: ReturnType<typeof createTestHandlers>;

beforeEach(() => {
  db = openTestDatabase();
  test = createTestHandlers(db, { clock: testClock().clock });
});

afterEach(async () => {
  await disposeDatabase(db);
});

const listPeople = (people: PersonRef[], context: RequestContext = FEED_TOP) =>
  test.handlers['tab.people']({ type: 'tab.people', people }, context);
const panelContext = (tabId: number) =>
  test.handlers['sidebar.context']({ type: 'sidebar.context', tabId }, PANEL);
const pick = (tabId: number, person: PersonRef | null, context: RequestContext = PANEL) =>
  test.handlers['panel.pick']({ type: 'panel.pick', tabId, person }, context);
const reportSubject = (subject: PersonRef) =>
  test.handlers['tab.subject']({ type: 'tab.subject', subject }, { ...FEED_TOP, url: subject.url });

describe('tab.people', () => {
  it('stores the top frame’s list for its tab and refreshes that tab’s sidebar', async () => {
    expect(await listPeople([BEA, ADA])).toBeNull();

    expect(await test.deps.tabPeople.get(7)).toEqual([BEA, ADA]);
    expect(await test.deps.tabPeople.get(8)).toBeNull();
    expect(test.broadcast).toHaveBeenCalledTimes(1);
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
    // Listing is not remembering: nobody was added.
    expect(await db.people.count()).toBe(0);
  });

  it('refreshes only when the list changed', async () => {
    await listPeople([BEA, ADA]);
    await listPeople([{ ...BEA }, { ...ADA }]);
    expect(test.broadcast).toHaveBeenCalledTimes(1);

    await listPeople([BEA, ADA, CAL]);
    await listPeople([]);
    expect(test.broadcast.mock.calls.map(([event]) => event)).toEqual([
      { type: 'sidebar.refresh', tabId: 7 },
      { type: 'sidebar.refresh', tabId: 7 },
      { type: 'sidebar.refresh', tabId: 7 },
    ]);
    expect(await test.deps.tabPeople.get(7)).toEqual([]);
  });

  it('keeps tabs apart', async () => {
    await listPeople([BEA]);
    await listPeople([PIP], { ...FEED_TOP, tabId: 8, url: 'https://x.com/home' });
    expect(await test.deps.tabPeople.get(7)).toEqual([BEA]);
    expect(await test.deps.tabPeople.get(8)).toEqual([PIP]);
    expect(test.broadcast).toHaveBeenLastCalledWith({ type: 'sidebar.refresh', tabId: 8 });
  });

  it('refuses a frame that is not the top one, storing nothing', async () => {
    await expect(listPeople([BEA], { ...FEED_TOP, frameId: 2 })).rejects.toThrow(/top frame/);
    expect(await test.deps.tabPeople.get(7)).toBeNull();
    expect(test.broadcast).not.toHaveBeenCalled();
  });

  it('refuses a sender without a tab', async () => {
    await expect(listPeople([BEA], { ...FEED_TOP, tabId: undefined })).rejects.toThrow(
      /must come from a tab/,
    );
    expect(test.broadcast).not.toHaveBeenCalled();
  });

  it.each<[string, string | undefined, PersonRef[]]>([
    ['an X account from a LinkedIn page', FEED, [BEA, PIP]],
    ['a LinkedIn member from an X page', 'https://x.com/home', [PIP, ADA]],
    [
      'a blog commenter from a LinkedIn page',
      FEED,
      [{ key: 'web:blog.example', name: 'Blog' }, BEA],
    ],
    ['anyone from a blog', 'https://blog.example/post/', [BEA]],
    ['anyone from a page it cannot name', undefined, [BEA]],
  ])('refuses %s, storing nothing', async (_what, url, people) => {
    const context: RequestContext = { kind: 'content', tabId: 7, frameId: 0 };
    if (url !== undefined) context.url = url;
    await expect(listPeople(people, context)).rejects.toThrow(/its own site/);
    expect(await test.deps.tabPeople.get(7)).toBeNull();
    expect(test.broadcast).not.toHaveBeenCalled();
  });

  it('takes X accounts from twitter.com and an empty list from anywhere on its site', async () => {
    await listPeople([PIP], { ...FEED_TOP, url: 'https://twitter.com/home' });
    expect(await test.deps.tabPeople.get(7)).toEqual([PIP]);
    await listPeople([], { ...FEED_TOP, url: 'https://x.com/explore' });
    expect(await test.deps.tabPeople.get(7)).toEqual([]);
  });
});

describe('sidebar.context from the side panel', () => {
  it('answers for the tab the panel names, with that tab’s people, known people first', async () => {
    await listPeople([BEA, ADA, CAL]);
    // Ada is known (a note about her), Cal too (remembered); Bea is only on the page.
    await test.handlers['notes.save'](saveRequest({ note: { id: 'a', body: 'owls' } }), FRAMED);
    await test.deps.people.ensure(CAL);

    const context = await panelContext(7);

    expect(context.tabId).toBe(7);
    expect(context.page).toEqual({
      people: [
        { ref: ADA, known: true },
        { ref: CAL, known: true },
        { ref: BEA, known: false },
      ],
      picked: false,
    });
  });

  it('keeps the page order among the unknown', async () => {
    await listPeople([CAL, BEA, ADA]);
    const context = await panelContext(7);
    expect(context.page?.people.map(({ ref }) => ref.key)).toEqual([CAL.key, BEA.key, ADA.key]);
    expect(context.page?.people.every(({ known }) => !known)).toBe(true);
  });

  it('gives an empty list for a tab that listed nobody, with its subject', async () => {
    await reportSubject(ADA);
    const context = await panelContext(7);
    expect(context.subject).toEqual(ADA);
    expect(context.page).toEqual({ people: [], picked: false });
  });

  it('gives the page even when the tab has no subject', async () => {
    await listPeople([BEA]);
    const context = await panelContext(7);
    expect(context.subject).toBeNull();
    expect(context.page).toEqual({ people: [{ ref: BEA, known: false }], picked: false });
  });

  it('answers for another tab when the panel names it', async () => {
    await listPeople([BEA]);
    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: PIP },
      { kind: 'content', tabId: 9, frameId: 0, url: PIP.url },
    );
    const context = await panelContext(9);
    expect(context.tabId).toBe(9);
    expect(context.subject).toEqual(PIP);
    expect(context.page).toEqual({ people: [], picked: false });
  });

  it('refuses a panel that names no tab', async () => {
    await expect(
      test.handlers['sidebar.context']({ type: 'sidebar.context' }, PANEL),
    ).rejects.toThrow(/must come from a tab/);
  });

  it('gives a framed sidebar its own tab, no page list, and ignores a tab it names', async () => {
    await reportSubject(ADA);
    await listPeople([BEA]);
    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: PIP },
      { kind: 'content', tabId: 9, frameId: 0, url: PIP.url },
    );

    const context = await test.handlers['sidebar.context'](
      { type: 'sidebar.context', tabId: 9 },
      FRAMED,
    );

    expect(context.tabId).toBe(7);
    expect(context.subject).toEqual(ADA);
    expect(context).not.toHaveProperty('page');
  });
});

describe('panel.pick', () => {
  beforeEach(async () => {
    await reportSubject(ADA);
    await listPeople([BEA, CAL], ADA_TOP);
    test.broadcast.mockClear();
  });

  it('shows someone listed on the page, marked as picked', async () => {
    expect(await pick(7, BEA)).toBeNull();

    expect(await test.deps.tabSelections.get(7)).toEqual(BEA);
    expect(test.broadcast).toHaveBeenCalledTimes(1);
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
    const context = await panelContext(7);
    expect(context.subject).toEqual(BEA);
    expect(context.page?.picked).toBe(true);
    // Picking is not remembering.
    expect(await db.people.count()).toBe(0);
  });

  it('null goes back to the page’s subject', async () => {
    await pick(7, BEA);
    test.broadcast.mockClear();

    expect(await pick(7, null)).toBeNull();

    expect(await test.deps.tabSelections.get(7)).toBeNull();
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
    const context = await panelContext(7);
    expect(context.subject).toEqual(ADA);
    expect(context.page?.picked).toBe(false);
  });

  it('may show the page’s own subject, who need not be listed', async () => {
    await pick(7, ADA);
    expect(await test.deps.tabSelections.get(7)).toEqual(ADA);
  });

  it('refuses someone neither listed nor the subject, changing nothing', async () => {
    await pick(7, BEA);
    test.broadcast.mockClear();

    await expect(pick(7, PIP)).rejects.toThrow(/not on this page/);
    await expect(
      pick(7, {
        key: 'linkedin:dee-lang',
        name: 'Dee Lang',
        url: 'https://www.linkedin.com/in/dee-lang/',
      }),
    ).rejects.toThrow(/not on this page/);

    expect(await test.deps.tabSelections.get(7)).toEqual(BEA);
    expect(test.broadcast).not.toHaveBeenCalled();
  });

  it('judges the person by the tab named: another tab’s list does not count', async () => {
    await expect(pick(8, BEA)).rejects.toThrow(/not on this page/);
    expect(await test.deps.tabSelections.get(8)).toBeNull();
  });

  it('refuses a sender in a tab (a framed sidebar, or a page), changing nothing', async () => {
    await expect(pick(7, BEA, FRAMED)).rejects.toThrow(/only the side panel/);
    await expect(pick(7, null, { ...FRAMED, tabId: 3 })).rejects.toThrow(/only the side panel/);
    expect(await test.deps.tabSelections.get(7)).toBeNull();
    expect(test.broadcast).not.toHaveBeenCalled();
  });

  it('stays quiet when the pick did not change', async () => {
    await pick(7, BEA);
    await pick(7, { ...BEA });
    expect(test.broadcast).toHaveBeenCalledTimes(1);
  });
});

describe('tab.notesTarget', () => {
  const target = (tabId = 7) =>
    test.handlers['tab.notesTarget']({ type: 'tab.notesTarget', tabId }, POPUP);
  const setUrl = (url: string | undefined) => {
    vi.mocked(test.deps.tabUrl).mockImplementation(async () => url);
  };
  const settings = (patch: { inPageLinkedIn?: boolean; inPageX?: boolean }) =>
    test.handlers['settings.update']({ type: 'settings.update', patch }, POPUP);

  it('names the tab’s subject, in the page while LinkedIn’s switch is on', async () => {
    setUrl(ADA.url);
    await reportSubject(ADA);
    expect(await target()).toEqual({ person: ADA, inPage: true });
    expect(test.deps.tabUrl).toHaveBeenCalledWith(7);
  });

  it('opens beside the page once the site’s switch is off, and only that site’s', async () => {
    await settings({ inPageLinkedIn: false });
    setUrl(ADA.url);
    expect((await target()).inPage).toBe(false);
    setUrl('https://x.com/pipwellings');
    expect((await target()).inPage).toBe(true);

    await settings({ inPageLinkedIn: true, inPageX: false });
    expect((await target()).inPage).toBe(false);
    setUrl('https://www.linkedin.com/feed/');
    expect((await target()).inPage).toBe(true);
  });

  it.each<[string, string | undefined]>([
    ['a blog', 'https://blog.example/post/'],
    ['LinkedIn over http', 'http://www.linkedin.com/in/ada-quill-4b21a/'],
    ['a closed tab', undefined],
  ])('says “in the page” on %s, whatever the switches', async (_what, url) => {
    await settings({ inPageLinkedIn: false, inPageX: false });
    setUrl(url);
    expect((await target()).inPage).toBe(true);
  });

  it('names the person picked on the tab over its subject, and nobody on an empty tab', async () => {
    setUrl(ADA.url);
    await reportSubject(ADA);
    await test.handlers['tab.select']({ type: 'tab.select', person: BEA }, ADA_TOP);
    expect((await target()).person).toEqual(BEA);
    expect((await target(8)).person).toBeNull();
  });
});

describe('tab.showNotes', () => {
  const showNotes = (tabId = 7) =>
    test.handlers['tab.showNotes']({ type: 'tab.showNotes', tabId }, POPUP);

  it('tells the tab to show its sidebar on the tab’s subject', async () => {
    await reportSubject(ADA);
    expect(await showNotes()).toBeNull();
    expect(test.tellTab).toHaveBeenCalledTimes(1);
    expect(test.tellTab).toHaveBeenCalledWith(7, { type: 'sidebar.show', person: ADA });
  });

  it('shows the person picked on the tab over its subject', async () => {
    await reportSubject(ADA);
    await test.handlers['tab.select']({ type: 'tab.select', person: BEA }, ADA_TOP);
    await showNotes();
    expect(test.tellTab).toHaveBeenCalledWith(7, { type: 'sidebar.show', person: BEA });
  });

  it('refuses when the tab shows nobody, telling it nothing', async () => {
    await reportSubject(ADA);
    await expect(showNotes(8)).rejects.toThrow(/Nobody/);
    expect(test.tellTab).not.toHaveBeenCalled();
  });

  it('fails when the tab cannot be told', async () => {
    await reportSubject(ADA);
    test.tellTab.mockRejectedValueOnce(new Error('no receiver'));
    await expect(showNotes()).rejects.toThrow('no receiver');
  });
});

describe('settings.update and the in-page switches', () => {
  const update = (patch: Record<string, boolean | number>) =>
    test.handlers['settings.update']({ type: 'settings.update', patch }, POPUP);

  it('tells the side panel when an in-page switch changed', async () => {
    await update({ inPageLinkedIn: false });
    expect(test.deps.inPageChanged).toHaveBeenCalledTimes(1);
    await update({ inPageX: false });
    expect(test.deps.inPageChanged).toHaveBeenCalledTimes(2);
    await update({ inPageLinkedIn: true, inPageX: true });
    expect(test.deps.inPageChanged).toHaveBeenCalledTimes(3);
  });

  it('says nothing when no in-page switch changed', async () => {
    await update({ badges: false, debug: true, defaultCadenceDays: 14 });
    // Set to what they already were.
    await update({ inPageLinkedIn: true, inPageX: true });
    expect(test.deps.inPageChanged).not.toHaveBeenCalled();
  });
});
