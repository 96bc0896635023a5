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

describe('aliases reported with the subject', () => {
  it('adds the page’s handle to the person known by the account number, and tells everyone', async () => {
    await test.deps.people.ensure({ key: 'x-id:42', name: '' });
    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: X_NEW, aliases: ['x-id:42'] },
      TOP,
    );
    const person = (await test.deps.people.findByKey(X_NEW.key)) as Person;
    expect(person.identityKeys).toEqual(['x-id:42', 'x:newhandle']);
    expect(test.tellAllTabs).toHaveBeenCalledWith({ type: 'people.changed' });
    expect(test.coldChanged).toHaveBeenCalled();
  });

  it('creates nobody for an alias nobody has', async () => {
    await test.handlers['tab.subject'](
      { type: 'tab.subject', subject: X_NEW, aliases: ['x-id:42'] },
      TOP,
    );
    expect(await db.people.count()).toBe(0);
    expect(test.coldChanged).not.toHaveBeenCalled();
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
