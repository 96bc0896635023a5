import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { sendFromExtensionPage } from '../tests/support/chromium';

import { seedBackups } from './data';
import { type BenchBrowser, CACHE_DIR, launchArm, openExtensionPage } from './launch';

/** Bumped whenever `seedBackups` changes what it writes, so cached profiles are seeded again. */
const SEED_VERSION = 1;
/** People per import.apply message: a few MB each, well under Chrome's message size limit. */
const CHUNK = 10_000;

export interface SeedRecord {
  people: number;
  notes: number;
  interactions: number;
  /** When and how long the seeding through `import.apply` took (it may have been an earlier run;
   * a resumed seeding counts the chunks' own times). */
  seededAt: string;
  seedSeconds: number;
  /** Seconds each import.apply message of CHUNK people took, in order. */
  chunkSeconds: number[];
  cached: boolean;
}

/**
 * Puts `people` synthetic people (one note and one interaction each) into Acquaint the way a user
 * restoring backups would: `import.apply` requests in `restore` mode from an extension page. Starts
 * at chunk `from` (an interrupted seeding goes on where it stopped: a chunk is one all-or-nothing
 * import, and applying one twice changes nothing) and reports each chunk done.
 */
export async function seedThroughImport(
  browser: BenchBrowser,
  people: number,
  options: {
    from?: number;
    log?: (line: string) => void;
    onChunk?: (index: number, seconds: number) => void;
  } = {},
): Promise<void> {
  const page = await openExtensionPage(browser, 'options.html');
  let index = 0;
  try {
    for (const backup of seedBackups({ people, chunk: CHUNK, notesPerPerson: 1 })) {
      if (index >= (options.from ?? 0)) {
        const started = performance.now();
        await sendFromExtensionPage(page, { type: 'import.apply', mode: 'restore', file: backup });
        const seconds = round((performance.now() - started) / 1000);
        options.onChunk?.(index, seconds);
        options.log?.(
          `seeded ${Math.min(people, (index + 1) * CHUNK)} of ${people} (${seconds} s)`,
        );
      }
      index += 1;
    }
  } finally {
    await page.close();
  }
}

function record(people: number, chunkSeconds: number[]): SeedRecord {
  return {
    people,
    notes: people,
    interactions: people,
    seededAt: new Date().toISOString(),
    seedSeconds: round(chunkSeconds.reduce((sum, seconds) => sum + seconds, 0)),
    chunkSeconds,
    cached: false,
  };
}

/**
 * A browser with Acquaint holding `people` seeded people. With `cache`, the seeded profile is kept
 * in node_modules/.cache/acquaint-bench and copied for later runs: seeding 100k people through the
 * import path takes many minutes (see docs/performance.md), and an interrupted seeding is resumed.
 * The copy is opened by the current build, which upgrades its database if the schema moved on.
 */
export async function seededBrowser(
  people: number,
  options: { cache: boolean; log?: (line: string) => void },
): Promise<{ browser: BenchBrowser; seed: SeedRecord }> {
  if (!options.cache) {
    const browser = await launchArm('acquaint');
    const chunkSeconds: number[] = [];
    await seedThroughImport(browser, people, {
      log: options.log,
      onChunk: (_, seconds) => chunkSeconds.push(seconds),
    });
    return { browser, seed: record(people, chunkSeconds) };
  }
  const cached = join(CACHE_DIR, `profile-${people}-v${SEED_VERSION}`);
  const metaFile = join(CACHE_DIR, `profile-${people}-v${SEED_VERSION}.json`);
  const progressFile = `${metaFile}.partial`;
  let seed: SeedRecord;
  if (existsSync(metaFile) && existsSync(cached)) {
    seed = { ...(JSON.parse(readFileSync(metaFile, 'utf8')) as SeedRecord), cached: true };
  } else {
    const done: number[] =
      existsSync(progressFile) && existsSync(cached)
        ? (JSON.parse(readFileSync(progressFile, 'utf8')) as number[])
        : [];
    if (done.length === 0) {
      rmSync(cached, { recursive: true, force: true });
      mkdirSync(cached, { recursive: true });
    } else {
      options.log?.(`resuming: ${done.length} chunks of ${CHUNK} seeded earlier`);
    }
    const seeding = await launchArm('acquaint', cached);
    try {
      await seedThroughImport(seeding, people, {
        from: done.length,
        log: options.log,
        onChunk: (_, seconds) => {
          done.push(seconds);
          writeFileSync(progressFile, JSON.stringify(done));
        },
      });
    } finally {
      await seeding.close();
    }
    seed = record(people, done);
    writeFileSync(metaFile, JSON.stringify(seed, null, 2));
    rmSync(progressFile, { force: true });
  }
  // Each run works on a copy, so nothing a run does (popup rows, lookups) changes the cache.
  const copy = `${cached}-run-${process.pid}`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(cached, copy, { recursive: true });
  // Chromium keeps the service worker's script in the profile and would go on running the build
  // that seeded it; without its registration the worker is registered again from this build.
  rmSync(join(copy, 'Default', 'Service Worker'), { recursive: true, force: true });
  const browser = await launchArm('acquaint', copy);
  const close = browser.close;
  browser.close = async () => {
    await close();
    rmSync(copy, { recursive: true, force: true });
  };
  return { browser, seed };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
