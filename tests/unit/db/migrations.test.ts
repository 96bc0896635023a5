import { AcquaintDatabase } from '@/lib/db/database';
import { createNotesService } from '@/lib/services/notes';
import { createPeopleService } from '@/lib/services/people';

import { type DatabaseFixture, storeFixture } from '../support/db-fixtures';

// Every shipped schema version has a stored database fixture, written with that version's schema.
const fixtures = Object.values(
  import.meta.glob<DatabaseFixture>('../../fixtures/db/v*.json', {
    eager: true,
    import: 'default',
  }),
);

describe('database versions', () => {
  const current = new AcquaintDatabase(`probe-${crypto.randomUUID()}`);

  it('has a stored fixture for every version up to the current one', () => {
    const versions = fixtures.map((fixture) => fixture.version).sort((a, b) => a - b);
    const expected = Array.from({ length: current.verno }, (_, index) => index + 1);
    expect(versions).toEqual(expected);
  });

  it('declares exactly the stored schema for its newest version, so a shipped one is never edited', async () => {
    const newest = fixtures.find((fixture) => fixture.version === current.verno);
    expect(newest).toBeDefined();
    await current.open();
    const declared = Object.fromEntries(
      current.tables.map((table) => [
        table.name,
        [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)],
      ]),
    );
    const stored = Object.fromEntries(
      Object.entries(newest?.schema ?? {}).map(([table, spec]) => [
        table,
        spec.split(',').map((part) => part.trim()),
      ]),
    );
    expect(declared).toEqual(stored);
    await current.delete();
  });

  describe.each(fixtures.map((fixture) => [fixture.version, fixture] as const))(
    'a database left by version %i',
    (_version, fixture) => {
      let db: AcquaintDatabase;

      beforeEach(async () => {
        const name = `migration-${crypto.randomUUID()}`;
        await storeFixture(name, fixture);
        db = new AcquaintDatabase(name);
        await db.open();
      });

      afterEach(async () => {
        await db.delete();
      });

      it('opens with the current schema and keeps every record', async () => {
        expect(db.verno).toBe(current.verno);
        for (const [table, rows] of Object.entries(fixture.tables)) {
          expect(await db.table(table).count()).toBe(rows.length);
        }
      });

      it('finds people by any identity and lists their notes through the current services', async () => {
        const people = createPeopleService(db);
        const notes = createNotesService(db);
        const firstPerson = fixture.tables.people?.[0] as { id: string; identityKeys: string[] };
        for (const key of firstPerson.identityKeys) {
          expect((await people.findByKey(key))?.id).toBe(firstPerson.id);
        }
        const expectedNotes = (fixture.tables.notes ?? [])
          .filter((note) => note.personId === firstPerson.id)
          .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))
          .map((note) => note.id);
        const listed = await notes.listForPerson(firstPerson.id);
        expect(listed.map((note) => note.id)).toEqual(expectedNotes);
        expect(expectedNotes.length).toBeGreaterThan(0);
      });
    },
  );
});
