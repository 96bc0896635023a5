import { DAY_MS } from '@/lib/model/cold';
import type { SiteHealth } from '@/lib/model/health';
import { COLD_ROWS, createPopupStore } from '@/lib/popup/store';

import { coldPerson, coldRow } from '../support/cold';
import { fakePopupApi, type FakePopupInit } from '../support/options-api';

async function loaded(tab: { id?: number; url?: string } | undefined, blogs: string[] = []) {
  const fake = fakePopupApi(tab, { blogs });
  const store = createPopupStore(fake.api);
  await store.load();
  return { ...fake, store };
}

describe('popup store: what the tab is', () => {
  it.each<[string, string]>([
    ['https://www.linkedin.com/in/ada-quill-4b21a/', 'linkedin'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://x.com/pipwellings', 'x'],
    ['https://twitter.com/pipwellings/status/1', 'x'],
  ])('calls %s built in (%s)', async (url, site) => {
    const { store } = await loaded({ id: 1, url }, ['https://blog.example']);
    expect(store.site.value).toEqual({ kind: 'built-in', site });
  });

  it('calls a blog that was not enabled a blog to enable', async () => {
    const { store } = await loaded({ id: 1, url: 'https://blog.example/2024/owls?c=1' }, [
      'https://other.example',
    ]);
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'https://blog.example',
      enabled: false,
    });
  });

  it('calls an enabled blog enabled', async () => {
    const { store } = await loaded({ id: 1, url: 'https://blog.example/post' }, [
      'https://blog.example',
    ]);
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'https://blog.example',
      enabled: true,
    });
  });

  it('does not take http for the https blog that was enabled', async () => {
    const { store } = await loaded({ id: 1, url: 'http://blog.example/post' }, [
      'https://blog.example',
    ]);
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'http://blog.example',
      enabled: false,
    });
  });

  it.each<[string, { id?: number; url?: string } | undefined]>([
    ['chrome://', { id: 1, url: 'chrome://newtab/' }],
    ['an extension page', { id: 1, url: 'chrome-extension://abc/options.html' }],
    ['a local file', { id: 1, url: 'file:///home/me/page.html' }],
    ['about:blank', { id: 1, url: 'about:blank' }],
    ['a tab whose address it may not read', { id: 1 }],
    ['no tab at all', undefined],
    ['a garbled address', { id: 1, url: 'not a url' }],
  ])('calls %s none', async (_what, tab) => {
    const { store } = await loaded(tab);
    expect(store.site.value).toEqual({ kind: 'none' });
  });

  it('loads the health readings', async () => {
    const health: SiteHealth[] = [
      {
        site: 'x',
        lastProblemAt: '2024-05-10T12:00:00.000Z',
        lastProblemKind: 'feed',
        lastOkAt: null,
      },
    ];
    const fake = fakePopupApi({ id: 1, url: 'https://x.com/' }, { health });
    const store = createPopupStore(fake.api);
    await store.load();
    expect(store.health.value).toEqual(health);
  });
});

