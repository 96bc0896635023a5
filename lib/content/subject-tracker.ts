import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { samePersonRef } from '../sites/person-ref';
import type { SiteReader } from '../sites/reader';
import type { PersonRef } from '../sites/types';

/** How long to wait for a single-page app to render a profile's name before giving up on it. */
const RENDER_TIMEOUT_MS = 20_000;
/** After navigating between two profiles, how long the previous name may linger before it is believed. */
const STALE_NAME_GRACE_MS = 2_500;

export interface SubjectTrackerOptions {
  /** Reads the page: the content script's own site's reader. */
  reader: Pick<SiteReader, 'expectsSubject' | 'readSubject' | 'subjectKeyFromUrl'>;
  /** Called with each new reading of the page's subject; null when the page shows nobody. */
  onSubject(subject: PersonRef | null): void;
  document?: Document;
  now?: () => number;
}

/**
 * Follows the page's subject across single-page navigation. Identity comes from the URL at once;
 * the name comes from the DOM as soon as the app renders it, watched with one observer per page.
 */
export function createSubjectTracker(ctx: ContentScriptContext, options: SubjectTrackerOptions) {
  const { expectsSubject, readSubject, subjectKeyFromUrl } = options.reader;
  const doc = options.document ?? document;
  const now = options.now ?? (() => performance.now());
  let stopWatching: (() => void) | undefined;
  let last: PersonRef | null | undefined;
  let lastNamed: PersonRef | undefined;

  const report = (subject: PersonRef | null) => {
    if (last !== undefined && samePersonRef(last, subject)) return;
    last = subject;
    if (subject?.name) lastNamed = subject;
    options.onSubject(subject);
  };

  const track = (url: URL) => {
    stopWatching?.();
    stopWatching = undefined;
    if (!expectsSubject(url)) {
      report(null);
      return;
    }
    // Null on a messaging thread: its URL does not say who the other person is, only the DOM does.
    const key = subjectKeyFromUrl(url);
    const startedAt = now();
    const previous = lastNamed;
    const attempt = (): boolean => {
      const subject = readSubject(doc, url);
      if (!subject || (key !== null && subject.key !== key) || !subject.name) return false;
      // The app changes the URL before it swaps the header: the previous person's header is not
      // the new one's. With a key from the URL a lingering name shows; without one (a messaging
      // thread), a lingering person does.
      const lingering =
        previous &&
        (key !== null
          ? previous.key !== key && previous.name === subject.name
          : previous.key === subject.key);
      if (lingering && now() - startedAt < STALE_NAME_GRACE_MS) return false;
      report(subject);
      return true;
    };
    if (attempt()) return;
    report(key ? { key, name: '' } : null);
    stopWatching = watchUntil(ctx, doc, attempt, RENDER_TIMEOUT_MS);
    // A same-named or same-person page may never change the DOM again: look once more after the grace.
    const retry = ctx.setTimeout(() => {
      if (stopWatching && attempt()) stopWatching();
    }, STALE_NAME_GRACE_MS + 50);
    const stop = stopWatching;
    stopWatching = () => {
      clearTimeout(retry);
      stop();
    };
  };

  return { track };
}

/** Re-runs `attempt` at most once a frame while the DOM changes, until it succeeds or time runs out. */
function watchUntil(
  ctx: ContentScriptContext,
  doc: Document,
  attempt: () => boolean,
  timeoutMs: number,
): () => void {
  let scheduled = false;
  let done = false;
  const observer = new MutationObserver(() => {
    if (scheduled || done) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      if (!done && attempt()) stop();
    });
  });
  const timer = ctx.setTimeout(() => stop(), timeoutMs);
  const stop = () => {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(stop);
  return stop;
}
