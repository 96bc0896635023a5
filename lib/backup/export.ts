import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';
import type { Interaction, Note, Person } from '../model/types';
import { readDefaultCadence } from '../services/follow-up';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupInteraction,
  type BackupNote,
  type BackupPerson,
} from './schema';

/**
 * Everything the user would miss, as a CONTRACT §3 backup: read in one transaction, so it is one
 * moment's state. Derived fields (follow-up, `identityKeys`, note revisions) are left out; import
 * rebuilds them. Records come in a fixed order (by creation, then id), so two exports of the same
 * data are the same text.
 */
export function exportBackup(db: AcquaintDatabase, clock: Clock = systemClock): Promise<Backup> {
  return db.transaction(
    'r',
    [db.people, db.notes, db.interactions, db.settings],
    async (): Promise<Backup> => {
      const [people, notes, interactions, defaultCadenceDays] = await Promise.all([
        db.people.toArray(),
        db.notes.toArray(),
        db.interactions.toArray(),
        readDefaultCadence(db),
      ]);
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: clock().toISOString(),
        people: people.sort(byCreation).map(exportPerson),
        notes: notes.sort(byCreation).map(exportNote),
        interactions: interactions
          .sort((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id))
          .map(exportInteraction),
        settings: { defaultCadenceDays },
      };
    },
  );
}

/** The backup as the text of the downloaded file. */
export function backupText(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** A file name for the download, e.g. `acquaint-backup-2026-11-22.json`. */
export function backupFileName(backup: Pick<Backup, 'exportedAt'>): string {
  return `acquaint-backup-${backup.exportedAt.slice(0, 10)}.json`;
}

export function exportPerson(person: Person): BackupPerson {
  return {
    id: person.id,
    name: person.name,
    identities: person.identities.map((identity) =>
      identity.url === undefined ? { key: identity.key } : { key: identity.key, url: identity.url },
    ),
    why: person.why,
    tags: [...person.tags],
    cadenceDays: person.cadenceDays,
    snoozedUntil: person.snoozedUntil,
    archived: person.archived,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
  };
}

export function exportNote(note: Note): BackupNote {
  const exported: BackupNote = {
    id: note.id,
    personId: note.personId,
    body: note.body,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
  if (note.url !== undefined) exported.url = note.url;
  return exported;
}

export function exportInteraction(interaction: Interaction): BackupInteraction {
  const exported: BackupInteraction = {
    id: interaction.id,
    personId: interaction.personId,
    at: interaction.at,
    kind: interaction.kind,
    direction: interaction.direction,
    summary: interaction.summary,
  };
  if (interaction.url !== undefined) exported.url = interaction.url;
  return exported;
}

function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
