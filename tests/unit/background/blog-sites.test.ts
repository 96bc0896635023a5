import { type BlogSites, createBlogSites, patternOf } from '@/lib/background/blog-sites';
import { LINKEDIN_MATCHES, X_MATCHES } from '@/lib/sites/hosts';

import { BLOG_SCRIPT_FILE, type FakeBlogBrowser, fakeBlogBrowser } from '../support/blog-browser';

const BUILT_IN = [...LINKEDIN_MATCHES, ...X_MATCHES];

let browser: FakeBlogBrowser;
let blogs: BlogSites;

function start(options: Parameters<typeof fakeBlogBrowser>[0] = {}) {
  browser = fakeBlogBrowser(options);
  blogs = createBlogSites(browser.deps);
}

beforeEach(() => start());

describe('patternOf', () => {
  it('turns an origin into the match pattern for its pages', () => {
    expect(patternOf('https://blog.example')).toBe('https://blog.example/*');
    expect(patternOf('http://localhost:4000')).toBe('http://localhost:4000/*');
  });
});

describe('list', () => {
  it('is empty with only the built-in sites granted', async () => {
    start({ granted: BUILT_IN });
    expect(await blogs.list()).toEqual([]);
  });

  it('gives only the granted blog origins, sorted', async () => {
    start({
      granted: [
        'https://zebra.example/*',
        ...BUILT_IN,
        'http://localhost:4000/*',
        'https://apple.example/*',
        'https://blog.example:8443/*',
      ],
    });
    expect(await blogs.list()).toEqual([
      'http://localhost:4000',
      'https://apple.example',
      'https://blog.example:8443',
      'https://zebra.example',
    ]);
  });

  it.each([
    'https://*/*',
    'http://*/*',
    '<all_urls>',
    '*://*/*',
    'https://*.example/*',
    'https://blog.example/posts/*',
    'https://blog.example/',
    'file:///*',
    'ftp://files.example/*',
  ])('leaves out %s, which is not one blog', async (pattern) => {
    start({ granted: [pattern, 'https://blog.example/*'] });
    expect(await blogs.list()).toEqual(['https://blog.example']);
  });

  it('copes with a browser that reports no origins at all', async () => {
    browser.permissions.getAll.mockResolvedValueOnce({});
    expect(await blogs.list()).toEqual([]);
  });
});

