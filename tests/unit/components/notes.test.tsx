import { act } from 'preact/test-utils';

import { NoteItem } from '@/components/NoteItem';
import { PersonHeader } from '@/components/PersonHeader';
import { Timeline } from '@/components/Timeline';
import type { Note } from '@/lib/model/types';

import { change, press, useRenderer } from '../support/render';

const NOW = new Date('2024-05-10T12:00:00.000Z');

const HOSTILE = [
  '<img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script>',
  '<a href="javascript:alert(1)">click</a><iframe src="https://evil.example"></iframe>',
  '\u202Egnp.exe\u202C',
  'zero\u200Bwidth\u200D\uFEFF',
  'lone \uD800 surrogate',
  '&lt;b&gt;entities stay as typed&lt;/b&gt;',
];

function note(id: string, body: string, overrides: Partial<Note> = {}): Note {
  return {
    id,
    personId: 'p1',
    body,
    createdAt: '2024-05-07T12:00:00.000Z',
    updatedAt: '2024-05-07T12:00:00.000Z',
    rev: 1,
    ...overrides,
  };
}

const { container, show, byTestId } = useRenderer();

/** A timeline of notes only (touches are tested with the follow-up components). */
function listProps(
  overrides: { notes?: Note[]; editing?: Parameters<typeof Timeline>[0]['editingNote'] } = {},
) {
  const note = {
    onEdit: vi.fn(),
    onEditInput: vi.fn(),
    onEditDone: vi.fn(),
    onEditCancel: vi.fn(),
    onDelete: vi.fn(),
  };
  return {
    notes: overrides.notes ?? [],
    interactions: [],
    now: NOW,
    editingNote: overrides.editing ?? null,
    editingInteraction: null,
    note,
    interaction: {
      onEdit: vi.fn(),
      onEditChange: vi.fn(),
      onEditSave: vi.fn(),
      onEditCancel: vi.fn(),
      onDelete: vi.fn(),
    },
  };
}

