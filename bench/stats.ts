/** Median, 95th percentile and spread of a set of measurements. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The value at quantile `q` (0..1) by the nearest-rank method: always one measured value. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(values: readonly number[], digits = 2): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Number(value.toFixed(digits));
  // The median of an even count is the mean of the middle two.
  const middle = sorted.length / 2;
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(middle)] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    n: sorted.length,
    median: round(median),
    p95: round(quantile(sorted, 0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Pairwise differences of two equally long series measured in the same rounds. */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value - (b[index] ?? Number.NaN));
}

/**
 * Runs `rounds` rounds of every arm, in an order that rotates each round (A,B,C then B,C,A…) so no
 * arm always goes first; the first `warmups` rounds are thrown away.
 */
export async function interleave<A extends string, T>(
  arms: readonly A[],
  options: { warmups: number; rounds: number },
  measure: (arm: A, round: number) => Promise<T>,
): Promise<Record<A, T[]>> {
  const results = Object.fromEntries(arms.map((arm) => [arm, [] as T[]])) as Record<A, T[]>;
  const total = options.warmups + options.rounds;
  for (let round = 0; round < total; round += 1) {
    for (let step = 0; step < arms.length; step += 1) {
      const arm = arms[(round + step) % arms.length] as A;
      const value = await measure(arm, round);
      if (round >= options.warmups) results[arm].push(value);
    }
  }
  return results;
}
