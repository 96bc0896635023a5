import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { MISS_NOTES } from './notes';
import { type BenchResults, writePerformanceDoc } from './report';

it('writes the table of docs/performance.md from bench/results.json', async () => {
  const results = JSON.parse(readFileSync(resolve('bench/results.json'), 'utf8')) as BenchResults;
  expect(results.mode).toBe('full');
  await writePerformanceDoc(resolve('docs/performance.md'), results, MISS_NOTES);
});
