import { act } from 'preact/test-utils';

import { ColdList } from '@/components/popup/ColdList';
import { ColdRow } from '@/components/popup/ColdRow';
import { FollowUpControls } from '@/components/sidebar/FollowUpControls';
import { TouchForm } from '@/components/sidebar/TouchForm';
import { Timeline } from '@/components/Timeline';
import { UndoBar } from '@/components/UndoBar';
import type { ColdPerson } from '@/lib/messaging/protocol';
import { INTERACTION_LABELS } from '@/lib/model/interaction-labels';
import { INTERACTION_KINDS, type Interaction, type Note, type Person } from '@/lib/model/types';
import type { TouchDraft } from '@/lib/sidebar/follow-up-store';

import { coldPerson, coldRow, lastTouch } from '../support/cold';
import { HOSTILE_TEXTS } from '../support/db';
import { change, click, press, useRenderer } from '../support/render';

const NOW = new Date('2024-05-10T12:00:00.000Z');
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const HOSTILE = [
  '<img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script>',
  '<a href="javascript:alert(1)">click</a><iframe src="https://evil.example"></iframe>',
  ...HOSTILE_TEXTS.map(([, text]) => text),
];

const { container, show, byTestId, one, expectNoMarkup } = useRenderer();

describe('ColdList', () => {
  const ADA = coldRow(coldPerson('ada', 'Ada Quill'));
  const BEA = coldRow(coldPerson('bea', 'Bea Stone'));
  const CAL = coldRow(coldPerson('cal', 'Cal Reyes'), { myTurn: false });

  function listProps(
    overrides: {
      rows?: ColdPerson[];
      total?: number;
      totalIsAtLeast?: boolean;
      active?: number;
    } = {},
  ) {
    const rows = overrides.rows ?? [ADA, BEA, CAL];
    return {
      total: rows.length,
      totalIsAtLeast: false,
      rows,
      active: 0,
      onMove: vi.fn(),
      onActivate: vi.fn(),
      onOpenProfile: vi.fn(),
      onReachedOut: vi.fn(),
      onSnooze: vi.fn(),
      onOpenNotes: vi.fn(),
      ...overrides,
    };
  }

  const names = () => byTestId('cold-person-name').map((element) => element.textContent);
  const list = () => container().querySelector('section.cold') as HTMLElement;

  it('renders a row per cold person, in the order given', () => {
    show(<ColdList {...listProps({ rows: [CAL, ADA, BEA] })} />);

    expect(byTestId('cold-person')).toHaveLength(3);
    expect(names()).toEqual(['Cal Reyes', 'Ada Quill', 'Bea Stone']);
    // Each name is inside its own row.
    expect(byTestId('cold-person').map((row) => one('cold-person-name', row).textContent)).toEqual([
      'Cal Reyes',
      'Ada Quill',
      'Bea Stone',
    ]);
    expect(one('cold-total').textContent).toBe('3');
    expect(byTestId('cold-empty')).toHaveLength(0);
  });

  it('shows the empty state when nobody is cold', () => {
    show(<ColdList {...listProps({ rows: [], total: 0 })} />);

    expect(byTestId('cold-empty')).toHaveLength(1);
    expect(byTestId('cold-person')).toHaveLength(0);
    expect(byTestId('cold-more')).toHaveLength(0);
  });

  it('says how many more there are when not everyone is shown', () => {
    show(<ColdList {...listProps({ total: 57 })} />);

    expect(one('cold-total').textContent).toBe('57');
    expect(one('cold-more').textContent).toMatch(/\b54 more\b/);
  });

  it('says "at least" when the count stopped at its cap', () => {
    show(<ColdList {...listProps({ total: 1000, totalIsAtLeast: true })} />);

    expect(one('cold-total').textContent).toBe('1000+');
    expect(one('cold-more').textContent).toMatch(/\bat least 997 more\b/);
  });

  it('says nothing more when everyone is shown', () => {
    show(<ColdList {...listProps({ total: 3 })} />);
    expect(byTestId('cold-more')).toHaveLength(0);
  });

  it('marks the active row', () => {
    show(<ColdList {...listProps({ active: 1 })} />);
    const rows = byTestId('cold-person');
    expect(rows.map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', null]);
    expect(rows.map((row) => row.classList.contains('is-active'))).toEqual([false, true, false]);
  });

  it('ArrowDown and ArrowUp move, and the page does not scroll', () => {
    const props = listProps();
    show(<ColdList {...props} />);

    expect(press(list(), 'ArrowDown').defaultPrevented).toBe(true);
    expect(press(list(), 'ArrowUp').defaultPrevented).toBe(true);
    // Also from a button inside a row.
    press(byTestId('cold-reached-out')[2] as HTMLElement, 'ArrowDown');

    expect(props.onMove.mock.calls).toEqual([[1], [-1], [1]]);
    expect(props.onOpenProfile).not.toHaveBeenCalled();
  });

  it('Enter opens the active row’s profile', () => {
    const props = listProps({ active: 2 });
    show(<ColdList {...props} />);

    expect(press(list(), 'Enter').defaultPrevented).toBe(true);

    expect(props.onOpenProfile).toHaveBeenCalledTimes(1);
    expect(props.onOpenProfile).toHaveBeenCalledWith(CAL);
    expect(props.onMove).not.toHaveBeenCalled();
  });

  it('leaves Enter on a button to that button', () => {
    const props = listProps();
    show(<ColdList {...props} />);

    const event = press(byTestId('cold-snooze-week')[1] as HTMLElement, 'Enter');

    expect(event.defaultPrevented).toBe(false);
    expect(props.onOpenProfile).not.toHaveBeenCalled();
  });

  it('ignores other keys', () => {
    const props = listProps();
    show(<ColdList {...props} />);
    expect(press(list(), 'a').defaultPrevented).toBe(false);
    expect(press(list(), ' ').defaultPrevented).toBe(false);
    expect(props.onMove).not.toHaveBeenCalled();
    expect(props.onOpenProfile).not.toHaveBeenCalled();
  });

  it('hands each row’s buttons the row they belong to', () => {
    const props = listProps();
    show(<ColdList {...props} />);

    click(byTestId('cold-person-name')[1]);
    click(byTestId('cold-reached-out')[2]);
    click(byTestId('cold-snooze-week')[0]);
    click(byTestId('cold-snooze-month')[1]);
    click(byTestId('cold-open-notes')[2]);

    expect(props.onOpenProfile.mock.calls).toEqual([[BEA]]);
    expect(props.onReachedOut.mock.calls).toEqual([[CAL]]);
    expect(props.onSnooze.mock.calls).toEqual([
      [ADA, 7],
      [BEA, 30],
    ]);
    expect(props.onOpenNotes.mock.calls).toEqual([[CAL]]);
  });

  it('makes a row active when one of its buttons gets focus', () => {
    const props = listProps();
    show(<ColdList {...props} />);

    act(() => {
      (byTestId('cold-open-notes')[1] as HTMLElement).focus();
    });
    act(() => {
      (byTestId('cold-person-name')[2] as HTMLElement).focus();
    });

    expect(props.onActivate.mock.calls).toEqual([[1], [2]]);
  });

  it('Home and End make the first and the last row active', () => {
    const props = listProps({ active: 1 });
    show(<ColdList {...props} />);

    expect(press(list(), 'End').defaultPrevented).toBe(true);
    expect(press(list(), 'Home').defaultPrevented).toBe(true);

    expect(props.onActivate.mock.calls).toEqual([[2], [0]]);
    expect(props.onMove).not.toHaveBeenCalled();
  });

  it('shows hostile names as text', () => {
    const rows = HOSTILE.map((name, index) => coldRow(coldPerson(`h${index}`, name)));
    show(<ColdList {...listProps({ rows })} />);

    expect(names()).toEqual(HOSTILE);
    expectNoMarkup();
  });
});

describe('ColdRow', () => {
  function showRow(row: ColdPerson) {
    show(
      <ol>
        <ColdRow
          row={row}
          active={false}
          onOpenProfile={vi.fn()}
          onReachedOut={vi.fn()}
          onSnooze={vi.fn()}
          onOpenNotes={vi.fn()}
          onFocus={vi.fn()}
        />
      </ol>,
    );
  }

  const text = (id: string) => byTestId(id)[0]?.textContent ?? null;

  it('says it is your turn when they wrote last', () => {
    showRow(coldRow(coldPerson('ada', 'Ada'), { daysSince: 40, myTurn: true }));
    expect(text('cold-person-turn')).toBe('They wrote last: your turn');
    expect(text('cold-person-since')).toBe('5 weeks since your last touch');
    expect(byTestId('cold-person-turn')[0]?.classList.contains('turn--mine')).toBe(true);
  });

  it('says it is your move when there was no touch yet', () => {
    showRow(coldRow(coldPerson('ada', 'Ada'), { lastInteraction: null, daysSince: 130 }));
    expect(text('cold-person-turn')).toBe('Your move');
    // Known since they were added, or since the day of connecting an import read.
    expect(text('cold-person-since')).toBe('Known for 4 months, no touch yet');
  });

  it('says you wrote last when you did', () => {
    const cal = coldPerson('cal', 'Cal');
    showRow(
      coldRow(cal, {
        lastInteraction: lastTouch(cal, { direction: 'out' }),
        myTurn: false,
        daysSince: 95,
      }),
    );
    expect(text('cold-person-turn')).toBe('You wrote last');
    expect(byTestId('cold-person-turn')[0]?.classList.contains('turn--mine')).toBe(false);
    expect(text('cold-person-since')).toBe('3 months since your last touch');
  });

  it('shows the last touch’s summary rather than the why line', () => {
    const ada = coldPerson('ada', 'Ada', undefined, { why: 'Runs the owl meetup' });
    showRow(coldRow(ada, { lastInteraction: lastTouch(ada, { summary: 'Asked for slides' }) }));
    expect(text('cold-person-context')).toBe('Asked for slides');
  });

  it('shows the why line when the last touch has no summary, or there is none', () => {
    const person = coldPerson('ada', 'Ada', undefined, { why: 'Runs the owl meetup' });
    showRow(coldRow(person));
    expect(text('cold-person-context')).toBe('Runs the owl meetup');

    showRow(coldRow(person, { lastInteraction: null }));
    expect(text('cold-person-context')).toBe('Runs the owl meetup');
  });

  it('shows no context line when there is nothing to say', () => {
    showRow(coldRow(coldPerson('ada', 'Ada')));
    expect(byTestId('cold-person-context')).toHaveLength(0);
  });

  it('names each site they are on once', () => {
    showRow(
      coldRow(
        coldPerson('ada', 'Ada', [
          { key: 'linkedin:ada', url: 'https://www.linkedin.com/in/ada/' },
          { key: 'x:ada', url: 'https://x.com/ada' },
          { key: 'x:ada_old' },
        ]),
      ),
    );
    expect(container().querySelector('.sites')?.textContent).toBe('LinkedIn · X');
  });

  it('shows a hostile name, summary and why as text, in their own direction', () => {
    for (const hostile of HOSTILE) {
      const person = coldPerson('h', hostile, undefined, { why: hostile });
      showRow(coldRow(person, { lastInteraction: lastTouch(person, { summary: hostile }) }));
      const name = byTestId('cold-person-name')[0];
      const context = byTestId('cold-person-context')[0];
      expect(name?.textContent).toBe(hostile);
      expect(name?.getAttribute('dir')).toBe('auto');
      expect(context?.textContent).toBe(hostile);
      expect(context?.getAttribute('dir')).toBe('auto');
      expect(context?.children).toHaveLength(0);
      expectNoMarkup();
    }
  });
});

describe('Timeline with touches', () => {
  function note(id: string, createdAt: string, body = `note ${id}`): Note {
    return { id, personId: 'p1', body, createdAt, updatedAt: createdAt, rev: 1 };
  }

  function touch(id: string, at: string, overrides: Partial<Interaction> = {}): Interaction {
    return {
      id,
      personId: 'p1',
      at,
      kind: 'message',
      direction: 'in',
      summary: `touch ${id}`,
      ...overrides,
    };
  }

  function timelineProps(
    notes: Note[],
    interactions: Interaction[],
    editingInteraction: Parameters<typeof Timeline>[0]['editingInteraction'] = null,
  ) {
    return {
      notes,
      interactions,
      now: NOW,
      editingNote: null,
      editingInteraction,
      note: {
        onEdit: vi.fn(),
        onEditInput: vi.fn(),
        onEditDone: vi.fn(),
        onEditCancel: vi.fn(),
        onDelete: vi.fn(),
      },
      interaction: {
        onEdit: vi.fn(),
        onEditChange: vi.fn(),
        onEditSave: vi.fn(),
        onEditCancel: vi.fn(),
        onDelete: vi.fn(),
      },
    };
  }

  /** The entries in the order shown: `n:id` for a note, `i:id` for a touch. */
  const entries = () =>
    [...container().querySelectorAll('[data-testid="note"], [data-testid="interaction"]')].map(
      (element) =>
        element.getAttribute('data-testid') === 'note'
          ? `n:${element.getAttribute('data-note-id')}`
          : `i:${element.getAttribute('data-interaction-id')}`,
    );

  it('interleaves notes and touches, newest first', () => {
    show(
      <Timeline
        {...timelineProps(
          [note('n1', '2024-05-01T12:00:00.000Z'), note('n2', '2024-05-05T12:00:00.000Z')],
          [touch('t1', '2024-05-07T12:00:00.000Z'), touch('t2', '2024-05-03T12:00:00.000Z')],
        )}
      />,
    );

    expect(entries()).toEqual(['i:t1', 'n:n2', 'i:t2', 'n:n1']);
    expect(byTestId('notes-empty')).toHaveLength(0);
  });

  it('puts a back-dated touch by when it happened', () => {
    show(
      <Timeline
        {...timelineProps(
          [note('n1', '2024-05-09T12:00:00.000Z')],
          [touch('old', '2023-12-24T18:00:00.000Z'), touch('new', '2024-05-10T11:00:00.000Z')],
        )}
      />,
    );
    expect(entries()).toEqual(['i:new', 'n:n1', 'i:old']);
  });

  it('shows the empty state only when there are neither notes nor touches', () => {
    show(<Timeline {...timelineProps([], [])} />);
    expect(byTestId('notes-empty')).toHaveLength(1);
    expect(entries()).toEqual([]);

    show(<Timeline {...timelineProps([], [touch('t1', '2024-05-07T12:00:00.000Z')])} />);
    expect(byTestId('notes-empty')).toHaveLength(0);
    expect(entries()).toEqual(['i:t1']);
  });

  it('shows what kind of touch, who reached out, and when', () => {
    show(
      <Timeline
        {...timelineProps(
          [],
          [touch('t1', '2024-05-07T12:00:00.000Z', { kind: 'call', direction: 'out' })],
        )}
      />,
    );
    expect(one('interaction-kind').textContent).toBe(INTERACTION_LABELS.call);
    expect(one('interaction-direction').textContent).toBe('I reached out');
    const time = container().querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2024-05-07T12:00:00.000Z');
    expect(time?.textContent).toBe('3 days ago');
  });

  it('hands Edit and Delete the touch they belong to', () => {
    const props = timelineProps(
      [note('n1', '2024-05-05T12:00:00.000Z')],
      [touch('t1', '2024-05-07T12:00:00.000Z'), touch('t2', '2024-05-03T12:00:00.000Z')],
    );
    show(<Timeline {...props} />);

    click(byTestId('interaction-edit')[1]);
    click(byTestId('interaction-delete')[0]);

    expect(props.interaction.onEdit.mock.calls).toEqual([[props.interactions[1]]]);
    expect(props.interaction.onDelete.mock.calls).toEqual([[props.interactions[0]]]);
    expect(props.note.onEdit).not.toHaveBeenCalled();
    expect(props.note.onDelete).not.toHaveBeenCalled();
  });

  it('opens only the touch being edited, and passes typing, Save and Cancel on', () => {
    const props = timelineProps(
      [],
      [touch('t1', '2024-05-07T12:00:00.000Z'), touch('t2', '2024-05-03T12:00:00.000Z')],
      { id: 't2', summary: 'being edited', when: '2024-05-03T08:00' },
    );
    show(<Timeline {...props} />);

    const summary = one('interaction-edit-summary') as HTMLInputElement;
    expect(
      summary.closest('[data-testid="interaction"]')?.getAttribute('data-interaction-id'),
    ).toBe('t2');
    expect(summary.value).toBe('being edited');
    expect((one('interaction-edit-date') as HTMLInputElement).value).toBe('2024-05-03T08:00');
    expect(byTestId('interaction-summary').map((element) => element.textContent)).toEqual([
      'touch t1',
    ]);

    change(summary, 'edited', 'input');
    change(one('interaction-edit-date'), '2024-05-02T09:15', 'input');
    click(one('interaction-edit-save'));
    click(
      [...container().querySelectorAll('.interaction__edit button')].find(
        (button) => button.textContent === 'Cancel',
      ),
    );

    expect(props.interaction.onEditChange.mock.calls).toEqual([
      [{ summary: 'edited' }],
      [{ when: '2024-05-02T09:15' }],
    ]);
    expect(props.interaction.onEditSave).toHaveBeenCalledTimes(1);
    expect(props.interaction.onEditCancel).toHaveBeenCalledTimes(1);
  });

  it('shows hostile summaries as text', () => {
    const interactions = HOSTILE.map((summary, index) =>
      touch(`t${index}`, new Date(Date.UTC(2024, 4, 9, 12, -index)).toISOString(), { summary }),
    );
    show(<Timeline {...timelineProps([], interactions)} />);

    expect(byTestId('interaction-summary').map((element) => element.textContent)).toEqual(HOSTILE);
    for (const element of byTestId('interaction-summary')) {
      expect(element.getAttribute('dir')).toBe('auto');
    }
    expectNoMarkup();
  });
});

describe('TouchForm', () => {
  const DRAFT: TouchDraft = { kind: 'message', direction: 'out', when: '', summary: '' };

  function formProps(draft: Partial<TouchDraft> = {}) {
    return {
      draft: { ...DRAFT, ...draft },
      latest: '2024-05-10T08:00',
      onChange: vi.fn(),
      onLog: vi.fn(),
    };
  }

  const radio = (id: string) => one(id) as HTMLInputElement;

  it('offers every kind and both directions, with the draft’s checked', () => {
    show(<TouchForm {...formProps({ kind: 'call', direction: 'in' })} />);

    for (const kind of INTERACTION_KINDS) {
      expect(radio(`touch-kind-${kind}`).checked, kind).toBe(kind === 'call');
      expect(radio(`touch-kind-${kind}`).closest('label')?.textContent).toBe(
        INTERACTION_LABELS[kind],
      );
    }
    expect(radio('touch-direction-in').checked).toBe(true);
    expect(radio('touch-direction-out').checked).toBe(false);
  });

  it('reports each radio choice', () => {
    const props = formProps();
    show(<TouchForm {...props} />);

    click(radio('touch-kind-email'));
    click(radio('touch-kind-met'));
    click(radio('touch-direction-in'));

    expect(props.onChange.mock.calls).toEqual([
      [{ kind: 'email' }],
      [{ kind: 'met' }],
      [{ direction: 'in' }],
    ]);
    expect(props.onLog).not.toHaveBeenCalled();
  });

  it('says “now” until the date is changed, then offers the date from the latest moment', () => {
    const props = formProps();
    show(<TouchForm {...props} />);
    expect(one('touch-when-now').textContent).toBe('now');
    expect(document.querySelector('[data-testid="touch-date"]')).toBeNull();
    click(one('touch-date-change'));
    expect(props.onChange.mock.calls).toEqual([[{ when: '2024-05-10T08:00' }]]);
  });

  it('reports the summary and the date typed', () => {
    const props = formProps({ when: '2024-05-10T08:00' });
    show(<TouchForm {...props} />);

    change(one('touch-summary'), 'Coffee at the meetup', 'input');
    change(one('touch-date'), '2024-05-09T18:30', 'input');

    expect(props.onChange.mock.calls).toEqual([
      [{ summary: 'Coffee at the meetup' }],
      [{ when: '2024-05-09T18:30' }],
    ]);
  });

  it('shows the draft and allows no date after the latest', () => {
    show(<TouchForm {...formProps({ summary: 'Drafted', when: '2024-05-01T10:00' })} />);
    expect((one('touch-summary') as HTMLInputElement).value).toBe('Drafted');
    const date = one('touch-date') as HTMLInputElement;
    expect(date.value).toBe('2024-05-01T10:00');
    expect(date.getAttribute('max')).toBe('2024-05-10T08:00');
  });

  it('logs on submit, without the page navigating', () => {
    const props = formProps();
    show(<TouchForm {...props} />);

    click(one('touch-log'));
    expect(props.onLog).toHaveBeenCalledTimes(1);

    const submit = new Event('submit', { bubbles: true, cancelable: true });
    act(() => {
      container().querySelector('form')?.dispatchEvent(submit);
    });
    expect(submit.defaultPrevented).toBe(true);
    expect(props.onLog).toHaveBeenCalledTimes(2);
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('keeps a hostile summary as the input’s value', () => {
    const hostile = HOSTILE[0] as string;
    show(<TouchForm {...formProps({ summary: hostile })} />);
    expect((one('touch-summary') as HTMLInputElement).value).toBe(hostile);
    expectNoMarkup();
  });
});

describe('FollowUpControls', () => {
  const PERSON: Person = {
    ...coldPerson('ada', 'Ada'),
    effectiveCadence: 30,
    coldAt: '2024-05-20T12:00:00.000Z',
    clockStart: '2024-04-20T12:00:00.000Z',
    turn: 1,
  };

  function controlProps(person: Person | null = PERSON) {
    return {
      person,
      defaultCadenceDays: 30,
      now: NOW,
      onCadence: vi.fn(),
      onSnoozeFor: vi.fn(),
      onSnoozeUntil: vi.fn(),
      onClearSnooze: vi.fn(),
      onArchived: vi.fn(),
    };
  }

  const select = () => one('cadence-select') as HTMLSelectElement;
  const status = () => one('follow-up-status').textContent;

  it('offers the default (naming it), the presets, never and a custom interval', () => {
    show(<FollowUpControls {...{ ...controlProps(), defaultCadenceDays: 45 }} />);
    expect([...select().options].map((option) => option.value)).toEqual([
      'default',
      '14',
      '30',
      '90',
      '180',
      '365',
      '0',
      'custom',
    ]);
    expect(select().options[0]?.textContent).toBe('Default (every 45 days)');
  });

  it.each<[string, number | null, string]>([
    ['the default', null, 'default'],
    ['a preset', 90, '90'],
    ['never', 0, '0'],
    ['an interval of their own', 45, 'custom'],
  ])('selects %s', (_what, cadenceDays, value) => {
    show(<FollowUpControls {...controlProps({ ...PERSON, cadenceDays })} />);
    expect(select().value).toBe(value);
    expect(byTestId('cadence-custom')).toHaveLength(value === 'custom' ? 1 : 0);
    if (value === 'custom') expect((one('cadence-custom') as HTMLInputElement).value).toBe('45');
  });

  it('maps the choice to onCadence: null for the default, the days, 0 for never', () => {
    const props = controlProps({ ...PERSON, cadenceDays: 14 });
    show(<FollowUpControls {...props} />);

    change(select(), 'default');
    change(select(), '365');
    change(select(), '0');

    expect(props.onCadence.mock.calls).toEqual([[null], [365], [0]]);
  });

  it('a custom interval shows a number input, and only whole days from 1 to 3650 are sent', () => {
    const props = controlProps();
    show(<FollowUpControls {...props} />);

    change(select(), 'custom');
    expect(props.onCadence).not.toHaveBeenCalled();
    const days = one('cadence-custom') as HTMLInputElement;
    expect(days.type).toBe('number');
    expect(days.min).toBe('1');
    expect(days.max).toBe('3650');

    for (const value of ['0', '3651', '1.5', '-3', '']) change(days, value);
    expect(props.onCadence).not.toHaveBeenCalled();

    change(days, '45');
    change(days, '1');
    change(days, '3650');
    expect(props.onCadence.mock.calls).toEqual([[45], [1], [3650]]);
  });

  it('hides the number input again when a preset is chosen', () => {
    show(<FollowUpControls {...controlProps()} />);
    change(select(), 'custom');
    expect(byTestId('cadence-custom')).toHaveLength(1);
    change(select(), '30');
    expect(byTestId('cadence-custom')).toHaveLength(0);
  });

  describe('the status line', () => {
    it('before the person is saved', () => {
      show(<FollowUpControls {...controlProps(null)} />);
      expect(status()).toBe('Saved once you write a note or log a touch.');
      // Nothing to snooze or archive yet.
      expect(byTestId('snooze-week')).toHaveLength(0);
      expect(byTestId('archive-toggle')).toHaveLength(0);
    });

    it('archived', () => {
      show(
        <FollowUpControls
          {...controlProps({ ...PERSON, archived: true, effectiveCadence: null, coldAt: null })}
        />,
      );
      expect(status()).toBe('Archived: never goes cold.');
    });

    it('never goes cold', () => {
      show(
        <FollowUpControls
          {...controlProps({ ...PERSON, cadenceDays: 0, effectiveCadence: null, coldAt: null })}
        />,
      );
      expect(status()).toBe('Never goes cold.');
    });

    it('snoozed', () => {
      const until = '2024-07-01T09:00:00.000Z';
      show(
        <FollowUpControls
          {...controlProps({
            ...PERSON,
            snoozedUntil: until,
            coldAt: until,
          })}
        />,
      );
      expect(status()).toBe(`Snoozed until ${DAY.format(new Date(until))}.`);
    });

    it('gone cold', () => {
      const coldAt = '2024-04-02T12:00:00.000Z';
      show(<FollowUpControls {...controlProps({ ...PERSON, coldAt })} />);
      expect(status()).toBe(`Gone cold since ${DAY.format(new Date(coldAt))}.`);
    });

    it('due later', () => {
      show(<FollowUpControls {...controlProps()} />);
      expect(status()).toBe(`Goes cold on ${DAY.format(new Date(PERSON.coldAt as string))}.`);
    });

    it('a snooze that is over no longer counts', () => {
      const coldAt = '2024-05-01T12:00:00.000Z';
      show(
        <FollowUpControls
          {...controlProps({ ...PERSON, snoozedUntil: '2024-05-01T12:00:00.000Z', coldAt })}
        />,
      );
      expect(status()).toBe(`Gone cold since ${DAY.format(new Date(coldAt))}.`);
      expect(byTestId('snooze-clear')).toHaveLength(0);
    });
  });

  it('snoozes for a week or a month, or until a date', () => {
    const props = controlProps();
    show(<FollowUpControls {...props} />);

    click(one('snooze-week'));
    click(one('snooze-month'));
    change(one('snooze-until'), '2024-06-01');
    change(one('snooze-until'), '');

    expect(props.onSnoozeFor.mock.calls).toEqual([[7], [30]]);
    expect(props.onSnoozeUntil.mock.calls).toEqual([['2024-06-01']]);
  });

  it('offers to wake a snoozed person', () => {
    const props = controlProps({ ...PERSON, snoozedUntil: '2024-07-01T09:00:00.000Z' });
    show(<FollowUpControls {...props} />);

    click(one('snooze-clear'));

    expect(props.onClearSnooze).toHaveBeenCalledTimes(1);
  });

  it('offers no wake-up when nobody is snoozed', () => {
    show(<FollowUpControls {...controlProps()} />);
    expect(byTestId('snooze-clear')).toHaveLength(0);
  });

  it('archives, and unarchives an archived person', () => {
    const props = controlProps();
    show(<FollowUpControls {...props} />);
    const toggle = one('archive-toggle');
    expect(toggle.textContent).toBe('Archive');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    click(toggle);

    const archived = controlProps({ ...PERSON, archived: true });
    show(<FollowUpControls {...archived} />);
    expect(one('archive-toggle').textContent).toBe('Unarchive');
    expect(one('archive-toggle').getAttribute('aria-pressed')).toBe('true');
    click(one('archive-toggle'));

    expect(props.onArchived.mock.calls).toEqual([[true]]);
    expect(archived.onArchived.mock.calls).toEqual([[false]]);
  });
});

describe('UndoBar', () => {
  it('names what was deleted, and its undo button after it', () => {
    const onUndo = vi.fn();
    show(<UndoBar what="Touch" onUndo={onUndo} onDismiss={vi.fn()} />);
    expect(one('undo-bar').textContent).toContain('Touch deleted.');
    click(one('touch-undo'));
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('is about a note by default', () => {
    const onDismiss = vi.fn();
    show(<UndoBar onUndo={vi.fn()} onDismiss={onDismiss} />);
    expect(one('undo-bar').textContent).toContain('Note deleted.');
    expect(byTestId('note-undo')).toHaveLength(1);
    click(container().querySelector('[aria-label="Dismiss"]') ?? undefined);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
