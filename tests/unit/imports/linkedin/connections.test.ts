import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { ImportDraft, PickedFile } from '../../../../lib/imports/draft';
import { readLinkedInConnections } from '../../../../lib/imports/linkedin/connections';

function fixture(name: string): PickedFile {
  // Read as bytes decoded by Node, so a BOM and CRLF reach the reader as the user's file has them.
  const path = resolve(process.cwd(), 'tests/fixtures/imports/linkedin', name);
  return { name, text: readFileSync(path, 'utf8') };
}

const personByKey = (draft: ImportDraft, key: string) =>
  draft.people.find((p) => p.identities.some((i) => i.key === key));

describe('readLinkedInConnections on a real-shaped file (preamble, BOM, CRLF)', () => {
  const file = fixture('Connections.csv');
  const draft = readLinkedInConnections(file);

  it('reads a file that really has the BOM, CRLF and preamble', () => {
    expect(file.text.charCodeAt(0)).toBe(0xfeff);
    expect(file.text).toContain('\r\n');
    expect(file.text.startsWith('\uFEFFNotes:')).toBe(true);
    expect(draft.source).toBe('LinkedIn connections');
  });

  it('lists one person per row with name, keys, canonical address, headline (never a why), day of connecting and tag', () => {
    expect(draft.people).toEqual([
      {
        ref: 'linkedin:ada-quill-4b21a',
        name: 'Ada Quill',
        identities: [
          {
            key: 'linkedin:ada-quill-4b21a',
            url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
          },
        ],
        headline: 'Founder at Quill Data',
        since: '2024-03-15T12:00:00.000Z',
        tags: ['linkedin'],
      },
      {
        ref: 'linkedin:bo-lind',
        name: 'Bo Lind',
        identities: [
          { key: 'linkedin:bo-lind', url: 'https://www.linkedin.com/in/bo-lind/' },
          { key: 'email:bo.lind@example.com' },
        ],
        headline: 'Partner, Advisory at Lind, Hart & Co',
        since: '2021-07-01T12:00:00.000Z',
        tags: ['linkedin'],
      },
      {
        ref: 'linkedin:cy-moreau',
        name: 'Cy Moreau',
        identities: [{ key: 'linkedin:cy-moreau', url: 'https://www.linkedin.com/in/cy-moreau/' }],
        since: '2024-03-15T12:00:00.000Z',
        tags: ['linkedin'],
      },
      {
        ref: 'linkedin:ACoAABdee123XyZ',
        name: 'Dee Nakamura',
        identities: [
          {
            key: 'linkedin:ACoAABdee123XyZ',
            url: 'https://www.linkedin.com/in/ACoAABdee123XyZ/',
          },
        ],
        headline: 'Head of Research at Nakamura Labs',
        since: '2024-02-29T12:00:00.000Z',
        tags: ['linkedin'],
      },
      {
        ref: 'linkedin:eli-park',
        name: 'Eli Park',
        identities: [{ key: 'linkedin:eli-park', url: 'https://www.linkedin.com/in/eli-park/' }],
        headline: 'Park & Sons',
        tags: ['linkedin'],
      },
    ]);
  });

  it('records the day of connecting as when they were first known, never as a touch', () => {
    // A connection is not a conversation: nothing says whose turn it is.
    expect(draft.interactions).toEqual([]);
    expect(draft.people.every((person) => person.why === undefined)).toBe(true);
  });

  it('keeps a person whose date cannot be read, and says so with the row', () => {
    // Rows: 1 Notes, 2 the quoted note, 3 blank, 4 header, 5 Ada … 8 Dee (two lines, one row), 9 Eli.
    expect(draft.problems).toEqual([
      'Connections.csv row 9 (Eli Park): "sometime in spring" is not a date; imported without the day of connecting',
    ]);
    expect(personByKey(draft, 'linkedin:eli-park')).toBeDefined();
  });
});

