import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { PickedFile } from '../../../../lib/imports/draft';
import { readLinkedInConnections } from '../../../../lib/imports/linkedin/connections';
import {
  isLinkedInConnectionsFile,
  isLinkedInExportPath,
  isLinkedInMessagesFile,
  readLinkedInExport,
} from '../../../../lib/imports/linkedin/index';
import { readLinkedInMessages } from '../../../../lib/imports/linkedin/messages';

function fixture(name: string, as = name): PickedFile {
  const path = resolve(process.cwd(), 'tests/fixtures/imports/linkedin', name);
  return { name: as, text: readFileSync(path, 'utf8') };
}

const CONNECTIONS_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('recognising the export files by their headers', () => {
  it('knows a Connections.csv and a messages.csv whatever they are called', () => {
    const connections = fixture('Connections.csv', 'download (3).csv');
    const messages = fixture('messages.csv', 'download (4).csv');
    expect(isLinkedInConnectionsFile(connections)).toBe(true);
    expect(isLinkedInMessagesFile(connections)).toBe(false);
    expect(isLinkedInMessagesFile(messages)).toBe(true);
    expect(isLinkedInConnectionsFile(messages)).toBe(false);
    expect(isLinkedInConnectionsFile(fixture('connections-old-no-url.csv'))).toBe(true);
  });

  it('does not take other files for them, whatever they are called', () => {
    for (const name of ['bank-statement.csv', 'empty.csv', 'junk.bin']) {
      const file = fixture(name, 'Connections.csv');
      expect(isLinkedInConnectionsFile(file)).toBe(false);
      expect(isLinkedInMessagesFile(file)).toBe(false);
    }
    // First and last names alone are any address book's export.
    const contacts = {
      name: 'contacts.csv',
      text: 'First Name,Last Name,E-mail Address\nAl,Bo,a@b.c',
    };
    expect(isLinkedInConnectionsFile(contacts)).toBe(false);
  });

  it('picks the paths of the two files out of the zip', () => {
    expect(isLinkedInExportPath('Connections.csv')).toBe(true);
    expect(isLinkedInExportPath('Basic_LinkedInDataExport_06-01-2025/messages.csv')).toBe(true);
    expect(isLinkedInExportPath('Invitations.csv')).toBe(false);
    expect(isLinkedInExportPath('messages.csv/')).toBe(false);
  });
});

