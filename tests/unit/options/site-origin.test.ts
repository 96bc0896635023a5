import { blogOriginOf } from '@/lib/sites/site-origin';

describe('blogOriginOf', () => {
  it.each<[string, string]>([
    ['blog.example', 'https://blog.example'],
    ['  blog.example \n', 'https://blog.example'],
    ['blog.example/2024/05/owls?utm=x#comments', 'https://blog.example'],
    ['https://blog.example/post/1?reply=2', 'https://blog.example'],
    ['https://blog.example/', 'https://blog.example'],
    ['http://blog.example/post', 'http://blog.example'],
    ['HTTPS://Blog.Example/Post', 'https://blog.example'],
    ['https://blog.example:8443/post', 'https://blog.example:8443'],
    ['http://blog.example:8080', 'http://blog.example:8080'],
    ['https://blog.example:443/post', 'https://blog.example'],
    ['https://www.sub.blog.example', 'https://www.sub.blog.example'],
    ['https://127.0.0.1:8080/x', 'https://127.0.0.1:8080'],
    ['localhost', 'https://localhost'],
    ['http://localhost:4000/post/1', 'http://localhost:4000'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
    // Only the real LinkedIn and X hosts are built in; look-alikes are blogs like any other.
    ['linkedin.com.evil.example', 'https://linkedin.com.evil.example'],
    ['notx.com', 'https://notx.com'],
  ])('%j → %s', (input, origin) => {
    expect(blogOriginOf(input)).toBe(origin);
  });

  it.each([
    // Always on, never a blog to enable.
    'linkedin.com',
    'www.linkedin.com/in/ada-quill-4b21a/',
    'https://www.linkedin.com/feed/',
    'http://www.linkedin.com',
    'x.com/pipwellings',
    'https://x.com',
    'twitter.com',
    'https://mobile.twitter.com/pip',
    // Not web pages.
    'chrome://extensions',
    'chrome-extension://abcdef/sidebar.html',
    'about:blank',
    'file:///home/me/notes.html',
    'javascript:alert(1)',
    'data:text/html,<b>hi</b>',
    'ftp://files.example/',
    'mailto:ada@blog.example',
    // Not an address.
    '',
    '   ',
    'not a url',
    'intranet',
    'https://intranet/',
  ])('%j → null', (input) => {
    expect(blogOriginOf(input)).toBeNull();
  });
});

describe('blogOriginOf, more forms people type', () => {
  it.each([
    ['blog.example:8080', 'https://blog.example:8080'],
    ['localhost:4000/post', 'https://localhost:4000'],
    ['*.example', null],
    ['https://*.example/', null],
    ['data:text/html,hi', null],
  ])('%s → %s', (input, expected) => {
    expect(blogOriginOf(input)).toBe(expected);
  });
});
