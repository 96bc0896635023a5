import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { PageKind, SiteId } from '../sites/types';
import { sendRequest } from './runtime';

/** Long enough for a slow single-page app to render, short enough to be noticed the same day. */
export const EXPECT_WITHIN_MS = 20_000;

export type HealthReport = (site: SiteId, pageKind: PageKind, ok: boolean) => void;

const sendReport: HealthReport = (site, pageKind, ok) => {
  sendRequest({ type: 'health.report', site, pageKind, ok }).catch(() => {});
};

/**
 * The health signal: a page that should show someone (a profile's owner, a feed's authors)
 * reports once whether it did. A page that yields nobody in time means the layout has changed.
 */
export function createHealthWatch(
  ctx: ContentScriptContext,
  site: SiteId,
  report: HealthReport = sendReport,
) {
  let current: { kind: PageKind; timer: number } | undefined;

  const settle = (ok: boolean) => {
    if (!current) return;
    clearTimeout(current.timer);
    report(site, current.kind, ok);
    current = undefined;
  };

  return {
    /** A new page that should show someone of this kind; the previous page's wait is dropped. */
    expect(kind: PageKind | null) {
      if (current) clearTimeout(current.timer);
      current = undefined;
      if (!kind) return;
      current = { kind, timer: ctx.setTimeout(() => settle(false), EXPECT_WITHIN_MS) };
    },
    /** Someone was found on the current page. */
    found() {
      settle(true);
    },
  };
}
