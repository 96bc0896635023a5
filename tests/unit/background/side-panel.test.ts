import {
  createSidePanel,
  type SidebarActionApi,
  type SidePanelApi,
  type SidePanelDeps,
} from '@/lib/background/side-panel';
import type { InPageSettings } from '@/lib/sites/in-page';

import { deferred } from '../support/deferred';

const LINKEDIN = 'https://www.linkedin.com/in/ada-quill-4b21a/';
const X = 'https://x.com/pipwellings';
const BLOG = 'https://blog.example/post/';

const BOTH_IN_PAGE: InPageSettings = { inPageLinkedIn: true, inPageX: true };
const LINKEDIN_OFF: InPageSettings = { inPageLinkedIn: false, inPageX: true };
const X_OFF: InPageSettings = { inPageLinkedIn: true, inPageX: false };

/** Chrome's side panel: records every setOptions, and opens (or refuses to) as told. */
function fakeSidePanel() {
  return {
    setOptions: vi.fn<SidePanelApi['setOptions']>(async () => undefined),
    open: vi.fn<SidePanelApi['open']>(async () => undefined),
  } satisfies SidePanelApi;
}

function setup(
  init: {
    settings?: InPageSettings;
    tabs?: { id?: number; url?: string }[];
    chrome?: boolean;
    firefox?: boolean;
  } = {},
) {
  let settings = init.settings ?? BOTH_IN_PAGE;
  const sidePanel = fakeSidePanel();
  const sidebarAction = {
    open: vi.fn<SidebarActionApi['open']>(async () => undefined),
  } satisfies SidebarActionApi;
  const readSettings = vi.fn(async () => ({ ...settings }));
  const tabs = vi.fn(async () => init.tabs ?? []);
  const deps: SidePanelDeps = {
    ...(init.chrome === false ? {} : { sidePanel }),
    ...(init.firefox ? { sidebarAction } : {}),
    settings: readSettings,
    tabs,
  };
  return {
    panel: createSidePanel(deps),
    sidePanel,
    sidebarAction,
    readSettings,
    tabs,
    setSettings(next: InPageSettings) {
      settings = next;
    },
  };
}

describe('createSidePanel: tabChanged', () => {
  it.each<[string, InPageSettings, string]>([
    ['LinkedIn with its switch off', LINKEDIN_OFF, LINKEDIN],
    ['X with its switch off', X_OFF, X],
    ['twitter.com with X’s switch off', X_OFF, 'https://twitter.com/pipwellings'],
    ['LinkedIn with both off', { inPageLinkedIn: false, inPageX: false }, LINKEDIN],
  ])('enables the panel, with its page, on %s', async (_what, settings, url) => {
    const { panel, sidePanel } = setup({ settings });
    await panel.tabChanged(5, url);
    expect(sidePanel.setOptions).toHaveBeenCalledTimes(1);
    expect(sidePanel.setOptions).toHaveBeenCalledWith({
      tabId: 5,
      enabled: true,
      path: 'sidebar.html',
    });
  });

  it.each<[string, InPageSettings, string]>([
    ['LinkedIn with its switch on', BOTH_IN_PAGE, LINKEDIN],
    ['X with its switch on', BOTH_IN_PAGE, X],
    // Each site follows its own switch, not the other's.
    ['LinkedIn when only X’s switch is off', X_OFF, LINKEDIN],
    ['X when only LinkedIn’s switch is off', LINKEDIN_OFF, 'https://mobile.x.com/home'],
  ])('disables the panel on %s', async (_what, settings, url) => {
    const { panel, sidePanel } = setup({ settings });
    await panel.tabChanged(6, url);
    expect(sidePanel.setOptions).toHaveBeenCalledTimes(1);
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 6, enabled: false });
  });

  it.each<[string, string | undefined]>([
    ['a blog', BLOG],
    ['a look-alike host', 'https://www.linkedin.com.evil.example/in/ada/'],
    ['LinkedIn over http', 'http://www.linkedin.com/in/ada-quill-4b21a/'],
    ['a browser page', 'chrome://newtab/'],
    ['a tab whose address is not known', undefined],
    ['a garbled address', 'not a url'],
  ])('leaves the panel alone on %s', async (_what, url) => {
    const { panel, sidePanel } = setup({ settings: { inPageLinkedIn: false, inPageX: false } });
    await panel.tabChanged(7, url);
    expect(sidePanel.setOptions).not.toHaveBeenCalled();
  });

  it('reads the settings afresh for every change', async () => {
    const { panel, sidePanel, setSettings } = setup({ settings: LINKEDIN_OFF });
    await panel.tabChanged(5, LINKEDIN);
    setSettings(BOTH_IN_PAGE);
    await panel.tabChanged(5, LINKEDIN);
    expect(sidePanel.setOptions.mock.calls.map(([options]) => options.enabled)).toEqual([
      true,
      false,
    ]);
  });
});

