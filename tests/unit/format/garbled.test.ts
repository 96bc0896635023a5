import { repairedText, repairsGarbled } from '@/lib/format/garbled';

describe('repairsGarbled', () => {
  it('fills in each replacement character with one letter beyond ASCII', () => {
    expect(repairsGarbled('Jos\uFFFD M\uFFFDller', 'José Müller')).toBe(true);
    expect(repairsGarbled('Gr\uFFFDnder at Caf\uFFFD (\uFFFDuro)', 'Gründer at Café (€uro)')).toBe(
      true,
    );
  });

  it('refuses anything that changes more than the garbled places', () => {
    expect(repairsGarbled('Jos\uFFFD M\uFFFDller', 'José Miller')).toBe(false);
    expect(repairsGarbled('Jos\uFFFD M\uFFFDller', 'José Müller-Lang')).toBe(false);
    expect(repairsGarbled('Jos\uFFFD M\uFFFDller', 'Jose Muller')).toBe(false);
    expect(repairsGarbled('Jos\uFFFD', 'Joséé')).toBe(false);
  });

  it('leaves text without a replacement character alone, and takes no garbled text', () => {
    expect(repairsGarbled('José Müller', 'José Müller')).toBe(false);
    expect(repairsGarbled('Ada Quill', 'Ada Quill-Lind')).toBe(false);
    expect(repairsGarbled('Jos\uFFFD M\uFFFDller', 'José M\uFFFDller')).toBe(false);
  });

  it('treats the rest of the text literally, regular-expression characters included', () => {
    expect(repairsGarbled('A.\uFFFD (x)+', 'A.é (x)+')).toBe(true);
    expect(repairsGarbled('A.\uFFFD (x)+', 'Ab\u00e9 (x)+')).toBe(false);
  });
});

describe('repairedText', () => {
  it('gives the repaired text, or the stored one', () => {
    expect(repairedText('Zo\uFFFD', 'Zoë')).toBe('Zoë');
    expect(repairedText('Zoe (my note)', 'Zoë')).toBe('Zoe (my note)');
  });
});
