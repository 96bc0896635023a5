import { aliasesFitPage, subjectFitsPage } from '@/lib/sites/claims';

const page = (href: string) => new URL(href);

describe('subjectFitsPage', () => {
  it.each([
    ['https://www.linkedin.com/in/ada-quill-4b21a/', 'linkedin:ada-quill-4b21a'],
    [
      'https://www.linkedin.com/in/ada-quill-4b21a/recent-activity/all/',
      'linkedin:ada-quill-4b21a',
    ],
    ['https://www.linkedin.com/messaging/thread/2-abc/', 'linkedin:anyone-at-all'],
    ['https://x.com/pipwellings', 'x:pipwellings'],
    ['https://twitter.com/pipwellings/media', 'x:pipwellings'],
  ])('%s can be about %s', (href, key) => {
    expect(subjectFitsPage(page(href), key)).toBe(true);
  });

  it.each([
    ['https://www.linkedin.com/in/ada-quill-4b21a/', 'linkedin:someone-else'],
    ['https://www.linkedin.com/in/ada-quill-4b21a/', 'x:ada'],
    ['https://www.linkedin.com/messaging/thread/2-abc/', 'x:pipwellings'],
    ['https://www.linkedin.com/feed/', 'linkedin:ada-quill-4b21a'],
    ['https://x.com/pipwellings', 'x:someoneelse'],
    ['https://x.com/home', 'x:home'],
    ['https://x.com/pipwellings/status/1', 'x:pipwellings'],
    // Other sites' addresses never vouch for anyone on LinkedIn or X.
    ['https://careerblog.example/in/ada-quill-4b21a/', 'linkedin:ada-quill-4b21a'],
    ['https://quietlinks.blogspot.com/pipwellings', 'x:pipwellings'],
    ['https://evil.example/x.com/pipwellings', 'x:pipwellings'],
  ])('%s is not about %s', (href, key) => {
    expect(subjectFitsPage(page(href), key)).toBe(false);
  });
});

describe('aliasesFitPage', () => {
  it('takes account numbers from an X profile only', () => {
    expect(aliasesFitPage(page('https://x.com/pipwellings'), ['x-id:1234567890'])).toBe(true);
    expect(aliasesFitPage(page('https://x.com/pipwellings'), [])).toBe(true);
    expect(aliasesFitPage(page('https://x.com/home'), ['x-id:1'])).toBe(false);
    expect(aliasesFitPage(page('https://www.linkedin.com/in/ada/'), ['x-id:1'])).toBe(false);
    expect(aliasesFitPage(page('https://x.com/pipwellings'), ['x:other'])).toBe(false);
    expect(aliasesFitPage(page('https://x.com/pipwellings'), ['x-id:12a'])).toBe(false);
    expect(aliasesFitPage(page('https://x.com/pipwellings'), ['named:x.com:pip'])).toBe(false);
  });
});
