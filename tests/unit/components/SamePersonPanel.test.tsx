import { SamePersonPanel } from '@/components/sidebar/SamePersonPanel';
import type { PersonMatch } from '@/lib/services/identities';

import { HOSTILE_TEXTS } from '../support/db';
import { change, click, press, useRenderer } from '../support/render';

const HOSTILE = [
  '<img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script>',
  '<a href="javascript:alert(1)">click</a><iframe src="https://evil.example"></iframe>',
  '\u202Egnp.exe\u202C',
  'N'.repeat(10_000),
  ...HOSTILE_TEXTS.map(([, text]) => text),
];

const PIP: PersonMatch = {
  id: 'person-pip',
  name: 'Pip Wellings',
  identities: [{ key: 'x:pipwellings' }, { key: 'linkedin:pip-wellings' }],
  why: '',
};
const PIPPA: PersonMatch = {
  id: 'person-pippa',
  name: 'Pippa Long',
  identities: [{ key: 'web:pippa.example' }],
  why: 'Met at the owl meetup',
};
const NAMELESS: PersonMatch = {
  id: 'person-nameless',
  name: '',
  identities: [{ key: 'x:1234567' }, { key: 'named:Quiet Blog' }],
  why: '',
};

const { container, show, byTestId, one, expectNoMarkup } = useRenderer();

const buttonNamed = (text: string) =>
  [...container().querySelectorAll('button')].find((button) => button.textContent === text);

type PanelProps = Parameters<typeof SamePersonPanel>[0];

function panelProps(overrides: Partial<Omit<PanelProps, `on${string}`>> = {}) {
  const callbacks = {
    onQuery: vi.fn<PanelProps['onQuery']>(),
    onPick: vi.fn<PanelProps['onPick']>(),
    onConfirm: vi.fn<PanelProps['onConfirm']>(),
    onClose: vi.fn<PanelProps['onClose']>(),
  };
  return {
    name: 'Ada Quill',
    query: '',
    matches: [] as PersonMatch[],
    picked: null as PersonMatch | null,
    busy: false,
    ...overrides,
    ...callbacks,
  };
}