describe('createSidePanel: settingsChanged', () => {
  const TABS = [
    { id: 1, url: LINKEDIN },
    { id: 2, url: X },
    { id: 3, url: BLOG },
    { id: 4 },
    // A tab without an id (devtools, say) cannot be set.
    { url: 'https://www.linkedin.com/feed/' },
    { id: 5, url: 'https://fr.linkedin.com/feed/' },
  ];

  it('sets every LinkedIn and X tab by its own site’s switch, and no other tab', async () => {
    const { panel, sidePanel } = setup({ settings: LINKEDIN_OFF, tabs: TABS });
    await panel.settingsChanged();
    const calls = sidePanel.setOptions.mock.calls.map(([options]) => options);
    expect(calls).toHaveLength(3);
    expect(calls).toEqual(
      expect.arrayContaining([
        { tabId: 1, enabled: true, path: 'sidebar.html' },
        { tabId: 2, enabled: false },
        { tabId: 5, enabled: true, path: 'sidebar.html' },
      ]),
    );
  });

  it('follows the switches as they change', async () => {
    const { panel, sidePanel, setSettings } = setup({ settings: LINKEDIN_OFF, tabs: TABS });
    await panel.settingsChanged();
    sidePanel.setOptions.mockClear();
    setSettings(X_OFF);
    await panel.settingsChanged();
    expect(sidePanel.setOptions.mock.calls.map(([options]) => options)).toEqual(
      expect.arrayContaining([
        { tabId: 1, enabled: false },
        { tabId: 2, enabled: true, path: 'sidebar.html' },
        { tabId: 5, enabled: false },
      ]),
    );
    expect(sidePanel.setOptions).toHaveBeenCalledTimes(3);
  });

  it('still sets the other tabs when one of them cannot be set (it just closed)', async () => {
    const { panel, sidePanel } = setup({ settings: LINKEDIN_OFF, tabs: TABS });
    sidePanel.setOptions.mockImplementation(async (options) => {
      if (options.tabId === 1) throw new Error('No tab with id: 1.');
    });
    await expect(panel.settingsChanged()).resolves.toBeUndefined();
    expect(sidePanel.setOptions.mock.calls.map(([options]) => options.tabId).sort()).toEqual([
      1, 2, 5,
    ]);
  });
});

