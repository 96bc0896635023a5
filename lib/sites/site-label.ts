import { SITE_ADAPTERS } from './registry';
import type { SiteId } from './types';

/** The site's name as users know it, as its adapter gives it. */
export function siteLabel(site: SiteId): string {
  return SITE_ADAPTERS.find((adapter) => adapter.id === site)?.label ?? site;
}
