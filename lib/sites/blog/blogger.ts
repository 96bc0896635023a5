/**
 * Blogger comments. Modern layouts (Contempo, Soho, Emporio, Notable and the threaded Simple
 * templates) put each comment in `li.comment` with the author in `.comment-header cite.user`; the
 * classic layout lists `dt.comment-author` ("Name said...") / `dd` pairs in `#comments-block`.
 * "Links to this post" (backlinks) reuse comment classes and are excluded as a region.
 */

import {
  anchorFor,
  type CommentSystem,
  hrefOf,
  isElement,
  itemsAround,
  nameLink,
  nameOf,
  ownElements,
  type ReadResult,
  skipRegion,
} from './dom';
import {
  BLOGGER_AUTHOR,
  BLOGGER_AVATAR,
  BLOGGER_CLASSIC_AUTHOR,
  BLOGGER_CLASSIC_BLOCK,
  BLOGGER_CLASSIC_BODY,
  BLOGGER_COMMENT,
  LINK,
} from './selectors';

export const blogger: CommentSystem = {
  id: 'blogger',
  items: (root) => itemsAround(root, BLOGGER_COMMENT),
  owner: (el) => el.closest(BLOGGER_COMMENT),
  read(item): ReadResult {
    const cite = ownElements(item, BLOGGER_AUTHOR, BLOGGER_COMMENT)[0];
    if (!cite) return 'unrecognised';
    const skip = skipRegion(item);
    if (skip) return skip;
    const name = nameOf(cite, BLOGGER_AVATAR);
    if (name === '') return 'no-name';
    const link = nameLink(cite, item);
    return { item, anchor: anchorFor(cite, link), name, href: hrefOf(link) };
  },
};

/**
 * "said..." in some interface languages. English is removed by cleanDisplayName; the others only
 * in the classic layout's header, after an unlinked name, where Blogger prints them.
 */
const SAID_LABEL = new RegExp(
  String.raw`\s+(?:dijo|disse|a dit|hat gesagt|schrieb|ha detto|zei|sade|sagde|skrev|sa|` +
    String.raw`kirjoitti|dedi|napisał|napisała|napsal|napísal|написал|написала)\s*(?:\.\.\.|…|:)$`,
  'iu',
);

/** The header a classic `dd` (comment body or footer) belongs to: the nearest `dt` before it. */
function classicHeaderOf(root: Element): Element | null {
  const dd = root.closest(BLOGGER_CLASSIC_BODY);
  if (!dd?.parentElement?.closest(BLOGGER_CLASSIC_BLOCK)) return null;
  for (let el = dd.previousElementSibling; el; el = el.previousElementSibling) {
    if (el.matches(BLOGGER_CLASSIC_AUTHOR)) return el;
  }
  return null;
}

/** The name link in a classic header: not the avatar's link, not the `<a name>` jump target. */
function classicLink(header: Element): Element | null {
  return (
    Array.from(header.querySelectorAll(LINK)).find(
      (a) => a.closest(BLOGGER_AVATAR) === null && nameOf(a) !== '',
    ) ?? null
  );
}

export const bloggerClassic: CommentSystem = {
  id: 'blogger-classic',
  items(root) {
    const items = itemsAround(root, BLOGGER_CLASSIC_AUTHOR);
    const header = isElement(root) && items.length === 0 ? classicHeaderOf(root) : null;
    return header ? [header] : items;
  },
  owner: (el) => el.closest(BLOGGER_CLASSIC_AUTHOR),
  read(header): ReadResult {
    const skip = skipRegion(header);
    if (skip) return skip;
    const link = classicLink(header);
    if (link) {
      const name = nameOf(link);
      return name === '' ? 'no-name' : { item: header, anchor: link, name, href: hrefOf(link) };
    }
    const name = nameOf(header, BLOGGER_AVATAR).replace(SAID_LABEL, '');
    return name === '' ? 'no-name' : { item: header, anchor: header, name, href: null };
  },
};
