import Dexie, { type EntityTable } from 'dexie';

import { defaultCadenceFrom, followUpFields } from '../model/cold';
import {
  type Circle,
  type EventRecord,
  type Interaction,
  type Introduction,
  type LedgerItem,
  NO_RELATION,
  type Note,
  type Person,
  type SettingRecord,
} from '../model/types';

export const DATABASE_NAME = 'acquaint';

/**
 * The touch LinkedIn imports before database version 3 logged for the day of connecting: an
 * import's id, "Connected on LinkedIn", from them. Nobody else writes that id and text together.
 */
export function isLegacyConnectionTouch(interaction: Interaction): boolean {
  return (
    interaction.id.startsWith('import-') &&
    interaction.kind === 'other' &&
    interaction.direction === 'in' &&
    interaction.summary === 'Connected on LinkedIn'
  );
}

/**
 * The one database, opened only by the background. Shipped versions are frozen: a schema change is
 * a new `version(n + 1)` with its upgrade and a stored fixture of version n for the migration test.
 */
export class AcquaintDatabase extends Dexie {
  people!: EntityTable<Person, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  circles!: EntityTable<Circle, 'id'>;
  ledger!: EntityTable<LedgerItem, 'id'>;
  introductions!: EntityTable<Introduction, 'id'>;
  events!: EntityTable<EventRecord, 'id'>;

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
    // Version 3: backup version 2's relationship records. People gain headline, interests and
    // their circle, introducer and event (indexed, so references can be found and moved when
    // people merge); interactions gain the event they happened at. An interaction without
    // `eventId` was at no event, so they are not rewritten.
    // It also takes back what LinkedIn imports before it got wrong (issue 13): the "Connected on
    // LinkedIn" touch they logged as coming from the connection. A connection is not a touch, so
    // it goes, and its day becomes when the person was first known (`createdAt`, if earlier).
    // Someone left with no touch at all, no note and the default cadence was never a
    // conversation: they stay, but untracked (cadence 0, marked as the import's doing, so a later
    // import that finds a conversation tracks them again).
    this.version(3)
      .stores({
        people:
          'id, *identityKeys, name, updatedAt, coldAt, effectiveCadence, [turn+effectiveCadence+clockStart], circleId, metVia, metAt',
        interactions: 'id, personId, [personId+at], at, eventId',
        circles: 'id',
        ledger: 'id, personId, kind',
        introductions: 'id, *personIds, status',
        events: 'id, startsAt',
      })
      .upgrade(async (tx) => {
        const interactions = tx.table<Interaction, string>('interactions');
        const connected = await interactions.filter(isLegacyConnectionTouch).toArray();
        const connectedOn = new Map<string, string>();
        for (const touch of connected) {
          const earlier = connectedOn.get(touch.personId);
          if (earlier === undefined || touch.at < earlier)
            connectedOn.set(touch.personId, touch.at);
        }
        await interactions.bulkDelete(connected.map((touch) => touch.id));
        const affected = [...connectedOn.keys()];
        const [latest, noteCounts, stored] = await Promise.all([
          Promise.all(
            affected.map((personId) =>
              interactions
                .where('[personId+at]')
                .between([personId, Dexie.minKey], [personId, Dexie.maxKey])
                .last(),
            ),
          ),
          Promise.all(
            affected.map((personId) =>
              tx.table<Note, string>('notes').where('personId').equals(personId).count(),
            ),
          ),
          tx.table<SettingRecord, string>('settings').get('defaultCadenceDays'),
        ]);
        const defaultCadence = defaultCadenceFrom(stored?.value);
        const touched = new Map(
          affected.map((personId, index) => [
            personId,
            { latest: latest[index] ?? null, notes: noteCounts[index] ?? 0 },
          ]),
        );
        await tx
          .table<Person, string>('people')
          .toCollection()
          .modify((person) => {
            person.headline ??= NO_RELATION.headline;
            person.interests ??= [];
            person.circleId ??= null;
            person.metVia ??= null;
            person.metAt ??= null;
            const repair = touched.get(person.id);
            const since = connectedOn.get(person.id);
            if (!repair || since === undefined) return;
            if (since < person.createdAt) person.createdAt = since;
            if (repair.latest === null && repair.notes === 0 && person.cadenceDays === null) {
              person.cadenceDays = 0;
              person.untrackedByImport = true;
            }
            Object.assign(person, followUpFields(person, repair.latest, defaultCadence));
          });
      });
  }
}
