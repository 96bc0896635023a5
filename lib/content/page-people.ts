import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { MAX_PAGE_PEOPLE } from '../messaging/limits';
import type { AuthorMatch, PersonRef, SiteId } from '../sites/types';
import { createAuthorScan } from './author-scan';

export interface PagePeopleOptions {
  site: SiteId;
  findAuthors(root: ParentNode, url: URL): AuthorMatch[];
  /** Every batch of authors found, for the health signal. */
  onAuthors?(count: number): void;
  /** The page's authors so far, in page order, each once. */
  report(people: PersonRef[]): void;
}

/**
 * The side panel's "People on this page": the authors the badges would mark, read without
 * adding anything to the page, and reported to the background, which tells the panel.
 */
export type PagePeople = ReturnType<typeof createPagePeople>;

export function createPagePeople(ctx: ContentScriptContext, options: PagePeopleOptions) {
  const scheme = `${options.site}:`;
  let people = new Map<string, PersonRef>();

  const scan = createAuthorScan(ctx, {
    findAuthors: options.findAuthors,
    onMatches(matches) {
      options.onAuthors?.(matches.length);
      const before = people.size;
      for (const { person } of matches) {
        // Only people of this site: the background refuses anyone else from its pages.
        if (people.size >= MAX_PAGE_PEOPLE || !person.key.startsWith(scheme)) continue;
        if (!people.has(person.key)) people.set(person.key, person);
      }
      if (people.size > before) options.report([...people.values()]);
    },
  });

  const clear = () => {
    const had = people.size > 0;
    people = new Map();
    if (had) options.report([]);
  };

  return {
    /** Starts over for the page at `next`. */
    track(next: URL) {
      clear();
      scan.track(next);
    },
    stop() {
      scan.stop();
      clear();
    },
  };
}
