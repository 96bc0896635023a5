import type { SidebarEvent } from '../messaging/protocol';

export type SidebarHub = ReturnType<typeof createSidebarHub>;

/**
 * Tells open sidebars to reload when their tab's person or the data changed. It broadcasts to the
 * extension's pages rather than holding ports, so no sidebar keeps the service worker awake.
 */
export function createSidebarHub(broadcast: (event: SidebarEvent) => Promise<unknown>) {
  const send = (event: SidebarEvent) => {
    // Rejects when no sidebar is open to hear it, which is fine.
    broadcast(event).catch(() => {});
  };
  return {
    refreshTab(tabId: number): void {
      send({ type: 'sidebar.refresh', tabId });
    },
    /** After a write: every open sidebar may show the same person (two tabs, one person). */
    refreshAll(): void {
      send({ type: 'sidebar.refresh' });
    },
  };
}
