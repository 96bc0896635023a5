/** How much of each benchmark to run: the full bench by hand, the quick one inside `npm test`. */
export interface BenchPlan {
  mode: 'full' | 'quick';
  /** The two database sizes (people, each with one note and one interaction). */
  sizes: readonly [number, number];
  /** Keep seeded profiles in .cache/acquaint-bench between runs (seeding 100k takes minutes). */
  cacheSeeds: boolean;
  pageLoad: { warmups: number; rounds: number; settleMs: number };
  scroll: {
    warmups: number;
    rounds: number;
    batches: number;
    perBatch: number;
    gapMs: number;
    settleMs: number;
  };
  /** Traced loads and scrolls with Acquaint, to attribute long tasks and script to it. */
  trace: { rounds: number };
  sidebar: { warmups: number; rounds: number; settleMs: number };
  lookup: { warmups: number; rounds: number; keys: number };
  popup: { warmups: number; rounds: number };
  import: { warmups: number; rounds: number; connections: number };
}

export const FULL: BenchPlan = {
  mode: 'full',
  sizes: [10_000, 100_000],
  cacheSeeds: true,
  pageLoad: { warmups: 3, rounds: 20, settleMs: 1000 },
  scroll: { warmups: 2, rounds: 10, batches: 5, perBatch: 20, gapMs: 300, settleMs: 1000 },
  trace: { rounds: 6 },
  sidebar: { warmups: 2, rounds: 15, settleMs: 500 },
  lookup: { warmups: 10, rounds: 100, keys: 50 },
  popup: { warmups: 2, rounds: 10 },
  import: { warmups: 1, rounds: 3, connections: 10_000 },
};

/** Small sizes and few runs, no thresholds: proves every benchmark still runs. */
export const QUICK: BenchPlan = {
  mode: 'quick',
  sizes: [200, 400],
  cacheSeeds: false,
  pageLoad: { warmups: 0, rounds: 2, settleMs: 500 },
  scroll: { warmups: 0, rounds: 1, batches: 2, perBatch: 10, gapMs: 200, settleMs: 500 },
  trace: { rounds: 1 },
  sidebar: { warmups: 0, rounds: 1, settleMs: 200 },
  lookup: { warmups: 1, rounds: 3, keys: 50 },
  popup: { warmups: 0, rounds: 1 },
  import: { warmups: 0, rounds: 1, connections: 200 },
};
