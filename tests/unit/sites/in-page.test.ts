import { peopleFitPage } from '@/lib/sites/claims';
import { type InPageSite, inPageSiteOf, KEY_SCHEME, showsInPage } from '@/lib/sites/in-page';

/**
 * Which pages have an in-page switch (LinkedIn's and X's, over https), and which people a page may
 * list for the side panel. As in urls.test.ts, every rule is run against every site's examples.
 */

type Owner = InPageSite | null;

/** [page address, the in-page site it is on (null: none)]. */
const PAGES: readonly [string | undefined, Owner][] = [
  // LinkedIn
  ['https://www.linkedin.com/in/ada-quill-4b21a/', 'linkedin'],
  ['https://www.linkedin.com/feed/', 'linkedin'],
  ['https://linkedin.com/in/Ada-Quill/', 'linkedin'],
  ['https://fr.linkedin.com/in/jeanne-roux/', 'linkedin'],
  ['https://mobile.linkedin.com/in/kit-fernsby#experience', 'linkedin'],
  ['https://WWW.LinkedIn.com/messaging/thread/2-abc/', 'linkedin'],
  ['https://www.linkedin.com/company/tidewater-collective/', 'linkedin'],
  ['https://www.linkedin.com:443/feed/', 'linkedin'],
  // X
  ['https://x.com/pipwellings', 'x'],
  ['https://x.com/home', 'x'],
  ['https://www.x.com/odette_ray?lang=en', 'x'],
  ['https://mobile.x.com/Harper_Zell_24', 'x'],
  ['https://twitter.com/HarperZell#top', 'x'],
  ['https://mobile.twitter.com/harperzell', 'x'],
  ['https://x.com/harperzell/status/1801234567890123456', 'x'],
  ['https://X.COM/explore', 'x'],
  // Blogs
  ['https://blog.example/2024/05/post/?replytocom=3#respond', null],
  ['https://quietlinks.blogspot.com/2024/05/owls.html', null],
  ['https://www.blogger.com/profile/08123456789012345678', null],
  ['https://careerblog.example/in/ada-quill-4b21a/', null],
  ['https://evil.example/x.com/pipwellings', null],
  // Look-alikes and other hosts
  ['https://www.linkedin.com.evil.example/in/ada-quill/', null],
  ['https://notlinkedin.com/in/ada-quill/', null],
  ['https://linkedin.co/in/ada/', null],
  ['https://x.com.evil.example/pipwellings', null],
  ['https://notx.com/pipwellings', null],
  ['https://pro.x.com/pipwellings', null],
  ['https://x.co/pipwellings', null],
  ['https://twitter.com.evil.example/pipwellings', null],
  ['https://example.com/', null],
  // The right hosts, but not over https
  ['http://www.linkedin.com/in/ada-quill', null],
  ['http://x.com/pipwellings', null],
  ['http://twitter.com/pipwellings', null],
  ['ws://x.com/pipwellings', null],
  // No page at all
  ['chrome://newtab/', null],
  ['chrome-extension://abcdefghijklmnop/sidebar.html', null],
  ['about:blank', null],
  ['file:///home/me/linkedin.com/in/ada.html', null],
  ['javascript:alert(1)', null],
  ['', null],
  ['not a url', null],
  ['www.linkedin.com/in/ada-quill', null],
  ['//x.com/pipwellings', null],
  ['https://', null],
  [undefined, null],
];

/** Identity keys of every scheme, each with the in-page site whose pages may name it. */
const KEYS: readonly [string, Owner][] = [
  ['linkedin:ada-quill-4b21a', 'linkedin'],
  ['linkedin:ACoAAB4qVxw0AdaQ', 'linkedin'],
  ['x:pipwellings', 'x'],
  ['x:x', 'x'],
  // An X account number is the page's word, never a listed author.
  ['x-id:1234567890', null],
  ['web:blog.example/about', null],
  ['blogger:08123456789012345678', null],
  ['named:blog.example:ada quill', null],
  // Look-alike schemes.
  ['linkedinx:ada', null],
  ['xlinkedin:ada', null],
  ['LINKEDIN:ada', null],
];

const OWNERS: readonly Owner[] = ['linkedin', 'x', null];

describe('the example tables', () => {
  it('have pages of both sites and of none, and keys of every scheme', () => {
    for (const owner of OWNERS) {
      expect(PAGES.filter(([, o]) => o === owner).length).toBeGreaterThanOrEqual(8);
      expect(KEYS.filter(([, o]) => o === owner).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.each(PAGES)('%s', (href, owner) => {
  it(`inPageSiteOf gives ${String(owner)}`, () => {
    expect(inPageSiteOf(href)).toBe(owner);
  });

  describe('peopleFitPage', () => {
    it.each(KEYS)('one key %s', (key, keyOwner) => {
      expect(peopleFitPage(href, [key])).toBe(owner !== null && keyOwner === owner);
    });

    it('every one of its own site’s keys together, and none with one of another scheme', () => {
      const own = KEYS.filter(([, o]) => o === owner && o !== null).map(([key]) => key);
      if (owner === null) {
        expect(
          peopleFitPage(
            href,
            KEYS.map(([key]) => key),
          ),
        ).toBe(false);
        return;
      }
      expect(peopleFitPage(href, own)).toBe(true);
      for (const [key, keyOwner] of KEYS) {
        if (keyOwner === owner) continue;
        expect(peopleFitPage(href, [...own, key]), key).toBe(false);
        expect(peopleFitPage(href, [key, ...own]), key).toBe(false);
      }
    });

    it(`an empty list ${owner === null ? 'is refused' : 'fits'}`, () => {
      // A page of neither site lists nobody, not even an empty list.
      expect(peopleFitPage(href, [])).toBe(owner !== null);
    });
  });
});

describe('KEY_SCHEME', () => {
  it('is the scheme of the keys each site’s subject reader gives', () => {
    expect(KEY_SCHEME).toEqual({ linkedin: 'linkedin:', x: 'x:' });
  });
});

describe('showsInPage', () => {
  it.each<[boolean, boolean]>([
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ])('inPageLinkedIn %s, inPageX %s: each site follows its own switch', (linkedin, x) => {
    const settings = { inPageLinkedIn: linkedin, inPageX: x };
    expect(showsInPage(settings, 'linkedin')).toBe(linkedin);
    expect(showsInPage(settings, 'x')).toBe(x);
  });
});
