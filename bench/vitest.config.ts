import { defineConfig } from 'vitest/config';

// The benchmarks: the built extension in real Chromium (npm run bench, npm run bench:quick), and
// the results table of docs/performance.md written again from bench/results.json (npm run
// bench:report, after editing bench/notes.ts).
export default defineConfig({
  test: {
    name: 'bench',
    root: new URL('..', import.meta.url).pathname,
    include: [
      process.env.BENCH_REPORT === '1' ? 'bench/report-only.test.ts' : 'bench/bench.test.ts',
    ],
    environment: 'node',
    globals: true,
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    fileParallelism: false,
  },
});
