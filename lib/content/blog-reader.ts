import type { CommentSystem } from '../sites/blog/dom';
import { showsExtraCommentMarkup } from '../sites/blog/extra-markup';
import { type BlogReaders, createBlogAdapter } from '../sites/blog/reader';
import { guarded } from '../sites/reader';
import type { AuthorMatch } from '../sites/types';
import { createPartLoader } from './parts';

export type LoadExtraReaders = () => Promise<BlogReaders>;

/**
 * The blog content script's reader: the comment `systems` it carries (WordPress's) at once, and
 * the others (Blogger, microformats, microdata, JSON-LD) once a page shows their markup, when the
 * background has injected their script. Then `onGrown` is told, to read the page again with all.
 */
export function createGrowingBlogReader(
  systems: readonly CommentSystem[],
  onGrown: () => void,
  loadExtra: LoadExtraReaders = createPartLoader<BlogReaders>('blog-readers'),
) {
  const readers: BlogReaders = { systems: [...systems] };
  const findAuthors = guarded(createBlogAdapter(readers).findAuthors, () => []);
  let asked = false;

  const grow = () => {
    asked = true;
    loadExtra().then(
      (extra) => {
        readers.systems.push(...extra.systems);
        readers.jsonLd = extra.jsonLd;
        onGrown();
      },
      (error: unknown) => {
        // The next part of the page with such markup asks again.
        asked = false;
        console.warn('Acquaint could not load its blog readers.', error);
      },
    );
  };

  return {
    findAuthors(root: ParentNode, url: URL): AuthorMatch[] {
      if (!asked && showsExtraCommentMarkup(root)) grow();
      return findAuthors(root, url);
    },
  };
}
