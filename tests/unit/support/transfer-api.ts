import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { ImportMode, ImportSummary } from '@/lib/backup/import';
import { parseBackupText } from '@/lib/backup/import';
import type { Backup } from '@/lib/backup/schema';
import type { PickedBytes } from '@/lib/imports/read-files';
import type { TransferApi } from '@/lib/options/transfer-api';

const FIXTURES = resolve(__dirname, '../../fixtures');

/** The bytes of a file under tests/fixtures, as the user would pick it. */
export function fixtureFile(path: string, name = path.split('/').pop() ?? path): PickedBytes {
  return { name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))) };
}

export function fixtureText(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8');
}

/** tests/fixtures/backup/valid-v1.json as the schema reads it: 2 people, 1 note, 2 interactions. */
export function fixtureBackup(): Backup {
  const parsed = parseBackupText(fixtureText('backup/valid-v1.json'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

export function summaryOf(
  counts: {
    people?: [number, number];
    notes?: [number, number];
    interactions?: [number, number];
  },
  problems: string[] = [],
): ImportSummary {
  const pair = ([added, updated]: [number, number] = [0, 0]) => ({ added, updated });
  return {
    people: pair(counts.people),
    notes: pair(counts.notes),
    interactions: pair(counts.interactions),
    circles: pair(),
    ledger: pair(),
    introductions: pair(),
    events: pair(),
    problems,
  };
}

export interface FakeTransferInit {
  /** What `exportBackup` answers; the valid-v1 fixture when absent. */
  backup?: Backup;
  /** What `planImport` and `applyImport` answer. */
  summary?: ImportSummary;
}

/**
 * The options page's view of the background for export and import, in memory. `saved` holds each
 * file handed to `saveFile`; `calls` the order the methods were called in.
 */
export function fakeTransferApi(init: FakeTransferInit = {}) {
  const backup = init.backup ?? fixtureBackup();
  const summary =
    init.summary ?? summaryOf({ people: [2, 0], notes: [1, 0], interactions: [2, 0] });
  const saved: { name: string; text: string; type: string }[] = [];
  const calls: string[] = [];

  const api = {
    exportBackup: vi.fn(async (): Promise<Backup> => {
      calls.push('exportBackup');
      return structuredClone(backup);
    }),
    planImport: vi.fn(async (_file: Backup, mode: ImportMode): Promise<ImportSummary> => {
      calls.push(`planImport ${mode}`);
      return structuredClone(summary);
    }),
    applyImport: vi.fn(async (_file: Backup, mode: ImportMode): Promise<ImportSummary> => {
      calls.push(`applyImport ${mode}`);
      return structuredClone(summary);
    }),
    saveFile: vi.fn((name: string, text: string, type: string) => {
      calls.push(`saveFile ${name}`);
      saved.push({ name, text, type });
    }),
  } satisfies TransferApi;

  return { api, saved, calls, backup, summary };
}
