import {
  bloggerKeyFromUrl,
  commenterKey,
  commenterUrl,
  namedKey,
  normalizeHost,
  webKeyFromUrl,
} from '../../../lib/sites/blog/urls';
import { adapterFor } from '../../../lib/sites/registry';

const BLOG_PAGE = new URL('https://www.MyBlog.example/2024/05/post/?replytocom=3#respond');

describe('webKeyFromUrl', () => {
  it.each([
    ['https://www.JennRoasts.example/blog/?ref=x#top', 'web:jennroasts.example/blog'],
    ['http://jennroasts.example/blog', 'web:jennroasts.example/blog'],
    ['https://JENNROASTS.EXAMPLE/', 'web:jennroasts.example'],
    ['https://jennroasts.example', 'web:jennroasts.example'],
    ['https://jennroasts.example/?p=12', 'web:jennroasts.example'],
    ['https://jennroasts.example/#about', 'web:jennroasts.example'],
    ['HTTPS://WWW.Example.COM/Path/To/Page/', 'web:example.com/Path/To/Page'],
    ['https://example.com/a//', 'web:example.com/a'],
    ['https://www.www.example.com/x', 'web:www.example.com/x'],
    ['https://wwwblog.example/', 'web:wwwblog.example'],
    ['https://blog.example.com./notes/', 'web:blog.example.com/notes'],
    ['https://example.com:8443/notes/', 'web:example.com:8443/notes'],
    ['https://example.com:443/notes/', 'web:example.com/notes'],
    ['https://user:secret@example.com/notes/', 'web:example.com/notes'],
    ['https://bücher.example/', 'web:xn--bcher-kva.example'],
    ['https://example.com/caf%C3%A9/', 'web:example.com/caf%C3%A9'],
    ['https://someone.blogspot.com/', 'web:someone.blogspot.com'],
    ['https://www.blogger.com/', 'web:blogger.com'],
    ['https://plus.google.com/112233445566', 'web:plus.google.com/112233445566'],
  ])('%s → %s', (href, key) => {
    expect(webKeyFromUrl(href)).toBe(key);
  });

  it.each([
    ['/about/', 'https://www.MyBlog.example/2024/05/post/', 'web:myblog.example/about'],
    ['//cdn.example/x/', 'https://www.myblog.example/', 'web:cdn.example/x'],
    ['friends/', 'https://myblog.example/people/', 'web:myblog.example/people/friends'],
  ])('resolves %s against %s', (href, base, key) => {
    expect(webKeyFromUrl(href, base)).toBe(key);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:void(0)',
    'mailto:ann@example.com',
    'tel:+441234567890',
    'data:text/html,hi',
    'ftp://files.example/',
    'about:blank',
    '',
    '#',
    '#comment-4',
    '   ',
    'not a url',
    '/relative/without/base',
  ])('gives no key for %j', (href) => {
    expect(webKeyFromUrl(href)).toBeNull();
  });

  it.each([
    'https://www.linkedin.com/in/ada-quill/',
    'https://www.linkedin.com/company/brew-and-bond/',
    'https://fr.linkedin.com/posts/ada_123',
    'https://x.com/PipWellings',
    'https://twitter.com/intent/tweet?text=hi',
    'https://mobile.x.com/home',
    'https://www.blogger.com/profile/08123456789012345678',
  ])('leaves %s to its own scheme', (href) => {
    expect(webKeyFromUrl(href)).toBeNull();
  });
});

describe('bloggerKeyFromUrl', () => {
  it.each([
    ['https://www.blogger.com/profile/08123456789012345678', 'blogger:08123456789012345678'],
    ['https://www.blogger.com/profile/08123456789012345678/', 'blogger:08123456789012345678'],
    ['http://blogger.com/profile/123', 'blogger:123'],
    ['https://draft.blogger.com/profile/4567', 'blogger:4567'],
    ['https://WWW.BLOGGER.COM/profile/99?hl=en#top', 'blogger:99'],
    ['//www.blogger.com/profile/42', 'blogger:42'],
  ])('%s → %s', (href, key) => {
    expect(bloggerKeyFromUrl(href, 'https://quietlinks.blogspot.com/')).toBe(key);
  });

  it.each([
    'https://www.blogger.com/profile/',
    'https://www.blogger.com/profile/abc123',
    'https://www.blogger.com/profile/123/extra',
    'https://www.blogger.com/comment/delete/1/2',
    'https://www.blogger.com/',
    'https://blogger.com.evil.example/profile/123',
    'https://notblogger.com/profile/123',
    'https://quietlinks.blogspot.com/profile/123',
    'https://www.linkedin.com/in/123',
    'https://x.com/profile',
    'javascript:location="https://www.blogger.com/profile/1"',
  ])('rejects %s', (href) => {
    expect(bloggerKeyFromUrl(href)).toBeNull();
  });
});

