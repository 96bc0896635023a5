import { samePersonRef } from '../sites/person-ref';
import type { PersonRef } from '../sites/types';

/** Storage the subjects survive in when the service worker is stopped; `storage.session` in the extension. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export type TabValues<T> = ReturnType<typeof createTabValues<T>>;
export type TabSubjects = TabValues<PersonRef>;

/**
 * A person per tab: the page's subject as its content script last reported it, or (with another
 * prefix) the author the user picked on the page.
 */
export function createTabSubjects(area: SessionArea, prefix = 'tab-subject'): TabSubjects {
  return createTabValues<PersonRef>(area, prefix, samePersonRef);
}

/** The authors each tab's content script read, in page order (the side panel's list). */
export function createTabPeople(area: SessionArea): TabValues<PersonRef[]> {
  return createTabValues<PersonRef[]>(area, 'tab-people', (a, b) => {
    if (a === null || b === null) return a === b;
    return (
      a.length === b.length && a.every((person, index) => samePersonRef(person, b[index] ?? null))
    );
  });
}

/**
 * One value per tab, kept in session storage, which the browser clears when it quits, so it
 * survives the service worker stopping and nothing longer.
 */
export function createTabValues<T>(
  area: SessionArea,
  prefix: string,
  same: (a: T | null, b: T | null) => boolean,
) {
  const cache = new Map<number, T | null>();
  const keyOf = (tabId: number) => `${prefix}:${tabId}`;

  return {
    async get(tabId: number): Promise<T | null> {
      if (cache.has(tabId)) return cache.get(tabId) ?? null;
      const stored = (await area.get(keyOf(tabId)))[keyOf(tabId)] as T | null | undefined;
      cache.set(tabId, stored ?? null);
      return stored ?? null;
    },

    /** Records the tab's value; returns whether it changed. */
    async set(tabId: number, value: T | null): Promise<boolean> {
      const previous = await this.get(tabId);
      if (same(previous, value)) return false;
      cache.set(tabId, value);
      if (value !== null) await area.set({ [keyOf(tabId)]: value });
      else await area.remove(keyOf(tabId));
      return true;
    },

    async forget(tabId: number): Promise<void> {
      cache.delete(tabId);
      await area.remove(keyOf(tabId));
    },
  };
}