describe('createSidePanel: openFor', () => {
  it('opens the panel on the tab and resolves true when the browser opens it', async () => {
    const { panel, sidePanel } = setup();
    await expect(panel.openFor(9, LINKEDIN)).resolves.toBe(true);
    expect(sidePanel.open).toHaveBeenCalledTimes(1);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 9 });
  });

  it('resolves false when the browser refuses (the panel is disabled on that tab)', async () => {
    const { panel, sidePanel } = setup();
    sidePanel.open.mockRejectedValueOnce(new Error('No active side panel for tabId: 9'));
    await expect(panel.openFor(9, X)).resolves.toBe(false);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 9 });
  });

  it.each<[string, string | undefined]>([
    ['a blog', BLOG],
    ['LinkedIn over http', 'http://www.linkedin.com/in/ada/'],
    ['an unknown address', undefined],
    ['junk', '::::'],
  ])('resolves false on %s without trying to open anything', async (_what, url) => {
    const { panel, sidePanel } = setup({ settings: { inPageLinkedIn: false, inPageX: false } });
    await expect(panel.openFor(9, url)).resolves.toBe(false);
    expect(sidePanel.open).not.toHaveBeenCalled();
  });

  it('calls sidePanel.open at once, before anything is awaited (the user’s click counts only then)', async () => {
    // Settings that never come: openFor must not wait for them, or for anything else.
    const pending = deferred<InPageSettings>();
    const { panel, sidePanel, readSettings } = setup();
    readSettings.mockReturnValue(pending.promise);
    const opened = panel.openFor(9, LINKEDIN);
    // Nothing has been awaited yet: the call must already have been made.
    expect(sidePanel.open).toHaveBeenCalledTimes(1);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 9 });
    await expect(opened).resolves.toBe(true);
  });
});

describe('createSidePanel in Firefox (a sidebarAction, no sidePanel)', () => {
  it('opens nothing before it has read the settings (a worker that just woke)', async () => {
    const { panel, sidebarAction } = setup({ chrome: false, firefox: true });
    await expect(panel.openFor(3, LINKEDIN)).resolves.toBe(false);
    expect(sidebarAction.open).not.toHaveBeenCalled();
  });

  it('opens the sidebar, at once, where the last settings read turned the site’s switch off', async () => {
    const { panel, sidebarAction } = setup({
      chrome: false,
      firefox: true,
      settings: LINKEDIN_OFF,
      tabs: [{ id: 3, url: LINKEDIN }],
    });
    await panel.settingsChanged();

    const opened = panel.openFor(3, LINKEDIN);
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
    await expect(opened).resolves.toBe(true);

    // X's switch is still on: its notes stay in its pages.
    await expect(panel.openFor(4, X)).resolves.toBe(false);
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
  });

  it('uses the last settings read, whichever call read them', async () => {
    const { panel, sidebarAction, setSettings } = setup({
      chrome: false,
      firefox: true,
      settings: X_OFF,
    });
    await panel.tabChanged(4, X);
    await expect(panel.openFor(4, X)).resolves.toBe(true);

    setSettings(BOTH_IN_PAGE);
    // Not read yet: the stale settings still stand in.
    await expect(panel.openFor(4, X)).resolves.toBe(true);
    await panel.tabChanged(4, X);
    await expect(panel.openFor(4, X)).resolves.toBe(false);
    expect(sidebarAction.open).toHaveBeenCalledTimes(2);
  });

  it('resolves false when the sidebar will not open', async () => {
    const { panel, sidebarAction } = setup({ chrome: false, firefox: true, settings: X_OFF });
    await panel.settingsChanged();
    sidebarAction.open.mockRejectedValueOnce(new Error('needs a user action'));
    await expect(panel.openFor(4, X)).resolves.toBe(false);
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
  });

  it('prefers Chrome’s side panel when both are there', async () => {
    const { panel, sidePanel, sidebarAction } = setup({ firefox: true, settings: X_OFF });
    await panel.settingsChanged();
    await expect(panel.openFor(4, X)).resolves.toBe(true);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 4 });
    expect(sidebarAction.open).not.toHaveBeenCalled();
  });

  it('has no per-tab switch to set, and says nothing on tab changes', async () => {
    const { panel, tabs } = setup({
      chrome: false,
      firefox: true,
      settings: LINKEDIN_OFF,
      tabs: [{ id: 3, url: LINKEDIN }],
    });
    await expect(panel.tabChanged(3, LINKEDIN)).resolves.toBeUndefined();
    await expect(panel.settingsChanged()).resolves.toBeUndefined();
    expect(tabs).toHaveBeenCalledTimes(1);
  });
});