describe('popup store: enabling and disabling', () => {
  it('asks for the permission synchronously, then enables the tab’s origin', async () => {
    const { store, api, calls } = await loaded({ id: 31, url: 'https://blog.example/post' });
    calls.length = 0;

    const done = store.enableHere();
    expect(api.requestOrigin).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['requestOrigin https://blog.example']);
    await done;

    expect(api.enableBlog).toHaveBeenCalledTimes(1);
    expect(api.enableBlog).toHaveBeenCalledWith('https://blog.example');
    expect(store.site.value).toEqual({
      kind: 'blog',
      origin: 'https://blog.example',
      enabled: true,
    });
    expect(store.status.value).toEqual({
      ok: true,
      text: 'Acquaint now reads comments on blog.example.',
    });
  });

  it('a denied prompt enables nothing and says so', async () => {
    const fake = fakePopupApi({ id: 31, url: 'https://blog.example/post' }, { grant: false });
    const store = createPopupStore(fake.api);
    await store.load();

    await store.enableHere();

    expect(fake.api.enableBlog).not.toHaveBeenCalled();
    expect(store.site.value).toMatchObject({ kind: 'blog', enabled: false });
    expect(store.status.value).toEqual({
      ok: false,
      text: 'Not enabled: access to blog.example was not granted.',
    });
  });

  it('asks for nothing on a built-in site or a page that is no site', async () => {
    for (const url of ['https://x.com/pip', 'chrome://newtab/']) {
      const { store, api } = await loaded({ id: 2, url });
      await store.enableHere();
      await store.disableHere();
      expect(api.requestOrigin).not.toHaveBeenCalled();
      expect(api.disableBlog).not.toHaveBeenCalled();
      expect(store.status.value).toBeNull();
    }
  });

  it('disabling turns the blog off and updates the state', async () => {
    const { store, api } = await loaded({ id: 5, url: 'https://blog.example/post' }, [
      'https://blog.example',
    ]);

    await store.disableHere();

    expect(api.disableBlog).toHaveBeenCalledWith('https://blog.example');
    expect(store.site.value).toMatchObject({ kind: 'blog', enabled: false });
    expect(store.status.value?.ok).toBe(true);
  });

  it('opens the options page', async () => {
    const { store, api } = await loaded({ id: 5, url: 'https://blog.example/post' });
    await store.openOptions();
    expect(api.openOptions).toHaveBeenCalledTimes(1);
  });
});

const ADA = coldRow(coldPerson('ada', 'Ada Quill'));
const BEA = coldRow(coldPerson('bea', 'Bea Stone'));
const CAL = coldRow(coldPerson('cal', 'Cal Reyes'), { myTurn: false });

async function withCold(init: FakePopupInit) {
  const fake = fakePopupApi({ id: 1, url: 'https://x.com/home' }, init);
  const store = createPopupStore(fake.api);
  await store.load();
  return { ...fake, store };
}

describe('popup store: the cold list', () => {
  it(`loads the first ${COLD_ROWS} cold people and how many there are in all`, async () => {
    const { store, api } = await withCold({ cold: [ADA, BEA, CAL], coldTotal: 120 });

    expect(api.coldList).toHaveBeenCalledTimes(1);
    expect(api.coldList).toHaveBeenCalledWith(COLD_ROWS);
    expect(COLD_ROWS).toBe(50);
    expect(store.cold.value).toEqual({
      total: 120,
      totalIsAtLeast: false,
      people: [ADA, BEA, CAL],
    });
    expect(store.coldError.value).toBeNull();
    expect(store.active.value).toBe(0);
  });

  it('has no list before it loads, and an empty one when nobody is cold', async () => {
    const fake = fakePopupApi(undefined);
    const store = createPopupStore(fake.api);
    expect(store.cold.value).toBeNull();
    await store.load();
    expect(store.cold.value).toEqual({ total: 0, totalIsAtLeast: false, people: [] });
  });

  it('shows a failure to load the list in coldError, and still loads the rest', async () => {
    const fake = fakePopupApi({ id: 1, url: 'https://x.com/' }, { blogs: ['https://b.example'] });
    fake.api.coldList.mockRejectedValueOnce(new Error('Acquaint’s database is closed'));
    const store = createPopupStore(fake.api);

    await store.load();

    expect(store.coldError.value).toBe('Acquaint’s database is closed');
    expect(store.cold.value).toBeNull();
    expect(store.site.value).toEqual({ kind: 'built-in', site: 'x' });
  });

  it('clears the failure once the list loads', async () => {
    const fake = fakePopupApi(undefined, { cold: [ADA] });
    fake.api.coldList.mockRejectedValueOnce(new Error('asleep'));
    const store = createPopupStore(fake.api);
    await store.load();
    expect(store.coldError.value).toBe('asleep');

    await store.load();

    expect(store.coldError.value).toBeNull();
    expect(store.cold.value?.people).toEqual([ADA]);
  });
});

