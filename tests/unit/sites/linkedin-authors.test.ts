import { findAuthors, readPage, readSubject } from '../../../lib/sites/index';
import { linkedInAdapter } from '../../../lib/sites/linkedin/adapter';
import {
  firstTextLine,
  hasVisibleText,
  isScreenReaderOnly,
  readDisplayName,
} from '../../../lib/sites/text';
import { setSiteTracer } from '../../../lib/sites/trace';
import type { AuthorMatch } from '../../../lib/sites/types';
import feedHtml from '../../fixtures/linkedin/feed.html?raw';
import postHtml from '../../fixtures/linkedin/post-comments.html?raw';
import companyFeedHtml from '../../fixtures/linkedin-variants/feed-company-reshare.html?raw';
import messagingHtml from '../../fixtures/linkedin-variants/messaging-one-to-one.html?raw';
import sduiPostHtml from '../../fixtures/linkedin-variants/post-sdui-replies-hostile-names.html?raw';

const FEED = new URL('https://www.linkedin.com/feed/');
const POST = new URL(
  'https://www.linkedin.com/posts/hollis-greave_follow-up-coffee-activity-7302000000000000202-Xq9z/',
);
const SDUI_POST = new URL(
  'https://www.linkedin.com/feed/update/urn:li:activity:7320000000000000500/',
);
const THREAD = new URL(
  'https://www.linkedin.com/messaging/thread/2-ZmE3YjQ5MDAtMTExMS00YWJjLTk5OTktcXVlbmJ5/',
);

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function one(root: ParentNode, selector: string): Element {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`fixture has no ${selector}`);
  return el;
}

const keys = (matches: AuthorMatch[]) => matches.map((m) => m.person.key);

/** The badge goes beside the name a reader sees: never an avatar, never a hidden copy. */
function expectVisibleNameAnchor(match: AuthorMatch) {
  const { anchor, person } = match;
  expect(anchor.localName).not.toBe('img');
  expect(anchor.querySelector('img')).toBeNull();
  for (let el: Element | null = anchor; el; el = el.parentElement) {
    expect(isScreenReaderOnly(el), `${person.key}: hidden ${el.outerHTML.slice(0, 80)}`).toBe(
      false,
    );
  }
  expect(readDisplayName(anchor)).toBe(person.name);
}

describe('LinkedIn page kinds', () => {
  it.each([
    ['https://www.linkedin.com/in/ada-quill-4b21a/', 'profile', true, 'linkedin:ada-quill-4b21a'],
    [
      'https://fr.linkedin.com/in/ada-quill/recent-activity/all/',
      'profile',
      true,
      'linkedin:ada-quill',
    ],
    [
      'https://www.linkedin.com/in/ACoAAB4qVxw0/overlay/contact-info/',
      'profile',
      true,
      'linkedin:ACoAAB4qVxw0',
    ],
    ['https://www.linkedin.com/feed/', 'feed', false, null],
    ['https://www.linkedin.com/feed/?nis=true', 'feed', false, null],
    ['https://www.linkedin.com/feed/hashtag/meetups/', 'feed', false, null],
    ['https://www.linkedin.com/groups/9123456/', 'feed', false, null],
    [
      'https://www.linkedin.com/company/tidewater-collective/posts/?feedView=all',
      'feed',
      false,
      null,
    ],
    ['https://www.linkedin.com/search/results/content/?keywords=meetup', 'feed', false, null],
    [
      'https://www.linkedin.com/posts/ada-quill_coffee-activity-7302000000000000202-Xq9z/',
      'post',
      false,
      null,
    ],
    [
      'https://www.linkedin.com/feed/update/urn:li:activity:7302000000000000202/',
      'post',
      false,
      null,
    ],
    ['https://www.linkedin.com/messaging/thread/2-abc123==/', 'messaging', true, null],
    ['https://www.linkedin.com/messaging/', null, false, null],
    ['https://www.linkedin.com/in/me/', null, false, null],
    ['https://www.linkedin.com/company/tidewater-collective/', null, false, null],
    ['https://www.linkedin.com/jobs/view/123/', null, false, null],
    ['https://www.linkedin.com/mynetwork/', null, false, null],
    ['https://www.linkedin.com/search/results/people/?keywords=ada', null, false, null],
    ['https://www.linkedin.com.evil.example/feed/', null, false, null],
  ] as const)('%s is %s', (href, kind, expects, key) => {
    const url = new URL(href);
    expect(linkedInAdapter.pageKind(url)).toBe(kind);
    expect(linkedInAdapter.expectsSubject(url)).toBe(expects);
    expect(linkedInAdapter.subjectKey(url)).toBe(key);
  });
});

