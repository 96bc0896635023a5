import type { SidebarContext } from '@/lib/messaging/protocol';
import type { Person } from '@/lib/model/types';
import type { PersonMatch } from '@/lib/services/identities';
import type { SidebarApi } from '@/lib/sidebar/api';
import { createIdentityStore, type IdentityStore } from '@/lib/sidebar/identity-store';
import type { PersonRef } from '@/lib/sites/types';

import { ADA, PIP } from '../support/db';
import { deferred } from '../support/deferred';

const PERSON: Person = {
  id: 'person-ada',
  name: ADA.name,
  identities: [
    { key: ADA.key, url: ADA.url },
    { key: 'x:adaquill', url: 'https://x.com/adaquill' },
  ],
  identityKeys: [ADA.key, 'x:adaquill'],
  why: '',
  tags: [],
  cadenceDays: null,
  snoozedUntil: null,
  archived: false,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

function match(id: string, name: string, keys: string[] = [`x:${id}`]): PersonMatch {
  return { id, name, identities: keys.map((key) => ({ key })), why: '' };
}

const PIP_MATCH = match('person-pip', PIP.name, [PIP.key]);
const PIPPA_MATCH = match('person-pippa', 'Pippa Long');

function personNamed(id: string, name: string): Person {
  return { ...PERSON, id, name, identities: [{ key: `x:${id}` }], identityKeys: [`x:${id}`] };
}

/** The requests the identity store sends, as spies. */
function fakeApi() {
  return {
    acceptAlias: vi.fn<SidebarApi['acceptAlias']>(async () => ZED_LINKED),
    dismissAlias: vi.fn<SidebarApi['dismissAlias']>(async () => undefined),
    searchPeople: vi.fn<SidebarApi['searchPeople']>(async () => []),
    mergePerson: vi.fn<SidebarApi['mergePerson']>(async () => PERSON),
    splitIdentity: vi.fn<SidebarApi['splitIdentity']>(async (_id, key) => ({
      kept: PERSON,
      split: { ...personNamed('person-split', 'Ada on X'), identities: [{ key }] },
    })),
  };
}

/** Someone from the X archive, known by number, once linked to the page's handle. */
const ZED_LINKED: Person = {
  ...personNamed('person-zed', 'Zed Orchard'),
  identities: [{ key: 'x-id:42' }, { key: 'x:zedorchard' }],
  identityKeys: ['x-id:42', 'x:zedorchard'],
};

/** The sidebar on @zedorchard's profile, whose number belongs to person-zed. */
const OFFERED: SidebarContext = {
  tabId: 7,
  subject: { key: 'x:zedorchard', name: 'Zed Orchard', url: 'https://x.com/zedorchard' },
  person: null,
  notes: [],
  interactions: [],
  defaultCadenceDays: 30,
  aliasOffer: { personId: 'person-zed', name: '', keys: ['x-id:42'], notes: 0, interactions: 2 },
};

let api: ReturnType<typeof fakeApi>;
let context: SidebarContext | null;
let ref: PersonRef | null;
let person: Person | null;
let reload: ReturnType<typeof vi.fn<() => Promise<void>>>;
let report: ReturnType<typeof vi.fn<(error: unknown) => void>>;
let inform: ReturnType<typeof vi.fn<(text: string) => void>>;
let store: IdentityStore;

beforeEach(() => {
  api = fakeApi();
  context = null;
  ref = ADA;
  person = PERSON;
  reload = vi.fn(async () => undefined);
  report = vi.fn();
  inform = vi.fn();
  store = createIdentityStore({
    api,
    context: () => context,
    personRef: () => ref,
    person: () => person,
    reload,
    report,
    inform,
  });
});

const reported = () => {
  expect(report).toHaveBeenCalledTimes(1);
  const error = report.mock.calls[0]?.[0];
  return error instanceof Error ? error.message : String(error);
};

const state = () => ({
  open: store.open.value,
  query: store.query.value,
  matches: store.matches.value,
  picked: store.picked.value,
  busy: store.busy.value,
});

/** Opens the panel, finds Pip and picks them: the state before a merge is confirmed. */
async function pickPip() {
  api.searchPeople.mockResolvedValueOnce([PIP_MATCH, PIPPA_MATCH]);
  store.toggle();
  await store.search('pip');
  store.pick(PIP_MATCH);
  expect(state()).toEqual({
    open: true,
    query: 'pip',
    matches: [PIP_MATCH, PIPPA_MATCH],
    picked: PIP_MATCH,
    busy: false,
  });
}

describe('toggle and close', () => {
  it('starts closed and empty', () => {
    expect(state()).toEqual({ open: false, query: '', matches: [], picked: null, busy: false });
  });

  it('opens, then closes, forgetting the query, the matches and the pick each time', async () => {
    await pickPip();

    store.toggle();
    expect(state()).toEqual({ open: false, query: '', matches: [], picked: null, busy: false });

    // Whatever was left over is also cleared on the way in.
    store.query.value = 'left over';
    store.matches.value = [PIPPA_MATCH];
    store.picked.value = PIPPA_MATCH;
    store.toggle();
    expect(state()).toEqual({ open: true, query: '', matches: [], picked: null, busy: false });
  });

  it('close closes and resets, and stays closed when called again', async () => {
    await pickPip();

    store.close();
    expect(state()).toEqual({ open: false, query: '', matches: [], picked: null, busy: false });
    store.close();
    expect(store.open.value).toBe(false);
  });
});

describe('search', () => {
  it('asks for people other than the one shown and lists the answer', async () => {
    api.searchPeople.mockResolvedValueOnce([PIP_MATCH]);
    store.toggle();

    await store.search('Pip');

    expect(api.searchPeople).toHaveBeenCalledTimes(1);
    expect(api.searchPeople).toHaveBeenCalledWith('Pip', 'person-ada');
    expect(store.query.value).toBe('Pip');
    expect(store.matches.value).toEqual([PIP_MATCH]);
    expect(report).not.toHaveBeenCalled();
  });

  it('excludes nobody while the subject has no stored person yet', async () => {
    person = null;

    await store.search('pip');

    expect(api.searchPeople).toHaveBeenCalledTimes(1);
    expect(api.searchPeople.mock.calls[0]).toEqual(['pip', undefined]);
  });

  it('uses the person shown at the time of each search', async () => {
    await store.search('pip');
    person = personNamed('person-other', 'Other');
    await store.search('pipp');

    expect(api.searchPeople.mock.calls).toEqual([
      ['pip', 'person-ada'],
      ['pipp', 'person-other'],
    ]);
  });

  it.each([
    ['empty', ''],
    ['blank', '   \t '],
  ])('an %s query clears the matches without asking the background', async (_label, text) => {
    await store.search('pip');
    api.searchPeople.mockClear();
    store.matches.value = [PIP_MATCH];

    await store.search(text);

    expect(api.searchPeople).not.toHaveBeenCalled();
    expect(store.matches.value).toEqual([]);
    expect(store.query.value).toBe(text);
  });

  it('typing again drops the pick', async () => {
    await pickPip();

    await store.search('pipp');

    expect(store.picked.value).toBeNull();
  });

  it('ignores the answer to an older query that arrives after the newer one', async () => {
    const older = deferred<PersonMatch[]>();
    const newer = deferred<PersonMatch[]>();
    api.searchPeople.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);

    const first = store.search('p');
    const second = store.search('pippa');
    newer.resolve([PIPPA_MATCH]);
    await second;
    expect(store.matches.value).toEqual([PIPPA_MATCH]);

    older.resolve([PIP_MATCH, PIPPA_MATCH]);
    await first;

    expect(store.matches.value).toEqual([PIPPA_MATCH]);
    expect(store.query.value).toBe('pippa');
  });

  it('shows no late answer in a panel closed and opened again', async () => {
    const late = deferred<PersonMatch[]>();
    api.searchPeople.mockReturnValueOnce(late.promise);
    store.toggle();
    const pending = store.search('pip');
    store.close();
    store.toggle();
    late.resolve([PIP_MATCH]);
    await pending;
    expect(store.matches.value).toEqual([]);
  });

  it('does not report the failure of a search the user has moved past', async () => {
    const failing = deferred<PersonMatch[]>();
    api.searchPeople.mockReturnValueOnce(failing.promise).mockResolvedValueOnce([PIPPA_MATCH]);
    const first = store.search('p');
    await store.search('pippa');
    failing.reject(new Error('too slow'));
    await first;
    expect(report).not.toHaveBeenCalled();
    expect(store.matches.value).toEqual([PIPPA_MATCH]);
  });

  it('searches for at most 200 characters, the same text it shows', async () => {
    await store.search('x'.repeat(30_000));
    expect(store.query.value).toHaveLength(200);
    expect(api.searchPeople).toHaveBeenCalledWith('x'.repeat(200), PERSON.id);
  });

  it('ignores an older answer that arrives after the query was emptied', async () => {
    const older = deferred<PersonMatch[]>();
    api.searchPeople.mockReturnValueOnce(older.promise);

    const first = store.search('pip');
    await store.search('');
    older.resolve([PIP_MATCH]);
    await first;

    expect(store.matches.value).toEqual([]);
    expect(store.query.value).toBe('');
  });

  it('shows the answers in order when they arrive in order', async () => {
    const older = deferred<PersonMatch[]>();
    const newer = deferred<PersonMatch[]>();
    api.searchPeople.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);

    const first = store.search('p');
    const second = store.search('pippa');
    older.resolve([PIP_MATCH, PIPPA_MATCH]);
    await first;
    // The older answer is already out of date: it is not shown even for a moment.
    expect(store.matches.value).toEqual([]);
    newer.resolve([PIPPA_MATCH]);
    await second;

    expect(store.matches.value).toEqual([PIPPA_MATCH]);
  });

  it('reports a failed search and keeps what was listed', async () => {
    api.searchPeople.mockResolvedValueOnce([PIP_MATCH]);
    await store.search('pip');
    api.searchPeople.mockRejectedValueOnce(new Error('database closed'));

    await expect(store.search('pipp')).resolves.toBeUndefined();

    expect(reported()).toBe('database closed');
    expect(store.query.value).toBe('pipp');
    expect(store.matches.value).toEqual([PIP_MATCH]);
  });
});

