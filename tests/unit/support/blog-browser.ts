import type { BlogSitesDeps } from '@/lib/background/blog-sites';

type RegisteredScript = Parameters<BlogSitesDeps['scripting']['registerContentScripts']>[0][number];

export const BLOG_SCRIPT_FILE = 'content-scripts/blog.js';

/**
 * The browser's permissions and scripting, kept in memory, for createBlogSites. `log` records every
 * change in order, so a test can check what happened first.
 */
export function fakeBlogBrowser(
  options: {
    granted?: string[];
    registered?: string[];
    /** The open tabs, by id, with their addresses. */
    tabs?: Record<number, string>;
  } = {},
) {
  const granted = new Set(options.granted ?? []);
  const scripts = new Map<string, RegisteredScript>(
    (options.registered ?? []).map((id) => [
      id,
      { id, matches: ['https://unknown.example/*'], js: ['other.js'], runAt: 'document_idle' },
    ]),
  );
  const log: string[] = [];

  const permissions = {
    getAll: vi.fn(async (): Promise<{ origins?: string[] }> => ({ origins: [...granted] })),
    contains: vi.fn(async ({ origins }: { origins: string[] }) =>
      origins.every((origin) => granted.has(origin)),
    ),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      log.push(`permissions.remove ${origins.join(',')}`);
      let removed = false;
      for (const origin of origins) removed = granted.delete(origin) || removed;
      return removed;
    }),
  };

  const scripting = {
    getRegisteredContentScripts: vi.fn(async () => [...scripts.values()].map(({ id }) => ({ id }))),
    registerContentScripts: vi.fn(async (added: RegisteredScript[]) => {
      for (const script of added) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
      log.push(`register ${added.map((script) => script.id).join(',')}`);
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      for (const id of ids) {
        if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
      log.push(`unregister ${ids.join(',')}`);
    }),
    executeScript: vi.fn(async (injection: { target: { tabId: number }; files: string[] }) => {
      log.push(`execute ${injection.target.tabId} ${injection.files.join(',')}`);
      return [];
    }),
  };

  const tellOriginTabs = vi.fn(async (pattern: string) => {
    log.push(`tell ${pattern}`);
  });

  /** Open tabs matching `https://host/*`: the tabs whose address starts with `https://host/`. */
  const tabsMatching = vi.fn(async (pattern: string) =>
    Object.entries(options.tabs ?? {})
      .filter(([, url]) => pattern.endsWith('/*') && url.startsWith(pattern.slice(0, -1)))
      .map(([id]) => Number(id)),
  );

  const deps: BlogSitesDeps = {
    permissions,
    scripting,
    tellOriginTabs,
    tabsMatching,
    scriptFile: BLOG_SCRIPT_FILE,
  };

  return {
    deps,
    permissions,
    scripting,
    tellOriginTabs,
    tabsMatching,
    log,
    /** The user granted this origin pattern in the browser's prompt. */
    grant(pattern: string) {
      granted.add(pattern);
    },
    granted: () => [...granted],
    scripts: () => new Map(scripts),
  };
}

export type FakeBlogBrowser = ReturnType<typeof fakeBlogBrowser>;
