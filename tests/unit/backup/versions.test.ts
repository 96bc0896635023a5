import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { applyImport, parseBackupText } from '@/lib/backup/import';
import { SUPPORTED_BACKUP_VERSIONS } from '@/lib/backup/schema';
import type { AcquaintDatabase } from '@/lib/db/database';

import { disposeDatabase, openTestDatabase } from '../support/db';

// Every backup format version ever written has a stored file of that version.
const files = Object.keys(import.meta.glob('../../fixtures/backup/valid-v*.json')).map((path) => ({
  path,
  version: Number(/valid-v(\d+)\.json$/.exec(path)?.[1]),
  text: readFileSync(resolve(__dirname, path), 'utf8'),
}));

let db: AcquaintDatabase;
beforeEach(() => {
  db = openTestDatabase();
});
afterEach(() => disposeDatabase(db));

describe('backup format versions', () => {
  it('has a stored file for every version this build reads, and reads every one', () => {
    expect(files.map((file) => file.version).sort((a, b) => a - b)).toEqual(
      [...SUPPORTED_BACKUP_VERSIONS].sort((a, b) => a - b),
    );
  });

  it.each(files.map((file) => [file.version, file] as const))(
    'imports a version %i file into an empty profile with everything in it',
    async (_version, file) => {
      const parsed = parseBackupText(file.text);
      if (!parsed.ok) throw new Error(parsed.error);
      const raw = JSON.parse(file.text) as {
        people: unknown[];
        notes: unknown[];
        interactions: unknown[];
      };
      const summary = await applyImport(db, parsed.backup);
      expect(summary.people.added).toBe(raw.people.length);
      expect(summary.notes.added).toBe(raw.notes.length);
      expect(summary.interactions.added).toBe(raw.interactions.length);
      expect(await db.people.count()).toBe(raw.people.length);
    },
  );
});
