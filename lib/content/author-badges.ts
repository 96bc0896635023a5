import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { AuthorMatch, PersonRef } from '../sites/types';
import { createAuthorScan } from './author-scan';
import { BADGE_TAG, type BadgeHandle, createBadge } from './badge-element';
import { createKnownPeople, type LookupKeys } from './known-people';

const OWN_TAGS = new Set([BADGE_TAG, 'acquaint-toggle']);

export interface AuthorBadgesOptions {
  /** The authors in a part of the page: the content script's site reader's `findAuthors`. */
  findAuthors(root: ParentNode, url: URL): AuthorMatch[];
  /** The user clicked an author's badge. */
  onOpen(person: PersonRef): void;
  /** Every batch of authors found, for the health signal. */
  onAuthors?(count: number): void;
  lookup?: LookupKeys;
}

interface Placed {
  badge: BadgeHandle;
  key: string;
}

/**
 * A badge beside every author on the page (read by lib/content/author-scan.ts); the keys found are
 * looked up in one message per batch.
 */
export function createAuthorBadges(ctx: ContentScriptContext, options: AuthorBadgesOptions) {
  const known = createKnownPeople(options.lookup);
  const placed = new WeakMap<Element, Placed>();
  const byKey = new Map<string, Set<BadgeHandle>>();

  const remember = (key: string, badge: BadgeHandle) => {
    const badges = byKey.get(key) ?? new Set<BadgeHandle>();
    badges.add(badge);
    byKey.set(key, badges);
  };

  const paint = (keys: Iterable<string>) => {
    for (const key of keys) {
      const badges = byKey.get(key);
      if (!badges) continue;
      for (const badge of badges) {
        if (!badge.host.isConnected) badges.delete(badge);
        else badge.setKnown(known.isKnown(key) === true);
      }
    }
  };

  const place = (match: AuthorMatch): string | null => {
    const { anchor, person } = match;
    if (!anchor.isConnected || anchor === document.body || anchor.localName === 'script')
      return null;
    const existing = placed.get(anchor);
    if (existing?.badge.host.isConnected && existing.key === person.key) return null;
    existing?.badge.remove();
    const badge = createBadge(
      document,
      person.name,
      () => options.onOpen(person),
      known.isKnown(person.key) === true,
    );
    // Beside the name's link, never inside it: a button inside a link would be a link too.
    (anchor.closest('a') ?? anchor).after(badge.host);
    placed.set(anchor, { badge, key: person.key });
    remember(person.key, badge);
    return person.key;
  };

  const scan = createAuthorScan(ctx, {
    findAuthors: options.findAuthors,
    ownTags: OWN_TAGS,
    async onMatches(matches) {
      const keys = new Set<string>();
      for (const match of matches) {
        const key = place(match);
        if (key) keys.add(key);
      }
      options.onAuthors?.(matches.length);
      if (keys.size > 0) paint(await known.resolve(keys));
    },
  });

  const removeAll = () => {
    scan.stop();
    for (const badges of byKey.values()) for (const badge of badges) badge.remove();
    byKey.clear();
  };
  ctx.onInvalidated(removeAll);

  return {
    /** Starts over for the page at `next`: one full scan, then only what the page adds. */
    track: (next: URL) => scan.track(next),

    stop: () => scan.stop(),

    /** Someone was added or changed elsewhere: ask again about everyone badged on this page. */
    async refreshKnown() {
      paint(await known.refresh(byKey.keys()));
    },

    /** Removes every badge (the user turned badges off). */
    clear: removeAll,
  };
}
