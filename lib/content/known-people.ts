import { MAX_LOOKUP_KEYS } from '../messaging/limits';
import { sendRequest } from './runtime';

export type LookupKeys = (keys: string[]) => Promise<string[]>;

export const lookupKnownKeys: LookupKeys = async (keys) =>
  (await sendRequest({ type: 'people.lookup', keys })).known;

/**
 * Whether each identity key belongs to someone in Acquaint, cached for the life of the tab's
 * content script. Keys not yet cached are asked about in one message per batch.
 */
export function createKnownPeople(lookup: LookupKeys = lookupKnownKeys) {
  const known = new Map<string, boolean>();

  return {
    isKnown(key: string): boolean | undefined {
      return known.get(key);
    },

    /** Resolves once every key has an answer; returns the keys whose answer changed. */
    async resolve(keys: Iterable<string>): Promise<string[]> {
      const missing = [...new Set(keys)].filter((key) => !known.has(key));
      const changed: string[] = [];
      for (let start = 0; start < missing.length; start += MAX_LOOKUP_KEYS) {
        const batch = missing.slice(start, start + MAX_LOOKUP_KEYS);
        const found = new Set(await lookup(batch));
        for (const key of batch) {
          known.set(key, found.has(key));
          if (found.has(key)) changed.push(key);
        }
      }
      return changed;
    },

    /** Someone was added or changed: ask again about these keys. Returns those whose answer changed. */
    async refresh(keys: Iterable<string>): Promise<string[]> {
      const wanted = [...new Set(keys)];
      const before = new Map(wanted.map((key) => [key, known.get(key)]));
      for (const key of wanted) known.delete(key);
      await this.resolve(wanted);
      return wanted.filter((key) => before.get(key) !== known.get(key));
    },
  };
}
