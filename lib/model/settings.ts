/** What the user can change on the options page. */
export interface Settings {
  /** Show Acquaint's small button beside authors in feeds, threads and comments. */
  badges: boolean;
  /** Log what each site adapter tried, in the page's console. */
  debug: boolean;
  /**
   * Show Acquaint inside LinkedIn's pages (the toggle, the sidebar's frame, the badges). Off, it
   * adds nothing to them and the notes open in the browser's side panel (CONTRACT §5).
   */
  inPageLinkedIn: boolean;
  /** The same for X's pages. */
  inPageX: boolean;
  /** Keep-in-touch interval for people without their own (CONTRACT §4). */
  defaultCadenceDays: number;
  /** Write a backup file to the downloads folder now and then, so an uninstall cannot take the notes. */
  autoBackup: boolean;
  /** How often, in days. */
  autoBackupEveryDays: number;
  /** How many of those files to keep; older ones that Acquaint wrote are deleted. */
  autoBackupKeep: number;
}

export const DEFAULT_SETTINGS: Settings = {
  badges: true,
  debug: false,
  inPageLinkedIn: true,
  inPageX: true,
  defaultCadenceDays: 30,
  autoBackup: true,
  autoBackupEveryDays: 1,
  autoBackupKeep: 7,
};

/** The allowed range of each numeric setting. */
export const SETTING_RANGES = {
  defaultCadenceDays: { min: 1, max: 3650 },
  autoBackupEveryDays: { min: 1, max: 365 },
  autoBackupKeep: { min: 1, max: 100 },
} as const satisfies Partial<Record<keyof Settings, { min: number; max: number }>>;
