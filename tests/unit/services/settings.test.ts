import type { AcquaintDatabase } from '@/lib/db/database';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import { createSettingsService, type SettingsService } from '@/lib/services/settings';

import { disposeDatabase, openTestDatabase } from '../support/db';

let db: AcquaintDatabase;
let settings: SettingsService;

beforeEach(() => {
  db = openTestDatabase();
  settings = createSettingsService(db);
});

afterEach(async () => {
  await disposeDatabase(db);
});

describe('settings', () => {
  it('gives the defaults on a fresh database', async () => {
    expect(await settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      badges: true,
      debug: false,
      defaultCadenceDays: 30,
    });
    expect(await db.settings.count()).toBe(0);
  });

  it('does not hand out the defaults object itself', async () => {
    const first = await settings.get();
    first.badges = false;
    expect((await settings.get()).badges).toBe(true);
    expect(DEFAULT_SETTINGS.badges).toBe(true);
  });

  it('merges an update into what was stored, and returns the result', async () => {
    expect(await settings.update({ badges: false })).toEqual({
      ...DEFAULT_SETTINGS,
      badges: false,
      debug: false,
      defaultCadenceDays: 30,
    });
    expect(await settings.update({ defaultCadenceDays: 7 })).toEqual({
      ...DEFAULT_SETTINGS,
      badges: false,
      debug: false,
      defaultCadenceDays: 7,
    });
    expect(await settings.update({ debug: true, badges: true })).toEqual({
      ...DEFAULT_SETTINGS,
      badges: true,
      debug: true,
      defaultCadenceDays: 7,
    });
  });

  it('keeps updates in the database, one row per key', async () => {
    await settings.update({ badges: false, defaultCadenceDays: 90 });

    expect(await createSettingsService(db).get()).toEqual({
      ...DEFAULT_SETTINGS,
      badges: false,
      debug: false,
      defaultCadenceDays: 90,
    });
    expect(await db.settings.get('badges')).toEqual({ key: 'badges', value: false });
    expect(await db.settings.get('defaultCadenceDays')).toEqual({
      key: 'defaultCadenceDays',
      value: 90,
    });
    expect(await db.settings.get('debug')).toBeUndefined();
  });

  it('stores false and other falsy values rather than skipping them', async () => {
    await settings.update({ badges: false, debug: false });
    expect((await settings.get()).badges).toBe(false);
    expect(await db.settings.get('debug')).toEqual({ key: 'debug', value: false });
  });

  it('leaves a setting alone when its patch value is undefined', async () => {
    await settings.update({ badges: false });
    expect(await settings.update({ badges: undefined, debug: true })).toMatchObject({
      badges: false,
      debug: true,
    });
  });

  it.each<[keyof Settings, unknown]>([
    ['badges', 'false'],
    ['badges', 0],
    ['badges', null],
    ['debug', { on: true }],
    ['defaultCadenceDays', '30'],
    ['defaultCadenceDays', true],
    ['defaultCadenceDays', null],
    ['autoBackup', 'yes'],
    ['autoBackupEveryDays', 0],
    ['autoBackupEveryDays', 366],
    ['autoBackupKeep', 0],
    ['autoBackupKeep', 2.5],
    ['autoBackupKeep', 101],
  ])('falls back to the default when %s was stored as %j', async (key, value) => {
    await db.settings.put({ key, value });
    const read = await settings.get();
    expect(read[key]).toBe(DEFAULT_SETTINGS[key]);
    expect(read).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the well-typed settings when another one is stored wrong', async () => {
    await db.settings.bulkPut([
      { key: 'badges', value: 'yes' },
      { key: 'defaultCadenceDays', value: 12 },
    ]);
    expect(await settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      badges: true,
      debug: false,
      defaultCadenceDays: 12,
    });
  });

  it('ignores unknown keys in an update and never stores them', async () => {
    const patch = { theme: 'dark', badges: false } as unknown as Partial<Settings>;
    const result = await settings.update(patch);
    expect(result).toEqual({
      ...DEFAULT_SETTINGS,
      badges: false,
      debug: false,
      defaultCadenceDays: 30,
    });
    expect(result).not.toHaveProperty('theme');
    expect(await db.settings.get('theme')).toBeUndefined();
  });

  it('does not let health rows or other stored keys leak into the settings', async () => {
    await db.settings.put({ key: 'health:x', value: { site: 'x' } });
    await db.settings.put({ key: 'theme', value: 'dark' });
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('an empty update changes nothing', async () => {
    await settings.update({ debug: true });
    expect(await settings.update({})).toEqual({ ...DEFAULT_SETTINGS, debug: true });
  });
});

describe('settings stored out of range', () => {
  it('reads a cadence that is not a whole number of days from 1 to 3650 as the default', async () => {
    const db = openTestDatabase();
    try {
      const settings = createSettingsService(db);
      for (const bad of [-5, 0, 1.5, Number.NaN, 100_000]) {
        await db.settings.put({ key: 'defaultCadenceDays', value: bad });
        expect((await settings.get()).defaultCadenceDays).toBe(30);
      }
      await db.settings.put({ key: 'defaultCadenceDays', value: 14 });
      expect((await settings.get()).defaultCadenceDays).toBe(14);
    } finally {
      await disposeDatabase(db);
    }
  });
});
