/** Each unit with how many of it it takes before it reads better than the next smaller one. */
const SPANS: [unit: 'year' | 'month' | 'week', days: number, atLeast: number][] = [
  ['year', 365, 1],
  ['month', 30, 2],
  ['week', 7, 2],
];

/**
 * A span of whole days as people say it, in the browser's language: "3 years", "2 months",
 * "6 weeks", "5 days" (never "1150 days"). Counted down, so "3 years" is at least three years.
 */
export function spokenDays(days: number, locale?: string): string {
  const whole = Math.max(0, Math.floor(days));
  const say = (unit: string, count: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
  for (const [unit, size, atLeast] of SPANS) {
    const count = Math.floor(whole / size);
    if (count >= atLeast) return say(unit, count);
  }
  return say('day', whole);
}
