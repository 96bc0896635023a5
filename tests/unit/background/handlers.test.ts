import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createHandlers } from '@/lib/background/handlers';
import { createMessageRouter, type Handlers, type RequestContext } from '@/lib/background/router';
import { createSidebarHub } from '@/lib/background/sidebar-hub';
import { createTabSubjects, type TabSubjects } from '@/lib/background/tab-subjects';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { ContentCommand, SidebarEvent } from '@/lib/messaging/protocol';
import { createNotesService } from '@/lib/services/notes';
import { createPeopleService } from '@/lib/services/people';

import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';
import { saveRequest, whyRequest } from '../support/requests';

const TOP: RequestContext = { kind: 'content', tabId: 7, frameId: 0 };
const SIDEBAR: RequestContext = { kind: 'extension-page', tabId: 7, frameId: 1 };

let db: AcquaintDatabase;
let time: TestClock;
let tabSubjects: TabSubjects;
let broadcast: ReturnType<typeof vi.fn<(event: SidebarEvent) => Promise<unknown>>>;
let tellTab: ReturnType<typeof vi.fn<(tabId: number, command: ContentCommand) => Promise<void>>>;
let handlers: Handlers;

beforeEach(() => {
  db = openTestDatabase();
  time = testClock();
  const clock = time.clock;
  tabSubjects = createTabSubjects(fakeBrowser.storage.session);
  broadcast = vi.fn(async () => undefined);
  tellTab = vi.fn(async () => undefined);
  handlers = createHandlers({
    people: createPeopleService(db, clock),
    notes: createNotesService(db, clock),
    tabSubjects,
    sidebars: createSidebarHub(broadcast),
    tellTab,
  });
});

afterEach(async () => {
  await disposeDatabase(db);
});

describe('tab.subject', () => {
  it('stores the top frame’s subject and tells that tab’s sidebar', async () => {
    expect(await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, TOP)).toBeNull();

    expect(await tabSubjects.get(7)).toEqual(ADA);
    expect(broadcast).toHaveBeenCalledTimes(1);
    expect(broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
  });

  it('stays quiet when the subject did not change', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, TOP);
    await handlers['tab.subject']({ type: 'tab.subject', subject: { ...ADA } }, TOP);

    expect(broadcast).toHaveBeenCalledTimes(1);
  });

  it('tells the sidebar when the name rendered or the subject left', async () => {
    await handlers['tab.subject'](
      { type: 'tab.subject', subject: { key: ADA.key, name: '' } },
      TOP,
    );
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, TOP);
    await handlers['tab.subject']({ type: 'tab.subject', subject: null }, TOP);

    expect(broadcast.mock.calls.map(([event]) => event)).toEqual([
      { type: 'sidebar.refresh', tabId: 7 },
      { type: 'sidebar.refresh', tabId: 7 },
      { type: 'sidebar.refresh', tabId: 7 },
    ]);
    expect(await tabSubjects.get(7)).toBeNull();
  });

  it('keeps tabs apart', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, TOP);
    await handlers['tab.subject']({ type: 'tab.subject', subject: PIP }, { ...TOP, tabId: 8 });

    expect(await tabSubjects.get(7)).toEqual(ADA);
    expect(await tabSubjects.get(8)).toEqual(PIP);
    expect(broadcast).toHaveBeenLastCalledWith({ type: 'sidebar.refresh', tabId: 8 });
  });

  it('refuses a subframe, storing nothing', async () => {
    await expect(
      handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, { ...TOP, frameId: 3 }),
    ).rejects.toThrow(/top frame/);

    expect(await tabSubjects.get(7)).toBeNull();
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('refuses a sender without a tab', async () => {
    await expect(
      handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, { ...TOP, tabId: undefined }),
    ).rejects.toThrow(/must come from a tab/);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('survives a rejected broadcast (no sidebar open)', async () => {
    broadcast.mockRejectedValue(new Error('Could not establish connection.'));
    await expect(
      handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, TOP),
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
    });
  });

  it('gives the subject but no person before anything was saved', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, TOP);
    expect(await handlers['sidebar.context']({ type: 'sidebar.context' }, SIDEBAR)).toEqual({
      tabId: 7,
      subject: ADA,
      person: null,
      notes: [],
    });
    // Looking is not saving: no person was created.
    expect(await db.people.count()).toBe(0);
  });

  it('gives the person and their notes, newest first, after notes were saved', async () => {
    await handlers['tab.subject']({ type: 'tab.subject', subject: ADA }, TOP);
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
    await handlers['tab.subject']({ type: 'tab.subject', subject: PIP }, { ...TOP, tabId: 9 });
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
