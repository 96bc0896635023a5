import type { SiteHealth } from '@/lib/model/health';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import type { OptionsApi } from '@/lib/options/api';
import type { PopupApi } from '@/lib/popup/api';

export interface FakeOptionsInit {
  blogs?: string[];
  /** What the user answers in the browser's permission prompt. */
  grant?: boolean;
  health?: SiteHealth[];
  settings?: Settings;
}

/**
 * The options page's view of the browser and the background, in memory. `calls` records the order
 * in which its methods were called (not when their promises resolved).
 */
export function fakeOptionsApi(init: FakeOptionsInit = {}) {
  let blogs = [...(init.blogs ?? [])];
  let settings: Settings = { ...(init.settings ?? DEFAULT_SETTINGS) };
  const calls: string[] = [];

  const api = {
    settings: vi.fn(async () => {
      calls.push('settings');
      return { ...settings };
    }),
    updateSettings: vi.fn(async (patch: Partial<Settings>) => {
      calls.push('updateSettings');
      settings = { ...settings, ...patch };
      return { ...settings };
    }),
    health: vi.fn(async () => {
      calls.push('health');
      return init.health ?? [];
    }),
    blogs: vi.fn(async () => {
      calls.push('blogs');
      return [...blogs];
    }),
    requestOrigin: vi.fn(async (origin: string) => {
      calls.push(`requestOrigin ${origin}`);
      return init.grant ?? true;
    }),
    enableBlog: vi.fn(async (origin: string) => {
      calls.push(`enableBlog ${origin}`);
      blogs = [...new Set([...blogs, origin])].sort();
      return [...blogs];
    }),
    disableBlog: vi.fn(async (origin: string) => {
      calls.push(`disableBlog ${origin}`);
      blogs = blogs.filter((blog) => blog !== origin);
      return [...blogs];
    }),
  } satisfies OptionsApi;

  return { api, calls, blogs: () => [...blogs] };
}

export function fakePopupApi(
  tab: { id?: number; url?: string } | undefined,
  init: FakeOptionsInit = {},
) {
  const options = fakeOptionsApi(init);
  const api = {
    ...options.api,
    activeTab: vi.fn(async () => tab),
    openOptions: vi.fn(async () => {}),
    closePopup: vi.fn(),
  } satisfies PopupApi;
  return { ...options, api };
}
