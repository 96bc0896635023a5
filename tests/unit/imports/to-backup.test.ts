import { applyImport, planImport } from '@/lib/backup/import';
import type { AcquaintDatabase } from '@/lib/db/database';
import type { ImportDraft } from '@/lib/imports/draft';
import { draftToBackup } from '@/lib/imports/to-backup';
import type { Person } from '@/lib/model/types';
import { createPeopleService } from '@/lib/services/people';

import { ADA, disposeDatabase, openTestDatabase, testClock } from '../support/db';

let db: AcquaintDatabase;
const time = testClock('2026-11-22T10:00:00.000Z');

beforeEach(() => {
  db = openTestDatabase();
});
afterEach(() => disposeDatabase(db));

function connections(): ImportDraft {
  return {
    source: 'LinkedIn connections',
    people: [
      {
        ref: 'a',
        name: 'Ada Quill',
        identities: [{ key: ADA.key, url: ADA.url }, { key: 'email:ada@quill.example' }],
        why: 'Founder at Quill Data',
        tags: ['linkedin'],
      },
      {
        ref: 'b',
        name: 'Bo Reyes',
        identities: [{ key: 'linkedin:bo-reyes', url: 'https://www.linkedin.com/in/bo-reyes/' }],
      },
    ],
    interactions: [
      {
        personRef: 'a',
        at: '2024-03-15T12:00:00.000Z',
        kind: 'other',
        direction: 'in',
        summary: 'Connected on LinkedIn',
      },
      {
        personRef: 'b',
        at: '2021-07-01T12:00:00.000Z',
        kind: 'other',
        direction: 'in',
        summary: 'Connected on LinkedIn',
      },
    ],
    problems: [],
  };
}

describe('draftToBackup', () => {
  it('makes a valid backup whose interactions point at the people', async () => {
    const backup = await draftToBackup(connections(), time.clock);
    expect(backup.people.map((p) => p.name)).toEqual(['Ada Quill', 'Bo Reyes']);
    expect(backup.people[0]).toMatchObject({
      why: 'Founder at Quill Data',
      tags: ['linkedin'],
      cadenceDays: null,
      archived: false,
      createdAt: '2026-11-22T10:00:00.000Z',
    });
    const [ada, bo] = backup.people;
    expect(backup.interactions.map((i) => i.personId)).toEqual([ada?.id, bo?.id]);
  });

  it('gives the same interaction the same id every time, and different ones different ids', async () => {
    const first = await draftToBackup(connections(), time.clock);
    const second = await draftToBackup(connections(), time.clock);
    expect(first.interactions.map((i) => i.id)).toEqual(second.interactions.map((i) => i.id));
    expect(new Set(first.interactions.map((i) => i.id)).size).toBe(2);
    expect(first.people[0]?.id).not.toBe(second.people[0]?.id);
  });

  it('joins draft people who share an identity key', async () => {
    const draft = connections();
    draft.people.push({
      ref: 'a-again',
      name: '',
      identities: [{ key: 'email:ada@quill.example' }, { key: 'x:adaquill' }],
      tags: ['vcard'],
    });
    draft.interactions.push({
      personRef: 'a-again',
      at: '2025-01-01T00:00:00.000Z',
      kind: 'email',
      direction: 'out',
      summary: 'hello',
    });
    const backup = await draftToBackup(draft, time.clock);
    expect(backup.people).toHaveLength(2);
    expect(backup.people[0]?.identities.map((i) => i.key)).toEqual([
      ADA.key,
      'email:ada@quill.example',
      'x:adaquill',
    ]);
    expect(backup.people[0]?.tags).toEqual(['linkedin', 'vcard']);
    expect(backup.interactions[2]?.personId).toBe(backup.people[0]?.id);
  });

  it('refuses a draft that would not make a valid backup, naming the reader', async () => {
    const draft = connections();
    draft.people[0] = { ref: 'a', name: 'Nobody', identities: [{ key: 'nonsense' }] };
    await expect(draftToBackup(draft, time.clock)).rejects.toThrow(
      /^LinkedIn connections: .*people\[0\]\.identities\[0\]\.key: is not an identity key/s,
    );
  });
});

