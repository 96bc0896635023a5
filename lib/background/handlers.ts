import type { ContentCommand } from '../messaging/protocol';
import type { NotesService } from '../services/notes';
import type { PeopleService } from '../services/people';
import type { Handlers, RequestContext } from './router';
import type { SidebarHub } from './sidebar-hub';
import type { TabSubjects } from './tab-subjects';

export interface HandlerDeps {
  people: PeopleService;
  notes: NotesService;
  tabSubjects: TabSubjects;
  sidebars: SidebarHub;
  /** Sends a command to a tab's top-frame content script. */
  tellTab(tabId: number, command: ContentCommand): Promise<void>;
}

/** Each handler only unpacks the request and delegates to a service. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { people, notes, tabSubjects, sidebars } = deps;

  return {
    'tab.subject': async (request, context) => {
      // Only the top frame speaks for the tab; an embedded frame is some other site.
      if (context.frameId !== 0)
        throw new Error('Refused: only the top frame reports its subject.');
      const tabId = requireTab(context);
      if (await tabSubjects.set(tabId, request.subject)) sidebars.refreshTab(tabId);
      return null;
    },

    'sidebar.context': async (_request, context) => {
      const tabId = requireTab(context);
      const subject = await tabSubjects.get(tabId);
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
      sidebars.refreshAll();
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
      sidebars.refreshAll();
      return person;
    },
  };
}

function requireTab(context: RequestContext): number {
  if (context.tabId === undefined) throw new Error('Refused: this request must come from a tab.');
  return context.tabId;
}
