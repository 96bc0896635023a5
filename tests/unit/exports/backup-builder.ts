import { type Backup, type BackupInput, type BackupPerson, parseBackup } from '@/lib/backup/schema';

export type PersonInput = Partial<BackupPerson> & Pick<BackupPerson, 'id' | 'identities'>;

/** A person with every field a backup needs, the given ones set. */
export function person(input: PersonInput): BackupPerson {
  return {
    name: '',
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    headline: '',
    interests: [],
    circleId: null,
    metVia: null,
    metAt: null,
    ...input,
  };
}

/** A backup checked by the real schema, so a test never feeds the exports what import refuses. */
export function backupOf(parts: Partial<Omit<BackupInput, 'format' | 'version'>>): Backup {
  const result = parseBackup({
    format: 'acquaint-backup',
    version: 2,
    exportedAt: '2026-11-22T10:00:00.000Z',
    people: [],
    notes: [],
    interactions: [],
    settings: { defaultCadenceDays: 21 },
    ...parts,
  });
  if (!result.ok) throw new Error(result.error);
  return result.backup;
}
