import { browser } from 'wxt/browser';

import type { SidebarEvent } from '../messaging/protocol';

/**
 * Calls `onRefresh` when the background says this sidebar's data changed. Other pages' requests
 * reach this listener too; it never answers them (returns nothing), so the background's answer wins.
 */
export function listenForRefresh(onRefresh: (tabId: number | undefined) => void): () => void {
  const listener = (message: unknown, sender: { id?: string }): undefined => {
    if (sender.id !== browser.runtime.id) return;
    const event = message as SidebarEvent | undefined;
    if (event?.type === 'sidebar.refresh') onRefresh(event.tabId);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
