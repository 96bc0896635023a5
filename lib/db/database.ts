import Dexie, { type EntityTable } from 'dexie';

import { followUpFields } from '../model/cold';
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
    // Version 2: each person carries their follow-up fields (lib/model/cold.ts), indexed so the
    // popup can find who went cold, most overdue first, without reading everyone.
    this.version(2)
      .stores({
        people:
          'id, *identityKeys, name, updatedAt, coldAt, effectiveCadence, [turn+effectiveCadence+clockStart]',
      })
      .upgrade(async (tx) => {
        const stored = await tx.table('settings').get('defaultCadenceDays');
        const defaultCadence =
          typeof stored?.value === 'number' && stored.value >= 1 ? stored.value : 30;
        const interactions = tx.table<Interaction>('interactions');
        const people = await tx.table<Person>('people').toArray();
        const upgraded: Person[] = [];
        for (const person of people) {
          const latest = await interactions
            .where('[personId+at]')
            .between([person.id, Dexie.minKey], [person.id, Dexie.maxKey])
            .last();
          upgraded.push({ ...person, ...followUpFields(person, latest ?? null, defaultCadence) });
        }
        await tx.table<Person>('people').bulkPut(upgraded);
      });
  }
}
