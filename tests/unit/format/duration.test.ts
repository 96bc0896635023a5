import { spokenDays } from '@/lib/format/duration';

describe('spokenDays', () => {
  it.each<[number, string]>([
    [0, '0 days'],
    [1, '1 day'],
    [5, '5 days'],
    [13, '13 days'],
    [14, '2 weeks'],
    [45, '6 weeks'],
    [59, '8 weeks'],
    [60, '2 months'],
    [200, '6 months'],
    [364, '12 months'],
    [365, '1 year'],
    [1150, '3 years'],
    [-3, '0 days'],
    [2.9, '2 days'],
  ])('says %s days as “%s”', (days, words) => {
    expect(spokenDays(days, 'en')).toBe(words);
  });

  it('speaks the browser’s language', () => {
    expect(spokenDays(1150, 'de')).toBe('3 Jahre');
    expect(spokenDays(60, 'fr')).toMatch(/^2\s+mois$/u);
  });
});
