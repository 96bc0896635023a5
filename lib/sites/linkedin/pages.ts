import { firstTextLine, hasVisibleText, isScreenReaderOnly, readDisplayName } from '../text';
import { traceSite } from '../trace';
import type { AuthorMatch, SitePages } from '../types';
import {
  ACTOR_NAMES,
  ANY_ACTOR,
  ANY_ITEM,
  COMMENT_ACTOR,
  COMMENT_ITEM,
  ENTITY_LINK,
  FEED_ACTOR,
  FEED_ITEM,
  MESSAGE_ACTOR,
  MESSAGE_ITEM,
  NOT_AUTHOR_ZONE,
  POST_ACTOR,
  POST_ITEM,
} from './selectors';
import {
  isLinkedInHost,
  type LinkedInEntity,
  linkedInEntity,
  linkedInKeyFromUrl,
  linkedInPageKind,
  linkedInProfileKey,
  linkedInProfileUrl,
} from './urls';

const ELEMENT_NODE = 1;
const DOCUMENT_POSITION_FOLLOWING = 4;

interface Scan {
  url: URL;
  /** Items this page can have: messages only on a messaging page (not the chat overlay). */
  items: string;
  actors: string;
  /** Each item's author link (memo); null when it names none. */
  authorLinks: Map<Element, Element | null>;
  /** Each actor block's name link (memo). */
  actorLinks: Map<Element, Element | null>;
  /** Each item's author link once quoted originals are left out (memo). */
  resolved: Map<Element, Element | null>;
  /** What each author link reads as (memo), so a link met twice is read and counted once. */
  matches: Map<Element, AuthorMatch | null>;
  /** What each link points at (memo): a link is met once per actor block and avatar row. */
  entities: Map<Element, LinkedInEntity | null>;
  /** Whether each link shows text (memo). */
  visible: Map<Element, boolean>;
  skipped: { noActor: number; organization: number; embedded: number; unnamed: number };
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === ELEMENT_NODE;
}

function ownerOf(el: Element, scan: Scan): Element | null {
  return el.closest(scan.items);
}

function inNotAuthorZone(el: Element): boolean {
  return el.closest(NOT_AUTHOR_ZONE) !== null;
}

function actorsOf(item: Element): string {
  if (item.matches(COMMENT_ITEM)) return COMMENT_ACTOR;
  if (item.matches(MESSAGE_ITEM)) return MESSAGE_ACTOR;
  return POST_ACTOR;
}

/** `read(el)`, worked out once per scan: kept in `memo`. */
function remembered<V>(memo: Map<Element, V>, el: Element, read: (el: Element) => V): V {
  if (memo.has(el)) return memo.get(el) as V;
  const value = read(el);
  memo.set(el, value);
  return value;
}

function entityOf(link: Element, scan: Scan): LinkedInEntity | null {
  return remembered(scan.entities, link, (l) =>
    linkedInEntity(l.getAttribute('href') ?? '', scan.url),
  );
}

function showsText(link: Element, scan: Scan): boolean {
  return remembered(scan.visible, link, hasVisibleText);
}

function entityId(link: Element, scan: Scan): string | null {
  return entityOf(link, scan)?.id ?? null;
}

/** A link that may name the author: to a member or organisation, and not in a mention or header. */
function isActorLink(link: Element, owner: Element | null, scan: Scan): boolean {
  return (
    entityId(link, scan) !== null &&
    showsText(link, scan) &&
    ownerOf(link, scan) === owner &&
    !inNotAuthorZone(link)
  );
}

/** How far above an avatar link its name link may sit (the avatar and the name share a row). */
const AVATAR_TO_NAME_LEVELS = 4;

/**
 * The name link of an actor block: the block itself or a link in it that shows text, or, for an
 * avatar link, the nearest link to the same member that shows text.
 */
function actorLink(actor: Element, scan: Scan): Element | null {
  return remembered(scan.actorLinks, actor, (a) => findActorLink(a, scan));
}

function findActorLink(actor: Element, scan: Scan): Element | null {
  const owner = ownerOf(actor, scan);
  const links = Array.from(actor.querySelectorAll(ENTITY_LINK));
  if (actor.matches(ENTITY_LINK)) links.unshift(actor);
  const named = links.find((link) => isActorLink(link, owner, scan));
  if (named) return named;
  const id = links.map((link) => entityId(link, scan)).find((i) => i !== null);
  if (id === undefined) return null;
  let level: Element | null = actor.parentElement;
  for (let depth = 0; level && depth < AVATAR_TO_NAME_LEVELS; depth++) {
    const near = Array.from(level.querySelectorAll(ENTITY_LINK)).find(
      (link) => entityId(link, scan) === id && isActorLink(link, owner, scan),
    );
    if (near) return near;
    if (level === owner) break;
    level = level.parentElement;
  }
  return null;
}

/** The first actor block of the item's own (not in a nested item, header or reshared original). */
function ownAuthorLink(item: Element, scan: Scan): Element | null {
  return remembered(scan.authorLinks, item, (i) => findOwnAuthorLink(i, scan));
}

function findOwnAuthorLink(item: Element, scan: Scan): Element | null {
  let found: Element | null = null;
  for (const actor of Array.from(item.querySelectorAll(actorsOf(item)))) {
    if (ownerOf(actor, scan) !== item || inNotAuthorZone(actor)) continue;
    found = actorLink(actor, scan);
    if (found) break;
  }
  // A comment or message in markup this reader does not know: its first own name link, which
  // comes before its text.
  if (!found && !item.matches(POST_ITEM)) {
    found =
      Array.from(item.querySelectorAll(ENTITY_LINK)).find((link) =>
        isActorLink(link, item, scan),
      ) ?? null;
  }
  return found;
}

