import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { readSubject, subjectKeyFromUrl } from '../sites';
import { samePersonRef } from '../sites/person-ref';
import type { PersonRef } from '../sites/types';

/** How long to wait for a single-page app to render a profile's name before giving up on it. */
const RENDER_TIMEOUT_MS = 20_000;
/** After navigating between two profiles, how long the previous name may linger before it is believed. */
const STALE_NAME_GRACE_MS = 2_500;

export interface SubjectTrackerOptions {
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
    const key = subjectKeyFromUrl(url);
    if (!key) {
      report(null);
      return;
    }
    const startedAt = now();
    const previous = lastNamed;
    const attempt = (): boolean => {
      const subject = readSubject(doc, url);
      if (!subject || subject.key !== key || !subject.name) return false;
      // The app changes the URL before it swaps the header: the old person's name is not the new one's.
      const lingering = previous && previous.key !== key && previous.name === subject.name;
      if (lingering && now() - startedAt < STALE_NAME_GRACE_MS) return false;
      report(subject);
      return true;
    };
    if (attempt()) return;
    report({ key, name: '' });
    stopWatching = watchUntil(ctx, doc, attempt, RENDER_TIMEOUT_MS);
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
