import { fileURLToPath } from 'node:url';

import preact from '@preact/preset-vite';
import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';

import { BLOG_ORIGIN_PATTERNS, LINKEDIN_MATCHES, X_MATCHES } from './lib/sites/hosts';

// Kept here, not in lib/sites/hosts.ts: a spread there would stay in every content script's code.
const SITE_HOST_PERMISSIONS = [...LINKEDIN_MATCHES, ...X_MATCHES];

// Extension pages may run only their own bundled code: no remote scripts, no eval, no plugins.
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * What content scripts are built with instead of WXT's own; extension pages and the background
 * keep WXT's.
 * - Content scripts are built without webextension-polyfill: `wxt/browser` is the browser's native
 *   API there, and lib/content/runtime.ts does what the polyfill did for the few calls content
 *   scripts make. The polyfill alone was a third of a content script's size (issue 6: ≤ 8 KB
 *   gzipped each).
 * - WXT's content script context (which WXT's content script entry imports) dispatches DOM events
 *   named with the extension's id, which the page's own listeners hear: that Acquaint is installed
 *   and running (issue 12). lib/content/quiet-context.ts does the same work and tells the page
 *   nothing.
 */
const CONTENT_SCRIPT_ALIASES = [
  { find: 'wxt/browser', replacement: '@wxt-dev/browser' },
  {
    find: 'wxt/utils/content-script-context',
    replacement: fileURLToPath(new URL('./lib/content/quiet-context.ts', import.meta.url)),
  },
];

function withContentScriptAliases(alias: AliasOptions | undefined): AliasOptions {
  const ours = new Set(CONTENT_SCRIPT_ALIASES.map((entry) => entry.find));
  if (Array.isArray(alias)) {
    const others = alias.filter((entry) => typeof entry.find !== 'string' || !ours.has(entry.find));
    return [...CONTENT_SCRIPT_ALIASES, ...others];
  }
  const replacements = CONTENT_SCRIPT_ALIASES.map((entry) => [entry.find, entry.replacement]);
  return { ...(alias as Record<string, string> | undefined), ...Object.fromEntries(replacements) };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve = {
        ...config.resolve,
        alias: withContentScriptAliases(config.resolve?.alias),
      };
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Acquaint',
    description:
      'Private notes beside the people you meet online, kept on your own machine, and a nudge when a conversation goes cold.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'activeTab',
      'alarms',
      'contextMenus',
      'notifications',
      // Automatic backups write a file to the downloads folder, and delete their own old ones.
      'downloads',
      // With a site's in-page switch off, the notes open in the browser's side panel instead.
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: [...SITE_HOST_PERMISSIONS],
    // Blogs are enabled one origin at a time, by the user, at run time; nothing broad at install.
    ...(manifestVersion === 3
      ? { optional_host_permissions: [...BLOG_ORIGIN_PATTERNS] }
      : { optional_permissions: [...BLOG_ORIGIN_PATTERNS] }),
    commands: {
      // Opening the popup from the keyboard counts as invoking Acquaint on the tab (activeTab).
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Open Acquaint’s popup',
      },
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open or close the notes sidebar for the person on this page',
      },
    },
    // The sidebar is framed in LinkedIn's and X's pages. `use_dynamic_url`: only at an address
    // made anew each session, which only Acquaint's content scripts learn (runtime.getURL), so a
    // page can neither probe for Acquaint by fetching its files nor frame the sidebar itself.
    // Firefox's extension addresses are random per installation already.
    web_accessible_resources:
      manifestVersion === 3
        ? [
            {
              resources: ['sidebar.html'],
              matches: [...SITE_HOST_PERMISSIONS],
              use_dynamic_url: true,
            },
          ]
        : ['sidebar.html'],
    // The same sidebar page, beside the tab rather than inside it (CONTRACT §5).
    ...(browser === 'firefox'
      ? {
          sidebar_action: {
            default_panel: 'sidebar.html',
            default_title: 'Acquaint notes',
            open_at_install: false,
          },
        }
      : { side_panel: { default_path: 'sidebar.html' } }),
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'acquaint@acquaint.example',
              // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
