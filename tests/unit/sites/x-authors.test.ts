import { findAuthors, readPage } from '../../../lib/sites/index';
import { isScreenReaderOnly, readDisplayName } from '../../../lib/sites/text';
import { setSiteTracer } from '../../../lib/sites/trace';
import type { AuthorMatch } from '../../../lib/sites/types';
import { xAdapter } from '../../../lib/sites/x/adapter';
import profileHtml from '../../fixtures/x/profile.html?raw';
import statusHtml from '../../fixtures/x/status.html?raw';
import timelineHtml from '../../fixtures/x/timeline.html?raw';
import quoteStatusHtml from '../../fixtures/x-variants/status-quote-reply-promoted.html?raw';
import mobileHtml from '../../fixtures/x-variants/timeline-mobile-who-to-follow.html?raw';

const HOME = new URL('https://x.com/home');
const MOBILE_HOME = new URL('https://mobile.twitter.com/home');
const STATUS = new URL('https://x.com/harperzell/status/1801234567890123456');
const QUOTE_STATUS = new URL('https://x.com/odette_ray/status/1803000000000000001');
const PROFILE = new URL('https://x.com/PipWellings');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const keys = (matches: AuthorMatch[]) => matches.map((m) => m.person.key);

function tweets(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('article[data-testid="tweet"]'));
}

/** The badge goes beside the name link a reader sees: never the avatar, never the @handle. */
function expectNameLink(match: AuthorMatch) {
  const { anchor, person } = match;
  expect(anchor.localName).toBe('a');
  expect(anchor.querySelector('img:not([alt])')).toBeNull();
  expect(anchor.getAttribute('aria-hidden')).not.toBe('true');
  for (let el: Element | null = anchor; el; el = el.parentElement) {
    expect(isScreenReaderOnly(el)).toBe(false);
  }
  expect(anchor.getAttribute('href')?.toLowerCase()).toBe(`/${person.key.slice(2)}`);
  expect(readDisplayName(anchor)).toBe(person.name);
  expect(readDisplayName(anchor)).not.toMatch(/^@/);
}

describe('X page kinds', () => {
  it.each([
    ['https://x.com/home', 'timeline', false, null],
    ['https://x.com/', 'timeline', false, null],
    ['https://x.com/explore', 'timeline', false, null],
    ['https://x.com/search?q=meetup&f=live', 'timeline', false, null],
    ['https://x.com/hashtag/SmallRooms', 'timeline', false, null],
    ['https://x.com/i/lists/1600000000000000000', 'timeline', false, null],
    ['https://x.com/i/bookmarks', 'timeline', false, null],
    ['https://x.com/notifications', 'timeline', false, null],
    ['https://mobile.twitter.com/home', 'timeline', false, null],
    ['https://x.com/PipWellings', 'profile', true, 'x:pipwellings'],
    ['https://twitter.com/PipWellings/with_replies', 'profile', true, 'x:pipwellings'],
    ['https://mobile.x.com/odette_ray/media', 'profile', true, 'x:odette_ray'],
    ['https://x.com/harperzell/status/1801234567890123456', 'status', false, null],
    [
      'https://mobile.twitter.com/harperzell/status/1801234567890123456/photo/1',
      'status',
      false,
      null,
    ],
    ['https://twitter.com/i/web/status/1801234567890123456', 'status', false, null],
    ['https://x.com/settings/account', null, false, null],
    ['https://x.com/messages/123-456', null, false, null],
    ['https://x.com/i/flow/login', null, false, null],
    ['https://x.com/compose/post', null, false, null],
    ['https://x.com/i/grok', null, false, null],
    ['https://x.com.evil.example/home', null, false, null],
  ] as const)('%s is %s', (href, kind, expects, key) => {
    const url = new URL(href);
    expect(xAdapter.pageKind(url)).toBe(kind);
    expect(xAdapter.expectsSubject(url)).toBe(expects);
    expect(xAdapter.subjectKey(url)).toBe(key);
  });
});

