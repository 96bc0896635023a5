import {
  isLinkedInHost,
  linkedInKeyFromUrl,
  linkedInProfileKey,
  linkedInProfileUrl,
} from '../../../lib/sites/linkedin/urls';
import { subjectKeyFromUrl } from '../../../lib/sites/index';
import {
  isXHost,
  RESERVED_FIRST_SEGMENTS,
  xHandleFromPath,
  xKeyFromUrl,
  xProfileKey,
  xProfileUrl,
} from '../../../lib/sites/x/urls';

type Detector = 'linkedin' | 'x';

const DETECTORS: Record<Detector, (url: URL) => string | null> = {
  linkedin: linkedInProfileKey,
  x: xProfileKey,
};

/** [page URL, the detector that owns it (or null), the subject key it must give]. */
const PAGES: readonly [string, Detector | null, string | null][] = [
  // LinkedIn profiles
  ['https://www.linkedin.com/in/ada-quill-4b21a/', 'linkedin', 'linkedin:ada-quill-4b21a'],
  ['https://www.linkedin.com/in/ada-quill-4b21a', 'linkedin', 'linkedin:ada-quill-4b21a'],
  ['https://linkedin.com/in/Ada-Quill/', 'linkedin', 'linkedin:ada-quill'],
  ['https://fr.linkedin.com/in/jeanne-roux/', 'linkedin', 'linkedin:jeanne-roux'],
  [
    'https://de.linkedin.com/in/JONAS-Weber-12/?locale=de_DE',
    'linkedin',
    'linkedin:jonas-weber-12',
  ],
  ['https://mobile.linkedin.com/in/kit-fernsby#experience', 'linkedin', 'linkedin:kit-fernsby'],
  ['https://www.linkedin.com/in/%C3%96zlem-Kaya/', 'linkedin', 'linkedin:özlem-kaya'],
  ['https://www.linkedin.com/in/%25E2%2582%25AC/', 'linkedin', 'linkedin:%e2%82%ac'],
  ['https://www.linkedin.com/in/bad%E0%A4%A/', 'linkedin', 'linkedin:bad%e0%a4%a'],
  ['https://www.linkedin.com/in/ACoAAB4qVxw0AdaQ/', 'linkedin', 'linkedin:ACoAAB4qVxw0AdaQ'],
  ['https://www.linkedin.com/in/ada-quill/overlay/contact-info/', 'linkedin', 'linkedin:ada-quill'],
  ['https://www.linkedin.com/in/ada-quill/recent-activity/all/', 'linkedin', 'linkedin:ada-quill'],
  ['https://www.linkedin.com/in/ada-quill/details/skills/', 'linkedin', 'linkedin:ada-quill'],
  [
    'https://www.linkedin.com/in/ada-quill/?miniProfileUrn=urn%3Ali',
    'linkedin',
    'linkedin:ada-quill',
  ],
  ['http://www.linkedin.com/in/ada-quill', 'linkedin', 'linkedin:ada-quill'],
  // LinkedIn pages without a subject
  ['https://www.linkedin.com/in/me/', null, null],
  ['https://www.linkedin.com/in/', null, null],
  ['https://www.linkedin.com/in//overlay/', null, null],
  ['https://www.linkedin.com/feed/', null, null],
  [
    'https://www.linkedin.com/posts/ada-quill_coffee-activity-7302000000000000202-Xq9z/',
    null,
    null,
  ],
  ['https://www.linkedin.com/feed/update/urn:li:activity:7302000000000000202/', null, null],
  ['https://www.linkedin.com/messaging/thread/2-abc/', null, null],
  ['https://www.linkedin.com/company/tidewater-collective/', null, null],
  ['https://www.linkedin.com/school/leeds/', null, null],
  ['https://www.linkedin.com/jobs/view/123/', null, null],
  ['https://www.linkedin.com/search/results/people/?keywords=ada', null, null],
  ['https://www.linkedin.com/', null, null],
  ['https://www.linkedin.com.evil.example/in/ada-quill/', null, null],
  ['https://notlinkedin.com/in/ada-quill/', null, null],
  ['https://example.com/in/ada-quill/', null, null],
  // X profiles and their tabs
  ['https://x.com/PipWellings', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/', 'x', 'x:pipwellings'],
  ['https://www.x.com/odette_ray?lang=en', 'x', 'x:odette_ray'],
  ['https://twitter.com/HarperZell#top', 'x', 'x:harperzell'],
  ['https://mobile.twitter.com/harperzell', 'x', 'x:harperzell'],
  ['https://mobile.x.com/Harper_Zell_24', 'x', 'x:harper_zell_24'],
  ['https://x.com/pipwellings/with_replies', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/media', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/likes', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/highlights', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/articles', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/followers', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/following/', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/verified_followers', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/followers_you_follow', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/affiliates', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/superfollows', 'x', 'x:pipwellings'],
  ['https://x.com/pipwellings/creator-subscriptions', 'x', 'x:pipwellings'],
  ['https://x.com/x', 'x', 'x:x'],
  ['https://twitter.com/twitter', 'x', 'x:twitter'],
  // X pages without a subject
  ['https://x.com/harperzell/status/1801234567890123456', null, null],
  ['https://x.com/harperzell/status/1801234567890123456/photo/1', null, null],
  ['https://x.com/harperzell/lists', null, null],
  ['https://x.com/harperzell/media/extra', null, null],
  ['https://x.com/', null, null],
  ['https://x.com/home', null, null],
  ['https://x.com/HOME', null, null],
  ['https://x.com/explore', null, null],
  ['https://x.com/notifications', null, null],
  ['https://x.com/messages', null, null],
  ['https://x.com/messages/123-456', null, null],
  ['https://x.com/i/bookmarks', null, null],
  ['https://x.com/i/lists/123', null, null],
  ['https://x.com/search?q=coffee&src=typed_query', null, null],
  ['https://x.com/settings/account', null, null],
  ['https://x.com/compose/post', null, null],
  ['https://x.com/hashtag/SmallRooms', null, null],
  ['https://twitter.com/intent/tweet?text=hi', null, null],
  ['https://x.com/login', null, null],
  ['https://x.com/tos', null, null],
  ['https://x.com/search-advanced', null, null],
  ['https://x.com/way_too_long_handle_16', null, null],
  ['https://x.com/robots.txt', null, null],
  ['https://pro.x.com/pipwellings', null, null],
  ['https://notx.com/pipwellings', null, null],
  ['https://x.com.evil.example/pipwellings', null, null],
  ['https://example.com/pipwellings', null, null],
];

describe('profile detectors', () => {
  it('the table covers both sites and pages without a subject', () => {
    for (const owner of ['linkedin', 'x', null] as const) {
      expect(PAGES.filter(([, o]) => o === owner).length).toBeGreaterThan(10);
    }
  });

  describe.each(PAGES)('%s', (href, owner, key) => {
    const url = new URL(href);
    for (const [name, detect] of Object.entries(DETECTORS)) {
      const expected = name === owner ? key : null;
      it(`${name} gives ${String(expected)}`, () => {
        expect(detect(url)).toBe(expected);
      });
    }
    it(`subjectKeyFromUrl gives ${String(key)}`, () => {
      expect(subjectKeyFromUrl(url)).toBe(key);
    });
  });
});

describe('hosts', () => {
  it.each(['linkedin.com', 'www.linkedin.com', 'fr.linkedin.com', 'WWW.LinkedIn.com'])(
    'LinkedIn: %s',
    (host) => expect(isLinkedInHost(host)).toBe(true),
  );
  it.each(['linkedin.com.evil.example', 'notlinkedin.com', 'linkedin.co', 'x.com'])(
    'not LinkedIn: %s',
    (host) => expect(isLinkedInHost(host)).toBe(false),
  );
  it.each(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com'])(
    'X: %s',
    (host) => expect(isXHost(host)).toBe(true),
  );
  it.each(['notx.com', 'x.co', 'pro.x.com', 'twitter.com.evil.example', 'linkedin.com'])(
    'not X: %s',
    (host) => expect(isXHost(host)).toBe(false),
  );
});

describe('linkedInKeyFromUrl on links', () => {
  const page = 'https://www.linkedin.com/feed/';
  it.each([
    ['/in/bram-oduya-5c/', page, 'linkedin:bram-oduya-5c'],
    ['in/bram-oduya-5c', 'https://www.linkedin.com/', 'linkedin:bram-oduya-5c'],
    ['//fr.linkedin.com/in/Bram-Oduya-5c', page, 'linkedin:bram-oduya-5c'],
    [
      '/in/ada-quill?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB4',
      page,
      'linkedin:ada-quill',
    ],
    ['/in/ada-quill/overlay/about-this-profile/', page, 'linkedin:ada-quill'],
    ['/in/ACoAAB4qVxw0AdaQ', page, 'linkedin:ACoAAB4qVxw0AdaQ'],
    ['https://www.linkedin.com/in/%C3%96zlem-Kaya/', undefined, 'linkedin:özlem-kaya'],
    [new URL('https://www.linkedin.com/in/ada-quill/'), undefined, 'linkedin:ada-quill'],
    ['/in/me/', page, null],
    ['/company/tidewater/', page, null],
    ['/in/bram-oduya-5c/', undefined, null],
    ['/in/bram-oduya-5c/', 'https://example.com/', null],
    ['mailto:ada@example.com', page, null],
  ] as const)('%s against %s', (href, base, key) => {
    expect(linkedInKeyFromUrl(href, base)).toBe(key);
  });
});

describe('xKeyFromUrl on links', () => {
  const page = 'https://x.com/home';
  it.each([
    ['/PipWellings', page, 'x:pipwellings'],
    ['/bob/status/1', page, 'x:bob'],
    ['/bob/status/1/analytics', 'https://twitter.com/i/timeline', 'x:bob'],
    ['https://mobile.twitter.com/Bob_1?s=20', undefined, 'x:bob_1'],
    [new URL('https://x.com/odette_ray'), undefined, 'x:odette_ray'],
    ['/home', page, null],
    ['/i/user/12345', page, null],
    ['/explore/tabs/for-you', page, null],
    ['/hashtag/coffee?src=hashtag_click', page, null],
    ['https://t.co/pW3llngs01', page, null],
    ['/PipWellings', undefined, null],
    ['/PipWellings', 'https://example.com/', null],
  ] as const)('%s against %s', (href, base, key) => {
    expect(xKeyFromUrl(href, base)).toBe(key);
  });
});

describe('X handles', () => {
  it('reserves the contract routes', () => {
    const contract = 'home explore notifications messages i settings search compose hashtag intent '
      .concat('share login logout signup tos privacy jobs lists communities premium verified')
      .split(' ');
    for (const segment of contract) expect(RESERVED_FIRST_SEGMENTS.has(segment)).toBe(true);
  });

  it('does not reserve real accounts named after the company', () => {
    expect(xHandleFromPath('x')).toBe('x');
    expect(xHandleFromPath('Twitter')).toBe('twitter');
  });

  it('rejects invalid handles', () => {
    expect(xHandleFromPath('')).toBeNull();
    expect(xHandleFromPath('a-b')).toBeNull();
    expect(xHandleFromPath('abcdefghijklmnop')).toBeNull();
    expect(xHandleFromPath('abcdefghijklmno')).toBe('abcdefghijklmno');
  });
});

describe('canonical profile URLs', () => {
  it('round-trips LinkedIn keys', () => {
    for (const key of ['linkedin:ada-quill', 'linkedin:özlem-kaya', 'linkedin:ACoAAB4qVxw0AdaQ']) {
      const url = linkedInProfileUrl(key);
      expect(url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[^/]+\/$/);
      expect(linkedInProfileKey(new URL(url))).toBe(key);
    }
    expect(linkedInProfileUrl('linkedin:özlem-kaya')).toBe(
      'https://www.linkedin.com/in/%C3%B6zlem-kaya/',
    );
  });

  it('round-trips X keys', () => {
    expect(xProfileUrl('x:pipwellings')).toBe('https://x.com/pipwellings');
    expect(xProfileKey(new URL(xProfileUrl('x:odette_ray')))).toBe('x:odette_ray');
  });
});
