import { LINKEDIN_MATCHES, X_MATCHES } from '../sites/hosts';

/** The slices of `permissions`, `scripting` and `tabs` this module uses; fakes in tests. */
export interface BlogSitesDeps {
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    contains(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string }[]>;
    registerContentScripts(
      scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle' }[],
    ): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  /** Tells the blog content scripts in that origin's open tabs to remove everything they added. */
  tellOriginTabs(pattern: string): Promise<void>;
  /** The ids of the open tabs showing pages that match `pattern`. */
  tabsMatching(pattern: string): Promise<number[]>;
  /** The built blog content script, e.g. `content-scripts/blog.js`. */
  scriptFile: string;
}

const SCRIPT_PREFIX = 'blog:';
const BUILT_IN = new Set<string>([...LINKEDIN_MATCHES, ...X_MATCHES]);

export const patternOf = (origin: string) => `${origin}/*`;

export type BlogSites = ReturnType<typeof createBlogSites>;

/**
 * Blogs are enabled one origin at a time. The granted optional host permissions are the truth:
 * the content script registrations follow them, also when the user revokes one in the browser.
 */
export function createBlogSites(deps: BlogSitesDeps) {
  const list = async (): Promise<string[]> => {
    const { origins = [] } = await deps.permissions.getAll();
    return origins
      .filter((pattern) => !BUILT_IN.has(pattern))
      .map(originOfPattern)
      .filter((origin): origin is string => origin !== null)
      .sort();
  };

  // One sync at a time: a grant fires onAdded while enable() syncs too, and the browser refuses to
  // register the same script id twice.
  let syncing: Promise<unknown> = Promise.resolve();
  const sync = (): Promise<string[]> => {
    const next = syncing.then(syncNow, syncNow);
    syncing = next.catch(() => {});
    return next;
  };

  const syncNow = async (): Promise<string[]> => {
    const wanted = await list();
    const registered = (await deps.scripting.getRegisteredContentScripts())
      .map((script) => script.id)
      .filter((id) => id.startsWith(SCRIPT_PREFIX));
    const stale = registered.filter((id) => !wanted.includes(id.slice(SCRIPT_PREFIX.length)));
    if (stale.length > 0) await deps.scripting.unregisterContentScripts({ ids: stale });
    const missing = wanted.filter((origin) => !registered.includes(SCRIPT_PREFIX + origin));
    if (missing.length > 0) {
      await deps.scripting.registerContentScripts(
        missing.map((origin) => ({
          id: SCRIPT_PREFIX + origin,
          matches: [patternOf(origin)],
          js: [deps.scriptFile],
          runAt: 'document_idle',
        })),
      );
    }
    return wanted;
  };

  return {
    list,
    sync,

    /** After the user granted the origin (in a page, with a click): start reading it. */
    async enable(origin: string): Promise<string[]> {
      if (!(await deps.permissions.contains({ origins: [patternOf(origin)] }))) {
        throw new Error(`Acquaint has no permission for ${origin}: it was not granted.`);
      }
      return sync();
    },

    /**
     * The browser granted origins (whichever page asked; a popup may already be closed): register
     * the script, and start it in the tabs already open there so the user need not reload.
     */
    async granted(patterns: readonly string[]): Promise<void> {
      const enabled = await sync();
      for (const origin of patterns.map(originOfPattern)) {
        if (!origin || !enabled.includes(origin)) continue;
        for (const tabId of await deps.tabsMatching(patternOf(origin))) {
          await deps.scripting
            .executeScript({ target: { tabId }, files: [deps.scriptFile] })
            .catch(() => {});
        }
      }
    },

    async disable(origin: string): Promise<string[]> {
      await deps.tellOriginTabs(patternOf(origin)).catch(() => {});
      await deps.permissions.remove({ origins: [patternOf(origin)] });
      return sync();
    },
  };
}

/** `https://blog.example/*` → `https://blog.example`; anything wider (wildcards) is not a blog. */
function originOfPattern(pattern: string): string | null {
  const match = /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern);
  if (!match) return null;
  try {
    return new URL(`${match[1]}://${match[2]}`).origin;
  } catch {
    return null;
  }
}
