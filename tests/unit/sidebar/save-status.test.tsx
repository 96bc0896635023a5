import { NoteComposer } from '@/components/NoteComposer';
import { SaveStatus } from '@/components/SaveStatus';
import { MAX_NOTE_LENGTH } from '@/lib/model/limits';

import { useRenderer } from '../support/render';

const { show, one } = useRenderer();

describe('SaveStatus', () => {
  it('promises a retry only for a failure that will be retried', () => {
    show(<SaveStatus state={{ status: 'failed', error: 'The background did not answer.' }} />);
    expect(one('save-status').textContent).toBe(
      'Not saved yet (The background did not answer). Your text is kept and will be saved on the next try.',
    );
  });

  it('says a refusal is for good, why, and that the text is still there', () => {
    show(<SaveStatus state={{ status: 'refused', error: 'Refused: note.body: Too big' }} />);
    const text = one('save-status').textContent ?? '';
    expect(text).toBe(
      'Not saved, and trying again would not help: Refused: note.body: Too big. Your text is still here; other changes are saved.',
    );
    expect(text).not.toContain('next try');
    expect(one('save-status').className).toContain('save-status--refused');
  });
});

describe('NoteComposer near the size limit', () => {
  const composer = (value: string) => (
    <NoteComposer value={value} onInput={() => {}} onSave={() => {}} />
  );

  it('shows the usual hint for an ordinary note', () => {
    show(composer('a short note'));
    expect(one('note-hint').textContent).toBe('Saved as you type · Ctrl+Enter to file it');
  });

  it('counts down the characters left once the note is close to the limit', () => {
    show(composer('x'.repeat(MAX_NOTE_LENGTH - 1_234)));
    expect(one('note-hint').textContent).toBe('1,234 characters left in this note');
    show(composer('x'.repeat(MAX_NOTE_LENGTH)));
    expect(one('note-hint').textContent).toBe('0 characters left in this note');
  });
});
