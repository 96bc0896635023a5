import type { SiteId } from './types';

export type SiteTracer = (site: SiteId, message: string) => void;

let tracer: SiteTracer | null = null;

/**
 * Turns on the "debug" setting's log of what each adapter tried. Off by default, and then
 * `traceSite` costs one comparison: adapters call it on their decisions, not in tight loops.
 */
export function setSiteTracer(next: SiteTracer | null): void {
  tracer = next;
}

export function traceSite(site: SiteId, message: string | (() => string)): void {
  if (tracer) tracer(site, typeof message === 'function' ? message() : message);
}
