import { NotesHere } from '@/components/popup/NotesHere';
import { PagePeople } from '@/components/sidebar/PagePeople';
import type { PagePerson } from '@/lib/messaging/protocol';
import type { PersonRef } from '@/lib/sites/types';

import { ADA, HOSTILE_TEXTS, PIP } from '../support/db';
import { click, useRenderer } from '../support/render';

const { container, show, byTestId, one, expectNoMarkup } = useRenderer();

const BEA: PersonRef = {
  key: 'linkedin:bea-stone-77',
  name: 'Bea Stone',
  url: 'https://www.linkedin.com/in/bea-stone-77/',
};

const HOSTILE = [
  '<img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script>',
  '<a href="javascript:alert(1)">click</a><iframe src="https://evil.example"></iframe>',
  ...HOSTILE_TEXTS.map(([, text]) => text),
];

describe('PagePeople', () => {
  const PEOPLE: PagePerson[] = [
    { ref: ADA, known: true },
    { ref: BEA, known: false },
    { ref: PIP, known: false },
  ];

  function showList(
    overrides: { people?: PagePerson[]; shownKey?: string; picked?: boolean } = {},
  ) {
    const onPick = vi.fn<(person: PersonRef | null) => void>();
    show(
      <PagePeople
        people={overrides.people ?? PEOPLE}
        shownKey={overrides.shownKey}
        picked={overrides.picked ?? false}
        onPick={onPick}
      />,
    );
    return onPick;
  }

  const rows = () => byTestId('page-person');
  const names = () =>
    rows().map((row) => row.querySelector('.page-person__name')?.textContent ?? null);

  it('lists the people in the order given, each once, marking those the user knows', () => {
    showList();
    expect(names()).toEqual(['Ada Quill', 'Bea Stone', 'Pip Wellings']);
    expect(rows().map((row) => row.dataset.known)).toEqual(['true', 'false', 'false']);
    expect(rows()[0]?.textContent).toContain('Known');
    expect(rows()[1]?.textContent).not.toContain('Known');
  });

  it('says where each one is from', () => {
    showList();
    const meta = rows().map((row) => row.querySelector('.page-person__meta')?.textContent);
    expect(meta).toEqual([
      'Known · LinkedIn ada-quill-4b21a',
      'LinkedIn bea-stone-77',
      'X pipwellings',
    ]);
  });

  it('marks the person shown above, and no one else', () => {
    showList({ shownKey: BEA.key });
    expect(rows().map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', null]);
  });

  it('marks no one when the person shown is not on the list', () => {
    showList({ shownKey: 'linkedin:someone-else' });
    expect(rows().every((row) => !row.hasAttribute('aria-current'))).toBe(true);
    showList({ shownKey: undefined });
    expect(rows().every((row) => !row.hasAttribute('aria-current'))).toBe(true);
  });

  it('clicking a row picks exactly that person', () => {
    const onPick = showList();
    click(rows()[1]);
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick).toHaveBeenCalledWith(BEA);
    click(rows()[2]);
    expect(onPick).toHaveBeenLastCalledWith(PIP);
  });

  it('offers the way back only when the person shown was picked here, and it picks null', () => {
    showList({ shownKey: ADA.key, picked: false });
    expect(byTestId('page-people-back')).toHaveLength(0);

    const onPick = showList({ shownKey: BEA.key, picked: true });
    click(one('page-people-back'));
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick).toHaveBeenCalledWith(null);
  });

  it('says so when nobody was read on the page, and may still offer the way back', () => {
    const onPick = showList({ people: [], picked: true });
    expect(rows()).toHaveLength(0);
    expect(container().textContent).toContain('Nobody read on this page yet.');
    click(one('page-people-back'));
    expect(onPick).toHaveBeenCalledWith(null);
  });

  it('shows the handle for someone whose name the page did not give', () => {
    showList({ people: [{ ref: { key: 'x:quietone', name: '' }, known: false }] });
    expect(names()).toEqual(['quietone']);
  });

  it('shows a hostile name as text', () => {
    const people = HOSTILE.map((name, index) => ({
      ref: { key: `linkedin:hostile-${index}`, name },
      known: index % 2 === 0,
    }));
    const onPick = showList({ people });
    expect(names()).toEqual(HOSTILE);
    expectNoMarkup();
    click(rows()[0]);
    expect(onPick).toHaveBeenCalledWith(people[0]?.ref);
  });
});

describe('NotesHere', () => {
  function showTarget(person: PersonRef | null, inPage: boolean) {
    const onOpen = vi.fn<() => void>();
    show(<NotesHere target={{ person, inPage }} onOpen={onOpen} />);
    return onOpen;
  }

  it('shows nothing when the tab shows nobody', () => {
    showTarget(null, true);
    expect(container().innerHTML).toBe('');
    showTarget(null, false);
    expect(container().innerHTML).toBe('');
  });

  it('names the person, says the notes open in the page, and opens them on a click', () => {
    const onOpen = showTarget(ADA, true);
    const button = one('notes-here');
    expect(button.textContent).toBe('Notes on Ada Quill');
    expect(container().textContent).toContain('Opens in Acquaint’s sidebar on the page.');
    expect(container().textContent).not.toContain('side panel');
    click(button);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('says the notes open in the side panel when the site shows nothing in its pages', () => {
    const onOpen = showTarget(PIP, false);
    expect(one('notes-here').textContent).toBe('Notes on Pip Wellings');
    expect(container().textContent).toContain('Opens in the browser’s side panel.');
    expect(container().textContent).not.toContain('on the page');
    click(one('notes-here'));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('says “this person” when the page gave no name', () => {
    showTarget({ key: 'linkedin:ada-quill-4b21a', name: '' }, true);
    expect(one('notes-here').textContent).toBe('Notes on this person');
  });

  it.each(HOSTILE)('shows a hostile name as text: %#', (name) => {
    showTarget({ key: 'linkedin:hostile', name }, false);
    expect(one('notes-here').textContent).toBe(`Notes on ${name}`);
    expectNoMarkup();
  });
});
