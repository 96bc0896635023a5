import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';
import {
  type Circle,
  type EventRecord,
  type Interaction,
  type Introduction,
  type LedgerItem,
  type Note,
  type Person,
  relationOf,
} from '../model/types';
import { readDefaultCadence } from '../services/follow-up';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupCircle,
  type BackupEvent,
  type BackupInteraction,
  type BackupIntroduction,
  type BackupLedgerItem,
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
    [
      db.people,
      db.notes,
      db.interactions,
      db.settings,
      db.circles,
      db.ledger,
      db.introductions,
      db.events,
    ],
    async (): Promise<Backup> => {
      const [
        people,
        notes,
        interactions,
        defaultCadenceDays,
        circles,
        ledger,
        introductions,
        events,
      ] = await Promise.all([
        db.people.toArray(),
        db.notes.toArray(),
        db.interactions.toArray(),
        readDefaultCadence(db),
        db.circles.toArray(),
        db.ledger.toArray(),
        db.introductions.toArray(),
        db.events.toArray(),
      ]);
      // Every reference must point at a record in the file (CONTRACT §3). Merges and splits move
      // them, so none should dangle; one that does anyway is written as none rather than making
      // the whole backup unreadable.
      const known = {
        people: new Set(people.map((person) => person.id)),
        circles: new Set(circles.map((circle) => circle.id)),
        events: new Set(events.map((event) => event.id)),
      };
      const ref = (set: ReadonlySet<string>, id: string | null | undefined) =>
        id !== null && id !== undefined && set.has(id) ? id : null;
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: clock().toISOString(),
        people: people.sort(byCreation).map((person) => {
          const exported = exportPerson(person);
          exported.circleId = ref(known.circles, exported.circleId);
          exported.metVia = ref(known.people, exported.metVia);
          exported.metAt = ref(known.events, exported.metAt);
          return exported;
        }),
        notes: notes.sort(byCreation).map(exportNote),
        interactions: interactions
          .sort((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id))
          .map((interaction) => {
            const exported = exportInteraction(interaction);
            exported.eventId = ref(known.events, exported.eventId);
            return exported;
          }),
        settings: { defaultCadenceDays },
        circles: circles.sort(byId).map(exportCircle),
        ledger: ledger.sort(byCreation).map((item) => ({
          ...exportLedgerItem(item),
          personId: ref(known.people, item.personId),
        })),
        introductions: introductions
          .sort((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id))
          .map(exportIntroduction)
          .filter((introduction) => introduction.personIds.every((id) => known.people.has(id))),
        events: events
          .sort(
            (a, b) => compareText(a.startsAt ?? '', b.startsAt ?? '') || compareText(a.id, b.id),
          )
          .map(exportEvent),
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
    ...exportRelation(person),
  };
}

function exportRelation(person: Person) {
  const relation = relationOf(person);
  return { ...relation, interests: [...relation.interests] };
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
    eventId: null,
  };
  if (interaction.url !== undefined) exported.url = interaction.url;
  exported.eventId = interaction.eventId ?? null;
  return exported;
}

export function exportCircle(circle: Circle): BackupCircle {
  return {
    id: circle.id,
    name: circle.name,
    budget: circle.budget,
    cadenceDays: circle.cadenceDays,
  };
}

export function exportLedgerItem(item: LedgerItem): BackupLedgerItem {
  return {
    id: item.id,
    personId: item.personId,
    kind: item.kind,
    text: item.text,
    dueAt: item.dueAt,
    doneAt: item.doneAt,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export function exportIntroduction(introduction: Introduction): BackupIntroduction {
  return {
    id: introduction.id,
    personIds: [...introduction.personIds],
    at: introduction.at,
    status: introduction.status,
    note: introduction.note,
    followUpAt: introduction.followUpAt,
    updatedAt: introduction.updatedAt,
  };
}

export function exportEvent(event: EventRecord): BackupEvent {
  return {
    id: event.id,
    name: event.name,
    startsAt: event.startsAt,
    place: event.place,
    url: event.url,
    notes: event.notes,
  };
}

function byId(a: { id: string }, b: { id: string }) {
  return compareText(a.id, b.id);
}

function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