describe('sync', () => {
  it('registers a script for each granted blog that has none', async () => {
    start({ granted: [...BUILT_IN, 'https://b.example/*', 'https://a.example/*'] });

    expect(await blogs.sync()).toEqual(['https://a.example', 'https://b.example']);

    expect(browser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(browser.scripting.registerContentScripts).toHaveBeenCalledWith([
      {
        id: 'blog:https://a.example',
        matches: ['https://a.example/*'],
        js: [BLOG_SCRIPT_FILE],
        runAt: 'document_idle',
      },
      {
        id: 'blog:https://b.example',
        matches: ['https://b.example/*'],
        js: [BLOG_SCRIPT_FILE],
        runAt: 'document_idle',
      },
    ]);
    expect(browser.scripting.unregisterContentScripts).not.toHaveBeenCalled();
  });

  it('unregisters blog scripts whose permission is gone, and leaves other scripts alone', async () => {
    start({
      granted: ['https://kept.example/*'],
      registered: ['blog:https://kept.example', 'blog:https://revoked.example', 'sites', 'other'],
    });

    await blogs.sync();

    expect(browser.scripting.unregisterContentScripts).toHaveBeenCalledTimes(1);
    expect(browser.scripting.unregisterContentScripts).toHaveBeenCalledWith({
      ids: ['blog:https://revoked.example'],
    });
    expect(browser.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect([...browser.scripts().keys()].sort()).toEqual([
      'blog:https://kept.example',
      'other',
      'sites',
    ]);
  });

  it('does nothing when registrations already follow the permissions', async () => {
    start({ granted: ['https://a.example/*'], registered: ['blog:https://a.example'] });
    await blogs.sync();
    expect(browser.log).toEqual([]);
  });

  it('registers the missing and unregisters the stale in one pass', async () => {
    start({ granted: ['https://new.example/*'], registered: ['blog:https://old.example'] });
    await blogs.sync();
    expect(browser.log).toEqual([
      'unregister blog:https://old.example',
      'register blog:https://new.example',
    ]);
    expect([...browser.scripts().keys()]).toEqual(['blog:https://new.example']);
  });

  it('does not take a script id that only looks like a blog for a blog', async () => {
    start({ granted: [], registered: ['blogs', 'Blog:https://a.example'] });
    await blogs.sync();
    expect(browser.scripting.unregisterContentScripts).not.toHaveBeenCalled();
  });
});

describe('enable', () => {
  it('refuses an origin without the permission, with a clear message, registering nothing', async () => {
    await expect(blogs.enable('https://blog.example')).rejects.toThrow(
      'Acquaint has no permission for https://blog.example: it was not granted.',
    );
    expect(browser.permissions.contains).toHaveBeenCalledWith({
      origins: ['https://blog.example/*'],
    });
    expect(browser.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(browser.scripting.executeScript).not.toHaveBeenCalled();
    expect(browser.scripts().size).toBe(0);
  });

  it('does not take another origin’s permission for this one', async () => {
    start({ granted: ['https://other.example/*', ...BUILT_IN] });
    await expect(blogs.enable('https://blog.example')).rejects.toThrow(/no permission/);
    expect(browser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('registers a granted origin and returns the enabled blogs', async () => {
    start({ granted: ['https://other.example/*'], registered: ['blog:https://other.example'] });
    browser.grant('https://blog.example/*');

    expect(await blogs.enable('https://blog.example')).toEqual([
      'https://blog.example',
      'https://other.example',
    ]);
    expect(browser.log).toEqual(['register blog:https://blog.example']);
  });

  it('registers once when the grant’s own sync runs at the same time', async () => {
    start({ tabs: { 3: 'https://blog.example/post' } });
    browser.grant('https://blog.example/*');

    const [enabled] = await Promise.all([
      blogs.enable('https://blog.example'),
      blogs.granted(['https://blog.example/*']),
      blogs.sync(),
    ]);

    expect(enabled).toEqual(['https://blog.example']);
    expect(browser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect([...browser.scripts().keys()]).toEqual(['blog:https://blog.example']);
  });

  it('keeps syncing after one sync failed', async () => {
    browser.grant('https://blog.example/*');
    browser.scripting.getRegisteredContentScripts.mockRejectedValueOnce(new Error('busy'));

    await expect(blogs.sync()).rejects.toThrow('busy');
    expect(await blogs.enable('https://blog.example')).toEqual(['https://blog.example']);
    expect([...browser.scripts().keys()]).toEqual(['blog:https://blog.example']);
  });
});

describe('granted', () => {
  it('registers the granted blog and starts it in the tabs already open there', async () => {
    start({
      tabs: {
        3: 'https://blog.example/post/1',
        4: 'https://other.example/',
        5: 'https://blog.example/',
        6: 'https://blog.example.evil.example/',
      },
    });
    browser.grant('https://blog.example/*');

    await blogs.granted(['https://blog.example/*']);

    expect(browser.tabsMatching).toHaveBeenCalledWith('https://blog.example/*');
    expect(browser.log).toEqual([
      'register blog:https://blog.example',
      `execute 3 ${BLOG_SCRIPT_FILE}`,
      `execute 5 ${BLOG_SCRIPT_FILE}`,
    ]);
  });

  it('starts nothing for granted patterns that are not one blog', async () => {
    start({ tabs: { 3: 'https://www.linkedin.com/feed/', 4: 'https://blog.example/' } });
    for (const pattern of [...BUILT_IN, 'https://*/*']) browser.grant(pattern);

    await blogs.granted([...BUILT_IN, 'https://*/*']);

    expect(browser.scripting.executeScript).not.toHaveBeenCalled();
    expect(browser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('starts nothing for a grant that is already gone again', async () => {
    start({ tabs: { 3: 'https://blog.example/' } });
    await blogs.granted(['https://blog.example/*']);
    expect(browser.scripting.executeScript).not.toHaveBeenCalled();
  });

  it('goes on to the next tab when one cannot be scripted', async () => {
    start({ tabs: { 3: 'https://blog.example/a', 4: 'https://blog.example/b' } });
    browser.grant('https://blog.example/*');
    browser.scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access this page'));

    await expect(blogs.granted(['https://blog.example/*'])).resolves.toBeUndefined();

    expect(browser.scripting.executeScript).toHaveBeenCalledTimes(2);
    expect(browser.scripting.executeScript).toHaveBeenLastCalledWith({
      target: { tabId: 4 },
      files: [BLOG_SCRIPT_FILE],
    });
  });
});

describe('disable', () => {
  it('tells the origin’s tabs first, then gives the permission back, then unregisters', async () => {
    start({
      granted: ['https://blog.example/*', 'https://kept.example/*'],
      registered: ['blog:https://blog.example', 'blog:https://kept.example', 'sites'],
    });

    expect(await blogs.disable('https://blog.example')).toEqual(['https://kept.example']);

    expect(browser.log).toEqual([
      'tell https://blog.example/*',
      'permissions.remove https://blog.example/*',
      'unregister blog:https://blog.example',
    ]);
    expect(browser.granted()).toEqual(['https://kept.example/*']);
    expect([...browser.scripts().keys()].sort()).toEqual(['blog:https://kept.example', 'sites']);
  });

  it('still gives the permission back when no tab could be told', async () => {
    start({ granted: ['https://blog.example/*'], registered: ['blog:https://blog.example'] });
    browser.tellOriginTabs.mockRejectedValueOnce(new Error('No tab with id'));

    expect(await blogs.disable('https://blog.example')).toEqual([]);
    expect(browser.granted()).toEqual([]);
    expect(browser.scripts().size).toBe(0);
  });
});
