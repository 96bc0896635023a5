import { browser } from 'wxt/browser';

/**
 * Where this sidebar page runs. Framed in a LinkedIn or X page, its address carries the token the
 * content script made; in a small window of its own it is a tab; in the browser's side panel it is
 * neither, and follows the active tab of its window.
 */
export type SidebarPlace = 'frame' | 'window' | 'panel';

export async function sidebarPlace(hash: string): Promise<SidebarPlace> {
  if (hash.replace(/^#/, '') !== '') return 'frame';
  return (await browser.tabs.getCurrent()) ? 'window' : 'panel';
}

/**
 * The side panel's tab: the active tab of the panel's window, followed as the user switches tabs.
 * A page moving on inside a tab is told by the background (the tab's subject changed).
 */
export async function followActiveTab(onTab: (tabId: number) => void): Promise<void> {
  const { id: windowId } = await browser.windows.getCurrent();
  let current: number | undefined;
  browser.tabs.onActivated.addListener((info) => {
    if (info.windowId !== windowId || info.tabId === current) return;
    current = info.tabId;
    onTab(current);
  });
  const [active] = await browser.tabs.query({ active: true, windowId });
  if (active?.id !== undefined && current === undefined) {
    current = active.id;
    onTab(current);
  }
}