describe('Timeline with notes', () => {
  it('shows hostile note bodies as literal text', () => {
    const notes = HOSTILE.map((body, index) => note(`n${index}`, body));
    show(<Timeline {...listProps({ notes })} />);

    expect(byTestId('note')).toHaveLength(HOSTILE.length);
    expect(byTestId('note-body').map((element) => element.textContent)).toEqual(HOSTILE);
    expect(container().querySelector('img')).toBeNull();
    expect(container().querySelector('script')).toBeNull();
    expect(container().querySelector('iframe')).toBeNull();
    expect(container().querySelector('a')).toBeNull();
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('shows the notes newest first, each with its id', () => {
    const older = note('a', 'older', { createdAt: '2024-05-06T12:00:00.000Z' });
    const newer = note('b', 'newer', { createdAt: '2024-05-08T12:00:00.000Z' });
    show(<Timeline {...listProps({ notes: [older, newer] })} />);
    expect(byTestId('note').map((element) => element.getAttribute('data-note-id'))).toEqual([
      'b',
      'a',
    ]);
    expect(byTestId('notes-empty')).toHaveLength(0);
  });

  it('shows an empty state without notes', () => {
    show(<Timeline {...listProps()} />);
    expect(byTestId('notes-empty')).toHaveLength(1);
    expect(byTestId('note')).toHaveLength(0);
  });

  it('calls onEdit and onDelete with the note whose button was clicked', () => {
    const props = listProps({ notes: [note('a', 'first'), note('b', 'second')] });
    show(<Timeline {...props} />);

    act(() => {
      (byTestId('note-edit-start')[1] as HTMLButtonElement).click();
    });
    expect(props.note.onEdit).toHaveBeenCalledTimes(1);
    expect(props.note.onEdit).toHaveBeenCalledWith(props.notes[1]);

    act(() => {
      (byTestId('note-delete')[0] as HTMLButtonElement).click();
    });
    expect(props.note.onDelete).toHaveBeenCalledWith(props.notes[0]);
    expect(props.note.onEditDone).not.toHaveBeenCalled();
  });

  it('opens only the note being edited, with the text being edited', () => {
    const hostile = HOSTILE[0] as string;
    const props = listProps({
      notes: [note('a', 'first'), note('b', 'second')],
      editing: { id: 'b', body: hostile },
    });
    show(<Timeline {...props} />);

    const editors = byTestId('note-edit') as HTMLTextAreaElement[];
    expect(editors).toHaveLength(1);
    expect(editors[0]?.closest('[data-testid="note"]')?.getAttribute('data-note-id')).toBe('b');
    expect(editors[0]?.value).toBe(hostile);
    expect(container().querySelector('img')).toBeNull();
    expect(byTestId('note-body').map((element) => element.textContent)).toEqual(['first']);
    expect(byTestId('note-edit-done')).toHaveLength(1);
    expect(byTestId('note-edit-start')).toHaveLength(1);
  });

  it('passes typing, Done, Escape (cancel) and Ctrl+Enter from the editor on', () => {
    const props = listProps({ notes: [note('a', 'first')], editing: { id: 'a', body: 'first' } });
    show(<Timeline {...props} />);
    const editor = byTestId('note-edit')[0] as HTMLTextAreaElement;

    change(editor, 'first, edited', 'input');
    expect(props.note.onEditInput).toHaveBeenCalledWith('first, edited');

    expect(press(editor, 'a').defaultPrevented).toBe(false);
    expect(press(editor, 'Enter').defaultPrevented).toBe(false);
    expect(props.note.onEditDone).not.toHaveBeenCalled();

    // Escape cancels the edit (and no listener above it, such as the sidebar's own, hears it).
    const heard = vi.fn();
    window.addEventListener('keydown', heard);
    expect(press(editor, 'Escape').defaultPrevented).toBe(true);
    window.removeEventListener('keydown', heard);
    expect(heard).not.toHaveBeenCalled();
    expect(props.note.onEditCancel).toHaveBeenCalledTimes(1);
    expect(props.note.onEditDone).not.toHaveBeenCalled();

    expect(press(editor, 'Enter', { ctrlKey: true }).defaultPrevented).toBe(true);
    expect(press(editor, 'Enter', { metaKey: true }).defaultPrevented).toBe(true);
    act(() => {
      (byTestId('note-edit-done')[0] as HTMLButtonElement).click();
    });
    expect(props.note.onEditDone).toHaveBeenCalledTimes(3);
    expect(props.note.onEditCancel).toHaveBeenCalledTimes(1);
  });
});

describe('NoteItem', () => {
  function itemProps(overrides: Partial<Parameters<typeof NoteItem>[0]> = {}) {
    return {
      note: note('n1', 'body'),
      now: NOW,
      editingBody: null,
      onEdit: vi.fn(),
      onEditInput: vi.fn(),
      onEditDone: vi.fn(),
      onEditCancel: vi.fn(),
      onDelete: vi.fn(),
      ...overrides,
    };
  }

  it('calls onEdit from its Edit button', () => {
    const props = itemProps();
    show(<NoteItem {...props} />);
    const button = byTestId('note-edit-start')[0] as HTMLButtonElement;
    expect(button.textContent).toBe('Edit');

    act(() => button.click());

    expect(props.onEdit).toHaveBeenCalledTimes(1);
    expect(props.onDelete).not.toHaveBeenCalled();
  });

  it('shows when it was written, relative to now, with the instant in dateTime', () => {
    show(<NoteItem {...itemProps()} />);
    const time = container().querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2024-05-07T12:00:00.000Z');
    expect(time?.textContent).toBe('3 days ago');
    expect(time?.getAttribute('title')).toMatch(/2024/);
    expect(container().textContent).not.toContain('edited');
  });

  it('says when it was edited', () => {
    show(
      <NoteItem
        {...itemProps({ note: note('n1', 'b', { updatedAt: '2024-05-09T12:00:00.000Z' }) })}
      />,
    );
    expect(container().querySelector('.note__meta')?.textContent).toContain('edited');
  });

  it('shows a hostile body as text, with dir=auto for bidi text', () => {
    const body = HOSTILE.join('\n');
    show(<NoteItem {...itemProps({ note: note('n1', body) })} />);
    const element = byTestId('note-body')[0];
    expect(element?.textContent).toBe(body);
    expect(element?.getAttribute('dir')).toBe('auto');
    expect(element?.children).toHaveLength(0);
    expect(container().querySelector('img, script, iframe, a')).toBeNull();
  });
});

describe('PersonHeader', () => {
  it('shows a hostile name as literal text', () => {
    for (const name of [...HOSTILE, 'N'.repeat(10_000)]) {
      show(<PersonHeader name={name} identities={[]} onClose={vi.fn()} />);
      const heading = byTestId('person-name')[0];
      expect(heading?.textContent).toBe(name);
      expect(heading?.getAttribute('title')).toBe(name);
      expect(heading?.children).toHaveLength(0);
      expect(container().querySelector('img, script, iframe, a')).toBeNull();
    }
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('lists identities, linking those with a URL safely', () => {
    show(
      <PersonHeader
        name="Ada Quill"
        identities={[
          { key: 'linkedin:ada-quill-4b21a', url: 'https://www.linkedin.com/in/ada-quill-4b21a/' },
          { key: 'x:adaquill' },
        ]}
        onClose={vi.fn()}
      />,
    );

    const items = byTestId('person-identity');
    expect(items.map((item) => item.textContent)).toEqual([
      'LinkedIn ada-quill-4b21a',
      'X adaquill',
    ]);
    const links = container().querySelectorAll('a');
    expect(links).toHaveLength(1);
    const link = links[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://www.linkedin.com/in/ada-quill-4b21a/');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(items[1]?.querySelector('a')).toBeNull();
  });

  it('shows a hostile handle as text', () => {
    const handle = '<img src=x onerror="window.__pwned = 3">';
    show(
      <PersonHeader
        name="x"
        identities={[{ key: `x:${handle}`, url: 'https://x.com/someone' }]}
        onClose={vi.fn()}
      />,
    );
    expect(container().querySelector('a')?.textContent).toBe(handle);
    expect(container().querySelector('img')).toBeNull();
  });

  it('calls onClose from its close button', () => {
    const onClose = vi.fn();
    show(<PersonHeader name="Ada" identities={[]} onClose={onClose} />);
    act(() => {
      (byTestId('sidebar-close')[0] as HTMLButtonElement).click();
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
