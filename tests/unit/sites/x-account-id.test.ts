import { readXSubjectAccountId } from '@/lib/sites/x/account-id';

interface Fixture {
  url: string;
  /** Our variants only: the profile owner's account id the page shows, or null. */
  accountId?: string | null;
}

const RAW = import.meta.glob<string>(
  ['../../fixtures/x/*.{html,json}', '../../fixtures/x-variants/*.{html,json}'],
  { query: '?raw', import: 'default', eager: true },
);

/** What the shared fixtures (and variants written before account ids) show. */
const KNOWN: Record<string, string | null> = {
  // The header's Follow button; the sidebar's "You might like" cells carry other ids.
  'x/profile': '1500000000000000001',
  // Not profiles: their follow buttons are all in cells.
  'x/status': null,
  'x/timeline': null,
  'x-variants/search-hostile-names': null,
  'x-variants/status-quote-reply-promoted': null,
  'x-variants/timeline-mobile-who-to-follow': null,
  // Profiles whose header shows no follow button (or no header, or a stale one).
  'x-variants/profile-name-like-handle': null,
  'x-variants/profile-not-rendered': null,
  'x-variants/profile-replies-tab': null,
  'x-variants/profile-stale': null,
  'x-variants/profile-twitter-uppercase': null,
};

const FIXTURES = Object.keys(RAW)
  .filter((path) => path.endsWith('.json'))
  .map((path) => {
    const name = path.replace('../../fixtures/', '').replace(/\.json$/, '');
    const fixture = JSON.parse(RAW[path] ?? '{}') as Fixture;
    return {
      name,
      url: fixture.url,
      html: RAW[path.replace(/\.json$/, '.html')] ?? '',
      expected: fixture.accountId === undefined ? KNOWN[name] : fixture.accountId,
    };
  });

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('readXSubjectAccountId on every X fixture', () => {
  it('knows what every fixture should give', () => {
    expect(FIXTURES.filter((f) => f.expected === undefined).map((f) => f.name)).toEqual([]);
    expect(FIXTURES.filter((f) => typeof f.expected === 'string').length).toBeGreaterThanOrEqual(2);
  });

  it.each(FIXTURES)('$name', ({ url, html, expected }) => {
    expect(readXSubjectAccountId(parse(html), new URL(url))).toBe(expected);
  });
});

/** A profile page at x.com/<handle> with the header's buttons and anything else in the column. */
function profile({
  handle = 'AdaQuill',
  buttons = '',
  before = '',
  after = '',
  column = true,
}: {
  handle?: string;
  buttons?: string;
  before?: string;
  after?: string;
  column?: boolean;
}): Document {
  const header = `
    <div>
      <div><div data-testid="UserAvatar-Container-${handle}"></div><div>${buttons}</div></div>
      <div data-testid="UserName">
        <div><div dir="ltr"><span>Ada Quill</span></div></div>
        <div><div dir="ltr"><span>@${handle}</span></div></div>
      </div>
    </div>`;
  const body = `${before}${header}${after}`;
  return parse(`<main>${column ? `<div data-testid="primaryColumn">${body}</div>` : body}</main>`);
}

const button = (testId: string) =>
  `<button data-testid="${testId}" type="button"><span>Follow</span></button>`;
const cell = (testId: string) =>
  `<div data-testid="UserCell"><a href="/someoneelse">@someoneelse</a>${button(testId)}</div>`;
const tweet = (testId: string) =>
  `<article data-testid="tweet"><div data-testid="User-Name"><a href="/someoneelse">@someoneelse</a></div>${button(testId)}</article>`;
const ADA = new URL('https://x.com/AdaQuill');

describe('readXSubjectAccountId', () => {
  it('reads the id of the header’s follow button', () => {
    expect(readXSubjectAccountId(profile({ buttons: button('2001-follow') }), ADA)).toBe('2001');
  });

  it('reads the id of the header’s unfollow button', () => {
    expect(readXSubjectAccountId(profile({ buttons: button('2001-unfollow') }), ADA)).toBe('2001');
  });

  it('reads it on the profile’s tabs and on twitter.com', () => {
    const doc = profile({ buttons: button('2001-follow') });
    expect(readXSubjectAccountId(doc, new URL('https://twitter.com/adaquill/with_replies'))).toBe(
      '2001',
    );
    expect(readXSubjectAccountId(doc, new URL('https://mobile.x.com/AdaQuill/media'))).toBe('2001');
  });

  it('reads it without a primary column', () => {
    const doc = profile({ buttons: button('2001-follow'), column: false });
    expect(readXSubjectAccountId(doc, ADA)).toBe('2001');
  });

  it('takes nothing from other buttons of the same shape', () => {
    for (const testId of [
      '2001-subscribe',
      '2001-block',
      '2001-unblock',
      'abc-follow',
      '-follow',
      '2001-follow-x',
      'follow',
    ]) {
      expect(readXSubjectAccountId(profile({ buttons: button(testId) }), ADA), testId).toBeNull();
    }
  });

  it('never takes a who-to-follow cell’s or a post’s button', () => {
    const doc = profile({
      before: cell('3001-follow'),
      after: tweet('3002-follow') + cell('3003-unfollow'),
    });
    expect(readXSubjectAccountId(doc, ADA)).toBeNull();
    const withHeader = profile({
      buttons: button('2001-follow'),
      before: cell('3001-follow'),
      after: tweet('3002-follow'),
    });
    expect(readXSubjectAccountId(withHeader, ADA)).toBe('2001');
  });

  it('never takes a hover card’s button', () => {
    const doc = profile({
      after: `<div data-testid="HoverCard"><div data-testid="UserName"><span>@AdaQuill</span></div>${button('3001-follow')}</div>`,
    });
    expect(readXSubjectAccountId(doc, ADA)).toBeNull();
  });

  it('gives nothing when the header shows another handle (a stale header)', () => {
    const doc = profile({ handle: 'PipWellings', buttons: button('1500-follow') });
    expect(readXSubjectAccountId(doc, ADA)).toBeNull();
  });

  it('gives nothing when the header holds two different ids', () => {
    const doc = profile({ buttons: button('2001-follow') + button('2002-follow') });
    expect(readXSubjectAccountId(doc, ADA)).toBeNull();
    const same = profile({ buttons: button('2001-follow') + button('2001-unfollow') });
    expect(readXSubjectAccountId(same, ADA)).toBe('2001');
  });

  it('gives nothing on pages that are not profiles', () => {
    const doc = profile({ buttons: button('2001-follow') });
    for (const href of [
      'https://x.com/home',
      'https://x.com/AdaQuill/status/1764000000000000001',
      'https://x.com/i/connect_people',
      'https://x.com/search?q=ada',
      'https://example.com/AdaQuill',
    ]) {
      expect(readXSubjectAccountId(doc, new URL(href)), href).toBeNull();
    }
  });

  it('gives nothing on an empty page', () => {
    expect(readXSubjectAccountId(parse(''), ADA)).toBeNull();
  });
});
