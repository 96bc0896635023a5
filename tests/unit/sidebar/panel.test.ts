import { fakeBrowser } from 'wxt/testing/fake-browser';

import type { SidebarContext } from '@/lib/messaging/protocol';
import type { Person } from '@/lib/model/types';
import { messagingSidebarApi, panelSidebarApi, type SidebarApi } from '@/lib/sidebar/api';
import { createSidebarStore, type SidebarWrite } from '@/lib/sidebar/store';
import type { PersonRef } from '@/lib/sites/types';

import { ADA, PIP } from '../support/db';
import { memoryJournal } from '../support/deferred';

/** The side panel's sidebar: picking from "People on this page", and the API that names its tab. */

const BEA: PersonRef = {
  key: 'linkedin:bea-stone-77',
  name: 'Bea Stone',
  url: 'https://www.linkedin.com/in/bea-stone-77/',
};

function contextOf(subject: PersonRef | null, picked = false): SidebarContext {
  return {
    tabId: 7,
    subject,
    person: null,
    notes: [],
    interactions: [],
    defaultCadenceDays: 30,
    page: {
      people: [
        { ref: ADA, known: false },
        { ref: BEA, known: false },
      ],
      picked,
    },
  };
}

function storedPerson(ref: PersonRef, why: string): Person {
  return {
    id: 'p-1',
    name: ref.name,
    identities: [{ key: ref.key, url: ref.url }],
    identityKeys: [ref.key],
    why,
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: '2024-05-10T12:00:00.000Z',
    updatedAt: '2024-05-10T12:00:00.000Z',
  };
}

const unexpected = async (): Promise<never> => {
  throw new Error('not expected in this test');
};

/**
 * The panel's background, in memory: the pick decides whom the context shows, as `panel.pick`
 * does. `calls` logs the order of requests.
 */
function fakePanelApi() {
  const calls: string[] = [];
  let picked: PersonRef | null = null;
  const api = {
    context: vi.fn<SidebarApi['context']>(async () => {
      calls.push('context');
      return contextOf(picked ?? ADA, picked !== null);
    }),
    pick: vi.fn<NonNullable<SidebarApi['pick']>>(async (person) => {
      calls.push(`pick ${person?.key ?? 'null'}`);
      picked = person;
    }),
    setWhy: vi.fn<SidebarApi['setWhy']>(async (person, why) => {
      calls.push(`setWhy ${person.key} ${why}`);
      return storedPerson(person, why);
    }),
    saveNote: vi.fn<SidebarApi['saveNote']>(unexpected),
    rename: vi.fn<SidebarApi['rename']>(unexpected),
    deleteNote: vi.fn<SidebarApi['deleteNote']>(unexpected),
    restoreNote: vi.fn<SidebarApi['restoreNote']>(unexpected),
    close: vi.fn<SidebarApi['close']>(unexpected),
    addInteraction: vi.fn<SidebarApi['addInteraction']>(unexpected),
    updateInteraction: vi.fn<SidebarApi['updateInteraction']>(unexpected),
    deleteInteraction: vi.fn<SidebarApi['deleteInteraction']>(unexpected),
    restoreInteraction: vi.fn<SidebarApi['restoreInteraction']>(unexpected),
    followUp: vi.fn<SidebarApi['followUp']>(unexpected),
    searchPeople: vi.fn<SidebarApi['searchPeople']>(unexpected),
    mergePerson: vi.fn<SidebarApi['mergePerson']>(unexpected),
    splitIdentity: vi.fn<SidebarApi['splitIdentity']>(unexpected),
    acceptAlias: vi.fn<SidebarApi['acceptAlias']>(unexpected),
    dismissAlias: vi.fn<SidebarApi['dismissAlias']>(unexpected),
  } satisfies SidebarApi;
  return { api, calls };
}

