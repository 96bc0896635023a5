import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { AuthorMatch } from '../sites/types';

/** Work done in one go before yielding to the page, so scrolling never meets a long task. */
const SLICE_MS = 8;

export interface AuthorScanOptions {
  /** The authors in a part of the page: the content script's site reader's `findAuthors`. */
  findAuthors(root: ParentNode, url: URL): AuthorMatch[];
  /** The authors read in one pass over what the page showed or added; still current when called. */
  onMatches(matches: AuthorMatch[]): Promise<void> | void;
  /** Elements of Acquaint's own, which are never read. */
  ownTags?: ReadonlySet<string>;
}

/**
 * Reads the authors on the page without changing it: the first pass reads the document; after
 * that only the nodes the page adds (infinite scroll), in slices. `track` starts over for a new
 * address and drops the previous observer. The badges and the side panel's "People on this page"
 * are both fed by it.
 */
export function createAuthorScan(ctx: ContentScriptContext, options: AuthorScanOptions) {
  let observer: MutationObserver | undefined;
  let pending = new Set<Element>();
  let scheduled = false;
  let url: URL | undefined;
  let generation = 0;

  const drain = async (run: number) => {
    const matches: AuthorMatch[] = [];
    while (pending.size > 0 && run === generation && url) {
      const started = performance.now();
      const queue: ParentNode[] = outermost(pending);
      pending = new Set();
      while (queue.length > 0) {
        const root = queue.shift() as ParentNode;
        matches.push(...options.findAuthors(root, url));
        if (performance.now() - started > SLICE_MS && queue.length > 0) {
          for (const rest of queue) pending.add(rest as Element);
          await yieldToPage();
          break;
        }
      }
    }
    if (run === generation && matches.length > 0) await options.onMatches(matches);
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
  ctx.onInvalidated(stop);

  return {
    /** Starts over for the page at `next`: one full pass, then only what the page adds. */
    track(next: URL) {
      stop();
      url = next;
      pending.add(document.documentElement);
      observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node.nodeType === 1 && !options.ownTags?.has((node as Element).localName)) {
              pending.add(node as Element);
            }
          }
        }
        if (pending.size > 0) schedule();
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
      schedule();
    },

    stop,
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
