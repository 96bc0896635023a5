import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupPerson,
  parseBackup,
} from '../backup/schema';
import { type Clock, systemClock } from '../model/clock';
import { DEFAULT_SETTINGS } from '../model/settings';
import type { Identity } from '../model/types';
import type { DraftInteraction, ImportDraft } from './draft';
import { DEFAULT_TRACK_CHOICE, withTracking } from './tracking';

type BackupPersonDraft = Omit<BackupPerson, 'identities'> & { identities: Identity[] };

/**
 * A draft as a backup, to be merged in `add` mode. People get fresh ids (they are matched by
 * identity key, so importing the same file twice adds nobody twice); interactions get ids made
 * from what they say, so the same message read again is recognised and not added again. A
 * person's headline is the file's role and company, their "why" only what the user wrote in the
 * other tool (a vCard's note), and `createdAt` the day they were first known (`since`, e.g. the
 * day of connecting) when the file says. Only people with a conversation are kept in touch with
 * (the default of `withTracking`; the preview may choose otherwise).
 * Throws when the draft would not make a valid backup (a reader's bug, never the user's file).
 */
export async function draftToBackup(
  draft: ImportDraft,
  clock: Clock = systemClock,
): Promise<Backup> {
  const now = clock().toISOString();
  const ids = new Map<string, string>();
  const people: BackupPersonDraft[] = [];
  const ownerOfKey = new Map<string, BackupPersonDraft>();
  for (const person of draft.people) {
    // Two readers (or two files) may name one person twice: the first record takes the rest.
    const known = person.identities
      .map((identity) => ownerOfKey.get(identity.key))
      .find((owner) => owner !== undefined);
    const target: BackupPersonDraft = known ?? {
      id: `import-${crypto.randomUUID()}`,
      name: person.name,
      identities: [],
      why: person.why ?? '',
      tags: [...(person.tags ?? [])],
      cadenceDays: null,
      snoozedUntil: null,
      archived: false,
      createdAt: now,
      updatedAt: now,
      headline: person.headline ?? '',
      interests: [],
      circleId: null,
      metVia: null,
      metAt: null,
    };
    if (!known) people.push(target);
    if (target.name === '') target.name = person.name;
    if (target.why === '' && person.why) target.why = person.why;
    if (target.headline === '' && person.headline) target.headline = person.headline;
    // Known since then, but never later than now (a file's date in the future is not believed).
    if (person.since && person.since < target.createdAt) target.createdAt = person.since;
    for (const tag of person.tags ?? []) if (!target.tags.includes(tag)) target.tags.push(tag);
    for (const identity of person.identities) {
      if (ownerOfKey.has(identity.key)) continue;
      ownerOfKey.set(identity.key, target);
      target.identities.push(identity);
    }
    ids.set(person.ref, target.id);
  }
  const keyOf = new Map(
    draft.people.map((person) => [person.ref, person.identities[0]?.key ?? '']),
  );
  const interactions = [];
  for (const interaction of draft.interactions) {
    const personId = ids.get(interaction.personRef);
    if (personId === undefined) continue;
    interactions.push({
      id: await interactionId(keyOf.get(interaction.personRef) ?? '', interaction),
      personId,
      at: interaction.at,
      kind: interaction.kind,
      direction: interaction.direction,
      summary: interaction.summary,
      ...(interaction.url === undefined ? {} : { url: interaction.url }),
      eventId: null,
    });
  }
  const parsed = parseBackup(
    withTracking(
      {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now,
        people,
        notes: [],
        interactions: dedupeById(interactions),
        settings: { defaultCadenceDays: DEFAULT_SETTINGS.defaultCadenceDays },
        circles: [],
        ledger: [],
        introductions: [],
        events: [],
      },
      DEFAULT_TRACK_CHOICE,
    ),
  );
  if (!parsed.ok) throw new Error(`${draft.source}: ${parsed.error}`);
  return parsed.backup;
}

/** The same interaction of the same person always gets the same id. */
async function interactionId(personKey: string, interaction: DraftInteraction): Promise<string> {
  const text = JSON.stringify([
    personKey,
    interaction.at,
    interaction.kind,
    interaction.direction,
    interaction.summary,
  ]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest).slice(0, 16)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return `import-${hex}`;
}

function dedupeById<T extends { id: string }>(records: T[]): T[] {
  return [...new Map(records.map((record) => [record.id, record])).values()];
}
