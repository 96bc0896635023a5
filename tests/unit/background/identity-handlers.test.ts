import type { RequestContext } from '@/lib/background/router';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { Person } from '@/lib/model/types';

import { ADA, disposeDatabase, openTestDatabase, testClock } from '../support/db';
import { createTestHandlers } from '../support/handlers';

const TOP: RequestContext = { kind: 'content', tabId: 7, frameId: 0 };
const SIDEBAR: RequestContext = { kind: 'extension-page', tabId: 7, frameId: 1 };

let db: AcquaintDatabase;
let test: ReturnType<typeof createTestHandlers>;

beforeEach(() => {
  db = openTestDatabase();
  test = createTestHandlers(db, { clock: testClock('2026-11-22T10:00:00.000Z').clock });
});
afterEach(() => disposeDatabase(db));

const X_NEW = { key: 'x:newhandle', name: 'Ada', url: 'https://x.com/newhandle' };
/** The top frame of @newhandle's profile, as its content script reports it. */
const X_PAGE: RequestContext = { ...TOP, url: X_NEW.url };

/** Someone the X archive knows only by number, with a touch from their direct messages. */
async function importedByNumber(id: string, number: string): Promise<Person> {
  const person: Person = {
    id,
    name: '',
    identities: [{ key: `x-id:${number}` }],
    identityKeys: [`x-id:${number}`],
    why: '',
    tags: ['x'],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  };
  await db.people.add(person);
  await test.deps.interactions.add({
    personId: id,
    at: '2026-11-02T10:00:00.000Z',
    kind: 'message',
    direction: 'in',
    summary: 'X message: about the orchard',
  });
  return (await test.deps.people.get(id)) as Person;
}

async function everything() {
  return {
    people: await db.people.toArray(),
    notes: await db.notes.toArray(),
    interactions: await db.interactions.toArray(),
  };
}

/** @newhandle's profile reports its subject with the account number its follow button shows. */
function reportNumber(number = '42', subject = X_NEW, context = X_PAGE) {
  return test.handlers['tab.subject'](
    { type: 'tab.subject', subject, aliases: [`x-id:${number}`] },
    context,
  );
}

const sidebarContext = (context: RequestContext = SIDEBAR) =>
  test.handlers['sidebar.context']({ type: 'sidebar.context' }, context);

const answer = (
  type: 'people.acceptAlias' | 'people.dismissAlias',
  fields: { key?: string; personId: string; tabId?: number },
  context: RequestContext = SIDEBAR,
) =>
  // Both answers have the same fields; the handler map is typed per request.
  (test.handlers[type] as (request: unknown, context: RequestContext) => Promise<unknown>)(
    { type, key: X_NEW.key, ...fields },
    context,
  );

