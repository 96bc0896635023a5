import { computed, type ReadonlySignal, signal } from '@preact/signals';

import type { SidebarContext } from '../messaging/protocol';
import { DAY_MS } from '../model/cold';
import { newId } from '../model/ids';
import type { Interaction, InteractionKind } from '../model/types';
import type { PersonRef } from '../sites/types';
import type { FollowUpChange, SidebarApi } from './api';

export interface TouchDraft {
  kind: InteractionKind;
  direction: Interaction['direction'];
  /** A `datetime-local` value; empty means now. */
  when: string;
  summary: string;
}

const FRESH_DRAFT: TouchDraft = { kind: 'message', direction: 'out', when: '', summary: '' };

export interface FollowUpStoreOptions {
  api: SidebarApi;
  context: ReadonlySignal<SidebarContext | null>;
  /** The person the sidebar shows, as requests carry them; null when it shows nobody. */
  personRef(): PersonRef | null;
  reload(): Promise<void>;
  report(error: unknown): void;
  now?: () => Date;
}

export type FollowUpStore = ReturnType<typeof createFollowUpStore>;

/** Logging touches and keeping in touch: what the sidebar adds to notes for following up. */
export function createFollowUpStore(options: FollowUpStoreOptions) {
  const { api } = options;
  const now = options.now ?? (() => new Date());
  const draft = signal<TouchDraft>({ ...FRESH_DRAFT });
  const editing = signal<{ id: string; summary: string; when: string } | null>(null);
  const deleted = signal<Interaction | null>(null);

  const interactions = computed(() => options.context.value?.interactions ?? []);
  /** A Log on its way: a second click (a double click) is the same touch, not another. */
  let logging = false;

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await options.reload();
    } catch (error) {
      options.report(error);
    }
  };

  const requireRef = () => {
    const ref = options.personRef();
    if (!ref) throw new Error('This page shows nobody to keep in touch with.');
    return ref;
  };

  const change = (patch: FollowUpChange) => run(() => api.followUp(requireRef(), patch));

  const logDraft = () =>
    run(async () => {
      const current = draft.value;
      const at = current.when ? fromLocalInput(current.when) : now().toISOString();
      if (at > now().toISOString()) throw new Error('A touch can’t be logged in the future.');
      await api.addInteraction(requireRef(), {
        id: newId(),
        at,
        kind: current.kind,
        direction: current.direction,
        summary: current.summary.trim(),
      });
      // The next touch is its own: what happened and who reached out are chosen anew.
      draft.value = { ...FRESH_DRAFT };
    });

  return {
    draft,
    editing,
    deleted,
    interactions,

    setDraft(patch: Partial<TouchDraft>) {
      draft.value = { ...draft.value, ...patch };
    },

    /** Logs the drafted touch (now, unless back-dated), once however often clicked, then starts afresh. */
    logTouch: async () => {
      if (logging) return;
      logging = true;
      try {
        await logDraft();
      } finally {
        logging = false;
      }
    },

    startEdit(interaction: Interaction) {
      editing.value = {
        id: interaction.id,
        summary: interaction.summary,
        when: toLocalInput(interaction.at),
      };
    },

    setEdit(patch: Partial<{ summary: string; when: string }>) {
      if (editing.value) editing.value = { ...editing.value, ...patch };
    },

    saveEdit: () =>
      run(async () => {
        const current = editing.value;
        if (!current) return;
        await api.updateInteraction(current.id, {
          summary: current.summary.trim(),
          ...(current.when ? { at: fromLocalInput(current.when) } : {}),
        });
        editing.value = null;
      }),

    cancelEdit() {
      editing.value = null;
    },

    remove: (interaction: Interaction) =>
      run(async () => {
        await api.deleteInteraction(interaction.id);
        deleted.value = interaction;
      }),

    undoRemove: () =>
      run(async () => {
        const interaction = deleted.value;
        if (!interaction) return;
        await api.restoreInteraction(interaction);
        deleted.value = null;
      }),

    dismissUndo() {
      deleted.value = null;
    },

    setCadence: (cadenceDays: number | null) => change({ cadenceDays }),
    snoozeFor: (days: number) =>
      change({ snoozedUntil: new Date(now().getTime() + days * DAY_MS).toISOString() }),
    snoozeUntil: (localDate: string) =>
      change({ snoozedUntil: new Date(`${localDate}T09:00`).toISOString() }),
    clearSnooze: () => change({ snoozedUntil: null }),
    setArchived: (archived: boolean) => change({ archived }),
  };
}

/** `2026-11-22T09:30` in the user's time zone → ISO in UTC. */
export function fromLocalInput(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`“${value}” is not a date and time.`);
  return date.toISOString();
}

/** ISO in UTC → the `datetime-local` value in the user's time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
