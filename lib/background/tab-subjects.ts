import { samePersonRef } from '../sites/person-ref';
import type { PersonRef } from '../sites/types';

/** Storage the subjects survive in when the service worker is stopped; `storage.session` in the extension. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export type TabSubjects = ReturnType<typeof createTabSubjects>;

/**
 * A person per tab: the page's subject as its content script last reported it, or (with another
 * prefix) the author the user picked on the page. Kept in session storage, which the browser clears
 * when it quits, so it survives the service worker stopping and nothing longer.
 */
export function createTabSubjects(area: SessionArea, prefix = 'tab-subject') {
  const cache = new Map<number, PersonRef | null>();
  const keyOf = (tabId: number) => `${prefix}:${tabId}`;

  return {
    async get(tabId: number): Promise<PersonRef | null> {
      if (cache.has(tabId)) return cache.get(tabId) ?? null;
      const stored = (await area.get(keyOf(tabId)))[keyOf(tabId)] as PersonRef | null | undefined;
      cache.set(tabId, stored ?? null);
      return stored ?? null;
    },

    /** Records the tab's subject; returns whether it changed. */
    async set(tabId: number, subject: PersonRef | null): Promise<boolean> {
      const previous = await this.get(tabId);
      if (samePersonRef(previous, subject)) return false;
      cache.set(tabId, subject);
      if (subject) await area.set({ [keyOf(tabId)]: subject });
      else await area.remove(keyOf(tabId));
      return true;
    },

    async forget(tabId: number): Promise<void> {
      cache.delete(tabId);
      await area.remove(keyOf(tabId));
    },
  };
}
