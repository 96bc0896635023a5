import Dexie, { type EntityTable } from 'dexie';

import type { Interaction, Note, Person, SettingRecord } from '../model/types';

export const DATABASE_NAME = 'acquaint';

/**
 * The one database, opened only by the background. Shipped versions are frozen: a schema change is
 * a new `version(n + 1)` with its upgrade and a stored fixture of version n for the migration test.
 */
export class AcquaintDatabase extends Dexie {
  people!: EntityTable<Person, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      people: 'id, *identityKeys, name, updatedAt',
      notes: 'id, personId, [personId+createdAt], updatedAt',
      interactions: 'id, personId, [personId+at], at',
      settings: 'key',
    });
  }
}
