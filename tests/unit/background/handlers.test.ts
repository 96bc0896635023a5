import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import type { Mock } from 'vitest';

import { createMessageRouter, type Handlers, type RequestContext } from '@/lib/background/router';
import type { TabSubjects } from '@/lib/background/tab-subjects';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { ContentCommand, SidebarEvent } from '@/lib/messaging/protocol';

import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';
import { createTestHandlers } from '../support/handlers';
import { saveRequest, STORED_NOTE, whyRequest } from '../support/requests';

const TOP: RequestContext = { kind: 'content', tabId: 7, frameId: 0 };
/** The top frame of the page a person's address names, as its content script reports it. */
const pageOf = (person: { url?: string }): RequestContext => ({
  ...TOP,
  ...(person.url ? { url: person.url } : {}),
});
const SIDEBAR: RequestContext = { kind: 'extension-page', tabId: 7, frameId: 1 };

let db: AcquaintDatabase;
let time: TestClock;
let tabSubjects: TabSubjects;
let broadcast: Mock<(event: SidebarEvent) => Promise<unknown>>;
let tellTab: Mock<(tabId: number, command: ContentCommand) => Promise<void>>;
let handlers: Handlers;

beforeEach(() => {
  db = openTestDatabase();
  time = testClock();
  const test = createTestHandlers(db, { clock: time.clock });
  handlers = test.handlers;
  tabSubjects = test.deps.tabSubjects;
  broadcast = test.broadcast;
  tellTab = test.tellTab;
});

afterEach(async () => {
  await disposeDatabase(db);
});

describe('sidebar.load', () => {
  it('runs the sidebar-frame script in the sender’s tab, and answers once it has run', async () => {
    const test = createTestHandlers(db, { clock: time.clock });
    let ran = false;
    test.injectSidebarFrame.mockImplementation(async () => {
      ran = true;
    });

    expect(await test.handlers['sidebar.load']({ type: 'sidebar.load' }, TOP)).toBeNull();

    expect(ran).toBe(true);
    expect(test.injectSidebarFrame).toHaveBeenCalledTimes(1);
    expect(test.injectSidebarFrame).toHaveBeenCalledWith(7);
  });

  it('refuses a frame that is not the top one, or a sender without a tab', async () => {
    const test = createTestHandlers(db, { clock: time.clock });
    await expect(
      test.handlers['sidebar.load']({ type: 'sidebar.load' }, { ...TOP, frameId: 3 }),
    ).rejects.toThrow(/top frame/);
    await expect(
      test.handlers['sidebar.load']({ type: 'sidebar.load' }, { ...TOP, tabId: undefined }),
    ).rejects.toThrow(/must come from a tab/);
    expect(test.injectSidebarFrame).not.toHaveBeenCalled();
  });
});

describe('sidebar.token and sidebar.claim', () => {
  const FRAME: RequestContext = { kind: 'extension-page', tabId: 7, frameId: 4 };

  it('gives the top frame a token that one frame of the same tab can claim', async () => {
    const test = createTestHandlers(db, { clock: time.clock });
    const { token } = await test.handlers['sidebar.token']({ type: 'sidebar.token' }, TOP);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);

    await expect(
      test.handlers['sidebar.claim']({ type: 'sidebar.claim', token }, { ...FRAME, tabId: 8 }),
    ).rejects.toThrow(/not opened by Acquaint/);
    expect(
      await test.handlers['sidebar.claim']({ type: 'sidebar.claim', token }, FRAME),
    ).toBeNull();
    expect(await test.deps.sidebarFrames.isBound(7, 4)).toBe(true);
    await expect(
      test.handlers['sidebar.claim']({ type: 'sidebar.claim', token }, { ...FRAME, frameId: 9 }),
    ).rejects.toThrow(/not opened by Acquaint/);
  });

  it('gives no token to an embedded frame, and lets no top-level page claim one', async () => {
    const test = createTestHandlers(db, { clock: time.clock });
    await expect(
      test.handlers['sidebar.token']({ type: 'sidebar.token' }, { ...TOP, frameId: 2 }),
    ).rejects.toThrow(/top frame/);
    const { token } = await test.handlers['sidebar.token']({ type: 'sidebar.token' }, TOP);
    await expect(
      test.handlers['sidebar.claim']({ type: 'sidebar.claim', token }, { ...FRAME, frameId: 0 }),
    ).rejects.toThrow(/not opened by Acquaint/);
  });
});