describe('X authors in a part of the page', () => {
  it('reads one added post: its author, not the reposter in the socialContext header', () => {
    const doc = parse(timelineHtml);
    const repost = tweets(doc)[1] as Element;
    const matches = findAuthors(repost, HOME);
    expect(keys(matches)).toEqual(['x:quintamarsh']);
    expectNameLink(matches[0] as AuthorMatch);
  });

  it('reads a timeline cell that wraps a post, and a promoted one', () => {
    const doc = parse(timelineHtml);
    const cells = doc.querySelectorAll('[data-testid="cellInnerDiv"]');
    expect(keys(findAuthors(cells[0] as Element, HOME))).toEqual(['x:larkfenwood']);
    const promoted = doc.querySelector('[data-testid="placementTracking"]') as Element;
    const ad = findAuthors(promoted, HOME);
    expect(keys(ad)).toEqual(['x:brightmugcoffee']);
    expect(ad[0]?.person.name).toBe('Brightmug Coffee');
  });

  it('reads a wrapper holding several posts, in document order', () => {
    const doc = parse(timelineHtml);
    const region = doc.querySelector('[aria-label="Timeline: Your Home Timeline"]') as Element;
    const matches = findAuthors(region, HOME);
    expect(keys(matches)).toEqual([
      'x:larkfenwood',
      'x:quintamarsh',
      'x:tobinash',
      'x:brightmugcoffee',
      'x:larkfenwood',
    ]);
    for (const match of matches) expectNameLink(match);
    expect(matches[2]?.person.name).toBe('Tobin Ashgrove 🦊');
  });

  it('gives the post’s author for an element inside it, never a quoted or mentioned account', () => {
    const doc = parse(timelineHtml);
    const withQuote = tweets(doc)[2] as Element;
    const quoteCard = withQuote.querySelector('div[role="link"]') as Element;
    const quotedText = quoteCard.querySelector('[data-testid="tweetText"]') as Element;
    expect(keys(findAuthors(quoteCard, HOME))).toEqual(['x:tobinash']);
    expect(keys(findAuthors(quotedText, HOME))).toEqual(['x:tobinash']);
    const mention = doc.querySelector(
      '[data-testid="tweetText"] a[href="/PipWellings"]',
    ) as Element;
    expect(keys(findAuthors(mention, HOME))).toEqual(['x:larkfenwood']);
    const reposter = doc.querySelector('[data-testid="socialContext"]') as Element;
    expect(keys(findAuthors(reposter, HOME))).toEqual(['x:quintamarsh']);
  });

  it('finds nothing in a post whose author link has not rendered yet', () => {
    const doc = parse(timelineHtml);
    const tweet = tweets(doc)[0] as Element;
    for (const link of Array.from(tweet.querySelectorAll('[data-testid="User-Name"] a'))) {
      link.replaceWith(...Array.from(link.childNodes));
    }
    const text = tweet.querySelector('[data-testid="tweetText"]') as Element;
    expect(findAuthors(text, HOME)).toEqual([]);
    expect(findAuthors(tweet, HOME)).toEqual([]);
  });

  it('skips "Replying to" links in a conversation and reads the focused post', () => {
    const doc = parse(statusHtml);
    const replyingTo = Array.from(doc.querySelectorAll('a[href="/marlovenn"]')).find(
      (a) => a.textContent === '@marlovenn' && !a.closest('[data-testid="User-Name"]'),
    ) as Element;
    expect(replyingTo.parentElement?.textContent).toMatch(/^Replying to/);
    expect(keys(findAuthors(replyingTo, STATUS))).toEqual(['x:harperzell']);
    expect(keys(findAuthors(tweets(doc)[0] as Element, STATUS))).toEqual(['x:harperzell']);
  });

  it('counts no one in "Who to follow" cells, tombstones or the viewer’s navigation', () => {
    const doc = parse(mobileHtml);
    const cells = Array.from(doc.querySelectorAll('[data-testid="cellInnerDiv"]'));
    const users = cells.filter((c) => c.querySelector('[data-testid="UserCell"]'));
    expect(users).toHaveLength(2);
    for (const cell of users) expect(findAuthors(cell, MOBILE_HOME)).toEqual([]);
    const tombstone = doc.querySelector('[data-testid="tombstone"]') as Element;
    expect(findAuthors(tombstone, MOBILE_HOME)).toEqual([]);
    expect(findAuthors(doc.querySelector('nav') as Element, MOBILE_HOME)).toEqual([]);
    expect(findAuthors(doc.querySelector('header') as Element, MOBILE_HOME)).toEqual([]);
    expect(keys(findAuthors(doc, MOBILE_HOME))).toEqual([
      'x:larkfenwood',
      'x:quintamarsh',
      'x:harperzell',
    ]);
  });

  it('never takes a quoted post’s author, even when the quote card holds links', () => {
    const doc = parse(quoteStatusHtml);
    const [, marlo] = tweets(doc);
    expect(marlo?.querySelector('div[role="link"] a[href="/harperzell"]')).not.toBeNull();
    expect(keys(findAuthors(marlo as Element, QUOTE_STATUS))).toEqual(['x:marlovenn']);
    expect(keys(findAuthors(doc, QUOTE_STATUS))).toEqual([
      'x:odette_ray',
      'x:marlovenn',
      'x:brightmugcoffee',
      'x:quintamarsh',
      'x:harperzell',
    ]);
    // While the post's own name block has not rendered, the quote's is the only one there.
    marlo?.querySelector('[data-testid="User-Name"]')?.remove();
    expect(findAuthors(marlo as Element, QUOTE_STATUS)).toEqual([]);
  });

  it('skips a quoted post rendered as a post inside the post (older layout)', () => {
    const doc = parse(timelineHtml);
    const [outer, inner] = tweets(doc);
    (outer?.querySelector('[data-testid="tweetText"]') as Element).append(inner as Element);
    expect(keys(findAuthors(outer as Element, HOME))).toEqual(['x:larkfenwood']);
    expect(keys(findAuthors(inner as Element, HOME))).toEqual([]);
  });

  it('does not read the page around a small subtree', () => {
    const doc = parse(statusHtml);
    const reply = tweets(doc)[2] as Element;
    const refuse = () => {
      throw new Error('scanned the whole document');
    };
    doc.querySelectorAll = refuse;
    doc.querySelector = refuse;
    doc.body.querySelectorAll = refuse;
    expect(keys(findAuthors(reply, STATUS))).toEqual(['x:harperzell']);
  });

  it('finds every author again from the element a badge sits beside', () => {
    for (const [html, url] of [
      [timelineHtml, HOME],
      [statusHtml, STATUS],
      [profileHtml, PROFILE],
      [quoteStatusHtml, QUOTE_STATUS],
    ] as const) {
      const doc = parse(html);
      const all = findAuthors(doc, url);
      expect(all.length).toBeGreaterThan(2);
      for (const match of all) {
        expectNameLink(match);
        expect(findAuthors(match.anchor, url).map((m) => m.anchor)).toEqual([match.anchor]);
      }
      expect(keys(all)).toEqual(
        Array.from(doc.querySelectorAll('[data-testid="cellInnerDiv"]')).flatMap((cell) =>
          keys(findAuthors(cell, url)),
        ),
      );
    }
  });
});

