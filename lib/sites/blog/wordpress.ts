/**
 * WordPress comments: the classic Walker_Comment markup (HTML5 `article.comment-body` and the older
 * XHTML `div.comment-author.vcard` with `cite.fn`), Kubrick-era `ol.commentlist > li > cite`, and
 * block themes (`.wp-block-comment-author-name`). Engines with the same shape (Drupal's
 * `.comment__author`, Isso's `.isso-author`) are read the same way.
 */

import {
  anchorFor,
  type CommentSystem,
  hrefOf,
  itemsAround,
  nameLink,
  nameOf,
  ownElements,
  type ReadResult,
  skipRegion,
} from './dom';
import {
  COMMENT_TEXT,
  WP_AUTHOR_NAME_LIST,
  WP_AUTHOR_NAMES,
  WP_COMMENT,
  WP_NAME_NOISE,
  WP_PING,
} from './selectors';

/** Drupal prints this after an anonymous commenter's name; it is not part of the name. */
const NOT_VERIFIED = /\s*\((?:not verified)\)$/i;

/**
 * The comment's own name element. A name-like element in the comment's text (a quotation, a
 * CommentLuv block) is taken only when the comment shows no other.
 */
function authorElement(item: Element): Element | null {
  const own = ownElements(item, WP_AUTHOR_NAMES, WP_COMMENT);
  for (const selector of WP_AUTHOR_NAME_LIST) {
    const matching = own.filter((el) => el.matches(selector));
    const outsideText = matching.find((el) => {
      const text = el.closest(COMMENT_TEXT);
      return text === null || !item.contains(text) || text === item;
    });
    const found = outsideText ?? matching[0];
    if (found) return found;
  }
  // Kubrick (WordPress 2.0–2.6): `<li id="comment-1"><cite><a class="url">Name</a></cite> Says:`.
  return (
    Array.from(item.children).find((child) => child.localName.toLowerCase() === 'cite') ?? null
  );
}

export const wordpress: CommentSystem = {
  id: 'wordpress',
  items: (root) => itemsAround(root, WP_COMMENT),
  owner: (el) => el.closest(WP_COMMENT),
  read(item): ReadResult {
    if (item.matches(WP_PING)) return 'not-authored';
    const nameEl = authorElement(item);
    if (!nameEl) return 'unrecognised';
    const skip = skipRegion(item);
    if (skip) return skip;
    const name = nameOf(nameEl, WP_NAME_NOISE).replace(NOT_VERIFIED, '');
    if (name === '') return 'no-name';
    const link = nameLink(nameEl, item);
    return { item, anchor: anchorFor(nameEl, link), name, href: hrefOf(link) };
  },
};