describe('content.load', () => {
  it('runs the part asked for in the sender’s own tab and frame, and answers once it has run', async () => {
    const test = createTestHandlers(db, { clock: time.clock });
    let ran = false;
    test.injectContentPart.mockImplementation(async () => {
      ran = true;
    });

    const request = { type: 'content.load', part: 'blog-readers' } as const;
    expect(await test.handlers['content.load'](request, { ...TOP, frameId: 2 })).toBeNull();

    expect(ran).toBe(true);
    expect(test.injectContentPart).toHaveBeenCalledTimes(1);
    expect(test.injectContentPart).toHaveBeenCalledWith(7, 2, 'blog-readers');
  });

  it('refuses a sender without a tab', async () => {
    const test = createTestHandlers(db, { clock: time.clock });
    await expect(
      test.handlers['content.load'](
        { type: 'content.load', part: 'x-subject' },
        { ...TOP, tabId: undefined },
      ),
    ).rejects.toThrow(/must come from a tab/);
    expect(test.injectContentPart).not.toHaveBeenCalled();
  });
});

describe('tab.subject', () => {
  it('stores the top frame’s subject and tells that tab’s sidebar', async () => {
    expect(
      await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA)),
    ).toBeNull();

    expect(await tabSubjects.get(7)).toEqual(ADA);
    expect(broadcast).toHaveBeenCalledTimes(1);
    expect(broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
  });

  it('stays quiet when the subject did not change', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA));
    await handlers['tab.subject']({ type: 'tab.subject', subject: { ...ADA } }, pageOf(ADA));

    expect(broadcast).toHaveBeenCalledTimes(1);
  });

  it('tells the sidebar when the name rendered or the subject left', async () => {
    await handlers['tab.subject'](
      { type: 'tab.subject', subject: { key: ADA.key, name: '' } },
      pageOf(ADA),
    );
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA));
    await handlers['tab.subject']({ type: 'tab.subject', subject: null }, TOP);

    expect(broadcast.mock.calls.map(([event]) => event)).toEqual([
      { type: 'sidebar.refresh', tabId: 7 },
      { type: 'sidebar.refresh', tabId: 7 },
      { type: 'sidebar.refresh', tabId: 7 },
    ]);
    expect(await tabSubjects.get(7)).toBeNull();
  });

  it('keeps tabs apart', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA));
    await handlers['tab.subject'](
      { type: 'tab.subject', subject: PIP },
      { ...pageOf(PIP), tabId: 8 },
    );

    expect(await tabSubjects.get(7)).toEqual(ADA);
    expect(await tabSubjects.get(8)).toEqual(PIP);
    expect(broadcast).toHaveBeenLastCalledWith({ type: 'sidebar.refresh', tabId: 8 });
  });

  it('refuses a subframe, storing nothing', async () => {
    await expect(
      handlers['tab.subject'](
        { type: 'tab.subject', subject: ADA },
        { ...pageOf(ADA), frameId: 3 },
      ),
    ).rejects.toThrow(/top frame/);

    expect(await tabSubjects.get(7)).toBeNull();
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('refuses a sender without a tab', async () => {
    await expect(
      handlers['tab.subject'](
        { type: 'tab.subject', subject: ADA },
        { ...pageOf(ADA), tabId: undefined },
      ),
    ).rejects.toThrow(/must come from a tab/);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('survives a rejected broadcast (no sidebar open)', async () => {
    broadcast.mockRejectedValue(new Error('Could not establish connection.'));
    await expect(
      handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA)),
    ).resolves.toBeNull();
    expect(await tabSubjects.get(7)).toEqual(ADA);
  });
});