/** A post inside another post that has its own author is a quoted original, not authored here. */
function isEmbeddedPost(item: Element, scan: Scan): boolean {
  if (!item.matches(POST_ITEM)) return false;
  if (inNotAuthorZone(item)) return true;
  for (let outer = item.parentElement?.closest(POST_ITEM); outer;) {
    if (ownAuthorLink(outer, scan) !== null) return true;
    outer = outer.parentElement?.closest(POST_ITEM);
  }
  return false;
}

/** The item's author link, unless it names none or the item is a quoted original. */
function authorLink(item: Element, scan: Scan): Element | null {
  return remembered(scan.resolved, item, (i) => resolveAuthorLink(i, scan));
}

function resolveAuthorLink(item: Element, scan: Scan): Element | null {
  let link = ownAuthorLink(item, scan);
  if (link === null) {
    // A wrapper around another item (the classic feed nests a post in two or three, a message
    // list item holds the message) is not an item missing its author.
    if (!item.querySelector(scan.items)) scan.skipped.noActor += 1;
  } else if (isEmbeddedPost(item, scan)) {
    scan.skipped.embedded += 1;
    link = null;
  }
  return link;
}

/** The visible name inside an author link: a known name element, or the link's first line. */
function nameElement(link: Element): Element {
  for (const selector of ACTOR_NAMES) {
    for (const el of Array.from(link.querySelectorAll(selector))) {
      if (!isScreenReaderOnly(el) && readDisplayName(el) !== '') return el;
    }
  }
  return firstTextLine(link);
}

function matchFor(link: Element, scan: Scan): AuthorMatch | null {
  return remembered(scan.matches, link, (l) => readMatch(l, scan));
}

function readMatch(link: Element, scan: Scan): AuthorMatch | null {
  const href = link.getAttribute('href') ?? '';
  if (entityOf(link, scan)?.kind === 'organization') {
    scan.skipped.organization += 1;
    return null;
  }
  const key = linkedInKeyFromUrl(href, scan.url);
  if (key === null) return null;
  const anchor = nameElement(link);
  const name = readDisplayName(anchor);
  if (name === '') {
    scan.skipped.unnamed += 1;
    return null;
  }
  return { person: { key, name, url: linkedInProfileUrl(key) }, anchor };
}

function inDocumentOrder(matches: AuthorMatch[]): AuthorMatch[] {
  return matches.sort((a, b) => {
    if (a.anchor === b.anchor) return 0;
    return a.anchor.compareDocumentPosition(b.anchor) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

function findAuthors(root: ParentNode, url: URL): AuthorMatch[] {
  const kind = linkedInPageKind(url);
  const messaging = kind === 'messaging';
  const scan: Scan = {
    url,
    items: messaging ? ANY_ITEM : FEED_ITEM,
    actors: messaging ? ANY_ACTOR : FEED_ACTOR,
    authorLinks: new Map(),
    actorLinks: new Map(),
    resolved: new Map(),
    matches: new Map(),
    entities: new Map(),
    visible: new Map(),
    skipped: { noActor: 0, organization: 0, embedded: 0, unnamed: 0 },
  };
  const byAnchor = new Map<Element, AuthorMatch>();
  const add = (link: Element | null) => {
    const match = link && matchFor(link, scan);
    if (match && !byAnchor.has(match.anchor)) byAnchor.set(match.anchor, match);
  };

  // The items inside root; or, when root is a piece of one item (the page rendered part of it),
  // that item.
  const items = Array.from(root.querySelectorAll(scan.items));
  const container = items.length === 0 && isElement(root) ? root.closest(scan.items) : null;
  if (container) items.push(container);
  for (const item of items) add(authorLink(item, scan));

  // Actor blocks in root that the items above do not account for: an item's author rendered
  // after the item, comments and replies in containers this reader does not recognise, and
  // items outside any known container.
  const actors = Array.from(root.querySelectorAll(scan.actors));
  const around = isElement(root) ? root.closest(scan.actors) : null;
  if (around) actors.unshift(around);
  for (const actor of actors) {
    if (inNotAuthorZone(actor)) continue;
    const link = actorLink(actor, scan);
    const owner = ownerOf(actor, scan);
    if (link === null) continue;
    if (owner === null || link === authorLink(owner, scan)) {
      add(link);
    } else if (actor.matches(COMMENT_ACTOR) && !owner.matches(MESSAGE_ITEM)) {
      // A reply (or a comment) whose own container is not recognised: it still has an author.
      add(link);
    }
  }

  const matches = inDocumentOrder(Array.from(byAnchor.values()));
  traceSite('linkedin', () => {
    const { noActor, organization, embedded, unnamed } = scan.skipped;
    return (
      `${matches.length} authors found in ${items.length} items (${kind ?? 'other'} page); ` +
      `skipped ${noActor} with no author link, ${organization} by organisations, ` +
      `${embedded} reshared originals, ${unnamed} unnamed`
    );
  });
  return matches;
}

/** LinkedIn's pages and their authors; who a page is about is in subject.ts. */
export const linkedInPages: SitePages = {
  id: 'linkedin',
  label: 'LinkedIn',
  matchesHost: (url) => isLinkedInHost(url.hostname),
  pageKind: linkedInPageKind,
  expectsSubject(url: URL): boolean {
    const kind = linkedInPageKind(url);
    return kind === 'profile' || kind === 'messaging';
  },
  subjectKey: linkedInProfileKey,
  findAuthors,
};
