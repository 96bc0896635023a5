import { computed, signal } from '@preact/signals';

import type { SiteHealth } from '../model/health';
import { disableBlogSite, enableBlogSite } from '../options/blog-actions';
import { adapterFor } from '../sites';
import { blogOriginOf } from '../sites/site-origin';
import type { SiteId } from '../sites/types';
import type { PopupApi } from './api';

/** What the popup can say about the tab it was opened over. */
export type TabSite =
  | { kind: 'built-in'; site: SiteId }
  | { kind: 'blog'; origin: string; enabled: boolean }
  | { kind: 'none' };

export type PopupStore = ReturnType<typeof createPopupStore>;

export function createPopupStore(api: PopupApi) {
  const tab = signal<{ id?: number; url?: string } | undefined>(undefined);
  const blogs = signal<string[]>([]);
  const health = signal<SiteHealth[]>([]);
  const status = signal<{ ok: boolean; text: string } | null>(null);

  const site = computed<TabSite>(() => {
    const href = tab.value?.url;
    if (!href || !URL.canParse(href)) return { kind: 'none' };
    const url = new URL(href);
    const adapter = adapterFor(url);
    if (adapter && adapter.id !== 'blog') return { kind: 'built-in', site: adapter.id };
    const origin = blogOriginOf(href);
    if (!origin) return { kind: 'none' };
    return { kind: 'blog', origin, enabled: blogs.value.includes(origin) };
  });

  return {
    site,
    health,
    status,

    async load() {
      const [activeTab, enabled, siteHealth] = await Promise.all([
        api.activeTab(),
        api.blogs(),
        api.health(),
      ]);
      tab.value = activeTab;
      blogs.value = enabled;
      health.value = siteHealth;
    },

    /** Called straight from the click: the browser's prompt opens only within the gesture. */
    async enableHere() {
      const current = site.value;
      if (current.kind !== 'blog') return;
      const outcome = await enableBlogSite(api, current.origin);
      status.value = { ok: outcome.ok, text: outcome.message };
      if (outcome.ok) blogs.value = outcome.blogs;
    },

    async disableHere() {
      const current = site.value;
      if (current.kind !== 'blog') return;
      const outcome = await disableBlogSite(api, current.origin);
      status.value = { ok: outcome.ok, text: outcome.message };
      if (outcome.ok) blogs.value = outcome.blogs;
    },

    openOptions: () => api.openOptions(),
  };
}