describe('readLinkedInExport', () => {
  it('combines both files, each person once, the connection’s name and details first', () => {
    const draft = readLinkedInExport([
      fixture('messages.csv', 'Export/messages.csv'),
      fixture('Connections.csv', 'Export/Connections.csv'),
    ]);
    expect(draft.source).toBe('LinkedIn export');
    expect(draft.people.map((p) => [p.ref, p.name, p.identities.map((i) => i.key)])).toEqual([
      ['linkedin:ada-quill-4b21a', 'Ada Quill', ['linkedin:ada-quill-4b21a']],
      ['linkedin:bo-lind', 'Bo Lind', ['linkedin:bo-lind', 'email:bo.lind@example.com']],
      ['linkedin:cy-moreau', 'Cy Moreau', ['linkedin:cy-moreau']],
      ['linkedin:ACoAABdee123XyZ', 'Dee Nakamura', ['linkedin:ACoAABdee123XyZ']],
      ['linkedin:eli-park', 'Eli Park', ['linkedin:eli-park']],
    ]);
    expect(draft.people[0]).toMatchObject({
      headline: 'Founder at Quill Data',
      since: '2024-03-15T12:00:00.000Z',
    });
    expect(draft.people[0]?.why).toBeUndefined();
    // The day of connecting is no touch: Ada's timeline is her messages only.
    const ada = draft.interactions.filter((i) => i.personRef === 'linkedin:ada-quill-4b21a');
    expect(ada.map((i) => [i.kind, i.direction, i.at])).toEqual([
      ['message', 'in', '2025-06-01T09:00:00.000Z'],
      ['message', 'out', '2025-06-01T15:00:05.000Z'],
      ['message', 'in', '2025-06-02T00:30:00.000Z'],
      ['message', 'out', '2025-06-04T12:00:00.000Z'],
    ]);
    expect(draft.interactions).toHaveLength(12);
    expect(draft.interactions.every((i) => i.kind === 'message')).toBe(true);
    expect(draft.problems).toEqual([
      'Connections.csv row 9 (Eli Park): "sometime in spring" is not a date; imported without the day of connecting',
      'messages.csv row 15: "yesterday" is not a date and time; skipped',
      'messages.csv row 17: the sender (LinkedIn Member) has no LinkedIn profile address; skipped',
    ]);
  });

  it('lets the connections settle whose messages they are', () => {
    // One conversation between Uma and Ada; Ada is a connection, so Uma is the owner.
    const draft = readLinkedInExport([
      fixture('messages-one-conversation.csv'),
      fixture('Connections.csv'),
    ]);
    const messages = draft.interactions.filter((i) => i.kind === 'message');
    expect(messages.map((i) => [i.personRef, i.direction, i.at])).toEqual([
      ['linkedin:ada-quill-4b21a', 'out', '2025-07-01T10:00:00.000Z'],
      ['linkedin:ada-quill-4b21a', 'in', '2025-07-01T11:00:00.000Z'],
    ]);
    expect(draft.problems.filter((p) => p.startsWith('messages'))).toEqual([]);
  });

  it('merges a person known by email in one file and by profile in another', () => {
    const draft = readLinkedInExport([
      {
        name: 'old.csv',
        text: 'First Name,Last Name,Email Address,Connected On\nAl,Ba,al@example.com,1 Jul 2021',
      },
      {
        name: 'new.csv',
        text: `${CONNECTIONS_HEADER}\nAl,Ba,https://www.linkedin.com/in/al-ba,AL@example.com,,,2 Jul 2021`,
      },
    ]);
    expect(draft.people).toEqual([
      {
        ref: 'email:al@example.com',
        name: 'Al Ba',
        identities: [
          { key: 'email:al@example.com' },
          { key: 'linkedin:al-ba', url: 'https://www.linkedin.com/in/al-ba/' },
        ],
        // Known since the earlier of the two days.
        since: '2021-07-01T12:00:00.000Z',
        tags: ['linkedin'],
      },
    ]);
    expect(draft.interactions).toEqual([]);
  });

  it('leaves out other files with a problem', () => {
    const draft = readLinkedInExport([fixture('Connections.csv'), fixture('bank-statement.csv')]);
    expect(draft.people).toHaveLength(5);
    expect(draft.problems.at(-1)).toBe(
      "bank-statement.csv: not LinkedIn's Connections.csv or messages.csv; left out",
    );
  });

  it('throws when no file is from the export', () => {
    expect(() => readLinkedInExport([fixture('bank-statement.csv'), fixture('junk.bin')])).toThrow(
      "None of these files is LinkedIn's Connections.csv or messages.csv: bank-statement.csv, junk.bin.",
    );
    expect(() => readLinkedInExport([])).toThrow(/No file was picked/);
  });

  it('throws when a file named like one of the two does not read as one', () => {
    expect(() =>
      readLinkedInExport([
        fixture('Connections.csv'),
        fixture('bank-statement.csv', 'messages.csv'),
      ]),
    ).toThrow("messages.csv does not look like LinkedIn's messages.csv");
    expect(() => readLinkedInExport([fixture('empty.csv', 'Connections.csv')])).toThrow(
      'Connections.csv is empty, so there is nothing to import',
    );
  });
});

