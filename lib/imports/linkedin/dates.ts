import { isValid, parse, parseISO } from 'date-fns';

/**
 * Dates in LinkedIn's export, read with date-fns so that the result never depends on the
 * computer's time zone.
 */

/** Dates outside these years are typing errors or damage, not LinkedIn activity. */
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

/**
 * "Connected On" patterns: `15 Mar 2024` (what LinkedIn writes), `15 March 2024`, `2024-03-15`,
 * and the US-style `03/15/24` or `3/15/2024` (month first, as in LinkedIn's US exports). The
 * two-digit year comes before the four-digit one, which would otherwise read `24` as the year 24.
 */
const DAY_PATTERNS = ['d MMM yyyy', 'd MMMM yyyy', 'yyyy-MM-dd', 'M/d/yy', 'M/d/yyyy'];

function inRange(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A calendar day (`15 Mar 2024`) as that day at 12:00 UTC in ISO form; null if it is not a date. */
export function parseDay(text: string): string | null {
  const day = text.trim().replace(/\s+/g, ' ');
  if (day === '') return null;
  const reference = new Date();
  for (const pattern of DAY_PATTERNS) {
    // date-fns reads into local time; only the calendar fields are kept, so the time zone (and a
    // midnight that a daylight-saving change skips) cannot move the day.
    const local = parse(day, pattern, reference);
    if (!isValid(local)) continue;
    // Noon UTC keeps the same calendar day in every time zone from UTC-12 to UTC+11.
    const date = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), 12));
    return inRange(date) ? date.toISOString() : null;
  }
  return null;
}

/**
 * A message time (`2025-06-01 14:03:22 UTC`) in ISO form; null if it is not one. LinkedIn writes
 * its times in UTC, so a time without a zone is taken as UTC too; an explicit offset (`+02:00`) is
 * honoured. date-fns' `parseISO` reads it: with a zone it computes in UTC throughout, so no local
 * time (nor a daylight-saving gap in it) is involved.
 */
export function parseTime(text: string): string | null {
  let time = text.trim().replace(/\s+/g, ' ');
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(time)) return null;
  time = `${time.slice(0, 10)}T${time.slice(11)}`;
  const zone = /\s*(?:UTC|GMT|Z)$/i.exec(time);
  const offset = /\s*([+-]\d{2}(?::?\d{2})?)$/.exec(time);
  if (zone) time = `${time.slice(0, zone.index)}Z`;
  else if (offset?.[1]) time = `${time.slice(0, offset.index)}${offset[1]}`;
  else time = `${time}Z`;
  const date = parseISO(time);
  return isValid(date) && inRange(date) ? date.toISOString() : null;
}