describe('X reader robustness and tracing', () => {
  afterEach(() => setSiteTracer(null));

  it('never throws on unknown or broken markup', () => {
    const doc = parse(
      `<article data-testid="tweet"><div data-testid="User-Name"><a href="http://[bad">x</a>` +
        `<a href="/home">Home</a><a href="/ok_handle">Ok</a></div></article>` +
        `<div data-testid="tweet"><div data-testid="User-Name"></div></div>`,
    );
    const fragment = doc.createDocumentFragment();
    fragment.append(doc.body.cloneNode(true));
    expect(() => xAdapter.findAuthors(doc, HOME)).not.toThrow();
    expect(() => xAdapter.findAuthors(fragment, HOME)).not.toThrow();
    expect(keys(xAdapter.findAuthors(doc, HOME))).toEqual(['x:ok_handle']);
    expect(readPage(doc, STATUS).subject).toBeNull();
  });

  it('traces what it found and what it skipped', () => {
    const messages: string[] = [];
    setSiteTracer((site, message) => messages.push(`${site}: ${message}`));
    findAuthors(parse(timelineHtml), HOME);
    expect(messages, messages.join('\n')).toEqual([
      'x: 5 authors found in 5 posts; skipped 1 quoted posts, 0 posts without an author link, 0 without a name',
    ]);
  });
});
