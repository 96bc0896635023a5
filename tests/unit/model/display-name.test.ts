import { displayName } from '@/lib/model/display-name';

describe('displayName', () => {
  it('keeps a stored name', () => {
    expect(displayName('Ada Quill', ['linkedin:ada-quill-4b21a'])).toBe('Ada Quill');
    expect(displayName('Pip', ['x:pip', 'x-id:1500000000000000001'])).toBe('Pip');
    // Every character as stored, even invisible ones: the page's text is shown as it was.
    expect(displayName('A\u200bda\ufeff', ['x:ada'])).toBe('A\u200bda\ufeff');
  });

  it('calls an X account known only by number by its first digits, never “x-id”', () => {
    expect(displayName('', ['x-id:1500000000000000001'])).toBe('X account 1500…');
    expect(displayName('1500000000000000001', ['x-id:1500000000000000001'])).toBe(
      'X account 1500…',
    );
    expect(displayName('x-id', ['x-id:1500000000000000001'])).toBe('X account 1500…');
    expect(displayName('', ['x-id:42'])).toBe('X account 42');
  });

  it('falls back to the identity, then to “Someone”', () => {
    expect(displayName('', ['linkedin:ada-quill-4b21a'])).toBe('ada-quill-4b21a');
    expect(displayName(' ', [])).toBe('Someone');
  });
});
