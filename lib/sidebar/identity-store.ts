import { signal } from '@preact/signals';

import type { SidebarContext } from '../messaging/protocol';
import { MAX_SEARCH_LENGTH } from '../model/limits';
import type { Person } from '../model/types';
import type { PersonMatch } from '../services/identities';
import { identityLabel } from '../sites/identity-label';
import type { PersonRef } from '../sites/types';
import type { SidebarApi } from './api';

export interface IdentityStoreOptions {
  api: Pick<
    SidebarApi,
    'searchPeople' | 'mergePerson' | 'splitIdentity' | 'acceptAlias' | 'dismissAlias'
  >;
  /** What the sidebar shows now: its tab, its subject, and any "Same person?" offer. */
  context(): SidebarContext | null;
  personRef(): PersonRef | null;
  person(): Person | null;
  reload(): Promise<void>;
  report(error: unknown): void;
  /** Says what happened, for the sidebar's notice. */
  inform(text: string): void;
}

export type IdentityStore = ReturnType<typeof createIdentityStore>;

/**
 * "Same person as…" and "split off": one person, many identities; and the answer to the
 * background's "Same person?" when the page's X account number is someone else's in Acquaint.
 */
export function createIdentityStore(options: IdentityStoreOptions) {
  const { api } = options;
  const open = signal(false);
  const query = signal('');
  const matches = signal<PersonMatch[]>([]);
  const picked = signal<PersonMatch | null>(null);
  const busy = signal(false);
  /** Answers to older queries arrive late; only the latest one is shown. */
  let searchToken = 0;

  const reset = () => {
    searchToken += 1;
    query.value = '';
    matches.value = [];
    picked.value = null;
  };

  return {
    open,
    query,
    matches,
    picked,
    busy,

    toggle() {
      open.value = !open.value;
      reset();
    },

    close() {
      open.value = false;
      reset();
    },

    async search(text: string) {
      const wanted = text.slice(0, MAX_SEARCH_LENGTH);
      query.value = wanted;
      picked.value = null;
      const token = ++searchToken;
      if (wanted.trim() === '') {
        matches.value = [];
        return;
      }
      try {
        const found = await api.searchPeople(wanted, options.person()?.id);
        if (token === searchToken) matches.value = found;
      } catch (error) {
        if (token === searchToken) options.report(error);
      }
    },

    pick(match: PersonMatch | null) {
      picked.value = match;
    },

    async confirmMerge() {
      const ref = options.personRef();
      const other = picked.value;
      if (!ref || !other) return;
      busy.value = true;
      try {
        await api.mergePerson(ref, other.id);
        open.value = false;
        reset();
        options.inform(
          `Merged ${other.name || 'that record'} into this person: their notes and interactions are here now. “Split off” beside an identity undoes it.`,
        );
        await options.reload();
      } catch (error) {
        options.report(error);
      } finally {
        busy.value = false;
      }
    },

    /** Yes: the page's handle joins the person the number belongs to (the background's offer). */
    async acceptOffer() {
      const answer = offerAnswer(options.context());
      if (!answer) return;
      busy.value = true;
      try {
        const person = await api.acceptAlias(answer);
        const handle = identityLabel(answer.key);
        options.inform(
          `${handle.site} ${handle.value} is now part of ${person.name || 'that person'}: their notes and interactions are here.`,
        );
        await options.reload();
      } catch (error) {
        // An offer that no longer holds is gone: the background tells this sidebar to reload.
        options.report(error);
      } finally {
        busy.value = false;
      }
    },

    /** No: nothing is linked, and this page's number is not offered again this session. */
    async dismissOffer() {
      const answer = offerAnswer(options.context());
      if (!answer) return;
      busy.value = true;
      try {
        await api.dismissAlias(answer);
        await options.reload();
      } catch (error) {
        options.report(error);
      } finally {
        busy.value = false;
      }
    },

    async split(key: string) {
      const person = options.person();
      if (!person) return;
      busy.value = true;
      try {
        const { split } = await api.splitIdentity(person.id, key);
        options.inform(`${split.name || 'That identity'} is a separate person again.`);
        await options.reload();
      } catch (error) {
        options.report(error);
      } finally {
        busy.value = false;
      }
    },
  };
}

function offerAnswer(context: SidebarContext | null) {
  if (!context?.aliasOffer || !context.subject) return null;
  return { tabId: context.tabId, key: context.subject.key, personId: context.aliasOffer.personId };
}
