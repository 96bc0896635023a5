/** What the blog readers found, before ordering: shared by the DOM and JSON-LD readers. */

import type { AuthorMatch, PersonRef } from '../types';
import type { SkipReason } from './dom';
import { commenterUrl } from './urls';

export interface Placed {
  match: AuthorMatch;
  /** Where the authored item is in the document, for ordering. */
  position: Node;
}

export interface Tally {
  found: Map<string, number>;
  skipped: Map<SkipReason | 'no-key', number>;
}

export function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The person, with the address of their link when the key comes from it. */
export function personRef(key: string, name: string, href: string | null, page: URL): PersonRef {
  const link = key.startsWith('named:') ? undefined : commenterUrl(href, page);
  return link === undefined ? { key, name } : { key, name, url: link };
}