describe('searching', () => {
  it('shows the search box with the query, under a heading', () => {
    show(<SamePersonPanel {...panelProps({ query: 'pip' })} />);

    const panel = one('same-person');
    expect(panel.querySelector('h2')?.textContent).toBe('Same person as…');
    const input = one('merge-search') as HTMLInputElement;
    expect(input.value).toBe('pip');
    expect(input.type).toBe('search');
    expect(container().querySelector(`label[for="${input.id}"]`)?.textContent).toBe(
      'Search people by name or profile',
    );
    expect(byTestId('merge-confirm')).toHaveLength(0);
  });

  it('sends each change of the search box to onQuery', () => {
    const props = panelProps();
    show(<SamePersonPanel {...props} />);

    change(one('merge-search'), 'Pi', 'input');
    change(one('merge-search'), 'Pip W', 'input');

    expect(props.onQuery.mock.calls).toEqual([['Pi'], ['Pip W']]);
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('closes on Escape in the search box, and keeps the Escape from closing the sidebar', () => {
    const props = panelProps({ query: 'pip' });
    show(<SamePersonPanel {...props} />);

    const event = press(one('merge-search'), 'Escape');

    expect(props.onClose).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    expect(props.onQuery).not.toHaveBeenCalled();
  });

  it('ignores other keys in the search box', () => {
    const props = panelProps();
    show(<SamePersonPanel {...props} />);

    const event = press(one('merge-search'), 'Enter');

    expect(props.onClose).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('closes from its Cancel button', () => {
    const props = panelProps();
    show(<SamePersonPanel {...props} />);

    click(buttonNamed('Cancel'));

    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('says nobody was found for a query with no matches', () => {
    show(<SamePersonPanel {...panelProps({ query: 'zzz' })} />);

    expect(one('merge-none').textContent).toBe('Nobody else by that name in Acquaint.');
    expect(byTestId('merge-candidate')).toHaveLength(0);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
  ])('says nothing before anything is typed (%s query)', (_label, query) => {
    show(<SamePersonPanel {...panelProps({ query })} />);

    expect(byTestId('merge-none')).toHaveLength(0);
    expect(byTestId('merge-candidate')).toHaveLength(0);
  });

  it('lists each match as a button with its name and identities', () => {
    show(<SamePersonPanel {...panelProps({ query: 'pip', matches: [PIP, PIPPA] })} />);

    expect(byTestId('merge-none')).toHaveLength(0);
    const candidates = byTestId('merge-candidate');
    expect(candidates).toHaveLength(2);
    expect(candidates.map((candidate) => candidate.tagName)).toEqual(['BUTTON', 'BUTTON']);
    expect(
      candidates.map((candidate) => [
        candidate.querySelector('.same-person__name')?.textContent,
        candidate.querySelector('.same-person__ids')?.textContent,
      ]),
    ).toEqual([
      ['Pip Wellings', 'X pipwellings · LinkedIn pip-wellings'],
      ['Pippa Long', 'Web pippa.example'],
    ]);
  });

  it('picks the match whose button is clicked', () => {
    const props = panelProps({ query: 'pip', matches: [PIP, PIPPA] });
    show(<SamePersonPanel {...props} />);

    click(byTestId('merge-candidate')[1]);
    expect(props.onPick).toHaveBeenCalledTimes(1);
    expect(props.onPick).toHaveBeenCalledWith(PIPPA);

    click(byTestId('merge-candidate')[0]);
    expect(props.onPick).toHaveBeenLastCalledWith(PIP);
    expect(props.onPick).toHaveBeenCalledTimes(2);
  });

  it('shows the identities in place of an empty name', () => {
    show(<SamePersonPanel {...panelProps({ query: '123', matches: [NAMELESS] })} />);

    const candidate = one('merge-candidate');
    expect(candidate.querySelector('.same-person__name')?.textContent).toBe(
      'X 1234567 · Blog Quiet Blog',
    );
    expect(candidate.querySelector('.same-person__ids')?.textContent).toBe(
      'X 1234567 · Blog Quiet Blog',
    );
  });
});

describe('confirming', () => {
  it('asks before merging, naming both people, instead of the search', () => {
    show(<SamePersonPanel {...panelProps({ query: 'pip', matches: [PIP], picked: PIP })} />);

    const confirm = container().querySelector('.same-person__confirm') as HTMLElement;
    expect(confirm).not.toBeNull();
    expect([...confirm.querySelectorAll('strong')].map((strong) => strong.textContent)).toEqual([
      'Pip Wellings',
      'Ada Quill',
    ]);
    expect(confirm.querySelector('p')?.textContent).toBe(
      'Make Pip Wellings part of Ada Quill? Their identities, notes and interactions move here; ' +
        'nothing is deleted, and “Split off” undoes it.',
    );
    expect(byTestId('merge-search')).toHaveLength(0);
    expect(byTestId('merge-candidate')).toHaveLength(0);
    expect(byTestId('merge-none')).toHaveLength(0);
    const merge = one('merge-confirm') as HTMLButtonElement;
    expect(merge.textContent).toBe('Merge');
    expect(merge.disabled).toBe(false);
  });

  it('names a nameless pick by its identities', () => {
    show(<SamePersonPanel {...panelProps({ picked: NAMELESS })} />);

    expect(
      [...container().querySelectorAll('.same-person__confirm strong')].map(
        (strong) => strong.textContent,
      ),
    ).toEqual(['X 1234567 · Blog Quiet Blog', 'Ada Quill']);
  });

  it('merges from the Merge button', () => {
    const props = panelProps({ picked: PIP });
    show(<SamePersonPanel {...props} />);

    click(one('merge-confirm'));

    expect(props.onConfirm).toHaveBeenCalledTimes(1);
    expect(props.onPick).not.toHaveBeenCalled();
  });

  it('goes back to the list with Back', () => {
    const props = panelProps({ query: 'pip', matches: [PIP], picked: PIP });
    show(<SamePersonPanel {...props} />);

    click(buttonNamed('Back'));

    expect(props.onPick).toHaveBeenCalledTimes(1);
    expect(props.onPick).toHaveBeenCalledWith(null);
    expect(props.onConfirm).not.toHaveBeenCalled();
  });

  it('disables Merge and Back while busy', () => {
    const props = panelProps({ picked: PIP, busy: true });
    show(<SamePersonPanel {...props} />);

    const merge = one('merge-confirm') as HTMLButtonElement;
    const back = buttonNamed('Back') as HTMLButtonElement;
    expect(merge.disabled).toBe(true);
    expect(back.disabled).toBe(true);

    click(merge);
    click(back);
    expect(props.onConfirm).not.toHaveBeenCalled();
    expect(props.onPick).not.toHaveBeenCalled();
  });
});

describe('hostile text', () => {
  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))(
    'shows a match named %j as text',
    (_label, text) => {
      const match: PersonMatch = {
        id: 'person-hostile',
        name: text,
        identities: [{ key: `x:${text}` }],
        why: text,
      };
      show(<SamePersonPanel {...panelProps({ query: text, matches: [match] })} />);

      const candidate = one('merge-candidate');
      const name = candidate.querySelector('.same-person__name') as HTMLElement;
      const ids = candidate.querySelector('.same-person__ids') as HTMLElement;
      expect(name.textContent).toBe(text);
      expect(name.children).toHaveLength(0);
      expect(ids.textContent).toBe(`X ${text}`);
      expect(ids.children).toHaveLength(0);
      expect((one('merge-search') as HTMLInputElement).value).toBe(text);
      expectNoMarkup();
    },
  );

  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))(
    'shows %j as text when asking to merge',
    (_label, text) => {
      const match: PersonMatch = {
        id: 'person-hostile',
        name: text,
        identities: [{ key: `x:${text}` }],
        why: '',
      };
      show(<SamePersonPanel {...panelProps({ name: text, picked: match })} />);

      const strong = [...container().querySelectorAll('.same-person__confirm strong')];
      expect(strong.map((element) => element.textContent)).toEqual([text, text]);
      expect(strong.map((element) => element.children.length)).toEqual([0, 0]);
      expectNoMarkup();
    },
  );

  it('keeps a right-to-left override inside the name it came with', () => {
    const name = '\u202Egnp.exe\u202C';
    show(<SamePersonPanel {...panelProps({ query: 'g', matches: [{ ...PIP, name }] })} />);

    const span = one('merge-candidate').querySelector('.same-person__name') as HTMLElement;
    expect(span.textContent).toBe(name);
    // Isolated by its own element, so the override cannot reorder the identities beside it.
    expect(span.getAttribute('dir')).toBe('auto');
    expect(one('merge-candidate').querySelector('.same-person__ids')?.getAttribute('dir')).toBe(
      'auto',
    );
  });
});