describe('an account number reported with the subject', () => {
  it('writes nothing, tells nobody of a change, and offers the person it belongs to in the sidebar', async () => {
    const zed = await importedByNumber('zed', '42');
    const before = await everything();
    test.broadcast.mockClear();

    await reportNumber();

    expect(await everything()).toEqual(before);
    expect(test.tellAllTabs).not.toHaveBeenCalled();
    expect(test.coldChanged).not.toHaveBeenCalled();
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh', tabId: 7 });
    const shown = await sidebarContext();
    expect(shown.subject).toEqual(X_NEW);
    expect(shown.person).toBeNull();
    expect(shown.aliasOffer).toEqual({
      personId: zed.id,
      name: '',
      keys: ['x-id:42'],
      notes: 0,
      interactions: 1,
    });
  });

  it('offers nothing for a number nobody has, one the handle has already, or a person with a handle', async () => {
    // Unknown number; the handle's person is not taught it either.
    const pip = await test.deps.people.ensure(X_NEW);
    const before = await everything();
    await reportNumber('99');
    expect(await everything()).toEqual(before);
    expect((await sidebarContext()).aliasOffer).toBeUndefined();

    // Linked before: the handle's person holds the number.
    await db.people.update(pip.id, {
      identities: [...pip.identities, { key: 'x-id:99' }],
      identityKeys: [...pip.identityKeys, 'x-id:99'],
    });
    await reportNumber('99');
    expect((await sidebarContext()).aliasOffer).toBeUndefined();

    // Someone else with a handle of their own, and two people: nothing to ask.
    await test.deps.people.ensure({ key: 'x-id:7', name: 'Seven' });
    await reportNumber('7');
    expect((await sidebarContext()).aliasOffer).toBeUndefined();
    await test.deps.people.ensure({ key: 'x:alice', name: 'Alice' });
    const alice = (await test.deps.people.findByKey('x:alice')) as Person;
    await db.people.update(alice.id, {
      identities: [...alice.identities, { key: 'x-id:8' }],
      identityKeys: [...alice.identityKeys, 'x-id:8'],
    });
    await reportNumber(
      '8',
      { ...X_NEW, key: 'x:mallory', url: 'https://x.com/mallory' },
      {
        ...TOP,
        url: 'https://x.com/mallory',
      },
    );
    expect((await sidebarContext()).aliasOffer).toBeUndefined();
  });

  it('links exactly the offered person when the user says yes, and tells everyone', async () => {
    const zed = await importedByNumber('zed', '42');
    await importedByNumber('other', '43');
    await reportNumber();

    const linked = (await answer('people.acceptAlias', { personId: zed.id })) as Person;

    expect(linked).toMatchObject({
      id: zed.id,
      name: X_NEW.name,
      identityKeys: ['x-id:42', X_NEW.key],
    });
    expect(await test.deps.people.get('other')).toMatchObject({ identityKeys: ['x-id:43'] });
    expect(await db.people.count()).toBe(2);
    expect(test.tellAllTabs).toHaveBeenCalledWith({ type: 'people.changed' });
    expect(test.coldChanged).toHaveBeenCalled();
    const shown = await sidebarContext();
    expect(shown.person?.id).toBe(zed.id);
    expect(shown.interactions).toHaveLength(1);
    expect(shown.aliasOffer).toBeUndefined();
    // Said once: the offer is gone.
    await expect(answer('people.acceptAlias', { personId: zed.id })).rejects.toThrow(/^Refused: /);
  });

  it('refuses an answer naming another person, another key or another tab, and links nothing', async () => {
    const zed = await importedByNumber('zed', '42');
    const other = await importedByNumber('other', '43');
    // No offer yet: nothing to say yes to.
    await expect(answer('people.acceptAlias', { personId: zed.id })).rejects.toThrow(/^Refused: /);
    await reportNumber();
    const before = await everything();

    for (const fields of [
      { personId: other.id },
      { personId: zed.id, key: 'x:someoneelse' },
      { personId: zed.id, key: 'x-id:43' },
      { personId: zed.id, tabId: 8 },
    ]) {
      await expect(answer('people.acceptAlias', fields), JSON.stringify(fields)).rejects.toThrow(
        /^Refused: /,
      );
    }
    await expect(
      answer('people.acceptAlias', { personId: zed.id }, { ...SIDEBAR, tabId: 8 }),
    ).rejects.toThrow(/^Refused: /);
    // A page without a tab of its own must name one.
    await expect(
      answer('people.acceptAlias', { personId: zed.id }, { ...SIDEBAR, tabId: undefined }),
    ).rejects.toThrow(/^Refused: /);
    expect(await everything()).toEqual(before);
    expect(test.tellAllTabs).not.toHaveBeenCalled();

    // The side panel, outside the tab, answers for the tab it names.
    await answer(
      'people.acceptAlias',
      { personId: zed.id, tabId: 7 },
      { ...SIDEBAR, tabId: undefined },
    );
    expect((await test.deps.people.get(zed.id))?.identityKeys).toEqual(['x-id:42', X_NEW.key]);
  });

  it('links nothing when the person changed since the offer', async () => {
    const zed = await importedByNumber('zed', '42');
    await reportNumber();
    // Meanwhile they got a handle of their own (an import, a merge).
    await db.people.update(zed.id, {
      identities: [...zed.identities, { key: 'x:zedorchard' }],
      identityKeys: [...zed.identityKeys, 'x:zedorchard'],
    });
    expect((await sidebarContext()).aliasOffer).toBeUndefined();
    await expect(answer('people.acceptAlias', { personId: zed.id })).rejects.toThrow(/^Refused: /);
    expect((await test.deps.people.get(zed.id))?.identityKeys).toEqual(['x-id:42', 'x:zedorchard']);
  });

  it('forgets the offer on No, and does not ask again for that subject and number this session', async () => {
    const zed = await importedByNumber('zed', '42');
    await reportNumber();
    const before = await everything();

    await answer('people.dismissAlias', { personId: zed.id });

    expect(await everything()).toEqual(before);
    expect((await sidebarContext()).aliasOffer).toBeUndefined();
    await expect(answer('people.acceptAlias', { personId: zed.id })).rejects.toThrow(/^Refused: /);
    // The page reports again, in this tab or another: not asked again.
    await reportNumber();
    await reportNumber('42', X_NEW, { ...X_PAGE, tabId: 8 });
    expect((await sidebarContext()).aliasOffer).toBeUndefined();
    expect((await sidebarContext({ ...SIDEBAR, tabId: 8 })).aliasOffer).toBeUndefined();
    // Another handle showing that number is another question.
    const mallory = { key: 'x:mallory', name: 'Mallory', url: 'https://x.com/mallory' };
    await reportNumber('42', mallory, { ...TOP, url: mallory.url });
    expect((await sidebarContext()).aliasOffer?.personId).toBe(zed.id);
    expect(await everything()).toEqual(before);
  });

  it('forgets the offer when the tab moves to another subject, and shows none beside a picked author', async () => {
    const zed = await importedByNumber('zed', '42');
    await reportNumber();
    await test.handlers['tab.select']({ type: 'tab.select', person: ADA }, TOP);
    expect((await sidebarContext()).aliasOffer).toBeUndefined();
    await test.handlers['tab.select']({ type: 'tab.select', person: null }, TOP);
    expect((await sidebarContext()).aliasOffer?.personId).toBe(zed.id);

    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: ADA },
      { ...TOP, url: ADA.url },
    );
    expect((await sidebarContext()).aliasOffer).toBeUndefined();
    await expect(answer('people.acceptAlias', { personId: zed.id })).rejects.toThrow(/^Refused: /);
  });

  it('never gives a person the page’s handle or name when they have another handle already', async () => {
    // A page showing someone else's account number (a forged follow button) renames nobody: the
    // user links a renamed handle themselves, with "Same person as…".
    const alice = await importedByNumber('alice', '42');
    await test.deps.identities.linkAliases({ key: 'x:alice', name: 'Alice' }, ['x-id:42'], 'alice');
    await reportNumber('42', { ...X_NEW, name: 'Mallory' });
    await expect(answer('people.acceptAlias', { personId: alice.id })).rejects.toThrow(
      /^Refused: /,
    );
    const stored = (await test.deps.people.get(alice.id)) as Person;
    expect(stored.name).toBe('Alice');
    expect(stored.identityKeys).toEqual(['x-id:42', 'x:alice']);
    expect(await test.deps.people.findByKey(X_NEW.key)).toBeUndefined();
  });
});

