import { sendRequest } from '../messaging/client';
import type { NoteSaveResult, SidebarContext } from '../messaging/protocol';
import type { Interaction, Note, Person } from '../model/types';
import type { PersonMatch } from '../services/identities';
import type { PersonRef } from '../sites/types';

/** What the sidebar asks of the background; the store depends on this, tests give a fake. */
export interface SidebarApi {
  context(): Promise<SidebarContext>;
  saveNote(
    person: PersonRef,
    note: { id: string; body: string; url?: string },
    baseRev: number | null,
  ): Promise<NoteSaveResult>;
  setWhy(person: PersonRef, why: string): Promise<Person>;
  rename(person: PersonRef, name: string): Promise<Person>;
  deleteNote(id: string): Promise<Note | null>;
  restoreNote(note: Note): Promise<Note>;
  close(): Promise<void>;
  addInteraction(
    person: PersonRef,
    interaction: Omit<Interaction, 'personId'>,
  ): Promise<Interaction>;
  updateInteraction(
    id: string,
    changes: Partial<Pick<Interaction, 'at' | 'kind' | 'direction' | 'summary'>>,
  ): Promise<Interaction>;
  deleteInteraction(id: string): Promise<Interaction | null>;
  restoreInteraction(interaction: Interaction): Promise<Interaction>;
  followUp(person: PersonRef, change: FollowUpChange): Promise<Person>;
  searchPeople(query: string, excludeId?: string): Promise<PersonMatch[]>;
  mergePerson(person: PersonRef, otherId: string): Promise<Person>;
  splitIdentity(personId: string, key: string): Promise<{ kept: Person; split: Person }>;
  /** The user's answer to `SidebarContext.aliasOffer`, for the subject `key` of tab `tabId`. */
  acceptAlias(answer: AliasAnswer): Promise<Person>;
  dismissAlias(answer: AliasAnswer): Promise<void>;
  /**
   * The side panel only: shows someone from "People on this page", or with null the page's own
   * person again.
   */
  pick?(person: PersonRef | null): Promise<void>;
}

export interface AliasAnswer {
  tabId: number;
  key: string;
  personId: string;
}

export interface FollowUpChange {
  cadenceDays?: number | null;
  snoozedUntil?: string | null;
  archived?: boolean;
}

/**
 * Makes this frame the one the background answers for its tab, with the token the content script
 * put in its address (lib/background/sidebar-frames.ts). A sidebar in a window of its own or in the
 * side panel has none and needs none.
 */
export async function claimFrame(hash: string): Promise<void> {
  const token = hash.replace(/^#/, '');
  if (token) await sendRequest({ type: 'sidebar.claim', token });
}

export const messagingSidebarApi: SidebarApi = {
  context: () => sendRequest({ type: 'sidebar.context' }),
  saveNote: (person, note, baseRev) => sendRequest({ type: 'notes.save', person, note, baseRev }),
  setWhy: (person, why) => sendRequest({ type: 'people.setWhy', person, why }),
  rename: (person, name) => sendRequest({ type: 'people.rename', person, name }),
  deleteNote: (id) => sendRequest({ type: 'notes.delete', id }),
  restoreNote: (note) => sendRequest({ type: 'notes.restore', note }),
  close: async () => {
    await sendRequest({ type: 'sidebar.close' });
  },
  addInteraction: (person, interaction) =>
    sendRequest({ type: 'interactions.add', person, interaction }),
  updateInteraction: (id, changes) => sendRequest({ type: 'interactions.update', id, changes }),
  deleteInteraction: (id) => sendRequest({ type: 'interactions.delete', id }),
  restoreInteraction: (interaction) => sendRequest({ type: 'interactions.restore', interaction }),
  followUp: (person, change) => sendRequest({ type: 'people.followUp', person, change }),
  searchPeople: (query, excludeId) =>
    sendRequest({ type: 'people.search', query, ...(excludeId ? { excludeId } : {}) }),
  mergePerson: (person, otherId) => sendRequest({ type: 'people.merge', person, otherId }),
  splitIdentity: (personId, key) => sendRequest({ type: 'people.split', personId, key }),
  acceptAlias: (answer) => sendRequest({ type: 'people.acceptAlias', ...answer }),
  dismissAlias: async (answer) => {
    await sendRequest({ type: 'people.dismissAlias', ...answer });
  },
};

/**
 * The side panel's API: the same requests, about the tab it follows (it sits in no tab, so it
 * names it), and closing the panel itself.
 */
export function panelSidebarApi(tabId: () => number): SidebarApi {
  return {
    ...messagingSidebarApi,
    context: () => sendRequest({ type: 'sidebar.context', tabId: tabId() }),
    close: async () => window.close(),
    pick: async (person) => {
      await sendRequest({ type: 'panel.pick', tabId: tabId(), person });
    },
  };
}
