import {
  ERRORS,
  linkedInTitleName,
  MAX_SELECTED_NAME_LENGTH,
  nameLike,
  namedKeyOn,
  resolveRemember,
  type RememberClick,
  type RememberResolution,
  type RememberTab,
  xTitleName,
} from '@/lib/context-menu/resolve';
import { personRefSchema } from '@/lib/messaging/schemas';
import { namedKey } from '@/lib/sites/blog/urls';

const TIMELINE = 'https://x.com/home';
const BLOG = 'https://blog.example/2024/05/a-post/';

function person(result: RememberResolution) {
  if ('error' in result) throw new Error(`expected a person, got the error "${result.error}"`);
  return result.person;
}

function error(result: RememberResolution): string {
  if (!('error' in result)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

function link(linkUrl: string, extra: Partial<RememberClick> = {}): RememberResolution {
  return resolveRemember({ menuItemId: 'remember-person', linkUrl, pageUrl: TIMELINE, ...extra });
}

describe('remembering the person a link names', () => {
  // [what, link, key, name, stored url]
  const people: [string, string, string, string, string][] = [
    [
      'a LinkedIn profile',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
      'linkedin:ada-quill-4b21a',
      'ada-quill-4b21a',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
    ],
    [
      'a LinkedIn profile without www and slash, with tracking',
      'https://linkedin.com/in/Ada-Quill-4B21A?trk=people-guest#about',
      'linkedin:ada-quill-4b21a',
      'ada-quill-4b21a',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
    ],
    [
      'a LinkedIn profile on a locale host',
      'https://de.linkedin.com/in/ada-quill-4b21a',
      'linkedin:ada-quill-4b21a',
      'ada-quill-4b21a',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
    ],
    [
      'a LinkedIn profile over plain http',
      'http://uk.linkedin.com/in/ada-quill-4b21a/',
      'linkedin:ada-quill-4b21a',
      'ada-quill-4b21a',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
    ],
    [
      'a LinkedIn profile with a percent-encoded slug',
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-12ab/',
      'linkedin:jürgen-müller-12ab',
      'jürgen-müller-12ab',
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-12ab/',
    ],
    [
      'a LinkedIn member id, case kept',
      'https://www.linkedin.com/in/ACoAABcDeFgHiJ/',
      'linkedin:ACoAABcDeFgHiJ',
      'ACoAABcDeFgHiJ',
      'https://www.linkedin.com/in/ACoAABcDeFgHiJ/',
    ],
    [
      "a LinkedIn profile's sub-page",
      'https://www.linkedin.com/in/ada-quill-4b21a/recent-activity/all/',
      'linkedin:ada-quill-4b21a',
      'ada-quill-4b21a',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
    ],
    [
      "a LinkedIn profile's overlay",
      'https://www.linkedin.com/in/ada-quill-4b21a/overlay/contact-info/',
      'linkedin:ada-quill-4b21a',
      'ada-quill-4b21a',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
    ],
    [
      'an X profile',
      'https://x.com/PipWellings',
      'x:pipwellings',
      'pipwellings',
      'https://x.com/pipwellings',
    ],
    [
      'an X profile on twitter.com',
      'https://twitter.com/PipWellings/',
      'x:pipwellings',
      'pipwellings',
      'https://x.com/pipwellings',
    ],
    [
      'an X profile on mobile.twitter.com',
      'https://mobile.twitter.com/pipwellings?lang=en',
      'x:pipwellings',
      'pipwellings',
      'https://x.com/pipwellings',
    ],
    [
      'an X profile on mobile.x.com',
      'https://mobile.x.com/Odette_Ray',
      'x:odette_ray',
      'odette_ray',
      'https://x.com/odette_ray',
    ],
    [
      'an X profile on www.x.com',
      'https://www.x.com/pipwellings',
      'x:pipwellings',
      'pipwellings',
      'https://x.com/pipwellings',
    ],
    [
      "an X profile's tab",
      'https://x.com/pipwellings/with_replies',
      'x:pipwellings',
      'pipwellings',
      'https://x.com/pipwellings',
    ],
    [
      "a tweet: its author's",
      'https://x.com/harperzell/status/1801234567890123456',
      'x:harperzell',
      'harperzell',
      'https://x.com/harperzell',
    ],
    [
      "a tweet's photo on twitter.com: its author's",
      'https://twitter.com/HarperZell/status/1801234567890123456/photo/1',
      'x:harperzell',
      'harperzell',
      'https://x.com/harperzell',
    ],
    [
      'a Blogger profile',
      'https://www.blogger.com/profile/01234567890123456789',
      'blogger:01234567890123456789',
      '01234567890123456789',
      'https://www.blogger.com/profile/01234567890123456789',
    ],
    [
      'a Blogger profile on another blogger.com host, with a slash',
      'https://draft.blogger.com/profile/98765/',
      'blogger:98765',
      '98765',
      'https://www.blogger.com/profile/98765',
    ],
    [
      'a personal website',
      'https://ada.example/',
      'web:ada.example',
      'ada.example',
      'https://ada.example/',
    ],
    [
      'a personal website with www, case, query and hash',
      'https://WWW.Ada.Example/About/?utm_source=x&ref=1#contact',
      'web:ada.example/About',
      'ada.example/About',
      'https://www.ada.example/About/',
    ],
    [
      'a personal website over http on a port',
      'http://ada.example:8080/~ada/',
      'web:ada.example:8080/~ada',
      'ada.example:8080/~ada',
      'http://ada.example:8080/~ada/',
    ],
    [
      'a blog on blogspot',
      'https://adaquill.blogspot.com/?m=1',
      'web:adaquill.blogspot.com',
      'adaquill.blogspot.com',
      'https://adaquill.blogspot.com/',
    ],
    [
      'a profile on another network',
      'https://mastodon.example/@ada',
      'web:mastodon.example/@ada',
      'mastodon.example/@ada',
      'https://mastodon.example/@ada',
    ],
    [
      'a website with an international host',
      'https://bücher.example/ada',
      'web:xn--bcher-kva.example/ada',
      'xn--bcher-kva.example/ada',
      'https://xn--bcher-kva.example/ada',
    ],
  ];

  it.each(people)('%s', (_what, linkUrl, key, name, url) => {
    const result = link(linkUrl);
    expect(person(result)).toEqual({ key, name, url });
    expect(personRefSchema.safeParse(person(result)).success).toBe(true);
    expect((result as { context: string | null }).context).toBe(TIMELINE);
  });

  // [what, link, error]
  const nobody: [string, string, string][] = [
    ['LinkedIn /in/me', 'https://www.linkedin.com/in/me/', ERRORS.viewerAlias],
    ['LinkedIn /in/ME', 'https://www.linkedin.com/in/ME', ERRORS.viewerAlias],
    ['a LinkedIn company page', 'https://www.linkedin.com/company/acme/', ERRORS.organization],
    ['a LinkedIn school page', 'https://www.linkedin.com/school/some-uni/', ERRORS.organization],
    [
      'a LinkedIn showcase page',
      'https://www.linkedin.com/showcase/acme-labs',
      ERRORS.organization,
    ],
    ['the LinkedIn feed', 'https://www.linkedin.com/feed/', ERRORS.notLinkedInProfile],
    [
      'a LinkedIn post',
      'https://www.linkedin.com/posts/ada-quill-4b21a_data-activity-71234',
      ERRORS.notLinkedInProfile,
    ],
    ['LinkedIn /in/ with no slug', 'https://www.linkedin.com/in/', ERRORS.notLinkedInProfile],
    ['X home', 'https://x.com/home', ERRORS.notXProfile],
    ['X explore', 'https://twitter.com/explore', ERRORS.notXProfile],
    ['X search', 'https://x.com/search?q=ada', ERRORS.notXProfile],
    ['an X hashtag', 'https://x.com/hashtag/data', ERRORS.notXProfile],
    ['X messages', 'https://x.com/messages/123-456', ERRORS.notXProfile],
    ['an X /i/ route', 'https://x.com/i/web/status/1801234567890123456', ERRORS.notXProfile],
    ['X settings', 'https://x.com/settings/profile', ERRORS.notXProfile],
    ['the root of X', 'https://x.com/', ERRORS.notXProfile],
    ['an X path that is no handle', 'https://x.com/robots.txt', ERRORS.notXProfile],
    [
      'a Blogger page that is no profile',
      'https://www.blogger.com/about/',
      ERRORS.notBloggerProfile,
    ],
    ['a t.co short link', 'https://t.co/AbCdEf123', ERRORS.shortener('t.co')],
    ['an lnkd.in short link', 'https://lnkd.in/eXyZ', ERRORS.shortener('lnkd.in')],
    ['a mailto: link', 'mailto:ada@ada.example', ERRORS.notWebLink('mailto:')],
    ['a javascript: link', 'javascript:void(0)', ERRORS.notWebLink('javascript:')],
    ['a chrome:// link', 'chrome://settings/', ERRORS.notWebLink('chrome:')],
    ['a tel: link', 'tel:+441234567890', ERRORS.notWebLink('tel:')],
    ['a data: link', 'data:text/html,<b>Ada</b>', ERRORS.notWebLink('data:')],
    ['a file: link', 'file:///home/ada/cv.pdf', ERRORS.notWebLink('file:')],
    ['an ftp: link', 'ftp://files.example/ada', ERRORS.notWebLink('ftp:')],
    ['an address that does not parse', 'https://exa mple.com:port/', ERRORS.badLink],
    ['a web link too long to store', `https://ada.example/${'a'.repeat(9000)}`, ERRORS.tooLong],
  ];

  it.each(nobody)('%s names nobody', (_what, linkUrl, message) => {
    expect(error(link(linkUrl))).toBe(message);
  });

  it('has a table of more than thirty kinds of link', () => {
    expect(people.length + nobody.length).toBeGreaterThan(30);
  });

  it('takes the selected link text as the name when it reads like a name', () => {
    const result = link('https://www.linkedin.com/in/ada-quill-4b21a/', {
      selectionText: '  Ada\u200B Quill \u202E• 2nd ',
    });
    expect(person(result).name).toBe('Ada Quill');
    expect(person(result).key).toBe('linkedin:ada-quill-4b21a');
  });

  it('keeps the slug when the selected text around the link is no name', () => {
    for (const selectionText of [
      'View profile',
      'https://www.linkedin.com/in/ada-quill-4b21a/',
      '@pipwellings',
      'This is a whole sentence about Ada that runs on for many more words than a name',
      '🦉 ✨',
      'x'.repeat(150),
    ]) {
      expect(
        person(link('https://www.linkedin.com/in/ada-quill-4b21a/', { selectionText })).name,
      ).toBe('ada-quill-4b21a');
    }
  });

  it('takes a selected name for a website too', () => {
    expect(person(link('https://ada.example/', { selectionText: 'Ada Quill' }))).toEqual({
      key: 'web:ada.example',
      name: 'Ada Quill',
      url: 'https://ada.example/',
    });
  });

  it('resolves a relative link against the frame it was in', () => {
    expect(
      person(
        resolveRemember({
          linkUrl: '/in/ada-quill-4b21a/',
          pageUrl: 'https://blog.example/',
          frameUrl: 'https://www.linkedin.com/embed/feed/update/urn:li:share:1',
        }),
      ).key,
    ).toBe('linkedin:ada-quill-4b21a');
  });
});

describe('remembering a selected name', () => {
  it('makes a named: key on the page host, with the page as the address', () => {
    const result = resolveRemember({ selectionText: 'Ada Quill', pageUrl: BLOG });
    expect(person(result)).toEqual({
      key: 'named:blog.example:ada quill',
      name: 'Ada Quill',
      url: BLOG,
    });
    expect((result as { context: string | null }).context).toBe(BLOG);
  });

  it('follows CONTRACT §1 exactly as the blog reader does for a commenter without a link', () => {
    for (const [page, name] of [
      ['https://WWW.Blog.Example/post?id=3#c2', 'Ada   QUILL'],
      ['http://blog.example:8080/', 'Zoë Ångström'],
      ['https://ada.blogspot.com/2024/05/x.html', 'Dr. Ada Quill-Smith'],
    ] as const) {
      const key = person(resolveRemember({ selectionText: name, pageUrl: page })).key;
      expect(key).toBe(namedKey(new URL(page), name));
    }
  });

  it('cleans bidi controls, zero-width characters and UI suffixes out of the selection', () => {
    const result = resolveRemember({
      selectionText: '\u202EAda\u200B\u200D \u2066Quill\u2069\uFEFF\n\t  • 3rd+ ',
      pageUrl: BLOG,
    });
    expect(person(result).name).toBe('Ada Quill');
    expect(person(result).key).toBe('named:blog.example:ada quill');
  });

  it('caps a 10,000-character selection at 200 characters', () => {
    const selectionText = 'Ada Quill '.repeat(1000);
    const result = person(resolveRemember({ selectionText, pageUrl: BLOG }));
    expect(result.name.length).toBeLessThanOrEqual(MAX_SELECTED_NAME_LENGTH);
    expect(result.name.length).toBeGreaterThan(190);
    expect(result.name).toBe(selectionText.slice(0, 200).trimEnd());
    expect(result.key).toBe(`named:blog.example:${result.name.toLowerCase()}`);
    expect(personRefSchema.safeParse(result).success).toBe(true);
  });

  it('never splits an emoji when cutting', () => {
    const selectionText = `${'a'.repeat(199)}🦉 and more`;
    const name = person(resolveRemember({ selectionText, pageUrl: BLOG })).name;
    expect(name).toBe('a'.repeat(199));
    expect(name.isWellFormed()).toBe(true);
  });

  it('keeps a selection on LinkedIn or X as a named: key on that host', () => {
    expect(
      person(
        resolveRemember({
          selectionText: 'Ada Quill',
          pageUrl: 'https://www.linkedin.com/feed/',
        }),
      ).key,
    ).toBe('named:linkedin.com:ada quill');
  });

  it('takes a selected @handle on X as that account', () => {
    expect(person(resolveRemember({ selectionText: ' @PipWellings ', pageUrl: TIMELINE }))).toEqual(
      { key: 'x:pipwellings', name: 'pipwellings', url: 'https://x.com/pipwellings' },
    );
    // Elsewhere a handle is just text: whose account it is, the page does not say.
    expect(person(resolveRemember({ selectionText: '@PipWellings', pageUrl: BLOG })).key).toBe(
      'named:blog.example:@pipwellings',
    );
  });

  it('treats a selection with nothing visible in it as no selection', () => {
    const invisible = '\u200B\u200E\u2066\u2069 \n ';
    expect(error(resolveRemember({ selectionText: invisible, pageUrl: BLOG }))).toBe(
      ERRORS.nobodyHere,
    );
    expect(
      person(
        resolveRemember({
          selectionText: invisible,
          pageUrl: 'https://www.linkedin.com/in/ada-quill-4b21a/',
        }),
      ).key,
    ).toBe('linkedin:ada-quill-4b21a');
  });

  it('keeps a selection that is nothing but a UI suffix as it is', () => {
    expect(person(resolveRemember({ selectionText: 'Verified', pageUrl: BLOG })).name).toBe(
      'Verified',
    );
  });

  it('refuses a selection on a page that is not a web page', () => {
    for (const pageUrl of ['chrome://newtab/', 'file:///home/ada/notes.html', 'about:blank']) {
      expect(error(resolveRemember({ selectionText: 'Ada Quill', pageUrl }))).toBe(
        ERRORS.notWebPage,
      );
    }
  });

  it('uses the tab address when the click carries no page address', () => {
    expect(
      person(resolveRemember({ selectionText: 'Ada Quill' }, { url: 'https://blog.example/x' }))
        .key,
    ).toBe('named:blog.example:ada quill');
  });
});

describe('remembering the page itself', () => {
  const page = (pageUrl: string, tab?: RememberTab) => resolveRemember({ pageUrl }, tab);

  it("takes a LinkedIn profile's subject, named from the tab title", () => {
    const result = page('https://www.linkedin.com/in/ada-quill-4b21a/', {
      title: '(3) Ada Quill | LinkedIn',
    });
    expect(person(result)).toEqual({
      key: 'linkedin:ada-quill-4b21a',
      name: 'Ada Quill',
      url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
    });
    expect((result as { context: string | null }).context).toBe(
      'https://www.linkedin.com/in/ada-quill-4b21a/',
    );
  });

  it("takes a signed-out LinkedIn title's name before its headline", () => {
    expect(
      person(
        page('https://de.linkedin.com/in/ada-quill-4b21a', {
          title: 'Ada Quill - Data Engineer - Acme | LinkedIn',
        }),
      ).name,
    ).toBe('Ada Quill');
  });

  it('keeps the slug on a LinkedIn sub-page, whose title names the sub-page first', () => {
    expect(
      person(
        page('https://www.linkedin.com/in/ada-quill-4b21a/recent-activity/all/', {
          title: 'Activity | Ada Quill | LinkedIn',
        }),
      ),
    ).toEqual({
      key: 'linkedin:ada-quill-4b21a',
      name: 'ada-quill-4b21a',
      url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
    });
  });

  it("takes an X profile's subject, named from the tab title without (@handle) and / X", () => {
    expect(
      person(page('https://x.com/PipWellings', { title: 'Pip 🦉 Wellings (@PipWellings) / X' })),
    ).toEqual({ key: 'x:pipwellings', name: 'Pip 🦉 Wellings', url: 'https://x.com/pipwellings' });
  });

  it("reads an X profile tab's title too", () => {
    expect(
      person(
        page('https://twitter.com/pipwellings/with_replies', {
          title: '(2) Posts with replies by Pip Wellings (@pipwellings) / Twitter',
        }),
      ).name,
    ).toBe('Pip Wellings');
  });

  it("does not take a title left over from X's previous page", () => {
    expect(
      person(page('https://x.com/pipwellings', { title: 'Quinta Marsh (@quintamarsh) / X' })).name,
    ).toBe('pipwellings');
  });

  it('falls back to the handle or slug without a usable title', () => {
    expect(person(page('https://x.com/pipwellings')).name).toBe('pipwellings');
    expect(person(page('https://x.com/pipwellings', { title: 'X' })).name).toBe('pipwellings');
    expect(
      person(page('https://www.linkedin.com/in/ada-quill-4b21a/', { title: 'LinkedIn' })).name,
    ).toBe('ada-quill-4b21a');
  });

  it('names nobody on a page without a subject', () => {
    for (const pageUrl of [
      'https://x.com/home',
      'https://x.com/harperzell/status/1801234567890123456',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/company/acme/',
      'https://www.linkedin.com/in/me/',
      BLOG,
    ]) {
      expect(error(page(pageUrl, { title: 'Ada Quill | LinkedIn' }))).toBe(ERRORS.nobodyHere);
    }
  });

  it('names nobody on pages that are not web pages', () => {
    expect(error(page('chrome://extensions/'))).toBe(ERRORS.notWebPage);
    expect(error(resolveRemember({}))).toBe(ERRORS.notWebPage);
    expect(error(resolveRemember({}, { url: 'chrome://newtab/', title: 'New Tab' }))).toBe(
      ERRORS.notWebPage,
    );
  });
});

describe('what resolveRemember never does', () => {
  it('throws on nothing a browser or a hostile page can hand it', () => {
    const inputs: [RememberClick, RememberTab?][] = [
      [{}],
      [{ linkUrl: '' }],
      [{ linkUrl: '   ', pageUrl: 'not a url' }],
      [{ linkUrl: 'http://[::1', pageUrl: BLOG }],
      [{ linkUrl: 'https://x.com/%E0%A4%A', pageUrl: 'https://x.com/%' }],
      [{ linkUrl: 'https://www.linkedin.com/in/%E0%A4%A/' }],
      [{ selectionText: '\uD800', pageUrl: BLOG }],
      [{ selectionText: 'N'.repeat(1_000_000), pageUrl: BLOG }],
      [{ pageUrl: 'https://x.com/pipwellings' }, { title: '(@'.repeat(10_000) }],
      [{ menuItemId: 7, linkUrl: 'https://x.com/pipwellings' }],
      [{ frameUrl: 'javascript:alert(1)' }],
      [{ selectionText: 42 as unknown as string, linkUrl: null as unknown as string }],
      [{ pageUrl: 'https://x.com/pipwellings' }, { title: 7 as unknown as string }],
    ];
    for (const [info, tab] of inputs) {
      let result: RememberResolution | undefined;
      expect(() => (result = resolveRemember(info, tab))).not.toThrow();
      // Whatever comes out is either words for the user or a person the background accepts.
      if (result && 'error' in result) expect(result.error).toMatch(/\w/);
      else expect(personRefSchema.safeParse(result?.person).success).toBe(true);
    }
  });

  it("answers another menu item's click with an error", () => {
    expect(
      error(
        resolveRemember({ menuItemId: 'something-else', linkUrl: 'https://x.com/pipwellings' }),
      ),
    ).toBe(ERRORS.notOurItem);
  });
});

describe('the name helpers', () => {
  it('nameLike accepts names and refuses labels, addresses and sentences', () => {
    expect(nameLike(' Zoë  Ångström ')).toBe('Zoë Ångström');
    expect(nameLike('María José García de la Fuente')).toBe('María José García de la Fuente');
    expect(nameLike('Website')).toBeNull();
    expect(nameLike('www.ada.example')).toBeNull();
    expect(nameLike('ada.example/blog')).toBeNull();
    expect(nameLike('1234')).toBeNull();
    expect(nameLike('one two three four five six seven eight nine')).toBeNull();
  });

  it('namedKeyOn lower-cases and collapses the name and normalises the host', () => {
    expect(namedKeyOn(new URL('https://WWW.Blog.Example./x'), '  Ada \n QUILL ')).toBe(
      'named:blog.example:ada quill',
    );
  });

  it('linkedInTitleName and xTitleName need their site suffix', () => {
    expect(linkedInTitleName('Ada Quill')).toBeNull();
    expect(linkedInTitleName('Ada Quill | LinkedIn')).toBe('Ada Quill');
    expect(xTitleName('Pip Wellings (@pipwellings)', 'x:pipwellings')).toBeNull();
    expect(xTitleName('Pip Wellings (@pipwellings) / X', 'x:pipwellings')).toBe('Pip Wellings');
  });
});
