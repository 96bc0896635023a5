import { computed, signal } from '@preact/signals';

import type { ColdPerson, NotesTarget } from '../messaging/protocol';
import { displayName } from '../model/display-name';
import type { Interaction } from '../model/types';
import { type ColdList, DAY_MS } from '../model/cold';
import type { SiteHealth } from '../model/health';
import { profileUrlOf, refOfPerson } from '../model/person-ref';
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

/** How many cold people the popup shows; the rest are counted. */
export const COLD_ROWS = 50;

export function createPopupStore(api: PopupApi) {
  const tab = signal<{ id?: number; url?: string } | undefined>(undefined);
  const blogs = signal<string[]>([]);
  const health = signal<SiteHealth[]>([]);
  const status = signal<{ ok: boolean; text: string } | null>(null);
  const cold = signal<ColdList | null>(null);
  const coldError = signal<string | null>(null);
  /** The row the arrow keys are on. */
  const active = signal(0);
  /** The last "I reached out", until undone or dismissed. */
  const undo = signal<{ interaction: Interaction; name: string } | null>(null);
  /** Adding someone by hand: the form's outcome, in words. */
  const added = signal<{ ok: boolean; text: string } | null>(null);
  /** "Notes on <the person on this tab>", on LinkedIn and X pages that show someone. */
  const notesHere = signal<NotesTarget | null>(null);

  const loadCold = async () => {
    try {
      cold.value = await api.coldList(COLD_ROWS);
      coldError.value = null;
      active.value = Math.min(active.value, Math.max(0, cold.value.people.length - 1));
    } catch (error) {
      coldError.value = error instanceof Error ? error.message : String(error);
    }
  };

  /** Acts on a row; the list reloads, since the person may no longer be cold. */
  const act = async (work: () => Promise<unknown>) => {
    let failure: string | null = null;
    try {
      await work();
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    await loadCold();
    // Set after the reload, which clears coldError when the list loads.
    if (failure !== null) coldError.value = failure;
  };

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
    notesHere,
    health,
    status,
    cold,
    coldError,
    active,

    async load() {
      const [activeTab, enabled, siteHealth] = await Promise.all([
        api.activeTab(),
        api.blogs(),
        api.health(),
        loadCold(),
      ]);
      tab.value = activeTab;
      blogs.value = enabled;
      health.value = siteHealth;
      const tabId = activeTab?.id;
      if (tabId !== undefined && site.value.kind === 'built-in') {
        notesHere.value = await api.notesTarget(tabId).catch(() => null);
      }
    },

    /**
     * Opens the notes on the tab's person: beside the page in the side panel when its site shows
     * nothing in its pages, else in the page's own sidebar. Called straight from the click.
     */
    openNotesHere() {
      const tabId = tab.value?.id;
      const target = notesHere.value;
      if (tabId === undefined || !target?.person) return;
      const opening = target.inPage ? api.showNotesInPage(tabId) : api.openSidePanel(tabId);
      opening.then(
        () => api.closePopup(),
        (error: unknown) => {
          coldError.value = error instanceof Error ? error.message : String(error);
        },
      );
    },

    /** Arrow keys move between rows; Enter opens the active person's profile. */
    move(step: number) {
      const count = cold.value?.people.length ?? 0;
      if (count === 0) return;
      active.value = (active.value + step + count) % count;
    },

    openProfile(row: ColdPerson) {
      const url = profileUrlOf(row.person);
      const opening = url ? api.openTab(url) : api.openNotes(row.person.id);
      opening.catch((error: unknown) => {
        coldError.value = error instanceof Error ? error.message : String(error);
      });
    },

    undo,
    added,

    reachedOut: (row: ColdPerson) =>
      act(async () => {
        const interaction = await api.reachedOut(row.person.id);
        undo.value = { interaction, name: displayName(row.person.name, row.person.identityKeys) };
      }),

    /** Takes back the last "I reached out": the touch goes, and so does its effect on the list. */
    undoReachedOut: () => {
      const last = undo.value;
      if (!last) return Promise.resolve();
      undo.value = null;
      return act(() => api.deleteInteraction(last.interaction.id));
    },

    dismissUndo() {
      undo.value = null;
    },

    /** Someone met away from any profile page: stored, then their notes open beside the popup. */
    async addPerson(entry: { name: string; address: string; why: string }) {
      try {
        const { person, existed } = await api.addPerson(entry);
        const name = displayName(person.name, person.identityKeys);
        added.value = {
          ok: true,
          text: existed ? `${name} was already in Acquaint.` : `Added ${name}.`,
        };
        await api.openNotes(person.id);
      } catch (error) {
        added.value = { ok: false, text: error instanceof Error ? error.message : String(error) };
      }
    },

    snooze: (row: ColdPerson, days: number) =>
      act(async () => {
        const ref = refOfPerson(row.person);
        if (!ref) throw new Error(`${row.person.name} has no identity to snooze by.`);
        await api.snooze(ref, new Date(Date.now() + days * DAY_MS).toISOString());
      }),

    openNotes: (row: ColdPerson) => act(() => api.openNotes(row.person.id)),

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
