import { browser } from 'wxt/browser';

/** The options page's address on install: `options.html#welcome` (lib/background/welcome.ts). */
export const WELCOME_HASH = '#welcome';

/** The sidebar's suggested shortcut (wxt.config.ts), until the browser says which it gave. */
export const DEFAULT_SHORTCUT = 'Alt+Shift+S';

/** The shortcut the browser really gave the sidebar, which the user may have changed. */
export async function sidebarShortcut(): Promise<string | undefined> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === 'toggle-sidebar')?.shortcut || undefined;
}
