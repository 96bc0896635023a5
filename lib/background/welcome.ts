/** The slice of the browser the welcome needs. */
export interface WelcomeDeps {
  openTab(url: string): Promise<unknown>;
  pageUrl(path: string): string;
}

/**
 * On install (not on an update or a browser restart), the options page opens on its welcome: what
 * Acquaint does, that everything stays on the machine, how to open the sidebar, and the import.
 */
export async function welcomeOnInstall(reason: string, deps: WelcomeDeps): Promise<void> {
  if (reason !== 'install') return;
  await deps.openTab(deps.pageUrl('/options.html#welcome'));
}
