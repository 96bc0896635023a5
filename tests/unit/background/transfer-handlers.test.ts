import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { RequestContext } from '@/lib/background/router';
import type { AcquaintDatabase } from '@/lib/db/database';

import { disposeDatabase, openTestDatabase, testClock } from '../support/db';
import { createTestHandlers } from '../support/handlers';

const OPTIONS: RequestContext = { kind: 'extension-page', tabId: undefined, frameId: undefined };
const VALID = JSON.parse(
  readFileSync(resolve(__dirname, '../../fixtures/backup/valid-v1.json'), 'utf8'),
) as Record<string, unknown> & { people: { identities: { key: string }[] }[] };

let db: AcquaintDatabase;
let test: ReturnType<typeof createTestHandlers>;

beforeEach(() => {
  db = openTestDatabase();
  test = createTestHandlers(db, { clock: testClock('2026-11-22T10:00:00.000Z').clock });
});
afterEach(() => disposeDatabase(db));

describe('import.plan and import.apply', () => {
  it('previews without writing, then imports and tells sidebars, badges and the cold count', async () => {
    const preview = await test.handlers['import.plan'](
      { type: 'import.plan', mode: 'restore', file: VALID },
      OPTIONS,
    );
    expect(preview.people.added).toBeGreaterThan(0);
    expect(await db.people.count()).toBe(0);
    expect(test.coldChanged).not.toHaveBeenCalled();

    const summary = await test.handlers['import.apply'](
      { type: 'import.apply', mode: 'restore', file: VALID },
      OPTIONS,
    );
    expect(summary).toEqual(preview);
    expect(await db.people.count()).toBe(preview.people.added);
    expect(test.coldChanged).toHaveBeenCalledTimes(1);
    expect(test.tellAllTabs).toHaveBeenCalledWith({ type: 'people.changed' });
    expect(test.broadcast).toHaveBeenCalledWith({ type: 'sidebar.refresh' });
  });

  it('refuses a file the schema rejects, saying where, and writes nothing', async () => {
    const broken = structuredClone(VALID);
    const person = broken.people[0];
    if (!person?.identities[0]) throw new Error('fixture has no person');
    person.identities[0].key = 'not a key';
    await expect(
      test.handlers['import.apply'](
        { type: 'import.apply', mode: 'restore', file: broken },
        OPTIONS,
      ),
    ).rejects.toThrow(
      "The 1st person's 1st identity's key is not an identity key (people[0].identities[0].key)",
    );
    expect(await db.people.count()).toBe(0);
    expect(test.coldChanged).not.toHaveBeenCalled();
  });

  it('exports what was imported', async () => {
    await test.handlers['import.apply'](
      { type: 'import.apply', mode: 'restore', file: VALID },
      OPTIONS,
    );
    const exported = await test.handlers['backup.export']({ type: 'backup.export' }, OPTIONS);
    expect(exported.format).toBe('acquaint-backup');
    expect(exported.people.map((p) => p.identities)).toEqual(VALID.people.map((p) => p.identities));
  });
});
