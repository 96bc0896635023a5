import { SITE_ADAPTERS } from '../../../lib/sites/registry';

const PREFIX = '../../../lib/sites/';
const SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../lib/sites/**/*.{ts,tsx}', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, source]) => [path.slice(PREFIX.length), source]),
);
const ADAPTER_FILES = ['urls.ts', 'selectors.ts', 'adapter.ts'];

/** The content scripts' entrypoints, each of which names the site adapters it reads pages with. */
const CONTENT_ENTRYPOINTS: Record<string, string> = import.meta.glob<string>(
  '../../../entrypoints/*.content/index.ts',
  { query: '?raw', import: 'default', eager: true },
);

/** Fixture pairs by their folder: `linkedin/feed.json` → `linkedin`. */
const FIXTURE_FOLDERS = Object.keys(
  import.meta.glob('../../fixtures/*/*.json', { query: '?raw', import: 'default' }),
).map((path) => path.split('/').at(-2) ?? '');

/** DOM query calls whose selector is written in place instead of coming from a selectors.ts. */
const QUERY_METHODS = [
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'webkitMatchesSelector',
  'getElementsByClassName',
  'getElementsByTagName',
];
const INLINE_SELECTOR = new RegExp(
  String.raw`\.(?:${QUERY_METHODS.join('|')})\s*\(\s*['"\x60]`,
  'g',
);

function inlineSelectors(source: string): string[] {
  return Array.from(source.matchAll(INLINE_SELECTOR), (m) => m[0]);
}

describe('site module structure', () => {
  it('recognises a selector written in place', () => {
    expect(inlineSelectors(`el.querySelector('a[href]')`)).toHaveLength(1);
    expect(inlineSelectors(`x.closest("article").matches(\`.y\`)`)).toHaveLength(2);
    expect(inlineSelectors(`doc.querySelectorAll( 'h1' )`)).toHaveLength(1);
    expect(inlineSelectors(`el.querySelector(PROFILE_TOP_CARD)`)).toHaveLength(0);
  });

  it('keeps CSS selectors in selectors.ts files only', () => {
    const files = Object.keys(SOURCES).filter((f) => !f.endsWith('selectors.ts'));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((file) =>
      inlineSelectors(SOURCES[file] ?? '').map((call) => `${file}: ${call}`),
    );
    expect(offenders).toEqual([]);
  });

  const siteFolders = [
    ...new Set(
      Object.keys(SOURCES)
        .filter((f) => f.includes('/'))
        .map((f) => f.slice(0, f.indexOf('/'))),
    ),
  ];

  it('has a folder per registered adapter', () => {
    expect(siteFolders.length).toBeGreaterThanOrEqual(2);
    expect([...siteFolders].sort()).toEqual(SITE_ADAPTERS.map((a) => a.id).sort());
  });

  it.each(SITE_ADAPTERS.map((adapter) => adapter.id))(
    'the %s adapter has frozen fixture pages to be tested on',
    (id) => {
      expect(FIXTURE_FOLDERS.filter((folder) => folder === id).length).toBeGreaterThan(0);
    },
  );

  it('gives every site adapter to one content script, which reads no other site', () => {
    const scripts = Object.entries(CONTENT_ENTRYPOINTS).map(([path, source]) => ({
      path,
      // Its site's adapter, or parts of it (a reader the script starts with, one it loads later).
      sites: [
        ...new Set(Array.from(source.matchAll(/lib\/sites\/([\w-]+)\/[\w-]+['"]/g), (m) => m[1])),
      ],
      // The whole registry would bring every site's readers into the script.
      everySite: /lib\/sites(?:\/index|\/registry)?['"]/.test(source),
    }));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const script of scripts) {
      expect(script.everySite, script.path).toBe(false);
      expect(script.sites.length, script.path).toBeLessThanOrEqual(1);
    }
    const read = [...new Set(scripts.flatMap((script) => script.sites))].sort();
    expect(read).toEqual(SITE_ADAPTERS.map((adapter) => adapter.id).sort());
  });

  it.each(siteFolders)('%s has urls.ts, selectors.ts and adapter.ts', (folder) => {
    const missing = ADAPTER_FILES.filter((file) => SOURCES[`${folder}/${file}`] === undefined);
    expect(missing).toEqual([]);
  });
});
