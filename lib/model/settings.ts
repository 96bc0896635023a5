/** What the user can change on the options page. */
export interface Settings {
  /** Show Acquaint's small button beside authors in feeds, threads and comments. */
  badges: boolean;
  /** Log what each site adapter tried, in the page's console. */
  debug: boolean;
  /** Keep-in-touch interval for people without their own (CONTRACT §4). */
  defaultCadenceDays: number;
}

export const DEFAULT_SETTINGS: Settings = { badges: true, debug: false, defaultCadenceDays: 30 };
