/**
 * microformats2 comments (IndieWeb sites, webmention displays): an `h-entry` or `h-cite` that is a
 * comment (`p-comment`/`u-comment`, class `comment`, or inside a comment thread) with its own
 * `p-author h-card` (`p-name`, `u-url`). The post's own `p-author` is not in a comment, so it never
 * counts; nor do h-cites quoted inside a comment's text, likes, reposts and replied-to posts.
 */

import {
  anchorFor,
  type CommentSystem,
  hrefOf,
  itemsAround,
  nameLink,
  nameOf,
  ownElements,
  ownerOf,
  type ReadResult,
  skipRegion,
} from './dom';
import {
  LINK,
  MF_AUTHOR,
  MF_CARD,
  MF_COMMENT,
  MF_CONTENT,
  MF_ENTRY,
  MF_NAME,
  MF_URL,
} from './selectors';

/** An h-cite inside a comment's text is a quotation of someone else. */
function isQuotation(item: Element): boolean {
  const content = ownerOf(item, MF_CONTENT);
  return content !== null && content.closest(MF_COMMENT) !== null;
}

/** The h-card's own name: its `p-name`, or (implied name) the card's text. */
function cardName(card: Element): Element {
  if (card.matches(MF_NAME)) return card;
  return ownElements(card, MF_NAME, MF_CARD)[0] ?? card;
}

/** The h-card's own `u-url`, or the card itself when it is a link (implied url). */
function cardLink(card: Element, nameEl: Element): Element | null {
  if (card.matches(MF_URL)) return card;
  const own = ownElements(card, MF_URL, MF_CARD)[0];
  if (own) return own;
  if (card.matches(LINK)) return card;
  return nameLink(nameEl, card);
}

export const microformats: CommentSystem = {
  id: 'microformats',
  items: (root) => itemsAround(root, MF_COMMENT),
  owner: (el) => el.closest(MF_COMMENT),
  read(item): ReadResult {
    const author = ownElements(item, MF_AUTHOR, MF_ENTRY)[0];
    if (!author) return 'unrecognised';
    const skip = skipRegion(item) ?? (isQuotation(item) ? 'not-authored' : null);
    if (skip) return skip;
    const isCard = author.matches(MF_CARD);
    const nameEl = isCard ? cardName(author) : author;
    const name = nameOf(nameEl);
    if (name === '') return 'no-name';
    const link = isCard ? cardLink(author, nameEl) : nameLink(author, item);
    return { item, anchor: anchorFor(nameEl, link), name, href: hrefOf(link) };
  },
};