describe('sidebar.context', () => {
  it('gives an empty context for a tab without a subject', async () => {
    expect(await handlers['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR)).toEqual({
      tabId: 7,
      subject: null,
      person: null,
      notes: [],
      interactions: [],
      defaultCadenceDays: 30,
    });
  });

  it('gives the subject but no person before anything was saved', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA));
    expect(await handlers['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR)).toEqual({
      tabId: 7,
      subject: ADA,
      person: null,
      notes: [],
      interactions: [],
      defaultCadenceDays: 30,
    });
    // Looking is not saving: no person was created.
    expect(await db.people.count()).toBe(0);
  });

  it('gives the person and their notes, newest first, after notes were saved', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA));
    const first = await handlers['notes.save'](
      saveRequest({ note: { id: 'a', body: 'one' } }),
      SIDEBAR,
    );
    time.advance(60_000);
    await handlers['notes.save'](saveRequest({ note: { id: 'b', body: 'two' } }), SIDEBAR);
    // Someone else's note stays out.
    await handlers['notes.save'](saveRequest({ note: { id: 'p', body: 'pip' } }, PIP), SIDEBAR);

    const context = await handlers['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR);

    expect(context.tabId).toBe(7);
    expect(context.subject).toEqual(ADA);
    expect(context.person?.id).toBe(first.person.id);
    expect(context.notes.map((note) => note.id)).toEqual(['b', 'a']);
    expect(context.notes.every((note) => note.personId === first.person.id)).toBe(true);
  });

  it('answers for the tab the sidebar sits in', async () => {
    await handlers['tab.subject'](
      { type: 'tab.subject', subject: PIP },
      { ...pageOf(PIP), tabId: 9 },
    );
    const context = await handlers['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR);
    expect(context.subject).toBeNull();
    const other = await handlers['sidebar.context'](
      { type: 'sidebar.context' },
      {
        ...SIDEBAR,
        tabId: 9,
      },
    );
    expect(other.subject).toEqual(PIP);
  });

  it('refuses a page outside any tab', async () => {
    await expect(
      handlers['sidebar.context']({ type: 'sidebar.context' }, { ...SIDEBAR, tabId: undefined }),
    ).rejects.toThrow(/must come from a tab/);
  });
});

describe('sidebar.close', () => {
  it('tells the sidebar’s tab to close it', async () => {
    expect(await handlers['sidebar.close']({ type: 'sidebar.close' }, SIDEBAR)).toBeNull();
    expect(tellTab).toHaveBeenCalledTimes(1);
    expect(tellTab).toHaveBeenCalledWith(7, { type: 'sidebar.close' });
  });

  it('fails when the tab cannot be told', async () => {
    tellTab.mockRejectedValueOnce(new Error('no receiver'));
    await expect(handlers['sidebar.close']({ type: 'sidebar.close' }, SIDEBAR)).rejects.toThrow(
      'no receiver',
    );
  });
});

