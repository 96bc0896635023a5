import { normalizeText, readDisplayName } from '../text';
import { traceSite } from '../trace';
import type { AuthorMatch, SitePages } from '../types';
import { textNodes } from './name-block';
import { LINK, QUOTED_TWEET, TWEET, TWEET_USER_NAME } from './selectors';
import {
  isXHost,
  xHandleFromAtText,
  xKeyFromUrl,
  xPageKind,
  xProfileKey,
  xProfileUrl,
} from './urls';

const ELEMENT_NODE = 1;
const DOCUMENT_POSITION_FOLLOWING = 4;

interface Skipped {
  quoted: number;
  noAuthorLink: number;
  unnamed: number;
}

/** Whether a name block belongs to a post quoted inside `tweet` rather than to `tweet` itself. */
function isQuoted(block: Element, tweet: Element): boolean {
  const card = block.closest(QUOTED_TWEET);
  return card !== null && card !== tweet && tweet.contains(card);
}

/**
 * The name shown in an author link. Should a link hold the "@handle" as well, that text is left
 * out, unless it is all the link shows (a display name may look like a handle).
 */
function linkName(link: Element, handle: string): string {
  // Without an "@" anywhere in it, no text node of the link can be the handle.
  if (!(link.textContent ?? '').includes('@')) return readDisplayName(link);
  const handleNodes = new Set(
    textNodes(link).filter((n) => xHandleFromAtText(normalizeText(n.nodeValue ?? '')) === handle),
  );
  const name = readDisplayName(link, (n) => handleNodes.has(n));
  return name !== '' || handleNodes.size === 0 ? name : readDisplayName(link);
}

/**
 * A post's author: the first link to an account in its first `User-Name` block outside any
 * quoted post. Socialcontext ("… reposted"), "Replying to" and mentions are outside that block.
 */
function tweetAuthor(tweet: Element, url: URL, skipped: Skipped): AuthorMatch | null {
  const block = Array.from(tweet.querySelectorAll(TWEET_USER_NAME)).find(
    (b) => b.closest(TWEET) === tweet && !isQuoted(b, tweet),
  );
  if (!block) {
    skipped.noAuthorLink += 1;
    return null;
  }
  for (const link of Array.from(block.querySelectorAll(LINK))) {
    const key = xKeyFromUrl(link.getAttribute('href') ?? '', url);
    if (key === null) continue;
    const name = linkName(link, key.slice('x:'.length));
    if (name === '') {
      skipped.unnamed += 1;
      return null;
    }
    return { person: { key, name, url: xProfileUrl(key) }, anchor: link };
  }
  skipped.noAuthorLink += 1;
  return null;
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === ELEMENT_NODE;
}

function findAuthors(root: ParentNode, url: URL): AuthorMatch[] {
  const skipped: Skipped = { quoted: 0, noAuthorLink: 0, unnamed: 0 };
  const tweets = Array.from(root.querySelectorAll(TWEET));
  // The post root is part of, when the page has just rendered a piece of one.
  const container = isElement(root) ? root.closest(TWEET) : null;
  if (container) tweets.unshift(container);
  const matches: AuthorMatch[] = [];
  const anchors = new Set<Element>();
  for (const tweet of tweets) {
    // Old layouts render a quoted post as a post inside the post.
    if (tweet.parentElement?.closest(TWEET)) {
      skipped.quoted += 1;
      continue;
    }
    const match = tweetAuthor(tweet, url, skipped);
    if (!match || anchors.has(match.anchor)) continue;
    anchors.add(match.anchor);
    matches.push(match);
  }
  matches.sort((a, b) =>
    a.anchor === b.anchor
      ? 0
      : a.anchor.compareDocumentPosition(b.anchor) & DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
  traceSite('x', () => {
    // Counted only when tracing: a quote's name block is never visited to find an author.
    const quotes = tweets.filter((tweet) =>
      Array.from(tweet.querySelectorAll(TWEET_USER_NAME)).some((b) => isQuoted(b, tweet)),
    ).length;
    return (
      `${matches.length} authors found in ${tweets.length} posts; skipped ` +
      `${skipped.quoted + quotes} quoted posts, ${skipped.noAuthorLink} posts without an ` +
      `author link, ${skipped.unnamed} without a name`
    );
  });
  return matches;
}

/** X's pages and their authors; who a profile is about is in subject.ts. */
export const xPages: SitePages = {
  id: 'x',
  label: 'X',
  matchesHost: (url) => isXHost(url.hostname),
  pageKind: xPageKind,
  expectsSubject: (url) => xProfileKey(url) !== null,
  subjectKey: xProfileKey,
  findAuthors,
};