describe("importing another tool's export (add mode)", () => {
  it('adds people and interactions once, however often the file is imported', async () => {
    const summary = await applyImport(db, await draftToBackup(connections(), time.clock), 'add');
    expect(summary).toEqual({
      people: { added: 2, updated: 0 },
      notes: { added: 0, updated: 0 },
      interactions: { added: 2, updated: 0 },
      problems: [],
    });
    const again = await applyImport(db, await draftToBackup(connections(), time.clock), 'add');
    expect(again.people).toEqual({ added: 0, updated: 0 });
    expect(again.interactions).toEqual({ added: 0, updated: 0 });
    expect(await db.people.count()).toBe(2);
    expect(await db.interactions.count()).toBe(2);
    const bo = (await db.people
      .where('identityKeys')
      .equals('linkedin:bo-reyes')
      .first()) as Person;
    // The follow-up clock starts at the connection.
    expect(bo.lastTouchAt).toBe('2021-07-01T12:00:00.000Z');
  });

  it('never changes what the user wrote about someone, and adds their new identities', async () => {
    const people = createPeopleService(db, time.clock);
    await people.setWhy(ADA, 'Met at the data meetup');
    const before = (await people.findByKey(ADA.key)) as Person;

    const backup = await draftToBackup(connections(), time.clock);
    const preview = await planImport(db, backup, 'add');
    expect(preview.people).toEqual({ added: 1, updated: 1 });
    expect(await db.people.count()).toBe(1);

    await applyImport(db, backup, 'add');
    const after = (await people.findByKey(ADA.key)) as Person;
    expect(after.id).toBe(before.id);
    expect(after.why).toBe('Met at the data meetup');
    expect(after.name).toBe(before.name);
    expect(after.tags).toEqual(before.tags);
    expect(after.identityKeys).toEqual([ADA.key, 'email:ada@quill.example']);
    expect(await db.interactions.where('personId').equals(before.id).count()).toBe(1);
  });

  it('keeps the default cadence the user chose', async () => {
    await db.settings.put({ key: 'defaultCadenceDays', value: 12 });
    const backup = await draftToBackup(connections(), time.clock);
    await applyImport(db, { ...backup, settings: { defaultCadenceDays: 99 } }, 'add');
    expect((await db.settings.get('defaultCadenceDays'))?.value).toBe(12);
    await db.settings.clear();
    await applyImport(db, { ...backup, settings: { defaultCadenceDays: 99 } }, 'add');
    expect(await db.settings.get('defaultCadenceDays')).toBeUndefined();
  });

  it('adds to the first of two stored people a row matches, and says so', async () => {
    const people = createPeopleService(db, time.clock);
    await people.ensure(ADA);
    await people.ensure({ key: 'email:ada@quill.example', name: 'A. Quill' });
    const summary = await applyImport(db, await draftToBackup(connections(), time.clock), 'add');
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]).toContain('"Ada Quill" and "A. Quill"');
    expect(await db.people.count()).toBe(3);
    const ada = (await people.findByKey(ADA.key)) as Person;
    expect(ada.identityKeys).toEqual([ADA.key]);
    expect(await db.interactions.where('personId').equals(ada.id).count()).toBe(1);
  });

  it('a person first seen by number learns their name later', async () => {
    const byNumber: ImportDraft = {
      source: 'X archive',
      people: [{ ref: 'n', name: '', identities: [{ key: 'x-id:42' }] }],
      interactions: [],
      problems: [],
    };
    await applyImport(db, await draftToBackup(byNumber, time.clock), 'add');
    const named: ImportDraft = {
      ...byNumber,
      people: [
        {
          ref: 'n',
          name: 'Ada Quill',
          identities: [{ key: 'x-id:42' }, { key: 'x:adaquill', url: 'https://x.com/adaquill' }],
        },
      ],
    };
    await applyImport(db, await draftToBackup(named, time.clock), 'add');
    const stored = await db.people.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: 'Ada Quill', identityKeys: ['x-id:42', 'x:adaquill'] });
  });
});