describe('LinkedIn authors in a part of the page', () => {
  it('reads one added post: its actor, not the "likes this" header or a mention', () => {
    const doc = parse(feedHtml);
    const post = one(doc, '[data-urn="urn:li:activity:7301000000000000101"]');
    const matches = findAuthors(post, FEED);
    expect(keys(matches)).toEqual(['linkedin:corin-malvey']);
    expectVisibleNameAnchor(matches[0] as AuthorMatch);
    expect(post.contains(matches[0]?.anchor ?? null)).toBe(true);
  });

  it('reads one added post of the newer DOM, with the name line as anchor', () => {
    const doc = parse(feedHtml);
    const list = one(doc, '[componentkey="container-update-list_mainFeed-lazy-container"]');
    const matches = findAuthors(list, FEED);
    expect(keys(matches)).toEqual(['linkedin:ilse-brannagh']);
    const anchor = matches[0]?.anchor;
    expect(anchor?.localName).toBe('p');
    expectVisibleNameAnchor(matches[0] as AuthorMatch);
  });

  it('reads a wrapper holding several comments, without the post author outside it', () => {
    const doc = parse(postHtml);
    const list = one(doc, '.comments-comments-list');
    const matches = findAuthors(list, POST);
    expect(keys(matches)).toEqual([
      'linkedin:wendeline-marsh-4a',
      'linkedin:hollis-greave',
      'linkedin:augustin-rye',
      'linkedin:priya-lanternfield',
    ]);
    for (const match of matches) {
      expectVisibleNameAnchor(match);
      expect(list.contains(match.anchor)).toBe(true);
    }
  });

  it('reads a wrapper holding several posts of both generations', () => {
    const doc = parse(feedHtml);
    const feed = one(doc, '.scaffold-finite-scroll__content');
    expect(keys(findAuthors(feed, FEED))).toEqual([
      'linkedin:corin-malvey',
      'linkedin:ilse-brannagh',
      'linkedin:odo-pellinore-2b',
      'linkedin:corin-malvey',
    ]);
  });

  it('reads a post’s author when the page renders its actor block late', () => {
    const doc = parse(feedHtml);
    const actor = one(
      doc,
      '[data-urn="urn:li:activity:7301000000000000303"] .update-components-actor',
    );
    const late = doc.createElement('div');
    actor.replaceWith(late);
    late.append(actor);
    expect(keys(findAuthors(late, FEED))).toEqual(['linkedin:odo-pellinore-2b']);
    // The original's actor inside the reshare is never its author.
    const original = one(doc, '.update-components-mini-update-v2 .update-components-actor');
    expect(findAuthors(original.parentElement as Element, FEED).map((m) => m.anchor)).toEqual(
      findAuthors(one(doc, '[data-urn="urn:li:activity:7301000000000000303"]'), FEED).map(
        (m) => m.anchor,
      ),
    );
  });

  it('reads one reply on its own', () => {
    const doc = parse(postHtml);
    const replies = doc.querySelectorAll('article.comments-comment-entity--reply');
    expect(keys(findAuthors(replies[1] as Element, POST))).toEqual(['linkedin:augustin-rye']);
  });

  it('gives the item’s author for an element inside it, never the person that element names', () => {
    const doc = parse(feedHtml);
    const header = one(doc, '.update-components-header__text-view a');
    expect(header.textContent).toBe('Tamsin Fold');
    expect(keys(findAuthors(header, FEED))).toEqual(['linkedin:corin-malvey']);

    const mention = one(doc, 'a[href*="noor-ashdown-91?miniProfileUrn"]');
    expect(keys(findAuthors(mention, FEED))).toEqual(['linkedin:corin-malvey']);

    // Inside the reshared original: the resharer wrote the item, the original is only quoted.
    const quoted = one(doc, '.update-components-mini-update-v2 .update-components-text');
    expect(keys(findAuthors(quoted, FEED))).toEqual(['linkedin:odo-pellinore-2b']);
  });

  it('gives a comment’s author, not the post’s, for text inside the comment', () => {
    const doc = parse(postHtml);
    const text = one(doc, '.comments-comment-entity--reply .update-components-text');
    expect(keys(findAuthors(text, POST))).toEqual(['linkedin:hollis-greave']);
    const priya = doc.querySelectorAll('.comments-comment-item__main-content');
    expect(keys(findAuthors(priya[3] as Element, POST))).toEqual(['linkedin:priya-lanternfield']);
  });

  it('adds nobody for a company or showcase post, but the comment under it counts', () => {
    const doc = parse(companyFeedHtml);
    const company = one(doc, '[data-urn="urn:li:activity:7310000000000000001"]');
    expect(keys(findAuthors(company, FEED))).toEqual(['linkedin:yusuf-brennock']);
    const showcase = doc.querySelectorAll('[role="listitem"]')[1] as Element;
    expect(keys(findAuthors(showcase, FEED))).toEqual(['linkedin:marisol-quenby-7d']);
    const placeholder = doc.querySelectorAll('[role="listitem"]')[2] as Element;
    expect(findAuthors(placeholder, FEED)).toEqual([]);
  });

  it('reads replies whose containers it does not recognise, each with its own anchor', () => {
    const doc = parse(sduiPostHtml);
    const replies = one(doc, '._r3pl13s');
    const matches = findAuthors(replies, SDUI_POST);
    // To the reader the replies are a piece of the comment they answer, so that comment's author
    // comes first; the company's reply adds nobody.
    expect(keys(matches)).toEqual([
      'linkedin:maximiliana-fairweather',
      'linkedin:rhiannon-vale',
      'linkedin:tobias-grell',
    ]);
    for (const match of matches) expectVisibleNameAnchor(match);
    expect(matches.slice(1).every((m) => replies.contains(m.anchor))).toBe(true);
    expect(matches[1]?.person.name).toBe('Rhiannon Vale');
    expect(matches[0]?.person.name).toHaveLength(245);
  });

  it('never takes a mention, a header or a reshared original, even outside a known post', () => {
    const doc = parse(
      `<div class="unknown-post-card">` +
        `<div class="update-components-header"><div class="update-components-actor">` +
        `<a href="/in/tamsin-fold-33/">Tamsin Fold</a></div> likes this</div>` +
        `<div class="update-components-actor"><a href="/in/lior-abernethy/">` +
        `<span class="update-components-actor__name">Lior Abernethy</span></a></div>` +
        `<div class="feed-shared-update-v2__update-content-wrapper">` +
        `<div class="update-components-actor"><a href="/in/sable-ritter/">Sable Ritter</a></div>` +
        `</div></div>` +
        // A comment whose sender line has not rendered: the link in its text is a mention.
        `<article class="comments-comment-entity"><div class="comments-comment-item__main-content">` +
        `<a href="/in/noor-ashdown-91/">Noor Ashdown</a> said hi</div></article>`,
    );
    expect(keys(findAuthors(doc, FEED))).toEqual(['linkedin:lior-abernethy']);
  });

  it('does not read the page around a small subtree', () => {
    const doc = parse(postHtml);
    const reply = one(doc, 'article.comments-comment-entity--reply');
    const refuse = () => {
      throw new Error('scanned the whole document');
    };
    doc.querySelectorAll = refuse;
    doc.querySelector = refuse;
    doc.body.querySelectorAll = refuse;
    expect(keys(findAuthors(reply, POST))).toEqual(['linkedin:hollis-greave']);
  });

  it('returns the document’s authors in document order with visible anchors', () => {
    for (const [html, url] of [
      [feedHtml, FEED],
      [postHtml, POST],
      [companyFeedHtml, FEED],
      [sduiPostHtml, SDUI_POST],
      [messagingHtml, THREAD],
    ] as const) {
      const matches = findAuthors(parse(html), url);
      expect(matches.length).toBeGreaterThan(2);
      matches.forEach((match, i) => {
        expectVisibleNameAnchor(match);
        const next = matches[i + 1];
        if (next) expect(match.anchor.compareDocumentPosition(next.anchor) & 4).toBe(4);
      });
    }
  });
});

