import { inPageSiteOf, type InPageSettings, showsInPage } from '../sites/in-page';

/** The slice of Chrome's `sidePanel` Acquaint uses. */
export interface SidePanelApi {
  setOptions(options: { tabId?: number; enabled?: boolean; path?: string }): Promise<void>;
  open(options: { tabId: number }): Promise<void>;
}

/** The slice of Firefox's `sidebarAction`. */
export interface SidebarActionApi {
  open(): Promise<void>;
}

export interface SidePanelDeps {
  sidePanel?: SidePanelApi;
  sidebarAction?: SidebarActionApi;
  settings(): Promise<InPageSettings>;
  /** Every open tab with its address (where the browser tells it). */
  tabs(): Promise<{ id?: number; url?: string }[]>;
}

export type SidePanel = ReturnType<typeof createSidePanel>;

const PANEL_PATH = 'sidebar.html';

/**
 * The browser's side panel, where the notes open for a site whose in-page switch is off.
 *
 * Opening it counts only while the user's click or key press is being handled, before anything
 * is awaited; the settings live in the database, which cannot be read that fast. So the browser
 * keeps the decision for us: on a LinkedIn or X tab the panel is enabled exactly when that site
 * shows nothing in its pages, and `openFor` simply tries — it fails on a tab whose notes are shown
 * in the page, and the caller then opens them there. Firefox's sidebar has no per-tab switch: the
 * last settings read stand in (a worker that just woke has none yet and falls back to the page).
 */
export function createSidePanel(deps: SidePanelDeps) {
  let lastSettings: InPageSettings | undefined;
  const settings = async () => (lastSettings = await deps.settings());

  const applyTo = async (tabId: number, url: string | undefined, current: InPageSettings) => {
    const site = inPageSiteOf(url);
    if (!site || !deps.sidePanel) return;
    const enabled = !showsInPage(current, site);
    await deps.sidePanel.setOptions(
      enabled ? { tabId, enabled, path: PANEL_PATH } : { tabId, enabled },
    );
  };

  return {
    /** A tab moved to a new address: the panel follows its site's switch there. */
    async tabChanged(tabId: number, url: string | undefined): Promise<void> {
      await applyTo(tabId, url, await settings());
    },

    /** The switches changed (or the worker started): every open tab follows them. */
    async settingsChanged(): Promise<void> {
      const current = await settings();
      const tabs = await deps.tabs();
      await Promise.all(
        tabs.map((tab) =>
          tab.id === undefined ? undefined : applyTo(tab.id, tab.url, current).catch(() => {}),
        ),
      );
    },

    /**
     * Opens the notes beside `tabId`, on a LinkedIn or X tab whose site shows nothing in its pages.
     * Call it first thing in the click's or key's handler. Resolves to whether it opened.
     */
    openFor(tabId: number, url: string | undefined): Promise<boolean> {
      const site = inPageSiteOf(url);
      if (!site) return Promise.resolve(false);
      if (deps.sidePanel) {
        return deps.sidePanel.open({ tabId }).then(
          () => true,
          () => false,
        );
      }
      if (deps.sidebarAction && lastSettings && !showsInPage(lastSettings, site)) {
        return deps.sidebarAction.open().then(
          () => true,
          () => false,
        );
      }
      return Promise.resolve(false);
    },
  };
}
