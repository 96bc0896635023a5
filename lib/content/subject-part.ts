import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createSiteReader, type ReadableSite } from '../sites/reader';
import type { PersonRef, SiteSubjects } from '../sites/types';
import { createSubjectTracker } from './subject-tracker';

/** Each new reading of the page's subject, with the other keys the page shows for its account. */
export type OnSubject = (subject: PersonRef | null, aliases: string[]) => void;

export interface SubjectTracker {
  track(url: URL): void;
}

/**
 * What a site's subject part (entrypoints/<site>-subject.content) brings its content script: the
 * site's subject reader with the tracker that follows it, over the pages the content script knows.
 */
export type SubjectPart = (
  ctx: ContentScriptContext,
  pages: ReadableSite,
  onSubject: OnSubject,
) => SubjectTracker;

export function subjectPart(subjects: SiteSubjects): SubjectPart {
  return (ctx, pages, onSubject) => {
    const reader = createSiteReader([{ ...pages, ...subjects }]);
    return createSubjectTracker(ctx, {
      reader,
      onSubject(next) {
        const aliases = next?.name
          ? reader.readSubjectAliases(document, new URL(location.href))
          : [];
        onSubject(next, aliases);
      },
    });
  };
}