describe('popup store: moving between rows', () => {
  it('moves down and up, wrapping around at both ends', async () => {
    const { store } = await withCold({ cold: [ADA, BEA, CAL] });
    const path: number[] = [];
    for (const step of [1, 1, 1, 1, -1, -1, -1]) {
      store.move(step);
      path.push(store.active.value);
    }
    expect(path).toEqual([1, 2, 0, 1, 0, 2, 1]);
  });

  it('stays put on a list of one, and on an empty list', async () => {
    const one = await withCold({ cold: [ADA] });
    one.store.move(1);
    expect(one.store.active.value).toBe(0);
    one.store.move(-1);
    expect(one.store.active.value).toBe(0);

    const none = await withCold({ cold: [] });
    none.store.move(1);
    none.store.move(-1);
    expect(none.store.active.value).toBe(0);
  });

  it('keeps the active row within a list that got shorter', async () => {
    const { store, setCold } = await withCold({ cold: [ADA, BEA, CAL] });
    store.move(-1);
    expect(store.active.value).toBe(2);

    setCold([ADA]);
    await store.load();

    expect(store.active.value).toBe(0);
  });
});

describe('popup store: acting on a row', () => {
  it('opens the first web address among the identities', async () => {
    const row = coldRow(
      coldPerson('wren', 'Wren', [
        { key: 'named:blog.example:wren' },
        { key: 'web:wren.example', url: 'javascript:alert(1)' },
        { key: 'x:wren', url: 'https://x.com/wren' },
        { key: 'linkedin:wren', url: 'https://www.linkedin.com/in/wren/' },
      ]),
    );
    const { store, api } = await withCold({ cold: [row] });

    store.openProfile(row);

    expect(api.openTab).toHaveBeenCalledTimes(1);
    expect(api.openTab).toHaveBeenCalledWith('https://x.com/wren');
    expect(api.openNotes).not.toHaveBeenCalled();
  });

  it('opens the notes instead when no identity has a web address', async () => {
    const row = coldRow(
      coldPerson('wren', 'Wren', [
        { key: 'named:blog.example:wren' },
        { key: 'web:wren.example', url: 'data:text/html,hi' },
      ]),
    );
    const { store, api } = await withCold({ cold: [row] });

    store.openProfile(row);

    expect(api.openNotes).toHaveBeenCalledTimes(1);
    expect(api.openNotes).toHaveBeenCalledWith('wren');
    expect(api.openTab).not.toHaveBeenCalled();
  });

  it('“I reached out” tells the background, then reloads the list without them', async () => {
    const { store, api } = await withCold({ cold: [ADA, BEA] });

    await store.reachedOut(ADA);

    expect(api.reachedOut).toHaveBeenCalledWith('ada');
    expect(api.coldList).toHaveBeenCalledTimes(2);
    expect(store.cold.value).toEqual({ total: 1, totalIsAtLeast: false, people: [BEA] });
    expect(store.coldError.value).toBeNull();
  });

  it('“I reached out” can be undone: the touch is deleted and they are back in the list', async () => {
    const { store, api } = await withCold({ cold: [ADA, BEA] });
    await store.reachedOut(ADA);
    expect(store.undo.value?.name).toBe(ADA.person.name);

    await store.undoReachedOut();
    expect(api.deleteInteraction).toHaveBeenCalledWith('touch-ada');
    expect(store.undo.value).toBeNull();
    expect(store.cold.value?.people.map((row) => row.person.id)).toEqual(['ada', 'bea']);
    // Twice is once: there is nothing left to undo.
    await store.undoReachedOut();
    expect(api.deleteInteraction).toHaveBeenCalledTimes(1);
  });

  it('a dismissed undo deletes nothing', async () => {
    const { store, api } = await withCold({ cold: [ADA] });
    await store.reachedOut(ADA);
    store.dismissUndo();
    await store.undoReachedOut();
    expect(api.deleteInteraction).not.toHaveBeenCalled();
  });

  it('adds someone by hand, says so and opens their notes; a refusal says why', async () => {
    const { store, api } = await withCold({ cold: [] });
    await store.addPerson({ name: 'Noor Ashdown', address: '', why: '' });
    expect(store.added.value).toEqual({ ok: true, text: 'Added Noor Ashdown.' });
    expect(api.openNotes).toHaveBeenCalledWith('added-Noor Ashdown');

    await store.addPerson({ name: ' ', address: '', why: '' });
    expect(store.added.value).toEqual({ ok: false, text: 'Give them a name.' });
    expect(api.openNotes).toHaveBeenCalledTimes(1);
  });

  it('snoozes by the person’s first identity until that many days from now, then reloads', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-10T12:00:00.000Z'));
    try {
      const { store, api, calls } = await withCold({ cold: [ADA, BEA] });
      calls.length = 0;

      await store.snooze(BEA, 7);

      expect(api.snooze).toHaveBeenCalledTimes(1);
      expect(api.snooze).toHaveBeenCalledWith(
        { key: 'x:bea', name: 'Bea Stone', url: 'https://x.com/bea' },
        new Date(Date.parse('2024-05-10T12:00:00.000Z') + 7 * DAY_MS).toISOString(),
      );
      expect(calls).toEqual(['snooze x:bea 2024-05-17T12:00:00.000Z', `coldList ${COLD_ROWS}`]);
      expect(store.cold.value?.people).toEqual([ADA]);

      await store.snooze(ADA, 30);
      expect(api.snooze.mock.calls[1]?.[1]).toBe('2024-06-09T12:00:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the notes of a row, then reloads', async () => {
    const { store, api, calls } = await withCold({ cold: [ADA] });
    calls.length = 0;

    await store.openNotes(ADA);

    expect(api.openNotes).toHaveBeenCalledWith('ada');
    expect(calls).toEqual(['openNotes ada', `coldList ${COLD_ROWS}`]);
  });

  it.each<[string, (store: ReturnType<typeof createPopupStore>) => Promise<void>]>([
    ['I reached out', (store) => store.reachedOut(ADA)],
    ['a snooze', (store) => store.snooze(ADA, 7)],
    ['opening the notes', (store) => store.openNotes(ADA)],
  ])('shows a failure of %s in coldError, after reloading the list', async (_what, act) => {
    const { store, api } = await withCold({ cold: [ADA, BEA] });
    const failure = new Error('That person is no longer in Acquaint.');
    api.reachedOut.mockRejectedValueOnce(failure);
    api.snooze.mockRejectedValueOnce(failure);
    api.openNotes.mockRejectedValueOnce(failure);

    await act(store);

    expect(api.coldList).toHaveBeenCalledTimes(2);
    expect(store.coldError.value).toBe('That person is no longer in Acquaint.');
    expect(store.cold.value?.people).toEqual([ADA, BEA]);
  });

  it('refuses to snooze someone without an identity, saying who', async () => {
    const nameless = coldRow(coldPerson('ghost', 'Ghost', []));
    const { store, api } = await withCold({ cold: [nameless] });

    await store.snooze(nameless, 7);

    expect(api.snooze).not.toHaveBeenCalled();
    expect(store.coldError.value).toMatch(/^Ghost has no identity/);
  });

  it('a later action that works clears the failure', async () => {
    const { store, api } = await withCold({ cold: [ADA, BEA] });
    api.reachedOut.mockRejectedValueOnce(new Error('busy'));
    await store.reachedOut(ADA);
    expect(store.coldError.value).toBe('busy');

    await store.reachedOut(ADA);

    expect(store.coldError.value).toBeNull();
    expect(store.cold.value?.people).toEqual([BEA]);
  });
});
