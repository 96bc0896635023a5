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

describe('aliases reported with the subject', () => {
  it('adds the page’s handle to the person known by the account number, and tells everyone', async () => {
    await test.deps.people.ensure({ key: 'x-id:42', name: '' });
    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: X_NEW, aliases: ['x-id:42'] },
      X_PAGE,
    );
    const person = (await test.deps.people.findByKey(X_NEW.key)) as Person;
    expect(person.identityKeys).toEqual(['x-id:42', 'x:newhandle']);
    expect(test.tellAllTabs).toHaveBeenCalledWith({ type: 'people.changed' });
    expect(test.coldChanged).toHaveBeenCalled();
  });

  it('creates nobody for an alias nobody has', async () => {
    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: X_NEW, aliases: ['x-id:42'] },
      X_PAGE,
    );
    expect(await db.people.count()).toBe(0);
    expect(test.coldChanged).not.toHaveBeenCalled();
  });

  it('never gives a person the page’s handle or name when they have another handle already', async () => {
    // A page showing someone else's account number (a forged follow button) renames nobody: the
    // user links a renamed handle themselves, with "Same person as…".
    const alice = await test.deps.people.ensure({ key: 'x:alice', name: 'Alice' });
    await test.deps.identities.linkAliases({ key: 'x:alice', name: 'Alice' }, ['x-id:42']);
    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: { ...X_NEW, name: 'Mallory' }, aliases: ['x-id:42'] },
      X_PAGE,
    );
    const stored = (await test.deps.people.get(alice.id)) as Person;
    expect(stored.name).toBe('Alice');
    expect(stored.identityKeys).toEqual(['x:alice', 'x-id:42']);
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