describe('readLinkedInConnections on quoted fields, empty names and duplicates', () => {
  const draft = readLinkedInConnections(fixture('connections-quoted-empty-duplicates.csv'));

  it('keeps commas and line breaks inside quoted fields as text', () => {
    expect(personByKey(draft, 'linkedin:fay-orourke')).toEqual({
      ref: 'linkedin:fay-orourke',
      name: "Fay O'Rourke, PhD",
      identities: [
        { key: 'linkedin:fay-orourke', url: 'https://www.linkedin.com/in/fay-orourke/' },
      ],
      headline: 'Chief Scientist at Rourke, Ltd',
      since: '2023-01-02T12:00:00.000Z',
      tags: ['linkedin'],
    });
  });

  it('imports a row without a name by its profile address, with an empty name', () => {
    const gus = personByKey(draft, 'linkedin:gus-hidden');
    expect(gus?.name).toBe('');
    expect(gus?.since).toMatch(/^\d{4}-\d{2}-\d{2}T12:00:00\.000Z$/);
  });

  it('merges the same person given twice, in two address forms, into one', () => {
    const adas = draft.people.filter((p) => p.name === 'Ada Quill');
    expect(adas).toEqual([
      {
        ref: 'linkedin:ada-quill-4b21a',
        name: 'Ada Quill',
        identities: [
          {
            key: 'linkedin:ada-quill-4b21a',
            url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
          },
          { key: 'email:ada@example.com' },
        ],
        headline: 'Founder at Quill Data',
        since: '2024-03-15T12:00:00.000Z',
        tags: ['linkedin'],
      },
    ]);
    expect(draft.interactions).toEqual([]);
  });

  it('skips rows it cannot key, naming the file and row', () => {
    expect(draft.people.map((p) => p.ref)).toEqual([
      'linkedin:fay-orourke',
      'linkedin:gus-hidden',
      'linkedin:ada-quill-4b21a',
    ]);
    // Rows: 1 header, 2 Fay (two lines, one row), 3 Gus, 4 empty, 5 Hal, 6 and 7 Ada, 8 Ivy.
    expect(draft.problems).toEqual([
      'connections-quoted-empty-duplicates.csv row 4: no name and no profile address; skipped',
      'connections-quoted-empty-duplicates.csv row 5 (Hal Ober): no profile address or email address; skipped',
      'connections-quoted-empty-duplicates.csv row 8 (Ivy Stone): "https://www.linkedin.com/company/stone-works" is not a LinkedIn profile address; left out',
      'connections-quoted-empty-duplicates.csv row 8 (Ivy Stone): no profile address or email address; skipped',
    ]);
  });
});

describe('readLinkedInConnections on an older file without a URL column', () => {
  const draft = readLinkedInConnections(fixture('connections-old-no-url.csv'));

  it('keys people by their email address, lower-cased', () => {
    expect(draft.people).toEqual([
      {
        ref: 'email:jo.reyes@example.org',
        name: 'Jo Reyes',
        identities: [{ key: 'email:jo.reyes@example.org' }],
        headline: 'Designer at Reyes Studio',
        since: '2016-11-12T12:00:00.000Z',
        tags: ['linkedin'],
      },
    ]);
    expect(draft.interactions).toEqual([]);
  });

  it('skips people without an email address, and rows without a name', () => {
    expect(draft.problems).toEqual([
      'connections-old-no-url.csv row 6 (Kit Sandoval): no email address, and this file has no profile addresses (no URL column); skipped',
      'connections-old-no-url.csv row 7: no name and no profile address; skipped',
    ]);
  });
});

