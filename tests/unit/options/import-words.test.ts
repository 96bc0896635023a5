import { describeImport } from '@/lib/options/import-words';

import { summaryOf } from '../support/transfer-api';

describe('describeImport', () => {
  it('names each kind that was added, in the singular and the plural', () => {
    expect(
      describeImport(
        'Acquaint backup',
        summaryOf({ people: [2, 0], notes: [1, 0], interactions: [2, 0] }),
      ),
    ).toBe('Imported from Acquaint backup: 2 people added; 1 note added; 2 interactions added.');
    expect(
      describeImport('vCard', summaryOf({ people: [1, 0], notes: [3, 0], interactions: [1, 0] })),
    ).toBe('Imported from vCard: 1 person added; 3 notes added; 1 interaction added.');
  });

  it('leaves out what did not change', () => {
    expect(describeImport('X archive', summaryOf({ interactions: [12, 0] }))).toBe(
      'Imported from X archive: 12 interactions added.',
    );
    expect(describeImport('vCard', summaryOf({ people: [1, 0] }))).toBe(
      'Imported from vCard: 1 person added.',
    );
  });

  it('says "updated" alone when nothing was added', () => {
    expect(describeImport('Acquaint backup', summaryOf({ people: [0, 1], notes: [0, 4] }))).toBe(
      'Imported from Acquaint backup: 1 person updated; 4 notes updated.',
    );
    expect(describeImport('Acquaint backup', summaryOf({ people: [0, 3] }))).toBe(
      'Imported from Acquaint backup: 3 people updated.',
    );
  });

  it('joins added and updated, the noun following the added count', () => {
    expect(
      describeImport('LinkedIn export', summaryOf({ people: [3, 1], interactions: [12, 0] })),
    ).toBe('Imported from LinkedIn export: 3 people added and 1 updated; 12 interactions added.');
    expect(describeImport('LinkedIn export', summaryOf({ people: [1, 5] }))).toBe(
      'Imported from LinkedIn export: 1 person added and 5 updated.',
    );
    expect(describeImport('Acquaint backup', summaryOf({ notes: [2, 2] }))).toBe(
      'Imported from Acquaint backup: 2 notes added and 2 updated.',
    );
  });

  it('says when there was nothing new', () => {
    expect(describeImport('LinkedIn export', summaryOf({}))).toBe(
      'Nothing new in this LinkedIn export: everything in it is already in Acquaint.',
    );
  });

  it('ignores the problems: they are shown in the preview', () => {
    expect(describeImport('vCard', summaryOf({}, ['row 2: no name']))).toBe(
      'Nothing new in this vCard: everything in it is already in Acquaint.',
    );
  });

  it('writes large numbers with thousands separators', () => {
    expect(
      describeImport(
        'X archive',
        summaryOf({ people: [1234, 0], notes: [0, 10_000], interactions: [1_234_567, 2345] }),
      ),
    ).toBe(
      'Imported from X archive: 1,234 people added; 10,000 notes updated; 1,234,567 interactions added and 2,345 updated.',
    );
  });
});