describe('namedKey', () => {
  it.each([
    ['https://www.myblog.example/post/', 'Sam  R.', 'named:myblog.example:sam r.'],
    ['https://www.MyBlog.example/post/?x=1#c', 'Anonymous', 'named:myblog.example:anonymous'],
    ['https://myblog.example/', 'ANONYMOUS', 'named:myblog.example:anonymous'],
    [
      'http://quietlinks.blogspot.com/2024/02/x.html',
      ' \n Jo\tMarsh ',
      'named:quietlinks.blogspot.com:jo marsh',
    ],
    ['https://myblog.example:8080/', 'Ann', 'named:myblog.example:8080:ann'],
    ['https://myblog.example/', 'Zoë Ångström', 'named:myblog.example:zoë ångström'],
    ['https://myblog.example/', 'A\u200bnn\u202e', 'named:myblog.example:ann'],
  ])('%s with %j → %s', (page, name, key) => {
    expect(namedKey(new URL(page), name)).toBe(key);
  });

  it('never truncates the name', () => {
    const name = 'N'.repeat(245);
    expect(namedKey(BLOG_PAGE, name)).toBe(`named:myblog.example:${'n'.repeat(245)}`);
  });

  it.each([
    ['https://myblog.example/', ''],
    ['https://myblog.example/', ' \u200b '],
    ['https://www.linkedin.com/feed/', 'Ann'],
    ['https://x.com/home', 'Ann'],
    ['file:///home/ann/post.html', 'Ann'],
  ])('gives no key on %s for %j', (page, name) => {
    expect(namedKey(new URL(page), name)).toBeNull();
  });
});

describe('commenterKey', () => {
  it.each([
    // LinkedIn and X profiles win over web:
    ['https://www.linkedin.com/in/Tobias-Brindle/', 'linkedin:tobias-brindle'],
    ['https://uk.linkedin.com/in/priya-halloran-7b/?trk=x', 'linkedin:priya-halloran-7b'],
    ['https://www.linkedin.com/in/ACoAAB4qVxw0AdaQ', 'linkedin:ACoAAB4qVxw0AdaQ'],
    ['https://twitter.com/JunoPark_', 'x:junopark_'],
    ['https://x.com/junopark_/', 'x:junopark_'],
    ['https://mobile.x.com/MartaQ/status/1', 'x:martaq'],
    // then Blogger profiles
    ['https://www.blogger.com/profile/11223344556677889900', 'blogger:11223344556677889900'],
    // then any website
    ['https://www.marigold-notes.example/blog/', 'web:marigold-notes.example/blog'],
    ['/author/meg/', 'web:myblog.example/author/meg'],
    // LinkedIn and X pages that are not a person, and non-web links: the name decides
    ['https://www.linkedin.com/company/achebe-roy-studio/', 'named:myblog.example:sam r.'],
    ['https://x.com/home', 'named:myblog.example:sam r.'],
    ['https://www.blogger.com/profile/not-digits', 'web:blogger.com/profile/not-digits'],
    ['javascript:alert(1)', 'named:myblog.example:sam r.'],
    ['mailto:sam@example.com', 'named:myblog.example:sam r.'],
    ['#', 'named:myblog.example:sam r.'],
    ['https://www.myblog.example/2024/05/post/#comment-3', 'named:myblog.example:sam r.'],
    ['/2024/05/post/?replytocom=3', 'named:myblog.example:sam r.'],
    ['https://myblog.example/2024/05/', 'web:myblog.example/2024/05'],
    ['', 'named:myblog.example:sam r.'],
    [null, 'named:myblog.example:sam r.'],
  ])('%j → %s', (href, key) => {
    expect(commenterKey(href, BLOG_PAGE, 'Sam  R.')).toBe(key);
  });

  it('identity never comes from the name', () => {
    expect(commenterKey(null, BLOG_PAGE, 'https://www.linkedin.com/in/ada-quill/')).toBe(
      'named:myblog.example:https://www.linkedin.com/in/ada-quill/',
    );
    expect(commenterKey(null, BLOG_PAGE, '@PipWellings')).toBe('named:myblog.example:@pipwellings');
  });

  it('is null only without a link and without a name', () => {
    expect(commenterKey(null, BLOG_PAGE, '')).toBeNull();
    expect(commenterKey('javascript:void(0)', BLOG_PAGE, '')).toBeNull();
    expect(commenterKey('https://ann.example/', BLOG_PAGE, '')).toBe('web:ann.example');
  });

  it('gives the absolute address of web links only', () => {
    expect(commenterUrl('/author/meg/', BLOG_PAGE)).toBe('https://www.myblog.example/author/meg/');
    expect(commenterUrl('javascript:alert(1)', BLOG_PAGE)).toBeUndefined();
    expect(commenterUrl(null, BLOG_PAGE)).toBeUndefined();
  });
});

describe('normalizeHost', () => {
  it.each([
    ['WWW.Example.COM', 'example.com'],
    ['www.example.com.', 'example.com'],
    ['example.com:8080', 'example.com:8080'],
    ['www.', 'www'],
    ['www', 'www'],
  ])('%s → %s', (host, normalized) => {
    expect(normalizeHost(host)).toBe(normalized);
  });
});

describe('the blog adapter in the registry', () => {
  it.each([
    ['https://careerblog.example/2024/03/post/', 'blog'],
    ['http://quietlinks.blogspot.com/2024/02/x.html', 'blog'],
    ['https://www.linkedin.com/in/ada-quill/', 'linkedin'],
    ['https://x.com/PipWellings', 'x'],
    ['https://twitter.com/home', 'x'],
  ])('%s is read by %s', (href, id) => {
    expect(adapterFor(new URL(href))?.id).toBe(id);
  });

  it.each(['file:///tmp/post.html', 'about:blank', 'chrome-extension://abc/popup.html'])(
    'does not read %s',
    (href) => {
      expect(adapterFor(new URL(href))).toBeNull();
    },
  );
});