describe('sidebar store: pick', () => {
  async function loadedStore() {
    const fake = fakePanelApi();
    const store = createSidebarStore({
      api: fake.api,
      journal: memoryJournal<SidebarWrite>(),
      saveDelayMs: 400,
    });
    await store.load();
    fake.calls.length = 0;
    return { ...fake, store };
  }

  it('asks the background to show the person picked, then reloads and shows them', async () => {
    const { store, api, calls } = await loadedStore();
    expect(store.subject.value).toEqual(ADA);

    await store.pick(BEA);

    expect(api.pick).toHaveBeenCalledTimes(1);
    expect(api.pick).toHaveBeenCalledWith(BEA);
    expect(calls).toEqual([`pick ${BEA.key}`, 'context']);
    expect(store.subject.value).toEqual(BEA);
    expect(store.context.value?.page?.picked).toBe(true);
    expect(store.notice.value).toBeNull();
  });

  it('null goes back to the page’s own person', async () => {
    const { store, api, calls } = await loadedStore();
    await store.pick(BEA);
    calls.length = 0;

    await store.pick(null);

    expect(api.pick).toHaveBeenLastCalledWith(null);
    expect(calls).toEqual(['pick null', 'context']);
    expect(store.subject.value).toEqual(ADA);
    expect(store.context.value?.page?.picked).toBe(false);
  });

  it('saves what was typed about the person shown before showing another', async () => {
    const { store, calls } = await loadedStore();
    store.typeWhy('Runs the owl meetup');

    await store.pick(BEA);

    expect(calls).toEqual([`setWhy ${ADA.key} Runs the owl meetup`, `pick ${BEA.key}`, 'context']);
  });

  it('a refused pick becomes a notice, and the sidebar keeps showing whom it showed', async () => {
    const { store, api, calls } = await loadedStore();
    api.pick.mockRejectedValueOnce(new Error('Refused: that person is not on this page.'));

    await expect(store.pick(PIP)).resolves.toBeUndefined();

    expect(store.notice.value).toEqual({
      tone: 'error',
      text: 'Refused: that person is not on this page.',
    });
    expect(calls).toEqual([]);
    expect(api.context).toHaveBeenCalledTimes(1);
    expect(store.subject.value).toEqual(ADA);
  });
});

describe('panelSidebarApi', () => {
  /** What reached the background, answering each request with `value`. */
  function sent(value: unknown = null) {
    return vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation(async () => ({ ok: true, value }));
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks for the context of the tab it follows now, not the one it followed before', async () => {
    const sendMessage = sent(contextOf(ADA));
    let followed = 3;
    const api = panelSidebarApi(() => followed);

    expect(await api.context()).toEqual(contextOf(ADA));
    followed = 8;
    await api.context();

    expect(sendMessage.mock.calls.map(([message]) => message)).toEqual([
      { type: 'sidebar.context', tabId: 3 },
      { type: 'sidebar.context', tabId: 8 },
    ]);
  });

  it('picks on the tab it follows, and null goes back', async () => {
    const sendMessage = sent(null);
    let followed = 5;
    const api = panelSidebarApi(() => followed);

    await expect(api.pick?.(BEA)).resolves.toBeUndefined();
    followed = 6;
    await api.pick?.(null);

    expect(sendMessage.mock.calls.map(([message]) => message)).toEqual([
      { type: 'panel.pick', tabId: 5, person: BEA },
      { type: 'panel.pick', tabId: 6, person: null },
    ]);
  });

  it('passes a refusal on as an error', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({
      ok: false,
      error: 'Refused: that person is not on this page.',
    }));
    const api = panelSidebarApi(() => 5);
    await expect(api.pick?.(PIP)).rejects.toThrow('Refused: that person is not on this page.');
  });

  it('sends the other requests as the framed sidebar does', async () => {
    const sendMessage = sent(storedPerson(ADA, 'Owls'));
    const api = panelSidebarApi(() => 5);
    await api.setWhy(ADA, 'Owls');
    expect(sendMessage).toHaveBeenCalledWith({ type: 'people.setWhy', person: ADA, why: 'Owls' });
  });

  it('closes the panel itself, telling no tab', async () => {
    const sendMessage = sent(null);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    await panelSidebarApi(() => 5).close();
    expect(close).toHaveBeenCalledTimes(1);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('differs from the framed sidebar’s API, which names no tab and has no pick', async () => {
    const sendMessage = sent(contextOf(null));
    await messagingSidebarApi.context();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'sidebar.context' });
    expect(messagingSidebarApi.pick).toBeUndefined();
  });
});
