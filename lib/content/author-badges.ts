import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { AuthorMatch, PersonRef } from '../sites/types';
import { BADGE_TAG, type BadgeHandle, createBadge } from './badge-element';
import { createKnownPeople, type LookupKeys } from './known-people';

/** Work done in one go before yielding to the page, so scrolling never meets a long task. */
const SLICE_MS = 8;
const OWN_TAGS = new Set([BADGE_TAG, 'acquaint-toggle']);

export interface AuthorBadgesOptions {
  /** The authors in a part of the page: the content script's site reader's `findAuthors`. */
  findAuthors(root: ParentNode, url: URL): AuthorMatch[];
  /** The user clicked an author's badge. */
  onOpen(person: PersonRef): void;
  /** Every batch of authors found, for the health signal. */
  onAuthors?(count: number): void;
  lookup?: LookupKeys;
  document?: Document;
}

interface Placed {
  badge: BadgeHandle;
  key: string;
}

/**
 * A badge beside every author on the page. The first scan reads the document; after that only the
 * nodes the page adds (infinite scroll) are read, in slices, and the keys found are looked up in
 * one message per batch. `track` starts over for a new address and drops the previous observer.
 */
export function createAuthorBadges(ctx: ContentScriptContext, options: AuthorBadgesOptions) {
  const doc = options.document ?? document;
  const known = createKnownPeople(options.lookup);
  const placed = new WeakMap<Element, Placed>();
  const byKey = new Map<string, Set<BadgeHandle>>();
  let observer: MutationObserver | undefined;
  let pending = new Set<Element>();
  let scheduled = false;
  let url: URL | undefined;
  let generation = 0;

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
    if (!anchor.isConnected || anchor === doc.body || anchor.localName === 'script') return null;
    const existing = placed.get(anchor);
    if (existing?.badge.host.isConnected && existing.key === person.key) return null;
    existing?.badge.remove();
    const badge = createBadge(
      doc,
      () => options.onOpen(person),
      known.isKnown(person.key) === true,
    );
    // Beside the name's link, never inside it: a button inside a link would be a link too.
    (anchor.closest('a') ?? anchor).after(badge.host);
    placed.set(anchor, { badge, key: person.key });
    remember(person.key, badge);
    return person.key;
  };

  /** Reads the queued roots a slice at a time; then one lookup for every new key. */
  const drain = async (run: number) => {
    const keys = new Set<string>();
    let found = 0;
    while (pending.size > 0 && run === generation && url) {
      const started = performance.now();
      const roots = outermost(pending);
      pending = new Set();
      const queue = [...roots];
      while (queue.length > 0) {
        const root = queue.shift() as ParentNode;
        const matches = options.findAuthors(root, url);
        found += matches.length;
        for (const match of matches) {
          const key = place(match);
          if (key) keys.add(key);
        }
        if (performance.now() - started > SLICE_MS && queue.length > 0) {
          for (const rest of queue) pending.add(rest as Element);
          await yieldToPage();
          break;
        }
      }
    }
    if (run !== generation) return;
    if (found > 0) options.onAuthors?.(found);
    if (keys.size > 0) paint(await known.resolve(keys));
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    ctx.setTimeout(() => {
      scheduled = false;
      void drain(generation).catch(() => {});
    }, 50);
  };

  const stop = () => {
    generation += 1;
    observer?.disconnect();
    observer = undefined;
    pending = new Set();
  };

  const removeAll = () => {
    stop();
    for (const badges of byKey.values()) for (const badge of badges) badge.remove();
    byKey.clear();
  };
  ctx.onInvalidated(removeAll);

  return {
    /** Starts over for the page at `next`: one full scan, then only what the page adds. */
    track(next: URL) {
      stop();
      url = next;
      pending.add(doc.documentElement);
      observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node.nodeType === 1 && !OWN_TAGS.has((node as Element).localName)) {
              pending.add(node as Element);
            }
          }
        }
        if (pending.size > 0) schedule();
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      schedule();
    },

    stop,

    /** Someone was added or changed elsewhere: ask again about everyone badged on this page. */
    async refreshKnown() {
      paint(await known.refresh(byKey.keys()));
    },

    /** Removes every badge (the user turned badges off). */
    clear: removeAll,
  };
}

/** Drops roots inside other roots: their authors are found when the outer one is read. */
function outermost(roots: Set<Element>): Element[] {
  return [...roots].filter((root) => {
    if (!root.isConnected) return false;
    for (let parent = root.parentElement; parent; parent = parent.parentElement) {
      if (roots.has(parent)) return false;
    }
    return true;
  });
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