describe('writes', () => {
  it('notes.save stores the note and refreshes every sidebar', async () => {
    const saved = await handlers['notes.save'](saveRequest(), SIDEBAR);

    expect(saved.conflict).toBe(false);
    expect(await db.notes.get('note-1')).toEqual(saved.note);
    expect(broadcast).toHaveBeenCalledTimes(1);
    expect(broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });
  });

  it('notes.save reports a conflict from a stale baseRev', async () => {
    await handlers['notes.save'](saveRequest({ note: { id: 'n', body: 'v1' } }), SIDEBAR);
    await handlers['notes.save'](
      saveRequest({ note: { id: 'n', body: 'v2' }, baseRev: 1 }),
      SIDEBAR,
    );
    const stale = await handlers['notes.save'](
      saveRequest({ note: { id: 'n', body: 'v2-other' }, baseRev: 1 }),
      SIDEBAR,
    );
    expect(stale.conflict).toBe(true);
    expect(await db.notes.count()).toBe(2);
  });

  it('notes.delete removes the note, hands it back and refreshes', async () => {
    const saved = await handlers['notes.save'](saveRequest(), SIDEBAR);
    broadcast.mockClear();

    expect(await handlers['notes.delete']({ type: 'notes.delete', id: 'note-1' }, SIDEBAR)).toEqual(
      saved.note,
    );
    expect(await db.notes.count()).toBe(0);
    expect(broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });
  });

  it('notes.restore puts it back and refreshes', async () => {
    const saved = await handlers['notes.save'](saveRequest(), SIDEBAR);
    await handlers['notes.delete']({ type: 'notes.delete', id: 'note-1' }, SIDEBAR);
    broadcast.mockClear();

    const restored = await handlers['notes.restore'](
      { type: 'notes.restore', note: saved.note },
      SIDEBAR,
    );

    expect(restored.rev).toBe(saved.note.rev + 1);
    expect(await db.notes.get('note-1')).toEqual(restored);
    expect(broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });
  });

  it('people.setWhy stores the why and refreshes', async () => {
    const person = await handlers['people.setWhy'](whyRequest('  Owl expert '), SIDEBAR);

    expect(person.why).toBe('Owl expert');
    expect((await db.people.get(person.id))?.why).toBe('Owl expert');
    expect(broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });
  });

  it('does not broadcast when a write fails', async () => {
    const saved = await handlers['notes.save'](saveRequest(), SIDEBAR);
    await db.people.delete(saved.person.id);
    await handlers['notes.delete']({ type: 'notes.delete', id: 'note-1' }, SIDEBAR);
    broadcast.mockClear();

    await expect(
      handlers['notes.restore']({ type: 'notes.restore', note: saved.note }, SIDEBAR),
    ).rejects.toThrow(/no longer exists/);
    expect(broadcast).not.toHaveBeenCalled();
  });
});

describe('through the router', () => {
  const EXTENSION_ID = 'ext-id';
  const ORIGIN = 'chrome-extension://ext-id/';

  it('a content script’s subject, then the sidebar’s save and context', async () => {
    const router = createMessageRouter(handlers, {
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
    });
    const content = {
      id: EXTENSION_ID,
      url: 'https://x.com/pipwellings',
      tab: { id: 4 },
      frameId: 0,
    };
    const sidebar = { id: EXTENSION_ID, url: `${ORIGIN}sidebar.html`, tab: { id: 4 }, frameId: 5 };

    expect(await router.handleMessage({ type: 'tab.subject', subject: PIP }, content)).toEqual({
      ok: true,
      value: null,
    });
    expect(
      (
        await router.handleMessage(
          { type: 'tab.subject', subject: ADA },
          { ...content, frameId: 2 },
        )
      ).ok,
    ).toBe(false);
    expect((await router.handleMessage(saveRequest({}, PIP), sidebar)).ok).toBe(true);

    const envelope = await router.handleMessage({ type: 'sidebar.context' }, sidebar);
    expect(envelope.ok && envelope.value).toMatchObject({
      tabId: 4,
      subject: PIP,
      person: { name: 'Pip Wellings', identityKeys: [PIP.key] },
      notes: [{ id: 'note-1', body: 'Met at the owl talk' }],
    });
  });
});

