import { signal } from '@preact/signals';

import { MAX_SEARCH_LENGTH } from '../model/limits';
import type { Person } from '../model/types';
import type { PersonMatch } from '../services/identities';
import type { PersonRef } from '../sites/types';
import type { SidebarApi } from './api';

export interface IdentityStoreOptions {
  api: Pick<SidebarApi, 'searchPeople' | 'mergePerson' | 'splitIdentity'>;
  personRef(): PersonRef | null;
  person(): Person | null;
  reload(): Promise<void>;
  report(error: unknown): void;
  /** Says what happened, for the sidebar's notice. */
  inform(text: string): void;
}

export type IdentityStore = ReturnType<typeof createIdentityStore>;

/** "Same person as…" and "split off": one person, many identities. */
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
