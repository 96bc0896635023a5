import Dexie from 'dexie';

/** A database as some version of the extension left it: its schema and every table's rows. */
export interface DatabaseFixture {
  version: number;
  schema: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

/** Writes a fixture the way the extension at that version would have left it on disk. */
export async function storeFixture(name: string, fixture: DatabaseFixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.schema);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

/** A deep copy of a fixture, to change before storing it. */
export function cloneFixture(fixture: DatabaseFixture): DatabaseFixture {
  return structuredClone(fixture);
}
