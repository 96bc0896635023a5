/**
 * schema.org microdata comments: `itemscope itemtype=".../Comment"` (or the older UserComments)
 * with `itemprop="author"` (`creator`), usually an `itemtype=".../Person"` item with its own
 * `itemprop="name"` and `itemprop="url"`.
 */

import {
  anchorFor,
  attributeName,
  type CommentSystem,
  hrefOf,
  isElement,
  nameLink,
  nameOf,
  ownElements,
  type ReadResult,
  skipRegion,
} from './dom';
import {
  ANY_ELEMENT,
  LINK,
  MICRODATA_AUTHOR,
  MICRODATA_ITEM,
  MICRODATA_NAME,
  MICRODATA_TYPED,
  MICRODATA_URL,
} from './selectors';

/** `itemtype` holds URLs; one of them must be schema.org's Comment (or UserComments). */
const COMMENT_TYPE = /^https?:\/\/schema\.org\/(?:Comment|UserComments)$/;

function isCommentItem(item: Element): boolean {
  if (!item.hasAttribute('itemscope')) return false;
  return (item.getAttribute('itemtype') ?? '').split(/\s+/).some((t) => COMMENT_TYPE.test(t));
}

/** The innermost Comment item that is `el` or contains it. */
function commentAround(el: Element): Element | null {
  for (let typed = el.closest(MICRODATA_TYPED); typed;) {
    if (isCommentItem(typed)) return typed;
    typed = typed.parentElement?.closest(MICRODATA_TYPED) ?? null;
  }
  return null;
}

/** Comment items that are `root`, lie in it, or (innermost) contain it. */
function commentItems(root: ParentNode): Element[] {
  const around = isElement(root) ? commentAround(root) : null;
  const inside = Array.from(root.querySelectorAll(MICRODATA_TYPED)).filter(isCommentItem);
  return around ? [around, ...inside] : inside;
}

/** Elements whose microdata value is an attribute, not their text. */
const CONTENT_ATTRIBUTE: Record<string, string> = { meta: 'content', data: 'value' };

/** A property's URL value: a link's href, a `<meta content>`, or null. */
function urlValue(el: Element): string | null {
  if (el.matches(LINK) || el.localName.toLowerCase() === 'link') return hrefOf(el);
  const attribute = CONTENT_ATTRIBUTE[el.localName.toLowerCase()];
  return attribute ? el.getAttribute(attribute) : null;
}

/** The author's shown name element, or its name as an attribute (`<meta itemprop="name">`). */
function readName(author: Element): { nameEl: Element; name: string } {
  const isItem = author.hasAttribute('itemscope');
  const nameEl = isItem ? ownElements(author, MICRODATA_NAME, MICRODATA_ITEM)[0] : undefined;
  if (!nameEl) return { nameEl: author, name: nameOf(author) };
  const attribute = CONTENT_ATTRIBUTE[nameEl.localName.toLowerCase()];
  if (!attribute) return { nameEl, name: nameOf(nameEl) };
  const name = attributeName(nameEl, attribute);
  // The badge goes on the element showing that name, when the author shows it.
  const shown = Array.from(author.querySelectorAll(ANY_ELEMENT)).find((el) => nameOf(el) === name);
  return { nameEl: shown ?? author, name };
}

function readLink(author: Element, nameEl: Element): { link: Element | null; href: string | null } {
  const urlEl = author.hasAttribute('itemscope')
    ? ownElements(author, MICRODATA_URL, MICRODATA_ITEM)[0]
    : undefined;
  if (urlEl) {
    // A visible link is a better anchor than a <meta>/<link> that only carries the address.
    const visible = urlEl.matches(LINK) ? urlEl : null;
    return { link: visible, href: urlValue(urlEl) };
  }
  const link = author.matches(LINK) ? author : nameLink(nameEl, author);
  return { link, href: hrefOf(link) };
}

export const microdata: CommentSystem = {
  id: 'microdata',
  items: commentItems,
  owner: commentAround,
  read(item): ReadResult {
    const author = ownElements(item, MICRODATA_AUTHOR, MICRODATA_ITEM)[0];
    if (!author) return 'unrecognised';
    const skip = skipRegion(item);
    if (skip) return skip;
    const { nameEl, name } = readName(author);
    if (name === '') return 'no-name';
    const { link, href } = readLink(author, nameEl);
    return { item, anchor: anchorFor(nameEl, link), name, href };
  },
};