describe('the newer requests', () => {
  let test: ReturnType<typeof createTestHandlers>;

  beforeEach(() => {
    test = createTestHandlers(db, { clock: time.clock });
    handlers = test.handlers;
  });

  const context = (tabId: number) =>
    handlers['sidebar.context']({ type: 'sidebar.context' }, { ...SIDEBAR, tabId });

  describe('tab.select', () => {
    it('from the top frame: stores the pick and refreshes that tab, adding nobody', async () => {
      expect(await handlers['tab.select']({ type: 'tab.select', person: PIP }, TOP)).toBeNull();

      // A content script's word is no user action: the sidebar shows the person, and writing
      // about them there is what adds them (issue 12).
      expect(await db.people.count()).toBe(0);
      expect(await test.deps.tabSelections.get(7)).toEqual(PIP);
      // The subject is the page's reading; a pick is kept apart from it.
      expect(await test.deps.tabSubjects.get(7)).toBeNull();
      expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
      expect(test.tellAllTabs).not.toHaveBeenCalled();

      await handlers['tab.select']({ type: 'tab.select', person: { ...PIP } }, TOP);
      await handlers['tab.select']({ type: 'tab.select', person: PIP }, { ...TOP, tabId: 8 });
      expect(await db.people.count()).toBe(0);
      expect(await test.deps.tabSelections.get(8)).toEqual(PIP);
    });

    it('refuses any frame but the top one, storing and creating nothing', async () => {
      await expect(
        handlers['tab.select']({ type: 'tab.select', person: PIP }, { ...TOP, frameId: 4 }),
      ).rejects.toThrow(/top frame/);

      expect(await db.people.count()).toBe(0);
      expect(await test.deps.tabSelections.get(7)).toBeNull();
      expect(test.broadcast).not.toHaveBeenCalled();
      expect(test.tellAllTabs).not.toHaveBeenCalled();
    });

    it('refuses a sender without a tab', async () => {
      await expect(
        handlers['tab.select']({ type: 'tab.select', person: PIP }, { ...TOP, tabId: undefined }),
      ).rejects.toThrow(/must come from a tab/);
      expect(test.broadcast).not.toHaveBeenCalled();
    });

    it('null clears the pick and refreshes that tab, creating no one', async () => {
      await handlers['tab.select']({ type: 'tab.select', person: PIP }, TOP);
      test.broadcast.mockClear();
      test.tellAllTabs.mockClear();

      await handlers['tab.select']({ type: 'tab.select', person: null }, TOP);

      expect(await test.deps.tabSelections.get(7)).toBeNull();
      expect(test.broadcast).toHaveBeenCalledTimes(1);
      expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
      expect(test.tellAllTabs).not.toHaveBeenCalled();
      expect(await db.people.count()).toBe(0);
    });
  });

  describe('sidebar.context with a pick', () => {
    it('shows the pick over the subject, and the subject again once the pick is cleared', async () => {
      await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, pageOf(ADA));
      await handlers['notes.save'](saveRequest({ note: { id: 'a', body: 'on Ada' } }), SIDEBAR);
      await handlers['notes.save'](
        saveRequest({ note: { id: 'p', body: 'on Pip' } }, PIP),
        SIDEBAR,
      );

      await handlers['tab.select']({ type: 'tab.select', person: PIP }, TOP);
      const picked = await context(7);
      expect(picked.subject).toEqual(PIP);
      expect(picked.person?.identityKeys).toEqual([PIP.key]);
      expect(picked.notes.map((note) => note.id)).toEqual(['p']);

      await handlers['tab.select']({ type: 'tab.select', person: null }, TOP);
      const subject = await context(7);
      expect(subject.subject).toEqual(ADA);
      expect(subject.person?.identityKeys).toEqual([ADA.key]);
      expect(subject.notes.map((note) => note.id)).toEqual(['a']);
    });

    it('keeps one tab’s pick out of another tab', async () => {
      await handlers['tab.select']({ type: 'tab.select', person: PIP }, TOP);
      expect((await context(8)).subject).toBeNull();
    });
  });

  describe('person.openWindow', () => {
    it('opens the window and makes its tab show the person, adding nobody yet', async () => {
      test.openSidebarWindow.mockResolvedValueOnce(42);

      expect(
        await handlers['person.openWindow']({ type: 'person.openWindow', person: PIP }, TOP),
      ).toBeNull();

      expect(test.openSidebarWindow).toHaveBeenCalledTimes(1);
      // Writing about them in the window is what adds them (issue 12).
      expect(await db.people.count()).toBe(0);
      const shown = await context(42);
      expect(shown).toMatchObject({ tabId: 42, subject: PIP, person: null, notes: [] });
      expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 42 });
      expect(test.tellAllTabs).not.toHaveBeenCalled();
      // The page's own tab is left as it was.
      expect((await context(7)).subject).toBeNull();
    });

    it('shows the person in each window opened', async () => {
      test.openSidebarWindow.mockResolvedValueOnce(42).mockResolvedValueOnce(43);
      await handlers['person.openWindow']({ type: 'person.openWindow', person: PIP }, TOP);
      await handlers['person.openWindow']({ type: 'person.openWindow', person: PIP }, TOP);
      expect(await db.people.count()).toBe(0);
      expect((await context(42)).subject).toEqual(PIP);
      expect((await context(43)).subject).toEqual(PIP);
    });

    it('stores no pick when the window has no tab to show it in', async () => {
      test.openSidebarWindow.mockResolvedValueOnce(undefined);
      await handlers['person.openWindow']({ type: 'person.openWindow', person: PIP }, TOP);
      expect(await db.people.count()).toBe(0);
      expect(test.broadcast).not.toHaveBeenCalledWith(
        expect.objectContaining({ tabId: expect.any(Number) }),
      );
    });
  });

  describe('people.lookup', () => {
    it('answers exactly the keys of people in Acquaint', async () => {
      await handlers['people.setWhy'](whyRequest('why', ADA), SIDEBAR);
      await db.people.put({
        id: 'two-faced',
        name: 'Wren',
        identities: [{ key: 'linkedin:wren-1' }, { key: 'x:wren' }],
        identityKeys: ['linkedin:wren-1', 'x:wren'],
        why: '',
        tags: [],
        cadenceDays: null,
        snoozedUntil: null,
        archived: false,
        createdAt: time.iso(),
        updatedAt: time.iso(),
      });

      const answer = await handlers['people.lookup'](
        {
          type: 'people.lookup',
          keys: [ADA.key, PIP.key, 'x:wren', 'linkedin:wren-1', 'x:nobody', ADA.key],
        },
        TOP,
      );

      expect(answer.known.sort()).toEqual([ADA.key, 'linkedin:wren-1', 'x:wren'].sort());
    });

    it('answers one identity of a person without naming their other ones', async () => {
      await db.people.put({
        id: 'two-faced',
        name: 'Wren',
        identities: [{ key: 'linkedin:wren-1' }, { key: 'x:wren' }],
        identityKeys: ['linkedin:wren-1', 'x:wren'],
        why: '',
        tags: [],
        cadenceDays: null,
        snoozedUntil: null,
        archived: false,
        createdAt: time.iso(),
        updatedAt: time.iso(),
      });
      expect(
        await handlers['people.lookup']({ type: 'people.lookup', keys: ['x:wren'] }, TOP),
      ).toEqual({ known: ['x:wren'] });
    });

    it('answers nothing for unknown keys and for an empty list', async () => {
      await handlers['people.setWhy'](whyRequest('why', ADA), SIDEBAR);
      expect(
        await handlers['people.lookup']({ type: 'people.lookup', keys: [PIP.key] }, TOP),
      ).toEqual({ known: [] });
      expect(await handlers['people.lookup']({ type: 'people.lookup', keys: [] }, TOP)).toEqual({
        known: [],
      });
    });
  });

  describe('settings', () => {
    it('settings.update then settings.get round-trips, and tells every tab', async () => {
      const updated = await handlers['settings.update'](
        { type: 'settings.update', patch: { badges: false, defaultCadenceDays: 14 } },
        SIDEBAR,
      );
      expect(updated).toEqual({
        ...DEFAULT_SETTINGS,
        badges: false,
        debug: false,
        defaultCadenceDays: 14,
      });
      // Once with settings.changed (a new cadence also sends people.changed, as every write does).
      expect(
        test.tellAllTabs.mock.calls.filter(([command]) => command.type === 'settings.changed'),
      ).toEqual([[{ type: 'settings.changed' }]]);

      expect(await handlers['settings.get']({ type: 'settings.get' }, TOP)).toEqual(updated);
      // Stored, not held in memory: a background woken afresh reads the same.
      const fresh = createTestHandlers(db, { clock: time.clock }).handlers;
      expect(await fresh['settings.get']({ type: 'settings.get' }, TOP)).toEqual(updated);
    });

    it('settings.get gives the defaults before anything was changed', async () => {
      expect(await handlers['settings.get']({ type: 'settings.get' }, TOP)).toEqual({
        ...DEFAULT_SETTINGS,
        badges: true,
        debug: false,
        defaultCadenceDays: 30,
      });
    });

    it('settings.update survives tabs that cannot be told', async () => {
      test.tellAllTabs.mockRejectedValueOnce(new Error('no tabs'));
      await expect(
        handlers['settings.update']({ type: 'settings.update', patch: { debug: true } }, SIDEBAR),
      ).resolves.toMatchObject({ debug: true });
    });
  });

  describe('health', () => {
    it('health.report then health.list shows the problem for that site only', async () => {
      expect(
        await handlers['health.report'](
          { type: 'health.report', site: 'linkedin', pageKind: 'profile', ok: false },
          TOP,
        ),
      ).toBeNull();

      const list = await handlers['health.list']({ type: 'health.list' }, SIDEBAR);
      expect(list).toEqual([
        {
          site: 'linkedin',
          lastProblemAt: time.iso(),
          lastProblemKind: 'profile',
          lastOkAt: null,
        },
        { site: 'x', lastProblemAt: null, lastProblemKind: null, lastOkAt: null },
        { site: 'blog', lastProblemAt: null, lastProblemKind: null, lastOkAt: null },
      ]);
    });
  });

  describe('writes tell every tab who is known now', () => {
    it('notes.save tells all tabs people.changed', async () => {
      await handlers['notes.save'](saveRequest(), SIDEBAR);
      expect(test.tellAllTabs).toHaveBeenCalledTimes(1);
      expect(test.tellAllTabs).toHaveBeenCalledWith({ type: 'people.changed' });
    });

    it('people.setWhy tells all tabs people.changed', async () => {
      await handlers['people.setWhy'](whyRequest(), SIDEBAR);
      expect(test.tellAllTabs).toHaveBeenCalledTimes(1);
      expect(test.tellAllTabs).toHaveBeenCalledWith({ type: 'people.changed' });
    });

    it('a failed write tells no one', async () => {
      await expect(
        handlers['notes.restore']({ type: 'notes.restore', note: STORED_NOTE }, SIDEBAR),
      ).rejects.toThrow();
      expect(test.tellAllTabs).not.toHaveBeenCalled();
    });

    it('a save still succeeds when no tab can be told', async () => {
      test.tellAllTabs.mockRejectedValue(new Error('Could not establish connection.'));
      const saved = await handlers['notes.save'](saveRequest(), SIDEBAR);
      expect(await db.notes.get('note-1')).toEqual(saved.note);
    });
  });

  describe('blogs', () => {
    it('blogs.enable refuses an origin that was not granted, and enables a granted one', async () => {
      await expect(
        handlers['blogs.enable']({ type: 'blogs.enable', origin: 'https://blog.example' }, SIDEBAR),
      ).rejects.toThrow(/no permission for https:\/\/blog\.example/);
      expect(test.blogBrowser.scripts().size).toBe(0);

      test.blogBrowser.grant('https://blog.example/*');
      expect(
        await handlers['blogs.enable'](
          { type: 'blogs.enable', origin: 'https://blog.example' },
          SIDEBAR,
        ),
      ).toEqual(['https://blog.example']);
      expect(await handlers['blogs.list']({ type: 'blogs.list' }, SIDEBAR)).toEqual([
        'https://blog.example',
      ]);
      expect([...test.blogBrowser.scripts().keys()]).toEqual(['blog:https://blog.example']);

      expect(
        await handlers['blogs.disable'](
          { type: 'blogs.disable', origin: 'https://blog.example' },
          SIDEBAR,
        ),
      ).toEqual([]);
      expect(test.blogBrowser.granted()).toEqual([]);
      expect(test.blogBrowser.scripts().size).toBe(0);
    });
  });
});