describe('a malformed corpus: clear errors or problems, never a crash', () => {
  it('reads what is there of a file cut inside a quoted field', () => {
    const draft = readLinkedInConnections(fixture('connections-truncated.csv'));
    expect(draft.people.map((p) => p.ref)).toEqual(['linkedin:ada-quill-4b21a']);
    expect(draft.problems).toEqual([
      'connections-truncated.csv row 6: a quoted field is never closed, so the rest of the file could not be read (it may be cut short); skipped',
    ]);
  });

  it('skips a last row cut short rather than keying someone by half an address', () => {
    const draft = readLinkedInConnections(fixture('connections-cut-row.csv'));
    expect(draft.people.map((p) => p.ref)).toEqual(['linkedin:ada-quill-4b21a']);
    expect(draft.problems).toEqual([
      'connections-cut-row.csv row 3: has 3 of the 7 columns (the file may be cut short or damaged); skipped',
    ]);
  });

  it('reads what is there of a cut messages.csv', () => {
    const draft = readLinkedInMessages(fixture('messages-truncated.csv'));
    expect(draft.interactions.map((i) => [i.personRef, i.direction])).toEqual([
      ['linkedin:ada-quill-4b21a', 'in'],
      ['linkedin:ada-quill-4b21a', 'out'],
      ['linkedin:bo-lind', 'in'],
    ]);
    expect(draft.problems).toEqual([
      'messages-truncated.csv row 5: a quoted field is never closed, so the rest of the file could not be read (it may be cut short); skipped',
    ]);
  });

  it('throws a sentence for an empty file, binary junk and a CSV of something else', () => {
    for (const read of [readLinkedInConnections, readLinkedInMessages]) {
      expect(() => read(fixture('empty.csv'))).toThrow(
        /^empty\.csv is empty, so there is nothing to import; pick the \w+\.csv from LinkedIn's data export\.$/,
      );
      expect(() => read({ name: 'bom.csv', text: '\uFEFF \r\n' })).toThrow(/bom\.csv is empty/);
      expect(() => read(fixture('junk.bin'))).toThrow(
        /^junk\.bin is not a text file, so it cannot be read/,
      );
    }
    expect(() => readLinkedInConnections(fixture('bank-statement.csv'))).toThrow(
      "bank-statement.csv does not look like LinkedIn's Connections.csv: no row names the columns First Name, Last Name and URL. Pick the Connections.csv from LinkedIn's data export.",
    );
    expect(() => readLinkedInMessages(fixture('bank-statement.csv'))).toThrow(
      /^bank-statement\.csv does not look like LinkedIn's messages\.csv/,
    );
    // Each is the other's wrong file.
    expect(() => readLinkedInMessages(fixture('Connections.csv'))).toThrow(/does not look like/);
    expect(() => readLinkedInConnections(fixture('messages.csv'))).toThrow(/does not look like/);
  });

  it('throws for a file cut before its header ends', () => {
    const text = fixture('Connections.csv').text;
    const cut = text.slice(0, text.indexOf('Last Name'));
    expect(() => readLinkedInConnections({ name: 'Connections.csv', text: cut })).toThrow(
      /does not look like LinkedIn's Connections\.csv/,
    );
  });

  it('never fails other than with a sentence, wherever the files are cut', () => {
    for (const [name, read] of [
      ['Connections.csv', readLinkedInConnections],
      ['connections-quoted-empty-duplicates.csv', readLinkedInConnections],
      ['messages.csv', readLinkedInMessages],
    ] as const) {
      const text = fixture(name).text;
      // About 700 cuts a file, at every character of the smaller ones.
      const step = Math.ceil(text.length / 700);
      for (let end = 0; end <= text.length; end += step) {
        const file = { name, text: text.slice(0, end) };
        try {
          const draft = read(file);
          expect(Array.isArray(draft.people) && Array.isArray(draft.problems)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message.startsWith(`${name} `)).toBe(true);
        }
      }
    }
  }, 30_000);

  it('reads 10,000 connections (nothing quadratic)', () => {
    const rows = [CONNECTIONS_HEADER];
    for (let i = 0; i < 10_000; i += 1) {
      rows.push(
        `First${i},Last${i},https://www.linkedin.com/in/person-${i},,Co ${i},Role,1 Jul 2021`,
      );
    }
    // And every hundredth again, in another address form.
    for (let i = 0; i < 10_000; i += 100) {
      rows.push(`First${i},Last${i},linkedin.com/in/Person-${i}/,p${i}@example.com,,,1 Jul 2021`);
    }
    const draft = readLinkedInConnections({ name: 'Connections.csv', text: rows.join('\r\n') });
    expect(draft.people).toHaveLength(10_000);
    expect(draft.interactions).toEqual([]);
    expect(draft.people[100]?.identities.map((i) => i.key)).toEqual([
      'linkedin:person-100',
      'email:p100@example.com',
    ]);
    expect(draft.problems).toEqual([]);
  });

  it('reads 10,000 messages (nothing quadratic)', () => {
    const rows = ['CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT'];
    for (let i = 0; i < 10_000; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      rows.push(
        `2-C${i % 2000},P${i % 2000},https://www.linkedin.com/in/p-${i % 2000},Uma,https://www.linkedin.com/in/uma-vance,2025-01-${day} 10:00:00 UTC,Hi ${i}`,
      );
    }
    const draft = readLinkedInMessages({ name: 'messages.csv', text: rows.join('\n') });
    expect(draft.people).toHaveLength(2000);
    expect(draft.problems).toEqual([]);
    expect(draft.interactions.every((i) => i.direction === 'in')).toBe(true);
  });
});
