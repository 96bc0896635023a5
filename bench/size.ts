import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { acquaintDir } from './launch';

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Where the manifest injects it on every page load; empty for scripts injected later. */
  matches: string[];
}

/**
 * Every content script of the build, raw and gzipped (zlib's default level), with the pages the
 * manifest injects it into.
 */
export function contentScriptSizes(): ScriptSize[] {
  const dir = acquaintDir();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[]; js?: string[] }[];
  };
  const injected = new Map<string, string[]>();
  for (const entry of manifest.content_scripts ?? []) {
    for (const file of entry.js ?? []) {
      injected.set(file, [...(injected.get(file) ?? []), ...entry.matches]);
    }
  }
  return readdirSync(join(dir, 'content-scripts'))
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((name) => {
      const file = `content-scripts/${name}`;
      const bytes = readFileSync(join(dir, file));
      return {
        file,
        bytes: bytes.length,
        gzipBytes: gzipSync(bytes).length,
        matches: injected.get(file) ?? [],
      };
    });
}