describe('pick', () => {
  it('picks a match and unpicks it with null, keeping the list', async () => {
    api.searchPeople.mockResolvedValueOnce([PIP_MATCH, PIPPA_MATCH]);
    await store.search('pip');

    store.pick(PIPPA_MATCH);
    expect(store.picked.value).toBe(PIPPA_MATCH);

    store.pick(null);
    expect(store.picked.value).toBeNull();
    expect(store.matches.value).toEqual([PIP_MATCH, PIPPA_MATCH]);
    expect(store.query.value).toBe('pip');
  });
});

describe('confirmMerge', () => {
  it('merges the picked record into the person shown, then closes, says so and reloads', async () => {
    await pickPip();
    const order: string[] = [];
    api.mergePerson.mockImplementationOnce(async () => {
      order.push('merge');
      return PERSON;
    });
    inform.mockImplementationOnce(() => order.push('inform'));
    reload.mockImplementationOnce(async () => {
      order.push('reload');
    });

    await store.confirmMerge();

    expect(api.mergePerson).toHaveBeenCalledTimes(1);
    expect(api.mergePerson).toHaveBeenCalledWith(ADA, 'person-pip');
    expect(state()).toEqual({ open: false, query: '', matches: [], picked: null, busy: false });
    expect(inform).toHaveBeenCalledTimes(1);
    expect(inform.mock.calls[0]?.[0]).toContain('Merged Pip Wellings into this person');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['merge', 'inform', 'reload']);
    expect(report).not.toHaveBeenCalled();
  });

  it('names a nameless record "that record"', async () => {
    const nameless = match('person-nameless', '');
    store.toggle();
    store.pick(nameless);

    await store.confirmMerge();

    expect(api.mergePerson).toHaveBeenCalledWith(ADA, 'person-nameless');
    expect(inform.mock.calls[0]?.[0]).toContain('Merged that record into this person');
  });

  it('does nothing without a pick', async () => {
    store.toggle();

    await store.confirmMerge();

    expect(api.mergePerson).not.toHaveBeenCalled();
    expect(inform).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
    expect(state()).toEqual({ open: true, query: '', matches: [], picked: null, busy: false });
  });

  it('does nothing when the page shows nobody', async () => {
    await pickPip();
    ref = null;

    await store.confirmMerge();

    expect(api.mergePerson).not.toHaveBeenCalled();
    expect(inform).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
    expect(store.open.value).toBe(true);
    expect(store.picked.value).toBe(PIP_MATCH);
    expect(store.busy.value).toBe(false);
  });

  it('is busy while the merge runs and not after it', async () => {
    await pickPip();
    const merging = deferred<Person>();
    api.mergePerson.mockReturnValueOnce(merging.promise);

    const done = store.confirmMerge();
    expect(store.busy.value).toBe(true);
    expect(reload).not.toHaveBeenCalled();

    merging.resolve(PERSON);
    await done;
    expect(store.busy.value).toBe(false);
  });

  it('stays busy until the reload after the merge is done', async () => {
    await pickPip();
    const reloading = deferred();
    reload.mockReturnValueOnce(reloading.promise);

    const done = store.confirmMerge();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(store.busy.value).toBe(true);

    reloading.resolve();
    await done;
    expect(store.busy.value).toBe(false);
  });

  it('reports a failed merge and keeps the panel open with the pick', async () => {
    await pickPip();
    const merging = deferred<Person>();
    api.mergePerson.mockReturnValueOnce(merging.promise);
    const failure = new Error('Pip was already merged elsewhere');

    const done = store.confirmMerge();
    expect(store.busy.value).toBe(true);
    merging.reject(failure);
    await expect(done).resolves.toBeUndefined();

    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(failure);
    expect(state()).toEqual({
      open: true,
      query: 'pip',
      matches: [PIP_MATCH, PIPPA_MATCH],
      picked: PIP_MATCH,
      busy: false,
    });
    expect(inform).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('split', () => {
  it('splits the identity off the person shown, says so and reloads', async () => {
    api.splitIdentity.mockResolvedValueOnce({
      kept: PERSON,
      split: personNamed('person-x', 'Ada on X'),
    });

    await store.split('x:adaquill');

    expect(api.splitIdentity).toHaveBeenCalledTimes(1);
    expect(api.splitIdentity).toHaveBeenCalledWith('person-ada', 'x:adaquill');
    expect(inform).toHaveBeenCalledTimes(1);
    expect(inform).toHaveBeenCalledWith('Ada on X is a separate person again.');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(report).not.toHaveBeenCalled();
    expect(store.busy.value).toBe(false);
  });

  it('calls a nameless split-off record "That identity"', async () => {
    api.splitIdentity.mockResolvedValueOnce({ kept: PERSON, split: personNamed('person-x', '') });

    await store.split('x:adaquill');

    expect(inform).toHaveBeenCalledWith('That identity is a separate person again.');
  });

  it('does nothing when nobody is stored for the page', async () => {
    person = null;

    await store.split('x:adaquill');

    expect(api.splitIdentity).not.toHaveBeenCalled();
    expect(inform).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
    expect(store.busy.value).toBe(false);
  });

  it('is busy while the split runs and not after it', async () => {
    const splitting = deferred<{ kept: Person; split: Person }>();
    api.splitIdentity.mockReturnValueOnce(splitting.promise);

    const done = store.split('x:adaquill');
    expect(store.busy.value).toBe(true);

    splitting.resolve({ kept: PERSON, split: personNamed('person-x', 'Ada on X') });
    await done;
    expect(store.busy.value).toBe(false);
  });

  it('reports a failed split and is no longer busy', async () => {
    const splitting = deferred<{ kept: Person; split: Person }>();
    api.splitIdentity.mockReturnValueOnce(splitting.promise);
    const failure = new Error('That is the last identity');

    const done = store.split('x:adaquill');
    expect(store.busy.value).toBe(true);
    splitting.reject(failure);
    await expect(done).resolves.toBeUndefined();

    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(failure);
    expect(inform).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
    expect(store.busy.value).toBe(false);
  });

  it('reports a failed reload after a split that worked', async () => {
    reload.mockRejectedValueOnce(new Error('context gone'));

    await store.split('x:adaquill');

    expect(inform).toHaveBeenCalledTimes(1);
    expect(reported()).toBe('context gone');
    expect(store.busy.value).toBe(false);
  });
});

describe('the answer to “Same person?”', () => {
  const ANSWER = { tabId: 7, key: 'x:zedorchard', personId: 'person-zed' };

  it('says yes for the offer the sidebar shows, says what happened and reloads', async () => {
    context = OFFERED;

    await store.acceptOffer();

    expect(api.acceptAlias).toHaveBeenCalledTimes(1);
    expect(api.acceptAlias).toHaveBeenCalledWith(ANSWER);
    expect(inform).toHaveBeenCalledWith(
      'X zedorchard is now part of Zed Orchard: their notes and interactions are here.',
    );
    expect(reload).toHaveBeenCalledTimes(1);
    expect(store.busy.value).toBe(false);
  });

  it('says no for that offer and reloads, linking nothing', async () => {
    context = OFFERED;

    await store.dismissOffer();

    expect(api.dismissAlias).toHaveBeenCalledWith(ANSWER);
    expect(api.acceptAlias).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when nothing is offered', async () => {
    context = { ...OFFERED };
    delete context.aliasOffer;

    await store.acceptOffer();
    await store.dismissOffer();

    expect(api.acceptAlias).not.toHaveBeenCalled();
    expect(api.dismissAlias).not.toHaveBeenCalled();
  });

  it('reports a refused answer and is busy only while it runs', async () => {
    context = OFFERED;
    const accepting = deferred<Person>();
    api.acceptAlias.mockReturnValueOnce(accepting.promise);

    const done = store.acceptOffer();
    expect(store.busy.value).toBe(true);
    accepting.reject(new Error('Refused: Acquaint asked nothing like that in this tab.'));
    await done;

    expect(reported()).toBe('Refused: Acquaint asked nothing like that in this tab.');
    expect(inform).not.toHaveBeenCalled();
    expect(store.busy.value).toBe(false);
  });
});
