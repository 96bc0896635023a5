import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
/** Blogs: asked for one origin at a time, at run time, never granted at install. */
const OPTIONAL_ORIGINS = ['https://*/*', 'http://*/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string };
  web_accessible_resources?: (string | { resources: string[]; matches: string[] })[];
  content_scripts?: { matches: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
  commands?: Record<string, unknown>;
  icons?: Record<string, string>;
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
    expect(apis.sort()).toEqual([...ALLOWED_PERMISSIONS].sort());
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
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('exposes only the sidebar page to web pages, and only to LinkedIn and X in Chrome', () => {
    for (const entry of manifest.web_accessible_resources ?? []) {
      if (typeof entry === 'string') expect(entry).toBe('sidebar.html');
      else {
        expect(entry.resources).toEqual(['sidebar.html']);
        expect([...entry.matches].sort()).toEqual([...ALLOWED_HOSTS].sort());
      }
    }
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
