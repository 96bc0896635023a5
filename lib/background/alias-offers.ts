import { samePersonRef } from '../sites/person-ref';
import type { PersonRef } from '../sites/types';
import type { SessionArea } from './tab-subjects';

/**
 * What the background asks the user about a tab: its page showed `subject` with an X account's
 * number (`aliases`) that belongs to the stored person `personId`. The page controls the number,
 * so nothing is linked until the user says yes in the sidebar, and then only this.
 */
export interface AliasOfferRecord {
  subject: PersonRef;
  aliases: string[];
  personId: string;
}

export type AliasOffers = ReturnType<typeof createAliasOffers>;

const DISMISSED = 'alias-offers-dismissed';

/**
 * The open offer per tab, and the subject-and-number pairs the user said no to. Kept in session
 * storage, like the tab subjects: they survive the service worker stopping, and a "No" is asked
 * again only in the next browser session.
 */
export function createAliasOffers(area: SessionArea, prefix = 'alias-offer') {
  const cache = new Map<number, AliasOfferRecord | null>();
  let dismissed: Set<string> | null = null;
  const keyOf = (tabId: number) => `${prefix}:${tabId}`;

  const dismissedPairs = async (): Promise<Set<string>> => {
    if (!dismissed) {
      const stored = (await area.get(DISMISSED))[DISMISSED];
      dismissed = new Set(Array.isArray(stored) ? stored.map(String) : []);
    }
    return dismissed;
  };

  return {
    async get(tabId: number): Promise<AliasOfferRecord | null> {
      if (cache.has(tabId)) return cache.get(tabId) ?? null;
      const stored = (await area.get(keyOf(tabId)))[keyOf(tabId)] as
        AliasOfferRecord | null | undefined;
      cache.set(tabId, stored ?? null);
      return stored ?? null;
    },

    /** Records the tab's offer, or that it has none; returns whether that changed. */
    async set(tabId: number, offer: AliasOfferRecord | null): Promise<boolean> {
      const previous = await this.get(tabId);
      if (sameOffer(previous, offer)) return false;
      cache.set(tabId, offer);
      if (offer) await area.set({ [keyOf(tabId)]: offer });
      else await area.remove(keyOf(tabId));
      return true;
    },

    async forget(tabId: number): Promise<void> {
      cache.delete(tabId);
      await area.remove(keyOf(tabId));
    },

    /** The user said no: this subject with this number is not offered again this session. */
    async dismiss(offer: AliasOfferRecord): Promise<void> {
      const pairs = await dismissedPairs();
      pairs.add(pairKey(offer.subject.key, offer.aliases));
      await area.set({ [DISMISSED]: [...pairs] });
    },

    async isDismissed(subjectKey: string, aliases: readonly string[]): Promise<boolean> {
      return (await dismissedPairs()).has(pairKey(subjectKey, aliases));
    },
  };
}

function pairKey(subjectKey: string, aliases: readonly string[]): string {
  return JSON.stringify([subjectKey, [...aliases].sort()]);
}

function sameOffer(a: AliasOfferRecord | null, b: AliasOfferRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.personId === b.personId &&
    samePersonRef(a.subject, b.subject) &&
    pairKey(a.subject.key, a.aliases) === pairKey(b.subject.key, b.aliases)
  );
}
