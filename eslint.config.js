import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // The polyfilled `browser` from wxt/browser is the only extension API handle.
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: "Import { browser } from 'wxt/browser'." },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: "Import { browser } from 'wxt/browser'." },
            {
              name: '@wxt-dev/browser',
              message:
                "Import { browser } from 'wxt/browser' (content scripts: lib/content/runtime).",
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Content scripts are built without the polyfill (wxt.config.ts): their extension API calls go
    // through lib/content/runtime.ts, which does what the polyfill did; site readers use none.
    files: ['lib/content/**', 'lib/sites/**'],
    ignores: ['lib/content/runtime.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'Use ./runtime (lib/content/runtime.ts).' },
            { name: '@wxt-dev/browser', message: 'Use ./runtime (lib/content/runtime.ts).' },
            { name: 'wxt/browser', message: 'Use ./runtime (lib/content/runtime.ts).' },
          ],
          patterns: [
            {
              group: ['**/messaging/client', '**/messaging/schemas', 'zod', 'dexie', '**/db/*'],
              message: 'Content scripts stay small: no polyfill, zod or Dexie (issue 6).',
            },
          ],
        },
      ],
    },
  },
  {
    // The one module that reaches the browser's native API, for the content scripts.
    files: ['lib/content/runtime.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['webextension-polyfill', 'wxt/browser', 'zod', 'dexie'] },
      ],
    },
  },
  {
    // End-to-end tests drive the browser and may use its globals inside evaluate() callbacks.
    files: ['tests/e2e/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
