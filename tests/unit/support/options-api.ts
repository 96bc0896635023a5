import type { ColdPerson, NotesTarget } from '@/lib/messaging/protocol';
import type { SiteHealth } from '@/lib/model/health';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import type { OptionsApi } from '@/lib/options/api';
import type { PopupApi } from '@/lib/popup/api';
import type { PersonRef } from '@/lib/sites/types';

import { coldPerson } from './cold';

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

export interface FakePopupInit extends FakeOptionsInit {
  /** Who is cold, in the popup's order. */
  cold?: ColdPerson[];
  /** How many are cold in all; the rows given when absent. */
  coldTotal?: number;
  /** Whom the tab is about and where their notes open; nobody, in the page, when absent. */
  notesTarget?: NotesTarget;
}

/**
 * The popup's view, in memory. Like the background, "I reached out" and a snooze take the person
 * off the cold list; `setCold` changes who is cold from outside.
 */
export function fakePopupApi(
  tab: { id?: number; url?: string } | undefined,
  init: FakePopupInit = {},
) {
  const options = fakeOptionsApi(init);
  let cold = [...(init.cold ?? [])];
  let extra = (init.coldTotal ?? cold.length) - cold.length;
  /** Rows taken off by "I reached out", by the touch's id, so an undo puts them back. */
  const reached = new Map<string, ColdPerson>();
  const without = (personId: string) => {
    cold = cold.filter((row) => row.person.id !== personId);
  };
  const api = {
    ...options.api,
    activeTab: vi.fn(async () => tab),
    openOptions: vi.fn(async () => {}),
    closePopup: vi.fn(),
    coldList: vi.fn(async (limit: number) => {
      options.calls.push(`coldList ${limit}`);
      return { total: cold.length + extra, totalIsAtLeast: false, people: cold.slice(0, limit) };
    }),
    reachedOut: vi.fn(async (personId: string) => {
      options.calls.push(`reachedOut ${personId}`);
      const row = cold.find((candidate) => candidate.person.id === personId);
      if (!row) throw new Error('That person is no longer in Acquaint.');
      without(personId);
      reached.set(`touch-${personId}`, row);
      return {
        id: `touch-${personId}`,
        personId,
        at: new Date().toISOString(),
        kind: 'message' as const,
        direction: 'out' as const,
        summary: '',
      };
    }),
    snooze: vi.fn(async (person: PersonRef, until: string) => {
      options.calls.push(`snooze ${person.key} ${until}`);
      const row = cold.find((candidate) => candidate.person.identityKeys.includes(person.key));
      if (!row) throw new Error('That person is no longer in Acquaint.');
      without(row.person.id);
      return { ...row.person, snoozedUntil: until };
    }),
    openTab: vi.fn(async (url: string) => {
      options.calls.push(`openTab ${url}`);
    }),
    openNotes: vi.fn(async (personId: string) => {
      options.calls.push(`openNotes ${personId}`);
    }),
    notesTarget: vi.fn(async (tabId: number) => {
      options.calls.push(`notesTarget ${tabId}`);
      return init.notesTarget ?? { person: null, inPage: true };
    }),
    openSidePanel: vi.fn((tabId: number) => {
      options.calls.push(`openSidePanel ${tabId}`);
      return Promise.resolve();
    }),
    showNotesInPage: vi.fn(async (tabId: number) => {
      options.calls.push(`showNotesInPage ${tabId}`);
    }),
    deleteInteraction: vi.fn(async (id: string) => {
      options.calls.push(`deleteInteraction ${id}`);
      const row = reached.get(id);
      reached.delete(id);
      if (row) cold = [row, ...cold];
    }),
    addPerson: vi.fn(async (entry: { name: string; address: string; why: string }) => {
      options.calls.push(`addPerson ${entry.name} ${entry.address}`);
      if (entry.name.trim() === '') throw new Error('Give them a name.');
      const person = coldPerson(`added-${entry.name.trim()}`, entry.name.trim());
      return { person, existed: false };
    }),
  } satisfies PopupApi;
  return {
    ...options,
    api,
    setCold(rows: ColdPerson[], total = rows.length) {
      cold = [...rows];
      extra = total - rows.length;
    },
  };
}
