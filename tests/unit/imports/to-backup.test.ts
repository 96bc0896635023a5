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
        headline: 'Founder at Quill Data',
        since: '2024-03-15T12:00:00.000Z',
        tags: ['linkedin'],
      },
      {
        ref: 'b',
        name: 'Bo Reyes',
        identities: [{ key: 'linkedin:bo-reyes', url: 'https://www.linkedin.com/in/bo-reyes/' }],
        since: '2021-07-01T12:00:00.000Z',
      },
    ],
    // Ada and the user wrote to each other; Bo is a connection and nothing more.
    interactions: [
      {
        personRef: 'a',
        at: '2024-04-01T09:00:00.000Z',
        kind: 'message',
        direction: 'in',
        summary: 'Thanks for connecting',
      },
      {
        personRef: 'a',
        at: '2024-04-02T09:00:00.000Z',
        kind: 'message',
        direction: 'out',
        summary: 'Likewise',
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
      why: '',
      headline: 'Founder at Quill Data',
      tags: ['linkedin'],
      cadenceDays: null,
      archived: false,
      createdAt: '2024-03-15T12:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
    const [ada, bo] = backup.people;
    expect(backup.interactions.map((i) => i.personId)).toEqual([ada?.id, ada?.id]);
    // A connection without a conversation is kept, untracked, known since the day of connecting.
    expect(bo).toMatchObject({ cadenceDays: 0, createdAt: '2021-07-01T12:00:00.000Z' });
  });

  it('puts the file’s role and company in the headline and what the user wrote in the why', async () => {
    const draft = connections();
    draft.people.push({
      ref: 'c',
      name: 'Cy Card',
      identities: [{ key: 'email:cy@card.example' }],
      why: 'From my address book: met at PyCon',
    });
    const backup = await draftToBackup(draft, time.clock);
    expect(backup.people.map((p) => [p.headline, p.why])).toEqual([
      ['Founder at Quill Data', ''],
      ['', ''],
      ['', 'From my address book: met at PyCon'],
    ]);
  });

  it('never believes a day of connecting in the future', async () => {
    const draft = connections();
    const bo = draft.people[1];
    if (!bo) throw new Error('no Bo');
    draft.people[1] = { ...bo, since: '2030-01-01T00:00:00.000Z' };
    const backup = await draftToBackup(draft, time.clock);
    expect(backup.people[1]?.createdAt).toBe('2026-11-22T10:00:00.000Z');
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
      /^LinkedIn connections: .*The 1st person's 1st identity's key is not an identity key \(people\[0\]\.identities\[0\]\.key\)/s,
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
      circles: { added: 0, updated: 0 },
      ledger: { added: 0, updated: 0 },
      introductions: { added: 0, updated: 0 },
      events: { added: 0, updated: 0 },
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
    // Known since the connection, which is no touch: Bo is not tracked and never goes cold.
    expect(bo).toMatchObject({
      createdAt: '2021-07-01T12:00:00.000Z',
      lastTouchAt: null,
      cadenceDays: 0,
      effectiveCadence: null,
      coldAt: null,
    });
    const ada = (await db.people.where('identityKeys').equals(ADA.key).first()) as Person;
    // Ada has a conversation: the default cadence, and the user wrote last.
    expect(ada).toMatchObject({ cadenceDays: null, effectiveCadence: 30, turn: 0 });
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
    // Her headline was empty: the file's fills it in.
    expect(after.headline).toBe('Founder at Quill Data');
    expect(await db.interactions.where('personId').equals(before.id).count()).toBe(2);
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
    expect(await db.interactions.where('personId').equals(ada.id).count()).toBe(2);
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
