import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';
import type { SiteHealth } from '../model/health';
import type { PageKind, SiteId } from '../sites/types';

export type HealthService = ReturnType<typeof createHealthService>;

const SITES: readonly SiteId[] = ['linkedin', 'x', 'blog'];
const keyOf = (site: SiteId) => `health:${site}`;

/**
 * Per site: when a page that should have shown someone yielded nobody, and when one last worked.
 * An OK reading is written at most once an hour per site, so ordinary browsing costs no writes.
 */
export function createHealthService(db: AcquaintDatabase, clock: Clock = systemClock) {
  const read = async (site: SiteId): Promise<SiteHealth> => {
    const row = await db.settings.get(keyOf(site));
    return (
      (row?.value as SiteHealth | undefined) ?? {
        site,
        lastProblemAt: null,
        lastProblemKind: null,
        lastOkAt: null,
      }
    );
  };

  return {
    async report(site: SiteId, pageKind: PageKind, ok: boolean): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const now = clock();
        const health = await read(site);
        let next: SiteHealth;
        if (ok) {
          const recent =
            health.lastOkAt !== null &&
            now.getTime() - Date.parse(health.lastOkAt) < 3_600_000 &&
            (health.lastProblemAt === null || health.lastProblemAt < health.lastOkAt);
          if (recent) return;
          next = { ...health, lastOkAt: now.toISOString() };
        } else {
          next = { ...health, lastProblemAt: now.toISOString(), lastProblemKind: pageKind };
        }
        await db.settings.put({ key: keyOf(site), value: next });
      });
    },

    list(): Promise<SiteHealth[]> {
      return Promise.all(SITES.map(read));
    },
  };
}
