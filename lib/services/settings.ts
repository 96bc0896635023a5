import type { AcquaintDatabase } from '../db/database';
import { DEFAULT_SETTINGS, SETTING_RANGES, type Settings } from '../model/settings';

export type SettingsService = ReturnType<typeof createSettingsService>;

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Settings live as one row per key in the `settings` table, so a new one needs no migration. */
export function createSettingsService(db: AcquaintDatabase) {
  return {
    async get(): Promise<Settings> {
      const rows = await db.settings.bulkGet(KEYS);
      const settings: Settings = { ...DEFAULT_SETTINGS };
      rows.forEach((row, index) => {
        const key = KEYS[index];
        if (row && key && isValid(key, row.value)) {
          (settings as unknown as Record<string, unknown>)[key] = row.value;
        }
      });
      return settings;
    },

    async update(patch: Partial<Settings>): Promise<Settings> {
      await db.settings.bulkPut(
        Object.entries(patch)
          .filter(([key, value]) => KEYS.includes(key as keyof Settings) && value !== undefined)
          .map(([key, value]) => ({ key, value })),
      );
      return this.get();
    },
  };
}

/** A stored value of the wrong type or out of range (an old bug, a bad import) reads as the default. */
function isValid(key: keyof Settings, value: unknown): boolean {
  if (typeof value !== typeof DEFAULT_SETTINGS[key]) return false;
  if (key in SETTING_RANGES) {
    const { min, max } = SETTING_RANGES[key as keyof typeof SETTING_RANGES];
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  }
  return true;
}