describe('LinkedIn messaging', () => {
  it('reads the other participant from the thread header', () => {
    const doc = parse(messagingHtml);
    expect(readSubject(doc, THREAD)).toEqual({
      key: 'linkedin:marisol-quenby-7d',
      name: 'Marisol Quenby',
      url: 'https://www.linkedin.com/in/marisol-quenby-7d/',
    });
    expect(readPage(doc, THREAD).people.map((p) => p.key)).toEqual([
      'linkedin:marisol-quenby-7d',
      'linkedin:pell-harrow-0a1',
    ]);
  });

  it('has no subject when the header links two people', () => {
    const doc = parse(messagingHtml);
    const header = one(doc, '.msg-title-bar');
    header.insertAdjacentHTML('beforeend', '<a href="/in/kit-fernsby-7e/">Kit Fernsby</a>');
    expect(readSubject(doc, THREAD)).toBeNull();
  });

  it('reads each new message’s sender, the signed-in user included', () => {
    const doc = parse(messagingHtml);
    const messages = doc.querySelectorAll('li.msg-s-message-list__event');
    expect(messages).toHaveLength(4);
    expect(keys(findAuthors(messages[0] as Element, THREAD))).toEqual([
      'linkedin:marisol-quenby-7d',
    ]);
    // A grouped follow-up shows no sender of its own; the body's profile link is a mention.
    expect(findAuthors(messages[1] as Element, THREAD)).toEqual([]);
    const mine = findAuthors(messages[2] as Element, THREAD);
    expect(keys(mine)).toEqual(['linkedin:pell-harrow-0a1']);
    expectVisibleNameAnchor(mine[0] as AuthorMatch);
    const body = one(messages[0] as Element, '.msg-s-event-listitem__body');
    expect(keys(findAuthors(body, THREAD))).toEqual(['linkedin:marisol-quenby-7d']);
  });

  it('ignores message markup outside a messaging page (the chat overlay)', () => {
    const doc = parse(messagingHtml);
    const list = one(doc, '.msg-s-message-list-content');
    expect(findAuthors(list, FEED)).toEqual([]);
    expect(findAuthors(list, THREAD)).toHaveLength(3);
  });
});

