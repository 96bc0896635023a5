import type { SiteId } from './types';

const LABELS: Record<SiteId, string> = { linkedin: 'LinkedIn', x: 'X', blog: 'Blog' };

/** The site's name as users know it. */
export function siteLabel(site: SiteId): string {
  return LABELS[site];
}