describe('readLinkedInConnections on small variations', () => {
  const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

  it('reads a file with no preamble and a header in another case and spacing', () => {
    const draft = readLinkedInConnections({
      name: 'c.csv',
      text: 'first name, last  name ,url,email address,company,position,CONNECTED ON\nLe,Quy,https://www.linkedin.com/in/le-quy,,,,1 Jul 2021\n',
    });
    expect(draft.people.map((p) => [p.ref, p.name])).toEqual([['linkedin:le-quy', 'Le Quy']]);
    expect(draft.people.map((p) => p.since)).toEqual(['2021-07-01T12:00:00.000Z']);
    expect(draft.problems).toEqual([]);
  });

  it('collapses runs of spaces in names and takes ISO and US dates', () => {
    const draft = readLinkedInConnections({
      name: 'c.csv',
      text: [
        header,
        'Mo  Ana, Ri ,https://www.linkedin.com/in/mo-ri,,,,2023-12-31',
        'Ny,Sol,https://www.linkedin.com/in/ny-sol,,,,12/31/23',
        'Oz,Tal,https://www.linkedin.com/in/oz-tal,,,,31/12/23',
      ].join('\n'),
    });
    expect(draft.people.map((p) => p.name)).toEqual(['Mo Ana Ri', 'Ny Sol', 'Oz Tal']);
    expect(draft.people.map((p) => [p.ref, p.since])).toEqual([
      ['linkedin:mo-ri', '2023-12-31T12:00:00.000Z'],
      ['linkedin:ny-sol', '2023-12-31T12:00:00.000Z'],
      ['linkedin:oz-tal', undefined],
    ]);
    expect(draft.problems).toEqual([
      'c.csv row 4 (Oz Tal): "31/12/23" is not a date; imported without the day of connecting',
    ]);
  });

  it('imports nobody from a file with only its header', () => {
    expect(readLinkedInConnections({ name: 'c.csv', text: `${header}\n` })).toEqual({
      source: 'LinkedIn connections',
      people: [],
      interactions: [],
      problems: [],
    });
  });

  it('imports a person without a date, with no day of connecting and no problem', () => {
    const draft = readLinkedInConnections({
      name: 'c.csv',
      text: `${header}\nPia,Quen,https://www.linkedin.com/in/pia-quen,,,,\n`,
    });
    expect(draft.people.map((p) => p.ref)).toEqual(['linkedin:pia-quen']);
    expect(draft.people[0]?.since).toBeUndefined();
    expect(draft.problems).toEqual([]);
  });

  it('drops an email that is not an address but keeps the person', () => {
    const draft = readLinkedInConnections({
      name: 'c.csv',
      text: `${header}\nRo,Sa,https://www.linkedin.com/in/ro-sa,not an email,,,\n`,
    });
    expect(draft.people[0]?.identities).toEqual([
      { key: 'linkedin:ro-sa', url: 'https://www.linkedin.com/in/ro-sa/' },
    ]);
    expect(draft.problems).toEqual([
      'c.csv row 2 (Ro Sa): "not an email" is not an email address; left out',
    ]);
  });

  it('skips a row whose unquoted comma shifts the columns', () => {
    const draft = readLinkedInConnections({
      name: 'c.csv',
      text: `${header}\nSy,Tor,https://www.linkedin.com/in/sy-tor,,Tor, Inc,CEO,1 Jul 2021\n`,
    });
    expect(draft.people).toEqual([]);
    expect(draft.problems).toEqual([
      'c.csv row 2: has more fields than the 7 columns, so they cannot be matched to them; skipped',
    ]);
  });

  it('names the file without the folders of the zip it came from', () => {
    const draft = readLinkedInConnections({
      name: 'Basic_LinkedInDataExport_06-01-2025/Connections.csv',
      text: `${header}\n,,,,,,\nTy,,,,,,\n`,
    });
    expect(draft.problems).toEqual([
      'Connections.csv row 3 (Ty): no profile address or email address; skipped',
    ]);
  });

  it('cuts an overlong name and headline to the stored limits', () => {
    const long = 'x'.repeat(30_000);
    const draft = readLinkedInConnections({
      name: 'c.csv',
      text: `${header}\n${long},Y,https://www.linkedin.com/in/long,,${long},,\n`,
    });
    expect(draft.people[0]?.name.length).toBe(20_000);
    expect(draft.people[0]?.headline?.length).toBe(20_000);
  });
});