describe('LinkedIn reader robustness and tracing', () => {
  afterEach(() => setSiteTracer(null));

  it('never throws on unknown or broken markup', () => {
    const doc = parse(
      `<div data-urn="urn:li:activity:1"><div class="update-components-actor">` +
        `<a href="/in/">no slug</a><a href="http://[bad">x</a></div></div>` +
        `<article class="comments-comment-entity"><a href="/in/%E0%A4%A/">Broken %</a></article>`,
    );
    const fragment = doc.createDocumentFragment();
    fragment.append(doc.body.cloneNode(true));
    for (const url of [FEED, POST, THREAD, new URL('https://www.linkedin.com/jobs/')]) {
      expect(() => linkedInAdapter.findAuthors(doc, url)).not.toThrow();
      expect(() => linkedInAdapter.findAuthors(fragment, url)).not.toThrow();
      expect(() => linkedInAdapter.readSubject(doc, url)).not.toThrow();
    }
    expect(keys(linkedInAdapter.findAuthors(doc, POST))).toEqual(['linkedin:%e0%a4%a']);
  });

  it('traces what it found and why it skipped', () => {
    const messages: string[] = [];
    setSiteTracer((site, message) => messages.push(`${site}: ${message}`));
    findAuthors(parse(companyFeedHtml), FEED);
    readSubject(parse('<main></main>'), THREAD);
    expect(messages.join('\n')).toMatch(/linkedin: 4 authors found in \d+ items/);
    expect(messages.join('\n')).toMatch(/2 by organisations, 1 reshared originals/);
    expect(messages.join('\n')).toMatch(/linkedin: no messaging thread header found/);
  });
});

describe('the first line of a name link', () => {
  function link(html: string): Element {
    return one(parse(`<a id="l" href="/in/x/">${html}</a>`), '#l');
  }

  it.each([
    [
      'stacked lines',
      '<div><div><p id="n">Ada Quill • 2nd</p></div><div><p>Headline</p></div></div>',
    ],
    ['a name and an Author line', '<div><p id="n">Ada Quill</p><p>Author</p></div><p>Headline</p>'],
    ['inline parts of one line', '<span id="n"><span>Ada</span> <span>Quill</span></span>'],
    [
      'a visible copy beside a hidden one',
      '<div><span id="n"><span aria-hidden="true">Ada</span><span class="visually-hidden">Ada</span></span><p>x</p></div>',
    ],
    [
      'an emoji picture in the name',
      '<div><p id="n">Ada <img alt="🦉" src="o.svg"></p><p>Headline</p></div>',
    ],
  ])('%s', (_what, html) => {
    const el = link(html);
    expect(firstTextLine(el).id || 'the link').toBe('n');
  });

  it('stays on the link when its text is one line', () => {
    const el = link('Ada <b>Quill</b>');
    expect(firstTextLine(el)).toBe(el);
    const avatar = link('<img alt="Ada Quill" src="a.jpg">');
    expect(firstTextLine(avatar)).toBe(avatar);
  });

  it('counts an off-screen label as no visible text', () => {
    expect(
      hasVisibleText(link('<img alt=""><span class="visually-hidden">View profile</span>')),
    ).toBe(false);
    expect(hasVisibleText(link('<span aria-hidden="true">Ada</span>'))).toBe(true);
    expect(hasVisibleText(link('<img alt="🦉" src="o.svg">'))).toBe(true);
  });
});
