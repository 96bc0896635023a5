import { absoluteTime, relativeTime } from '@/lib/format/time';

const NOW = new Date('2024-05-10T12:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('relativeTime', () => {
  it.each<[string, string, string]>([
    ['the same instant', ago(0), 'now'],
    ['59 seconds ago', ago(59_000), 'now'],
    ['a minute ago', ago(MINUTE), '1 minute ago'],
    ['59 minutes ago', ago(59 * MINUTE), '59 minutes ago'],
    ['an hour ago', ago(HOUR), '1 hour ago'],
    ['5 hours ago', ago(5 * HOUR), '5 hours ago'],
    ['a day ago', ago(DAY), 'yesterday'],
    ['3 days ago', ago(3 * DAY), '3 days ago'],
    ['6 days ago', ago(6 * DAY), '6 days ago'],
    ['a week ago', ago(7 * DAY), 'last week'],
    ['3 weeks ago', ago(21 * DAY), '3 weeks ago'],
    ['30 days ago', ago(30 * DAY), 'last month'],
    ['90 days ago', ago(90 * DAY), '3 months ago'],
    ['a year ago', ago(365 * DAY), 'last year'],
    ['3 years ago', ago(3 * 365 * DAY), '3 years ago'],
    ['in 2 hours', ahead(2 * HOUR), 'in 2 hours'],
    ['tomorrow', ahead(DAY), 'tomorrow'],
    ['in 10 minutes', ahead(10 * MINUTE), 'in 10 minutes'],
  ])('says %s', (_what, iso, text) => {
    expect(relativeTime(iso, NOW, 'en')).toBe(text);
  });

  it('rounds to the nearest unit', () => {
    expect(relativeTime(ago(2 * HOUR + 29 * MINUTE), NOW, 'en')).toBe('2 hours ago');
    expect(relativeTime(ago(2 * HOUR + 31 * MINUTE), NOW, 'en')).toBe('3 hours ago');
  });

  it('uses the locale it is given', () => {
    expect(relativeTime(ago(3 * DAY), NOW, 'de')).toBe('vor 3 Tagen');
    expect(relativeTime(ago(3 * DAY), NOW, 'fr')).toBe('il y a 3 jours');
  });

  it('measures from now, not from the clock of the machine', () => {
    const later = new Date(NOW.getTime() + 3 * DAY);
    expect(relativeTime(NOW.toISOString(), later, 'en')).toBe('3 days ago');
  });
});

describe('absoluteTime', () => {
  it('gives the medium date and short time', () => {
    // Noon UTC is the 10th of May in every time zone from UTC-11 to UTC+11.
    const text = absoluteTime('2024-05-10T12:00:00.000Z', 'en');
    expect(text).toMatch(/^May 10, 2024, \d{1,2}:\d{2}\s[AP]M$/);
  });

  it('matches Intl for the same instant in the local time zone', () => {
    const iso = '2023-11-02T08:45:00.000Z';
    const expected = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(Date.parse(iso));
    expect(absoluteTime(iso, 'en')).toBe(expected);
    expect(absoluteTime(iso, 'en')).toContain('2023');
  });

  it('uses the locale it is given', () => {
    expect(absoluteTime('2024-05-10T12:00:00.000Z', 'de')).toMatch(/^10\.05\.2024, \d{2}:\d{2}$/);
  });
});
