import { AcquaintDatabase } from '@/lib/db/database';
import type { Clock } from '@/lib/model/clock';
import type { PersonRef } from '@/lib/sites/types';

/** A database of its own for one test, on fake-indexeddb. Call `dispose` in afterEach. */
export function openTestDatabase(): AcquaintDatabase {
  return new AcquaintDatabase(`test-${crypto.randomUUID()}`);
}

export async function disposeDatabase(db: AcquaintDatabase | undefined): Promise<void> {
  if (!db) return;
  db.close();
  await db.delete();
}

/** A clock that stands still until a test moves it. */
export interface TestClock {
  clock: Clock;
  set(iso: string): void;
  advance(ms: number): void;
  iso(): string;
}

export function testClock(start = '2024-05-10T12:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    clock: () => new Date(current),
    set(iso) {
      current = new Date(iso).getTime();
    },
    advance(ms) {
      current += ms;
    },
    iso: () => new Date(current).toISOString(),
  };
}

export const ADA: PersonRef = {
  key: 'linkedin:ada-quill-4b21a',
  name: 'Ada Quill',
  url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
};

export const PIP: PersonRef = {
  key: 'x:pipwellings',
  name: 'Pip Wellings',
  url: 'https://x.com/pipwellings',
};

/** Text a hostile page could put in a name or a note: the corpus every suite shares. */
export { HOSTILE_TEXTS } from '../../support/hostile-corpus';
