/** Synthetic data for the benchmarks: Acquaint backups (CONTRACT §3) and LinkedIn's Connections.csv. */

const DAY = 24 * 60 * 60 * 1000;

const FIRST = [
  'Ada',
  'Bram',
  'Cleo',
  'Dara',
  'Emil',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Juno',
  'Kai',
  'Lena',
  'Milo',
  'Nia',
  'Otto',
  'Pia',
  'Quin',
  'Rosa',
  'Sami',
  'Tova',
  'Uma',
  'Vik',
  'Wren',
  'Yara',
];
const LAST = [
  'Quill',
  'Oduya',
  'Marsh',
  'Fenwood',
  'Ashgrove',
  'Venn',
  'Zell',
  'Reyes',
  'Okafor',
  'Lind',
  'Novak',
  'Sato',
  'Haddad',
  'Moreau',
  'Kowal',
  'Berg',
  'Iqbal',
  'Costa',
  'Dahl',
  'Ferro',
];

/** A deterministic name for person `index`, so runs compare. */
export function nameOf(index: number): string {
  const first = FIRST[index % FIRST.length] as string;
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] as string;
  return `${first} ${last} ${index}`;
}

/** The LinkedIn slug of synthetic person `index`. */
export const slugOf = (index: number, prefix = 'bench') => `${prefix}-person-${index}`;
export const keyOf = (index: number, prefix = 'bench') => `linkedin:${slugOf(index, prefix)}`;

interface SeedOptions {
  /** How many people in all. */
  people: number;
  /** People per backup file (one import.apply message each). */
  chunk: number;
  /** Notes per person. */
  notesPerPerson: number;
  now?: number;
}

/**
 * Backups that together hold `people` people with one LinkedIn identity each, `notesPerPerson`
 * notes each and one interaction each, dated so that most have gone cold (the clock started 40 to
 * 400 days ago; the default cadence is 30 days). Each chunk is a complete, valid backup file.
 */
export function* seedBackups(options: SeedOptions): Generator<Record<string, unknown>> {
  const now = options.now ?? Date.now();
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  for (let start = 0; start < options.people; start += options.chunk) {
    const end = Math.min(options.people, start + options.chunk);
    const people = [];
    const notes = [];
    const interactions = [];
    for (let index = start; index < end; index += 1) {
      const id = `bench-p-${index}`;
      const created = iso(400 + (index % 300));
      people.push({
        id,
        name: nameOf(index),
        identities: [
          { key: keyOf(index), url: `https://www.linkedin.com/in/${slugOf(index)}/` },
          ...(index % 3 === 0 ? [{ key: `x:benchperson${index}` }] : []),
        ],
        why: index % 4 === 0 ? `Met at meetup ${index % 50}; wants an intro to a designer` : '',
        tags: index % 5 === 0 ? ['meetup'] : [],
        cadenceDays: index % 7 === 0 ? 90 : null,
        snoozedUntil: null,
        archived: false,
        createdAt: created,
        updatedAt: created,
      });
      for (let n = 0; n < options.notesPerPerson; n += 1) {
        const at = iso(40 + ((index * 7 + n * 13) % 360));
        notes.push({
          id: `bench-n-${index}-${n}`,
          personId: id,
          body: `Note ${n} about ${nameOf(index)}: talked about hiring, the March meetup and a book on distributed systems they recommended.`,
          url: `https://www.linkedin.com/in/${slugOf(index)}/`,
          createdAt: at,
          updatedAt: at,
        });
      }
      interactions.push({
        id: `bench-i-${index}`,
        personId: id,
        at: iso(40 + ((index * 11) % 360)),
        kind: 'message',
        direction: index % 2 === 0 ? 'in' : 'out',
        summary: `Last message with ${nameOf(index)}`,
      });
    }
    yield {
      format: 'acquaint-backup',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      people,
      notes,
      interactions,
      settings: { defaultCadenceDays: 30 },
    };
  }
}

/** LinkedIn's Connections.csv as its data export writes it, with `count` connections. */
export function connectionsCsv(count: number, prefix: string, now = Date.now()): string {
  const lines = [
    '\uFEFFNotes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let index = 0; index < count; index += 1) {
    const connected = new Date(now - (5 + (index % 2000)) * DAY).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const first = FIRST[index % FIRST.length] as string;
    const last = `${LAST[Math.floor(index / FIRST.length) % LAST.length] as string}${index}`;
    const company = index % 3 === 0 ? '"Quill Data, Inc."' : `Company ${index % 400}`;
    lines.push(
      `${first},${last},https://www.linkedin.com/in/${slugOf(index, prefix)},,${company},Engineer,${connected}`,
    );
  }
  return lines.join('\r\n');
}
