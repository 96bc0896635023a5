/** The blog fixture pages (tests/fixtures/blog and blog-variants), by name: `blog/wordpress-classic`. */
const RAW = import.meta.glob<string>(
  ['../../fixtures/blog/*.{html,json}', '../../fixtures/blog-variants/*.{html,json}'],
  { query: '?raw', import: 'default', eager: true },
);

export const BLOG_FIXTURES = Object.keys(RAW)
  .filter((path) => path.endsWith('.json'))
  .map((path) => path.replace('../../fixtures/', '').replace(/\.json$/, ''));

/** A blog fixture page parsed as served at its JSON's url, with what the JSON expects of it. */
export function loadBlogFixture<T extends { url: string } = { url: string }>(
  name: string,
): { doc: Document; url: URL; expected: T } {
  const expected = JSON.parse(RAW[`../../fixtures/${name}.json`] ?? 'null') as T;
  const html = RAW[`../../fixtures/${name}.html`] ?? '';
  return {
    doc: new DOMParser().parseFromString(html, 'text/html'),
    url: new URL(expected.url),
    expected,
  };
}
