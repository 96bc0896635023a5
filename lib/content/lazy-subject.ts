import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { ReadableSite } from '../sites/reader';
import type { OnSubject, SubjectPart, SubjectTracker } from './subject-part';

/**
 * Follows the page's subject, with the subject reader loaded on the first page that has one
 * (issue 6: each content script ≤ 8 KB gzipped): a feed or a timeline never needs it. Until then
 * a page without a subject is reported once as showing nobody.
 */
export function createLazySubjectTracker(
  ctx: ContentScriptContext,
  pages: ReadableSite,
  onSubject: OnSubject,
  load: () => Promise<SubjectPart>,
): SubjectTracker {
  let tracker: SubjectTracker | undefined;
  let loading = false;
  /** The address to follow once the reader has loaded: the latest one asked about. */
  let waiting: URL | undefined;
  let reportedNobody = false;

  const loadTracker = () => {
    loading = true;
    load().then(
      (create) => {
        loading = false;
        if (!ctx.isValid) return;
        tracker = create(ctx, pages, onSubject);
        if (waiting) tracker.track(waiting);
        waiting = undefined;
      },
      (error: unknown) => {
        // The next subject page asks again.
        loading = false;
        if (ctx.isValid) console.warn('Acquaint could not load its subject reader.', error);
      },
    );
  };

  return {
    track(url) {
      if (tracker) {
        tracker.track(url);
        return;
      }
      if (!pages.expectsSubject(url)) {
        waiting = undefined;
        if (!reportedNobody) onSubject(null, []);
        reportedNobody = true;
        return;
      }
      waiting = url;
      if (!loading) loadTracker();
    },
  };
}
