import type { PersonRef } from './types';

/** Whether two readings describe the same person the same way (so nothing needs re-sending). */
export function samePersonRef(a: PersonRef | null, b: PersonRef | null): boolean {
  if (a === null || b === null) return a === b;
  return a.key === b.key && a.name === b.name && a.url === b.url && a.headline === b.headline;
}