describe('what a content script says of its page, checked against its address', () => {
  it.each<[string, { key: string; name: string }, string[], string | undefined]>([
    ['a subject another address is about', ADA, [], X_NEW.url],
    ['a LinkedIn person on an X profile', ADA, [], 'https://x.com/ada'],
    ['a subject on a page with no subject', X_NEW, [], 'https://x.com/home'],
    ['any subject with no address', X_NEW, [], undefined],
    ['an alias that is not an account number', X_NEW, ['linkedin:ada-quill-4b21a'], X_NEW.url],
    ['an alias from a LinkedIn page', ADA, ['x-id:42'], ADA.url],
  ])('refuses %s, storing and linking nothing', async (_what, subject, aliases, url) => {
    await test.deps.people.ensure({ key: 'x-id:42', name: '' });
    await expect(
      test.handlers['tab.subject'](
        { type: 'tab.subject', subject, aliases },
        { ...TOP, ...(url ? { url } : {}) },
      ),
    ).rejects.toThrow(/^Refused: /);
    expect(await test.deps.tabSubjects.get(7)).toBeNull();
    expect((await test.deps.people.findByKey('x-id:42'))?.identityKeys).toEqual(['x-id:42']);
  });

  it('takes the address the subject was read at when the browser’s is a step behind, on the same site only', async () => {
    const ember = { key: 'linkedin:ember-vantrell', name: 'Ember Vantrell' };
    // history.pushState moved the app on; the browser still reports the previous profile.
    await test.handlers['tab.subject'](
      {
        type: 'tab.subject',
        subject: ember,
        pageUrl: 'https://www.linkedin.com/in/ember-vantrell/',
      },
      { ...TOP, url: ADA.url },
    );
    expect(await test.deps.tabSubjects.get(7)).toEqual(ember);
    await expect(
      test.handlers['tab.subject'](
        { type: 'tab.subject', subject: X_NEW, pageUrl: X_NEW.url },
        { ...TOP, url: ADA.url },
      ),
    ).rejects.toThrow(/^Refused: /);
  });

  it('takes the subject of a profile, one of its tabs, and a LinkedIn conversation', async () => {
    for (const [subject, url] of [
      [X_NEW, 'https://x.com/newhandle/with_replies'],
      [ADA, 'https://www.linkedin.com/in/ada-quill-4b21a/recent-activity/all/'],
      [ADA, 'https://www.linkedin.com/messaging/thread/2-abc/'],
    ] as const) {
      await test.handlers['tab.subject']({ type: 'tab.subject', subject }, { ...TOP, url });
      expect(await test.deps.tabSubjects.get(7)).toEqual(subject);
    }
  });
});

describe('people.merge, people.split and people.search', () => {
  it('merges, refreshes the sidebars, and splits back', async () => {
    const other = await test.deps.people.ensure(X_NEW);
    const found = await test.handlers['people.search'](
      { type: 'people.search', query: 'ad' },
      SIDEBAR,
    );
    expect(found.map((p) => p.id)).toEqual([other.id]);

    const merged = await test.handlers['people.merge'](
      { type: 'people.merge', person: ADA, otherId: other.id },
      SIDEBAR,
    );
    expect(merged.identityKeys).toEqual([ADA.key, X_NEW.key]);
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });

    const { split } = await test.handlers['people.split'](
      { type: 'people.split', personId: merged.id, key: X_NEW.key },
      SIDEBAR,
    );
    expect(split.id).toBe(other.id);
    expect(await db.people.count()).toBe(2);
  });
});
