import { signal } from '@preact/signals';

import type { SiteHealth } from '../model/health';
import type { Settings } from '../model/settings';
import { blogOriginOf } from '../sites/site-origin';
import type { OptionsApi } from './api';
import { disableBlogSite, enableBlogSite } from './blog-actions';

export type OptionsStore = ReturnType<typeof createOptionsStore>;

export function createOptionsStore(api: OptionsApi) {
  const settings = signal<Settings | null>(null);
  const health = signal<SiteHealth[]>([]);
  const blogs = signal<string[]>([]);
  const blogInput = signal('');
  const blogStatus = signal<{ ok: boolean; text: string } | null>(null);
  const loadError = signal<string | null>(null);

  return {
    settings,
    health,
    blogs,
    blogInput,
    blogStatus,
    loadError,

    async load() {
      try {
        const [nextSettings, nextHealth, nextBlogs] = await Promise.all([
          api.settings(),
          api.health(),
          api.blogs(),
        ]);
        settings.value = nextSettings;
        health.value = nextHealth;
        blogs.value = nextBlogs;
        loadError.value = null;
      } catch (error) {
        loadError.value = error instanceof Error ? error.message : String(error);
      }
    },

    async updateSettings(patch: Partial<Settings>) {
      settings.value = await api.updateSettings(patch);
    },

    /** Called straight from the click: the permission prompt must open within the gesture. */
    async enableBlog() {
      const origin = blogOriginOf(blogInput.value);
      if (!origin) {
        blogStatus.value = {
          ok: false,
          text: 'Type a blog’s address, like myblog.example. LinkedIn and X are always on.',
        };
        return;
      }
      const outcome = await enableBlogSite(api, origin);
      blogStatus.value = { ok: outcome.ok, text: outcome.message };
      if (outcome.ok) {
        blogs.value = outcome.blogs;
        blogInput.value = '';
      }
    },

    async disableBlog(origin: string) {
      const outcome = await disableBlogSite(api, origin);
      blogStatus.value = { ok: outcome.ok, text: outcome.message };
      if (outcome.ok) blogs.value = outcome.blogs;
    },
  };
}
