import { type Signal, signal } from '@preact/signals';

import type { SidebarContext } from '@/lib/messaging/protocol';
import { DAY_MS } from '@/lib/model/cold';
import type { Interaction, Person } from '@/lib/model/types';
import type { SidebarApi } from '@/lib/sidebar/api';
import {
  createFollowUpStore,
  type FollowUpStore,
  fromLocalInput,
  toLocalInput,
} from '@/lib/sidebar/follow-up-store';
import type { PersonRef } from '@/lib/sites/types';

import { ADA } from '../support/db';

const NOW = new Date('2024-05-10T12:00:00.000Z');

/** The tests read local times in New York (UTC−4 in May, UTC−5 in winter). */
const ZONE = 'America/New_York';
let savedZone: string | undefined;

beforeAll(() => {
  savedZone = process.env.TZ;
  process.env.TZ = ZONE;
});

afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

const PERSON: Person = {
  id: 'person-1',
  name: ADA.name,
  identities: [{ key: ADA.key, url: ADA.url }],
  identityKeys: [ADA.key],
  why: '',
  tags: [],
  cadenceDays: null,
  snoozedUntil: null,
  archived: false,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

function touch(id: string, overrides: Partial<Interaction> = {}): Interaction {
  return {
    id,
    personId: PERSON.id,
    at: '2024-05-08T13:30:00.000Z',
    kind: 'message',
    direction: 'in',
    summary: 'Asked about owls',
    ...overrides,
  };
}

/** The background, as a spy for each request the follow-up store sends. */
function fakeApi() {
  const unexpected = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  return {
    context: vi.fn<SidebarApi['context']>(unexpected),
    saveNote: vi.fn<SidebarApi['saveNote']>(unexpected),
    setWhy: vi.fn<SidebarApi['setWhy']>(unexpected),
    rename: vi.fn<SidebarApi['rename']>(unexpected),
    deleteNote: vi.fn<SidebarApi['deleteNote']>(unexpected),
    restoreNote: vi.fn<SidebarApi['restoreNote']>(unexpected),
    close: vi.fn<SidebarApi['close']>(unexpected),
    addInteraction: vi.fn<SidebarApi['addInteraction']>(async (_person, interaction) => ({
      ...interaction,
      personId: PERSON.id,
    })),
    updateInteraction: vi.fn<SidebarApi['updateInteraction']>(async (id, changes) => ({
      ...touch(id),
      ...changes,
    })),
    deleteInteraction: vi.fn<SidebarApi['deleteInteraction']>(async (id) => touch(id)),
    restoreInteraction: vi.fn<SidebarApi['restoreInteraction']>(async (interaction) => interaction),
    searchPeople: vi.fn<SidebarApi['searchPeople']>(async () => []),
    mergePerson: vi.fn<SidebarApi['mergePerson']>(async () => {
      throw new Error('not expected');
    }),
    splitIdentity: vi.fn<SidebarApi['splitIdentity']>(async () => {
      throw new Error('not expected');
    }),
    acceptAlias: vi.fn<SidebarApi['acceptAlias']>(async () => {
      throw new Error('not expected');
    }),
    dismissAlias: vi.fn<SidebarApi['dismissAlias']>(async () => {
      throw new Error('not expected');
    }),
    followUp: vi.fn<SidebarApi['followUp']>(async () => PERSON),
  } satisfies SidebarApi;
}

function contextWith(interactions: Interaction[]): SidebarContext {
  return {
    tabId: 7,
    subject: ADA,
    person: PERSON,
    notes: [],
    interactions,
    defaultCadenceDays: 30,
  };
}

let api: ReturnType<typeof fakeApi>;
let context: Signal<SidebarContext | null>;
let ref: PersonRef | null;
let reload: ReturnType<typeof vi.fn<() => Promise<void>>>;
let report: ReturnType<typeof vi.fn<(error: unknown) => void>>;
let store: FollowUpStore;

beforeEach(() => {
  api = fakeApi();
  context = signal<SidebarContext | null>(contextWith([]));
  ref = ADA;
  reload = vi.fn(async () => undefined);
  report = vi.fn();
  store = createFollowUpStore({
    api,
    context,
    personRef: () => ref,
    reload,
    report,
    now: () => new Date(NOW),
  });
});

const reported = () => {
  const error = report.mock.calls[0]?.[0];
  return error instanceof Error ? error.message : String(error);
};

describe('logTouch', () => {
  it('logs a touch dated now when no date was chosen, for the person shown', async () => {
    store.setDraft({ summary: '  Sent the slides  ' });

    await store.logTouch();

    expect(api.addInteraction).toHaveBeenCalledTimes(1);
    const [person, interaction] = api.addInteraction.mock.calls[0] ?? [];
    expect(person).toEqual(ADA);
    expect(interaction).toEqual({
      id: expect.any(String),
      at: NOW.toISOString(),
      kind: 'message',
      direction: 'out',
      summary: 'Sent the slides',
    });
    expect(interaction?.id).not.toBe('');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(report).not.toHaveBeenCalled();
  });

  it('sends the kind and direction chosen', async () => {
    store.setDraft({ kind: 'call', direction: 'in' });
    await store.logTouch();
    expect(api.addInteraction.mock.calls[0]?.[1]).toMatchObject({ kind: 'call', direction: 'in' });
  });

  it('converts a back-dated local time to UTC', async () => {
    store.setDraft({ when: '2024-05-08T09:30', kind: 'met' });

    await store.logTouch();

    // 9:30 in New York in May (EDT, UTC−4) is 13:30 UTC.
    expect(api.addInteraction.mock.calls[0]?.[1]).toMatchObject({
      at: '2024-05-08T13:30:00.000Z',
      kind: 'met',
    });
  });

  it('converts a winter date with the winter offset', async () => {
    store.setDraft({ when: '2024-01-15T09:30' });
    await store.logTouch();
    expect(api.addInteraction.mock.calls[0]?.[1].at).toBe('2024-01-15T14:30:00.000Z');
  });

  it('accepts a date of exactly now', async () => {
    // NOW is 08:00 in New York.
    store.setDraft({ when: '2024-05-10T08:00' });
    await store.logTouch();
    expect(api.addInteraction.mock.calls[0]?.[1].at).toBe(NOW.toISOString());
    expect(report).not.toHaveBeenCalled();
  });

  it('refuses a date in the future with a notice, sending nothing and keeping the draft', async () => {
    store.setDraft({ when: '2024-05-10T08:01', summary: 'Lunch next week' });

    await store.logTouch();

    expect(api.addInteraction).not.toHaveBeenCalled();
    expect(report).toHaveBeenCalledTimes(1);
    expect(reported()).toMatch(/future/);
    expect(reload).not.toHaveBeenCalled();
    expect(store.draft.value).toMatchObject({
      when: '2024-05-10T08:01',
      summary: 'Lunch next week',
    });
  });

  it('refuses a date that is not one', async () => {
    store.setDraft({ when: 'soon' });
    await store.logTouch();
    expect(api.addInteraction).not.toHaveBeenCalled();
    expect(reported()).toContain('soon');
  });

  it('starts the next draft afresh: a message, from me, now', async () => {
    store.setDraft({
      kind: 'email',
      direction: 'in',
      when: '2024-05-09T10:00',
      summary: 'Re: owls',
    });

    await store.logTouch();

    expect(store.draft.value).toEqual({ kind: 'message', direction: 'out', when: '', summary: '' });
  });

  it('logs once however often Log is clicked while the first is on its way', async () => {
    store.setDraft({ kind: 'call' });
    await Promise.all([store.logTouch(), store.logTouch(), store.logTouch()]);
    expect(api.addInteraction).toHaveBeenCalledTimes(1);
    // And the next click, once it is done, is a touch of its own.
    await store.logTouch();
    expect(api.addInteraction).toHaveBeenCalledTimes(2);
  });

  it('keeps the draft when the background fails, and shows why', async () => {
    api.addInteraction.mockRejectedValueOnce(new Error('database closed'));
    store.setDraft({ kind: 'call', summary: 'Long call' });

    await store.logTouch();

    expect(report).toHaveBeenCalledTimes(1);
    expect(reported()).toBe('database closed');
    expect(store.draft.value).toMatchObject({ kind: 'call', summary: 'Long call' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('refuses when the sidebar shows nobody', async () => {
    ref = null;
    await store.logTouch();
    expect(api.addInteraction).not.toHaveBeenCalled();
    expect(reported()).toMatch(/nobody/);
  });

  it('gives each touch an id of its own', async () => {
    await store.logTouch();
    await store.logTouch();
    const [first, second] = api.addInteraction.mock.calls.map(([, interaction]) => interaction.id);
    expect(first).not.toBe(second);
  });
});

describe('interactions', () => {
  it('are the context’s, and none without a context', () => {
    const touches = [touch('b'), touch('a')];
    context.value = contextWith(touches);
    expect(store.interactions.value).toEqual(touches);
    context.value = null;
    expect(store.interactions.value).toEqual([]);
  });
});

describe('editing a touch', () => {
  it('starts with its summary and its date as a local time', () => {
    store.startEdit(touch('t1'));
    expect(store.editing.value).toEqual({
      id: 't1',
      summary: 'Asked about owls',
      when: '2024-05-08T09:30',
    });
  });

  it('saves the changed summary and date, then closes the editor and reloads', async () => {
    store.startEdit(touch('t1'));
    store.setEdit({ summary: '  Asked about barn owls ' });
    store.setEdit({ when: '2024-05-07T18:45' });

    await store.saveEdit();

    expect(api.updateInteraction).toHaveBeenCalledTimes(1);
    expect(api.updateInteraction).toHaveBeenCalledWith('t1', {
      summary: 'Asked about barn owls',
      at: '2024-05-07T22:45:00.000Z',
    });
    expect(store.editing.value).toBeNull();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('leaves the date alone when its field was cleared', async () => {
    store.startEdit(touch('t1'));
    store.setEdit({ when: '' });
    await store.saveEdit();
    expect(api.updateInteraction).toHaveBeenCalledWith('t1', { summary: 'Asked about owls' });
  });

  it('keeps the editor open when saving fails', async () => {
    api.updateInteraction.mockRejectedValueOnce(new Error('gone'));
    store.startEdit(touch('t1'));
    store.setEdit({ summary: 'new' });

    await store.saveEdit();

    expect(reported()).toBe('gone');
    expect(store.editing.value).toMatchObject({ id: 't1', summary: 'new' });
  });

  it('cancel closes the editor without sending anything', async () => {
    store.startEdit(touch('t1'));
    store.setEdit({ summary: 'never mind' });
    store.cancelEdit();

    expect(store.editing.value).toBeNull();
    await store.saveEdit();
    expect(api.updateInteraction).not.toHaveBeenCalled();
  });

  it('ignores edits while no touch is being edited', () => {
    store.setEdit({ summary: 'stray' });
    expect(store.editing.value).toBeNull();
  });
});

describe('removing a touch', () => {
  it('deletes it and offers to undo, and undo puts it back', async () => {
    const removed = touch('t1', { summary: 'Coffee', url: 'https://x.com/ada/status/1' });

    await store.remove(removed);

    expect(api.deleteInteraction).toHaveBeenCalledWith('t1');
    expect(store.deleted.value).toEqual(removed);
    expect(reload).toHaveBeenCalledTimes(1);

    await store.undoRemove();

    expect(api.restoreInteraction).toHaveBeenCalledTimes(1);
    expect(api.restoreInteraction).toHaveBeenCalledWith(removed);
    expect(store.deleted.value).toBeNull();
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('offers no undo when the delete failed', async () => {
    api.deleteInteraction.mockRejectedValueOnce(new Error('offline'));
    await store.remove(touch('t1'));
    expect(store.deleted.value).toBeNull();
    expect(reported()).toBe('offline');
  });

  it('keeps the undo when restoring failed, so it can be tried again', async () => {
    await store.remove(touch('t1'));
    api.restoreInteraction.mockRejectedValueOnce(new Error('person gone'));

    await store.undoRemove();

    expect(store.deleted.value?.id).toBe('t1');
    expect(reported()).toBe('person gone');
  });

  it('undo without a deletion sends nothing; dismiss drops the offer', async () => {
    await store.undoRemove();
    expect(api.restoreInteraction).not.toHaveBeenCalled();

    await store.remove(touch('t1'));
    store.dismissUndo();
    expect(store.deleted.value).toBeNull();
    await store.undoRemove();
    expect(api.restoreInteraction).not.toHaveBeenCalled();
  });
});

describe('keeping in touch', () => {
  it.each<[string, (store: FollowUpStore) => Promise<void>, Record<string, unknown>]>([
    ['setCadence(14)', (s) => s.setCadence(14), { cadenceDays: 14 }],
    ['setCadence(null), the default', (s) => s.setCadence(null), { cadenceDays: null }],
    ['setCadence(0), never', (s) => s.setCadence(0), { cadenceDays: 0 }],
    [
      'snoozeFor(7)',
      (s) => s.snoozeFor(7),
      { snoozedUntil: new Date(NOW.getTime() + 7 * DAY_MS).toISOString() },
    ],
    ['snoozeFor(30)', (s) => s.snoozeFor(30), { snoozedUntil: '2024-06-09T12:00:00.000Z' }],
    // A date picked in the sidebar: 9 in the morning there (EDT), in UTC.
    [
      'snoozeUntil a local date',
      (s) => s.snoozeUntil('2024-06-01'),
      { snoozedUntil: '2024-06-01T13:00:00.000Z' },
    ],
    ['clearSnooze', (s) => s.clearSnooze(), { snoozedUntil: null }],
    ['setArchived(true)', (s) => s.setArchived(true), { archived: true }],
    ['setArchived(false)', (s) => s.setArchived(false), { archived: false }],
  ])('%s sends exactly that change', async (_what, act, change) => {
    await act(store);

    expect(api.followUp).toHaveBeenCalledTimes(1);
    expect(api.followUp).toHaveBeenCalledWith(ADA, change);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(report).not.toHaveBeenCalled();
  });

  it('snoozeFor(7) is a week after now', async () => {
    await store.snoozeFor(7);
    expect(api.followUp.mock.calls[0]?.[1]).toEqual({ snoozedUntil: '2024-05-17T12:00:00.000Z' });
  });

  it('shows a failure instead of throwing', async () => {
    api.followUp.mockRejectedValueOnce(new Error('Refused: no'));
    await expect(store.setArchived(true)).resolves.toBeUndefined();
    expect(reported()).toBe('Refused: no');
    expect(reload).not.toHaveBeenCalled();
  });

  it('refuses when the sidebar shows nobody', async () => {
    ref = null;
    await store.setCadence(14);
    expect(api.followUp).not.toHaveBeenCalled();
    expect(report).toHaveBeenCalledTimes(1);
  });
});

describe('toLocalInput and fromLocalInput', () => {
  it.each<[string, string]>([
    ['2024-05-08T13:30:00.000Z', '2024-05-08T09:30'],
    ['2024-01-15T14:30:00.000Z', '2024-01-15T09:30'],
    ['2024-05-10T02:15:00.000Z', '2024-05-09T22:15'],
    ['2024-12-31T23:59:00.000Z', '2024-12-31T18:59'],
  ])('%s is %s in New York, and back', (iso, local) => {
    expect(toLocalInput(iso)).toBe(local);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it('round-trips every hour of a year, to the minute', () => {
    // Skips the hour the clocks go back: 1:30 then happens twice, and a local time names one.
    for (let hour = 0; hour < 366 * 24; hour += 7) {
      const iso = new Date(Date.UTC(2024, 0, 1, hour, 17)).toISOString();
      const local = toLocalInput(iso);
      expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      if (local.startsWith('2024-11-03T01:')) continue;
      expect(fromLocalInput(local), iso).toBe(iso);
    }
  });

  it('drops seconds, which the input does not show', () => {
    expect(toLocalInput('2024-05-08T13:30:59.999Z')).toBe('2024-05-08T09:30');
  });

  it('refuses text that is not a date', () => {
    expect(() => fromLocalInput('')).toThrow();
    expect(() => fromLocalInput('2024-13-01T09:00')).toThrow(/not a date/);
  });
});
