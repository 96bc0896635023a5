import { blogAdapter } from './blog/adapter';
import { linkedInAdapter } from './linkedin/adapter';
import type { SiteAdapter } from './types';
import { xAdapter } from './x/adapter';

/** One adapter per folder under lib/sites/ (the structure test holds the two together). */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [linkedInAdapter, xAdapter, blogAdapter];

export function adapterFor(url: URL): SiteAdapter | null {
  return SITE_ADAPTERS.find((adapter) => adapter.matchesHost(url)) ?? null;
}
