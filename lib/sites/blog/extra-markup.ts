import { isElement } from './dom';
import { EXTRA_COMMENT_MARKUP } from './selectors';

/**
 * Whether `root` (the document, or a part the page just added) is, holds or lies in markup of a
 * comment system after WordPress: only then can the extra readers find anyone there.
 */
export function showsExtraCommentMarkup(root: ParentNode): boolean {
  if (isElement(root) && root.closest(EXTRA_COMMENT_MARKUP) !== null) return true;
  return root.querySelector(EXTRA_COMMENT_MARKUP) !== null;
}
