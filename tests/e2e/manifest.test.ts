import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// The built manifests, as the browsers will read them (npm test builds both before this runs).
const BUILDS = ['chrome-mv3', 'firefox-mv2'] as const;
const ALLOWED_HOSTS = ['https://*.linkedin.com/*', 'https://*.x.com/*', 'https://*.twitter.com/*'];
const ALLOWED_PERMISSIONS = [
  'storage',
  'unlimitedStorage',
  'scripting',
  'activeTab',
  'alarms',
  'contextMenus',
  'notifications',
  'downloads',
];
/** Chrome's side panel needs a permission; Firefox's sidebar (`sidebar_action`) needs none. */
const BUILD_PERMISSIONS: Record<(typeof BUILDS)[number], string[]> = {
  'chrome-mv3': ['sidePanel'],
  'firefox-mv2': [],
};
/** Blogs: asked for one origin at a time, at run time, never granted at install. */
const OPTIONAL_ORIGINS = ['https://*/*', 'http://*/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: (
    string | { resources: string[]; matches?: string[]; extension_ids?: string[] }
  )[];
  content_scripts?: {
    matches: string[];
    world?: string;
    all_frames?: boolean;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
  }[];
  externally_connectable?: unknown;
  browser_specific_settings?: { gecko?: { id?: string } };
  commands?: Record<string, unknown>;
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  icons?: Record<string, string>;
}

