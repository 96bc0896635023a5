import { createGrowingBlogReader } from '@/lib/content/blog-reader';
import { blogAdapter } from '@/lib/sites/blog/adapter';
import { showsExtraCommentMarkup } from '@/lib/sites/blog/extra-markup';
import { EXTRA_BLOG_READERS } from '@/lib/sites/blog/extra-readers';
import { createBlogAdapter } from '@/lib/sites/blog/reader';
import { wordpress } from '@/lib/sites/blog/wordpress';
import type { AuthorMatch } from '@/lib/sites/types';

import { BLOG_FIXTURES, loadBlogFixture } from '../support/blog-fixtures';

const load = loadBlogFixture;

const keys = (matches: AuthorMatch[]) => matches.map((m) => m.person.key);
const wordpressOnly = createBlogAdapter({ systems: [wordpress] });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the blog content script’s reader', () => {
  it.each(BLOG_FIXTURES)(
    '%s: loading the extra readers only when the page shows their markup loses nobody',
    (name) => {
      const { doc, url } = load(name);
      const all = keys(blogAdapter.findAuthors(doc, url)).join(' ');
      const withWordPress = keys(wordpressOnly.findAuthors(doc, url)).join(' ');
      expect(
        all === withWordPress || showsExtraCommentMarkup(doc),
        'the extra readers find someone here, but their markup is not recognised',
      ).toBe(true);
    },
  );

  it('finds markup for each extra comment system in its fixture', () => {
    for (const name of [
      'blog/blogger-contempo',
      'blog-variants/blogger-classic-backlinks',
      'blog-variants/indieweb-microformats',
      'blog-variants/schema-microdata',
      'blog-variants/schema-jsonld',
    ]) {
      expect(showsExtraCommentMarkup(load(name).doc), name).toBe(true);
    }
    expect(showsExtraCommentMarkup(load('blog/wordpress-classic').doc)).toBe(false);
  });

  it('recognises markup a part of the page sits in, or that the page adds', () => {
    const { doc } = load('blog/blogger-contempo');
    const author = doc.querySelector('cite.user');
    expect(author?.firstChild).toBeTruthy();
    expect(showsExtraCommentMarkup(author as Element)).toBe(true);
    const added = doc.createElement('div');
    added.innerHTML = '<p>a paragraph</p>';
    expect(showsExtraCommentMarkup(added)).toBe(false);
  });

  it('reads WordPress comments without loading anything', async () => {
    const { doc, url } = load('blog/wordpress-classic');
    const loadExtra = vi.fn(async () => EXTRA_BLOG_READERS);
    const onGrown = vi.fn();
    const reader = createGrowingBlogReader([wordpress], onGrown, loadExtra);

    const found = keys(reader.findAuthors(doc, url));
    await flush();

    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(keys(blogAdapter.findAuthors(doc, url)));
    expect(loadExtra).not.toHaveBeenCalled();
    expect(onGrown).not.toHaveBeenCalled();
  });

  it('loads the extra readers once on a Blogger page, then reads it as the full adapter does', async () => {
    const { doc, url } = load('blog/blogger-contempo');
    const loadExtra = vi.fn(async () => EXTRA_BLOG_READERS);
    const onGrown = vi.fn();
    const reader = createGrowingBlogReader([wordpress], onGrown, loadExtra);

    reader.findAuthors(doc, url);
    reader.findAuthors(doc, url);
    await flush();
    expect(loadExtra).toHaveBeenCalledTimes(1);
    expect(onGrown).toHaveBeenCalledTimes(1);

    const expected = keys(blogAdapter.findAuthors(doc, url));
    expect(expected).toEqual(expect.arrayContaining(['blogger:11223344556677889900']));
    expect(keys(wordpressOnly.findAuthors(doc, url))).not.toContain('blogger:11223344556677889900');
    expect(keys(reader.findAuthors(doc, url))).toEqual(expected);
  });

  it('asks again when a load failed', async () => {
    const { doc, url } = load('blog-variants/schema-jsonld');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loadExtra = vi
      .fn<() => Promise<typeof EXTRA_BLOG_READERS>>()
      .mockRejectedValueOnce(new Error('no background'))
      .mockResolvedValue(EXTRA_BLOG_READERS);
    const onGrown = vi.fn();
    const reader = createGrowingBlogReader([wordpress], onGrown, loadExtra);

    reader.findAuthors(doc, url);
    await flush();
    expect(onGrown).not.toHaveBeenCalled();
    reader.findAuthors(doc, url);
    await flush();
    expect(loadExtra).toHaveBeenCalledTimes(2);
    expect(onGrown).toHaveBeenCalledTimes(1);
    expect(keys(reader.findAuthors(doc, url))).toEqual(keys(blogAdapter.findAuthors(doc, url)));
    warn.mockRestore();
  });
});
