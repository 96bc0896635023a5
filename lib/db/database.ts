import Dexie, { type EntityTable } from 'dexie';

import { defaultCadenceFrom, followUpFields } from '../model/cold';
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
    // popup can find who went cold, most overdue first, without reading everyone. People who never
    // go cold have null there, which keeps them out of these indexes.
    this.version(2)
      .stores({
        people:
          'id, *identityKeys, name, updatedAt, coldAt, effectiveCadence, [turn+effectiveCadence+clockStart]',
      })
      .upgrade(async (tx) => {
        const stored = await tx.table<SettingRecord, string>('settings').get('defaultCadenceDays');
        const defaultCadence = defaultCadenceFrom(stored?.value);
        // One pass over everyone's interactions in [personId+at] order: the last one seen for a
        // person is their latest, by its own date (not by when it was logged).
        const latest = new Map<string, Pick<Interaction, 'at' | 'direction'>>();
        await tx
          .table<Interaction, string>('interactions')
          .orderBy('[personId+at]')
          .each((interaction) => {
            latest.set(interaction.personId, {
              at: interaction.at,
              direction: interaction.direction,
            });
          });
        await tx
          .table<Person, string>('people')
          .toCollection()
          .modify((person) => {
            Object.assign(
              person,
              followUpFields(person, latest.get(person.id) ?? null, defaultCadence),
            );
          });
      });
  }
}