/** Code that evaluates a string, or loads a script from an address. */
const FORBIDDEN_IN_CODE: RegExp[] = [
  /(?<![\w$.])eval\s*\(/g,
  /(?<![\w$.])(?:new\s+)?Function(?![\w$])(?!\s*\.)/g,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g,
  /\bimportScripts\s*\(/g,
  /\bimport\s*\(\s*["'`](?:https?:)?\/\//g,
  /\.src\s*=\s*["'`](?:https?:)?\/\//g,
  /<script[^>]*\bsrc\s*=\s*\\?["']?(?:https?:)?\/\//gi,
];

/**
 * zod (a dependency) checks whether the page allows `Function` before it compiles its faster
 * parsers with it. The extension's CSP forbids it, so the probe fails and the compiler is never
 * used (the end-to-end tests check that eval is refused in the service worker and the pages).
 */
const DEPENDENCY_PROBES: RegExp[] = [
  /try\{return Function\(``\),!0\}catch\{return!1\}/,
  /compile\(\)\{let [\w$]+=Function,/,
];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function read(build: string): Manifest {
  const path = resolve('.output', build, 'manifest.json');
  if (!existsSync(path))
    throw new Error(`${path} is missing: run "npm run build" and "npm run build:firefox".`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

function hostsOf(manifest: Manifest): string[] {
  const all = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
  return all.filter((permission) => permission.includes('://') || permission === '<all_urls>');
}

describe.each(BUILDS)('the %s manifest', (build) => {
  const manifest = read(build);

  it('asks for LinkedIn and X hosts only, and no more API permissions than it uses', () => {
    expect(hostsOf(manifest).sort()).toEqual([...ALLOWED_HOSTS].sort());
    const apis = (manifest.permissions ?? []).filter((permission) => !permission.includes('://'));
    expect(apis.sort()).toEqual([...ALLOWED_PERMISSIONS, ...BUILD_PERMISSIONS[build]].sort());
    for (const script of manifest.content_scripts ?? []) {
      for (const match of script.matches) expect(ALLOWED_HOSTS).toContain(match);
    }
  });

  it('asks for blogs only as optional origins, and for nothing else optional', () => {
    const optional = [
      ...(manifest.optional_host_permissions ?? []),
      ...(manifest.optional_permissions ?? []),
    ];
    expect(optional.sort()).toEqual([...OPTIONAL_ORIGINS].sort());
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it('forbids remote code and eval in its own pages', () => {
    const csp =
      typeof manifest.content_security_policy === 'string'
        ? manifest.content_security_policy
        : (manifest.content_security_policy?.extension_pages ?? '');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'self'");
    // Nothing to fetch, anywhere: the pages and the service worker make no requests.
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-inline|unsafe-hashes|https?:|\*/);
    expect(csp).not.toMatch(/blob:|filesystem:|data:[^;]*script|'nonce-|'sha\d+-/);
    if (typeof manifest.content_security_policy === 'object') {
      // No sandboxed pages with a policy of their own.
      expect(Object.keys(manifest.content_security_policy)).toEqual(['extension_pages']);
    }
  });

  it('lets no web page or other extension connect, and runs nothing in the page’s own world', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    for (const key of ['sandbox', 'update_url', 'key', 'chrome_url_overrides', 'devtools_page']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
    expect(manifest.content_scripts?.length).toBeGreaterThan(0);
    for (const script of manifest.content_scripts ?? []) {
      // The isolated world, top frames only: a page's frames and scripts never host Acquaint.
      expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
      expect(script.all_frames ?? false).toBe(false);
      expect(script.match_about_blank ?? false).toBe(false);
      expect(script.match_origin_as_fallback ?? false).toBe(false);
    }
  });

  it('exposes only the sidebar page to web pages, and only to LinkedIn and X in Chrome', () => {
    const entries = manifest.web_accessible_resources ?? [];
    expect(entries).toHaveLength(1);
    for (const entry of entries) {
      // Manifest V2 has no way to name the pages; Firefox gives every install its own random
      // moz-extension:// address, so a page cannot probe for it.
      if (typeof entry === 'string') expect(entry).toBe('sidebar.html');
      else {
        expect(entry.resources).toEqual(['sidebar.html']);
        expect([...(entry.matches ?? [])].sort()).toEqual([...ALLOWED_HOSTS].sort());
        expect(entry).not.toHaveProperty('extension_ids');
      }
    }
    if (manifest.manifest_version === 3) {
      expect(entries.every((entry) => typeof entry !== 'string')).toBe(true);
    }
  });

  it('ships no code that evaluates strings or loads scripts from elsewhere', () => {
    const dir = resolve('.output', build);
    const files = listFiles(dir);
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      const where = relative(dir, file);
      for (const pattern of FORBIDDEN_IN_CODE) {
        for (const match of code.matchAll(pattern)) {
          const context = code.slice(Math.max(0, match.index - 40), match.index + 60);
          if (!DEPENDENCY_PROBES.some((probe) => probe.test(context))) {
            found.push(`${where}: ${context}`);
          }
        }
      }
    }
    for (const file of files.filter((path) => path.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      const where = relative(dir, file);
      for (const tag of html.match(/<script\b[^>]*>[^<]*<\/script>/gi) ?? []) {
        // Only the page's own bundle, by a path inside the extension; no inline code.
        if (!/^<script\b[^>]*\ssrc="\/[^"/][^"]*"[^>]*><\/script>$/i.test(tag)) {
          found.push(`${where}: ${tag}`);
        }
      }
      for (const remote of html.match(/\s(?:src|href)=["']?(?:https?:)?\/\/[^"'\s>]+/gi) ?? []) {
        found.push(`${where}: ${remote}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('opens the same sidebar page in the browser’s side panel', () => {
    const panel =
      build === 'chrome-mv3'
        ? manifest.side_panel?.default_path
        : manifest.sidebar_action?.default_panel;
    expect(panel).toBe('sidebar.html');
  });

  it('declares the sidebar shortcut and its icons', () => {
    expect(manifest.commands).toHaveProperty('toggle-sidebar');
    expect(Object.keys(manifest.commands ?? {})).toEqual(
      expect.arrayContaining([
        manifest.manifest_version === 3 ? '_execute_action' : '_execute_browser_action',
      ]),
    );
    expect(Object.keys(manifest.icons ?? {})).toEqual(expect.arrayContaining(['16', '48', '128']));
  });
});

it('gives the Firefox build a gecko id', () => {
  expect(read('firefox-mv2').browser_specific_settings?.gecko?.id).toMatch(/@/);
});
