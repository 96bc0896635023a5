import type { AcquaintDatabase } from '@/lib/db/database';
import { isUnhealthy, type SiteHealth } from '@/lib/model/health';
import { createHealthService, type HealthService } from '@/lib/services/health';

import { disposeDatabase, openTestDatabase, testClock, type TestClock } from '../support/db';

const HOUR = 3_600_000;

let db: AcquaintDatabase;
let time: TestClock;
let health: HealthService;

beforeEach(() => {
  db = openTestDatabase();
  time = testClock('2024-05-10T12:00:00.000Z');
  health = createHealthService(db, time.clock);
});

afterEach(async () => {
  await disposeDatabase(db);
});

const stored = async (site: string) => (await db.settings.get(`health:${site}`))?.value;

const blank = (site: SiteHealth['site']): SiteHealth => ({
  site,
  lastProblemAt: null,
  lastProblemKind: null,
  lastOkAt: null,
});

describe('health.list', () => {
  it('lists every site, in order, with nothing known before any report', async () => {
    expect(await health.list()).toEqual([blank('linkedin'), blank('x'), blank('blog')]);
    expect(await db.settings.count()).toBe(0);
  });
});

describe('health.report', () => {
  it('records a failure with its time and page kind, for that site only', async () => {
    await health.report('x', 'timeline', false);

    expect(await stored('x')).toEqual({
      site: 'x',
      lastProblemAt: '2024-05-10T12:00:00.000Z',
      lastProblemKind: 'timeline',
      lastOkAt: null,
    });
    const [linkedin, x, blog] = await health.list();
    expect(linkedin).toEqual(blank('linkedin'));
    expect(blog).toEqual(blank('blog'));
    expect(x && isUnhealthy(x)).toBe(true);
  });

  it('records a later failure over an earlier one', async () => {
    await health.report('linkedin', 'profile', false);
    time.advance(5 * 60_000);
    await health.report('linkedin', 'feed', false);

    expect(await stored('linkedin')).toMatchObject({
      lastProblemAt: '2024-05-10T12:05:00.000Z',
      lastProblemKind: 'feed',
    });
  });

  it('records an OK after a failure, which ends the warning but keeps the failure', async () => {
    await health.report('linkedin', 'profile', false);
    time.advance(60_000);
    await health.report('linkedin', 'profile', true);

    const row = (await stored('linkedin')) as SiteHealth;
    expect(row).toEqual({
      site: 'linkedin',
      lastProblemAt: '2024-05-10T12:00:00.000Z',
      lastProblemKind: 'profile',
      lastOkAt: '2024-05-10T12:01:00.000Z',
    });
    expect(isUnhealthy(row)).toBe(false);
  });

  it('records the first OK on a fresh site', async () => {
    await health.report('blog', 'comments', true);
    expect(await stored('blog')).toEqual({
      ...blank('blog'),
      lastOkAt: '2024-05-10T12:00:00.000Z',
    });
  });

  it('does not rewrite OK readings within an hour of the last one', async () => {
    await health.report('x', 'status', true);
    const put = vi.spyOn(db.settings, 'put');

    time.advance(HOUR - 1);
    await health.report('x', 'status', true);
    await health.report('x', 'timeline', true);

    expect(await stored('x')).toMatchObject({ lastOkAt: '2024-05-10T12:00:00.000Z' });
    expect(put).not.toHaveBeenCalled();
  });

  it('rewrites the OK reading once an hour has passed', async () => {
    await health.report('x', 'status', true);
    time.advance(HOUR);
    await health.report('x', 'status', true);

    expect(await stored('x')).toMatchObject({ lastOkAt: '2024-05-10T13:00:00.000Z' });
  });

  it('records an OK right after a failure even within the hour of an earlier OK', async () => {
    await health.report('x', 'status', true);
    time.advance(60_000);
    await health.report('x', 'status', false);
    time.advance(60_000);
    await health.report('x', 'status', true);

    const row = (await stored('x')) as SiteHealth;
    expect(row.lastOkAt).toBe('2024-05-10T12:02:00.000Z');
    expect(isUnhealthy(row)).toBe(false);
  });

  it('records a failure after an OK, which is a warning again', async () => {
    await health.report('linkedin', 'feed', true);
    time.advance(60_000);
    await health.report('linkedin', 'feed', false);

    const row = (await stored('linkedin')) as SiteHealth;
    expect(row).toMatchObject({
      lastOkAt: '2024-05-10T12:00:00.000Z',
      lastProblemAt: '2024-05-10T12:01:00.000Z',
    });
    expect(isUnhealthy(row)).toBe(true);
  });

  it('lists what was reported', async () => {
    await health.report('blog', 'comments', false);
    expect((await health.list()).map(isUnhealthy)).toEqual([false, false, true]);
  });
});

describe('isUnhealthy', () => {
  const at = (minute: number) => `2024-05-10T12:${String(minute).padStart(2, '0')}:00.000Z`;

  it.each<[string, string | null, string | null, boolean]>([
    ['never read', null, null, false],
    ['only ever OK', null, at(1), false],
    ['only ever failed', at(1), null, true],
    ['failed, then OK', at(1), at(2), false],
    ['OK, then failed', at(2), at(1), true],
  ])('%s', (_what, lastProblemAt, lastOkAt, unhealthy) => {
    expect(isUnhealthy({ site: 'x', lastProblemAt, lastProblemKind: 'feed', lastOkAt })).toBe(
      unhealthy,
    );
  });
});
