import type { PageKind, SiteId } from '../sites/types';

/** Whether a site's pages were last read as expected: the layout-change warning. */
export interface SiteHealth {
  site: SiteId;
  /** The last time a page that should have shown someone yielded nobody. */
  lastProblemAt: string | null;
  lastProblemKind: PageKind | null;
  /** The last time such a page was read fine. */
  lastOkAt: string | null;
}

/** A site needs attention while its latest reading failed. */
export function isUnhealthy(health: SiteHealth): boolean {
  return (
    health.lastProblemAt !== null &&
    (health.lastOkAt === null || health.lastOkAt < health.lastProblemAt)
  );
}
