import type { ContentCommand } from '../messaging/protocol';
import type { HealthService } from '../services/health';
import type { NotesService } from '../services/notes';
import type { PeopleService } from '../services/people';
import type { SettingsService } from '../services/settings';
import type { BlogSites } from './blog-sites';
import type { Handlers, RequestContext } from './router';
import type { SidebarHub } from './sidebar-hub';
import type { TabSubjects } from './tab-subjects';

export interface HandlerDeps {
  people: PeopleService;
  notes: NotesService;
  settings: SettingsService;
  health: HealthService;
  blogSites: BlogSites;
  /** The page's subject per tab, as the content script reads it. */
  tabSubjects: TabSubjects;
  /** The author the user picked on the page, per tab; shown instead of the subject. */
  tabSelections: TabSubjects;
  sidebars: SidebarHub;
  /** Sends a command to a tab's top-frame content script. */
  tellTab(tabId: number, command: ContentCommand): Promise<void>;
  /** Sends a command to the content scripts of every tab. */
  tellAllTabs(command: ContentCommand): Promise<void>;
  /** Opens the sidebar page in a small window of its own; resolves to that window's tab. */
  openSidebarWindow(): Promise<number | undefined>;
}

/** Each handler only unpacks the request and delegates to a service. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { people, notes, tabSubjects, tabSelections, sidebars } = deps;

  /** After a write: open sidebars reload, and badges learn who is known now. */
  const changed = () => {
    sidebars.refreshAll();
    void deps.tellAllTabs({ type: 'people.changed' }).catch(() => {});
  };

  return {
    'tab.subject': async (request, context) => {
      // Only the top frame speaks for the tab; an embedded frame is some other site.
      if (context.frameId !== 0)
        throw new Error('Refused: only the top frame reports its subject.');
      const tabId = requireTab(context);
      if (await tabSubjects.set(tabId, request.subject)) sidebars.refreshTab(tabId);
      return null;
    },

    'tab.select': async (request, context) => {
      if (context.frameId !== 0) throw new Error('Refused: only the top frame picks a person.');
      const tabId = requireTab(context);
      if (request.person) {
        await people.ensure(request.person);
        changed();
      }
      if (await tabSelections.set(tabId, request.person)) sidebars.refreshTab(tabId);
      return null;
    },

    'person.openWindow': async (request) => {
      await people.ensure(request.person);
      changed();
      const tabId = await deps.openSidebarWindow();
      if (tabId !== undefined) {
        await tabSelections.set(tabId, request.person);
        sidebars.refreshTab(tabId);
      }
      return null;
    },

    'sidebar.context': async (_request, context) => {
      const tabId = requireTab(context);
      const subject = (await tabSelections.get(tabId)) ?? (await tabSubjects.get(tabId));
      if (!subject) return { tabId, subject: null, person: null, notes: [] };
      const person = (await people.findByKey(subject.key)) ?? null;
      return { tabId, subject, person, notes: person ? await notes.listForPerson(person.id) : [] };
    },

    'sidebar.close': async (_request, context) => {
      await deps.tellTab(requireTab(context), { type: 'sidebar.close' });
      return null;
    },

    'notes.save': async (request) => {
      const saved = await notes.save(request.person, request.note, request.baseRev);
      changed();
      return saved;
    },

    'notes.delete': async (request) => {
      const removed = await notes.remove(request.id);
      sidebars.refreshAll();
      return removed;
    },

    'notes.restore': async (request) => {
      const restored = await notes.restore(request.note);
      sidebars.refreshAll();
      return restored;
    },

    'people.setWhy': async (request) => {
      const person = await people.setWhy(request.person, request.why);
      changed();
      return person;
    },

    'people.lookup': async (request) => ({ known: await people.knownKeys(request.keys) }),

    'settings.get': () => deps.settings.get(),

    'settings.update': async (request) => {
      const settings = await deps.settings.update(request.patch);
      void deps.tellAllTabs({ type: 'settings.changed' }).catch(() => {});
      return settings;
    },

    'health.report': async (request) => {
      await deps.health.report(request.site, request.pageKind, request.ok);
      return null;
    },

    'health.list': () => deps.health.list(),

    'blogs.list': () => deps.blogSites.list(),

    'blogs.enable': (request) => deps.blogSites.enable(request.origin),

    'blogs.disable': (request) => deps.blogSites.disable(request.origin),
  };
}

function requireTab(context: RequestContext): number {
  if (context.tabId === undefined) throw new Error('Refused: this request must come from a tab.');
  return context.tabId;
}
