import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { DraftInteraction, ImportDraft, PickedFile } from '../../../../lib/imports/draft';
import { readLinkedInMessages } from '../../../../lib/imports/linkedin/messages';

function fixture(name: string): PickedFile {
  const path = resolve(process.cwd(), 'tests/fixtures/imports/linkedin', name);
  return { name, text: readFileSync(path, 'utf8') };
}

const T1 = 'https://www.linkedin.com/messaging/thread/2-YWRhLXVtYS0xMTExLTIyMjI=/';
const T2 = 'https://www.linkedin.com/messaging/thread/2-Ym8tdW1hLTMzMzMtNDQ0NA==/';
const T3 = 'https://www.linkedin.com/messaging/thread/2-Z3JvdXAtNTU1NS02NjY2/';
const T4 = 'https://www.linkedin.com/messaging/thread/2-ZGVlLXVtYS03Nzc3/';

const ADA = 'linkedin:ada-quill-4b21a';
const BO = 'linkedin:bo-lind';
const CY = 'linkedin:cy-moreau';
const DEE = 'linkedin:ACoAABdee123XyZ';

function message(
  personRef: string,
  at: string,
  direction: 'in' | 'out',
  summary: string,
  url?: string,
): DraftInteraction {
  return { personRef, at, kind: 'message', direction, summary, ...(url ? { url } : {}) };
}

const CONNECTIONS_OF_ADA: ImportDraft = {
  source: 'LinkedIn connections',
  people: [
    {
      ref: 'linkedin:uma-vance',
      name: 'Uma Vance',
      identities: [{ key: 'linkedin:uma-vance' }],
    },
  ],
  interactions: [],
  problems: [],
};

describe('readLinkedInMessages on reordered, extra columns', () => {
  const draft = readLinkedInMessages(fixture('messages.csv'));

  it('finds the owner (Uma, in every conversation) and leaves them out of the people', () => {
    expect(draft.source).toBe('LinkedIn messages');
    expect(draft.people.map((p) => p.ref)).toEqual([ADA, BO, CY, DEE]);
    expect(draft.people.some((p) => p.identities.some((i) => i.key === 'linkedin:uma-vance'))).toBe(
      false,
    );
  });

  it('names people from FROM and TO, with canonical addresses, member ids kept as they are', () => {
    expect(draft.people).toEqual([
      {
        ref: ADA,
        name: 'Ada Quill',
        identities: [{ key: ADA, url: 'https://www.linkedin.com/in/ada-quill-4b21a/' }],
        tags: ['linkedin'],
      },
      {
        ref: BO,
        name: 'Bo Lind',
        identities: [{ key: BO, url: 'https://www.linkedin.com/in/bo-lind/' }],
        tags: ['linkedin'],
      },
      {
        ref: CY,
        name: 'Cy Moreau',
        identities: [{ key: CY, url: 'https://www.linkedin.com/in/cy-moreau/' }],
        tags: ['linkedin'],
      },
      {
        ref: DEE,
        name: 'Dee Nakamura',
        identities: [{ key: DEE, url: 'https://www.linkedin.com/in/ACoAABdee123XyZ/' }],
        tags: ['linkedin'],
      },
    ]);
  });

  it('folds a day per person and direction, groups by sender, and skips drafts and sponsored', () => {
    expect(draft.interactions).toEqual([
      // Four messages from Ada on 1 June, the earliest of them listed last in the file.
      message(
        ADA,
        '2025-06-01T09:00:00.000Z',
        'in',
        "LinkedIn message: Quick heads-up first: I'm bringing a colleague. (+2 more)",
        T1,
      ),
      message(
        ADA,
        '2025-06-01T15:00:05.000Z',
        'out',
        'LinkedIn message: Gladly! Tuesday works.',
        T1,
      ),
      // 00:30 UTC on 2 June is another day. Uma's draft to Ada on 2 June is not there.
      message(ADA, '2025-06-02T00:30:00.000Z', 'in', 'LinkedIn message: One more thing.', T1),
      message(
        BO,
        '2025-06-02T10:00:00.000Z',
        'out',
        'LinkedIn message: Bo, are you around in July? I would love to introduce you…',
        T2,
      ),
      // No content: the subject stands in.
      message(BO, '2025-06-03T11:00:00.000Z', 'in', 'LinkedIn message: Re: July plans', T2),
      // The owner's message to the group counts for each member of it…
      message(
        ADA,
        '2025-06-04T12:00:00.000Z',
        'out',
        'LinkedIn message: Welcome to the reading group!',
        T3,
      ),
      message(
        BO,
        '2025-06-04T12:00:00.000Z',
        'out',
        'LinkedIn message: Welcome to the reading group!',
        T3,
      ),
      message(
        CY,
        '2025-06-04T12:00:00.000Z',
        'out',
        'LinkedIn message: Welcome to the reading group!',
        T3,
      ),
      // …and a member's message for its sender only; HTML tags are dropped.
      message(
        CY,
        '2025-06-04T13:00:00.000Z',
        'in',
        'LinkedIn message: Thanks for setting this up',
        T3,
      ),
      message(
        DEE,
        '2025-06-05T08:15:00.000Z',
        'in',
        'LinkedIn message: Hello from the conference.',
        T4,
      ),
      message(DEE, '2025-06-05T09:00:00.000Z', 'out', 'LinkedIn message: Likewise!', T4),
      // `legacy:42` is no thread id, so no address.
      message(CY, '2025-06-06T10:00:00.000Z', 'in', 'LinkedIn message: Old-style thread.'),
    ]);
  });

  it('reports rows it could not read, by spreadsheet row', () => {
    // Row 4 spans two lines; row 7 is the draft and row 14 the sponsored message (no problem).
    expect(draft.problems).toEqual([
      'messages.csv row 15: "yesterday" is not a date and time; skipped',
      'messages.csv row 17: the sender (LinkedIn Member) has no LinkedIn profile address; skipped',
    ]);
  });
});

describe('readLinkedInMessages deciding whose export it is', () => {
  const file = fixture('messages-one-conversation.csv');

  it('takes the earliest sender when two people tie, and says it guessed', () => {
    const draft = readLinkedInMessages(file);
    // Uma wrote first (10:00, though listed second), so Uma is taken as the owner.
    expect(draft.interactions).toEqual([
      message(ADA, '2025-07-01T10:00:00.000Z', 'out', 'LinkedIn message: Hello Ada!', T1),
      message(
        ADA,
        '2025-07-01T11:00:00.000Z',
        'in',
        'LinkedIn message: Hi Uma, good to hear from you.',
        T1,
      ),
    ]);
    expect(draft.problems).toEqual([
      'messages-one-conversation.csv: could not tell whose messages these are, as Uma Vance and Ada Quill each take part in the only conversation; took Uma Vance (who sent the earliest message) as you, so if that is wrong, the directions in and out are swapped',
    ]);
  });

  it('settles the tie with the connections: nobody is their own connection', () => {
    // In Ada's export Uma is a connection, so the owner is Ada, although Uma wrote first.
    const draft = readLinkedInMessages(file, { connections: CONNECTIONS_OF_ADA });
    expect(draft.people.map((p) => [p.ref, p.name])).toEqual([['linkedin:uma-vance', 'Uma Vance']]);
    expect(draft.interactions.map((i) => [i.personRef, i.at, i.direction])).toEqual([
      ['linkedin:uma-vance', '2025-07-01T10:00:00.000Z', 'in'],
      ['linkedin:uma-vance', '2025-07-01T11:00:00.000Z', 'out'],
    ]);
    expect(draft.problems).toEqual([]);
  });

  it('takes the owner it is given', () => {
    const draft = readLinkedInMessages(file, { ownerKey: ADA });
    expect(draft.interactions.map((i) => [i.personRef, i.direction])).toEqual([
      ['linkedin:uma-vance', 'in'],
      ['linkedin:uma-vance', 'out'],
    ]);
    expect(draft.problems).toEqual([]);
  });

  it('takes the profile in the most conversations without a problem', () => {
    const header =
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
    const row = (id: string, from: string, to: string, date: string) =>
      `${id},,,https://www.linkedin.com/in/${from},,https://www.linkedin.com/in/${to},${date},,hi,INBOX`;
    const draft = readLinkedInMessages({
      name: 'messages.csv',
      text: [
        header,
        // Ada wrote first, but only Uma is in both conversations.
        row('2-AAAA', 'ada', 'uma', '2025-01-01 08:00:00 UTC'),
        row('2-BBBB', 'uma', 'bo', '2025-01-02 08:00:00 UTC'),
      ].join('\n'),
    });
    expect(draft.interactions.map((i) => [i.personRef, i.direction])).toEqual([
      ['linkedin:ada', 'in'],
      ['linkedin:bo', 'out'],
    ]);
    expect(draft.people.map((p) => p.name)).toEqual(['', '']);
    expect(draft.problems).toEqual([]);
  });
});

describe('readLinkedInMessages on details of rows', () => {
  const header =
    'CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,IS MESSAGE DRAFT';
  const read = (...rows: string[]) =>
    readLinkedInMessages({ name: 'm.csv', text: [header, ...rows].join('\r\n') });

  it('reads every address form in a recipient list, each recipient once', () => {
    const draft = read(
      '2-A,Uma,https://www.linkedin.com/in/uma,"A, B, C","linkedin.com/in/aa http://linkedin.com/in/BB/,https://linkedin.com/in/ACoAAcc;www.linkedin.com/in/aa/",2025-01-01 08:00:00 UTC,Hi all,No',
      '2-B,Dd,https://www.linkedin.com/in/dd,Uma,https://www.linkedin.com/in/uma,2025-01-02 08:00:00 UTC,Hi,No',
    );
    expect(draft.interactions.map((i) => [i.personRef, i.direction])).toEqual([
      ['linkedin:aa', 'out'],
      ['linkedin:bb', 'out'],
      ['linkedin:ACoAAcc', 'out'],
      ['linkedin:dd', 'in'],
    ]);
    // TO has three names for four addresses, so they cannot be matched up: only FROM names anyone.
    expect(draft.people.map((p) => [p.ref, p.name])).toEqual([
      ['linkedin:aa', ''],
      ['linkedin:bb', ''],
      ['linkedin:ACoAAcc', ''],
      ['linkedin:dd', 'Dd'],
    ]);
    expect(draft.problems).toEqual([]);
  });

  it('names recipients from TO when its names line up with the addresses', () => {
    const draft = read(
      '2-A,Uma,https://www.linkedin.com/in/uma,"Aa Ab, Bb Bc","https://www.linkedin.com/in/aa https://www.linkedin.com/in/bb",2025-01-01 08:00:00 UTC,Hi,No',
      '2-B,Uma,https://www.linkedin.com/in/uma,"Quill, PhD Cc",https://www.linkedin.com/in/cc,2025-01-01 08:00:00 UTC,Hi,No',
    );
    expect(draft.people.map((p) => [p.ref, p.name])).toEqual([
      ['linkedin:aa', 'Aa Ab'],
      ['linkedin:bb', 'Bb Bc'],
      ['linkedin:cc', 'Quill, PhD Cc'],
    ]);
  });

  it('leaves out a recipient that is not a profile address, saying so', () => {
    const draft = read(
      '2-A,Uma,https://www.linkedin.com/in/uma,Aa,https://www.linkedin.com/in/aa,2025-01-01 08:00:00 UTC,Hi,No',
      '2-B,Uma,https://www.linkedin.com/in/uma,"Bb, Acme","https://www.linkedin.com/in/bb, https://www.linkedin.com/company/acme",2025-01-01 09:00:00 UTC,Hi,No',
    );
    expect(draft.interactions.map((i) => i.personRef)).toEqual(['linkedin:aa', 'linkedin:bb']);
    expect(draft.people.map((p) => p.name)).toEqual(['Aa', 'Bb']);
    expect(draft.problems).toEqual([
      'm.csv row 3: "https://www.linkedin.com/company/acme" is not a LinkedIn profile address; left out',
    ]);
  });

  it('names the sender it cannot key, outside sponsored folders', () => {
    const draft = read(
      '2-A,Uma,https://www.linkedin.com/in/uma,Aa,https://www.linkedin.com/in/aa,2025-01-01 08:00:00 UTC,Hi,No',
      '2-B,Uma,https://www.linkedin.com/in/uma,Bb,https://www.linkedin.com/in/bb,2025-01-01 08:00:00 UTC,Hi,No',
      '2-C,Orbit Cloud,https://www.linkedin.com/company/orbit-cloud,Uma,https://www.linkedin.com/in/uma,2025-01-02 08:00:00 UTC,Hi,No',
      '2-D,Sponsored Conversation,,Uma,https://www.linkedin.com/in/uma,2025-01-02 08:00:00 UTC,Buy,No',
    );
    expect(draft.interactions.map((i) => i.personRef)).toEqual(['linkedin:aa', 'linkedin:bb']);
    expect(draft.problems).toEqual([
      'm.csv row 4: the sender (Orbit Cloud, "https://www.linkedin.com/company/orbit-cloud") has no LinkedIn profile address; skipped',
    ]);
  });

  it('skips sponsored, spam and draft folders', () => {
    const draft = readLinkedInMessages({
      name: 'm.csv',
      text: [
        'CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT,FOLDER',
        '2-A,Aa,https://www.linkedin.com/in/aa,Uma,https://www.linkedin.com/in/uma,2025-01-01 08:00:00 UTC,Hi,INBOX',
        '2-B,Bb,https://www.linkedin.com/in/bb,Uma,https://www.linkedin.com/in/uma,2025-01-01 08:00:00 UTC,Ad,SPONSORED_INBOX',
        '2-C,Cc,https://www.linkedin.com/in/cc,Uma,https://www.linkedin.com/in/uma,2025-01-01 08:00:00 UTC,Spam,SPAM',
        '2-D,Uma,https://www.linkedin.com/in/uma,Dd,https://www.linkedin.com/in/dd,2025-01-01 08:00:00 UTC,Unsent,DRAFTS',
        '2-E,Ee,https://www.linkedin.com/in/ee,Uma,https://www.linkedin.com/in/uma,2025-01-01 08:00:00 UTC,Hi,ARCHIVE',
      ].join('\n'),
    });
    expect(draft.interactions.map((i) => i.personRef)).toEqual(['linkedin:aa', 'linkedin:ee']);
    expect(draft.problems).toEqual([]);
  });

  it('lists a few of many tied candidates and counts the rest', () => {
    const draft = read(
      ...['a', 'b', 'c', 'd', 'e'].map(
        (x, i) =>
          `2-${x},${x}1,https://www.linkedin.com/in/${x}1,${x}2,https://www.linkedin.com/in/${x}2,2025-01-0${i + 1} 08:00:00 UTC,Hi,No`,
      ),
    );
    expect(draft.problems[0]).toBe(
      'm.csv: could not tell whose messages these are, as a1, b1, c1 and 7 others each take part in 1 of the 5 conversations; took a1 (who sent the earliest message) as you, so if that is wrong, the directions in and out are swapped',
    );
    expect(draft.interactions.map((i) => [i.personRef, i.direction])).toEqual([
      ['linkedin:a2', 'out'],
    ]);
    expect(draft.problems).toHaveLength(5);
  });

  it('skips drafts however the flag is written', () => {
    const draft = read(
      '2-A,Uma,https://www.linkedin.com/in/uma,Aa,https://www.linkedin.com/in/aa,2025-01-01 08:00:00 UTC,Hi,Yes',
      '2-A,Uma,https://www.linkedin.com/in/uma,Aa,https://www.linkedin.com/in/aa,2025-01-02 08:00:00 UTC,Hi,TRUE',
      '2-B,Uma,https://www.linkedin.com/in/uma,Bb,https://www.linkedin.com/in/bb,2025-01-03 08:00:00 UTC,Hi,No',
      '2-B,Bb,https://www.linkedin.com/in/bb,Uma,https://www.linkedin.com/in/uma,2025-01-03 09:00:00 UTC,Hi,',
    );
    expect(draft.interactions.map((i) => [i.personRef, i.at])).toEqual([
      ['linkedin:bb', '2025-01-03T08:00:00.000Z'],
      ['linkedin:bb', '2025-01-03T09:00:00.000Z'],
    ]);
  });

  it('cuts a long first message to its first words, and keeps summaries within the limit', () => {
    const long = `${'word '.repeat(5000)}end`;
    const draft = read(
      `2-A,Aa,https://www.linkedin.com/in/aa,Uma,https://www.linkedin.com/in/uma,2025-01-01 08:00:00 UTC,${long},No`,
      `2-A,Aa,https://www.linkedin.com/in/aa,Uma,https://www.linkedin.com/in/uma,2025-01-01 09:00:00 UTC,Later,No`,
      `2-B,Aa,https://www.linkedin.com/in/aa,Bb,https://www.linkedin.com/in/bb,2025-01-01 09:00:00 UTC,x,No`,
      `2-C,Uma,https://www.linkedin.com/in/uma,Bb,https://www.linkedin.com/in/bb,2025-01-01 09:00:00 UTC,x,No`,
    );
    expect(draft.interactions[0]?.summary).toBe(
      `LinkedIn message: ${'word '.repeat(11)}word… (+1 more)`,
    );
  });

  it('sums up a message with neither content nor subject as a LinkedIn message', () => {
    const draft = read(
      '2-A,Aa,https://www.linkedin.com/in/aa,Uma,https://www.linkedin.com/in/uma,2025-01-01 08:00:00 UTC,,No',
      '2-B,Uma,https://www.linkedin.com/in/uma,Bb,https://www.linkedin.com/in/bb,2025-01-01 08:00:00 UTC,,No',
    );
    expect(draft.interactions.map((i) => i.summary)).toEqual([
      'LinkedIn message',
      'LinkedIn message',
    ]);
  });

  it('says when a row has neither the owner as sender nor as recipient', () => {
    const draft = read(
      '2-A,Uma,https://www.linkedin.com/in/uma,Aa,https://www.linkedin.com/in/aa,2025-01-01 08:00:00 UTC,Hi,No',
      '2-B,Uma,https://www.linkedin.com/in/uma,Bb,https://www.linkedin.com/in/bb,2025-01-01 08:00:00 UTC,Hi,No',
      '2-C,Cc,https://www.linkedin.com/in/cc,Dd,https://www.linkedin.com/in/dd,2025-01-01 08:00:00 UTC,Hi,No',
    );
    expect(draft.interactions.map((i) => i.personRef)).toEqual(['linkedin:aa', 'linkedin:bb']);
    expect(draft.problems).toEqual([
      'm.csv row 4: Uma (you) is neither the sender nor a recipient; skipped',
    ]);
  });

  it('gives no thread address for an id that is not a thread id', () => {
    const draft = read(
      '"2-A/../../evil",Aa,https://www.linkedin.com/in/aa,Uma,https://www.linkedin.com/in/uma,2025-01-01 08:00:00 UTC,Hi,No',
      'javascript:alert(1),Aa,https://www.linkedin.com/in/aa,Uma,https://www.linkedin.com/in/uma,2025-01-02 08:00:00 UTC,Hi,No',
    );
    expect(draft.interactions.map((i) => i.url)).toEqual([undefined, undefined]);
  });

  it('imports nothing, without problems, from a file with only its header', () => {
    expect(read()).toEqual({
      source: 'LinkedIn messages',
      people: [],
      interactions: [],
      problems: [],
    });
  });

  it('says so when no message names a profile address', () => {
    const draft = read('2-A,LinkedIn Member,,Uma,,2025-01-01 08:00:00 UTC,Hi,No');
    expect(draft.interactions).toEqual([]);
    expect(draft.problems).toEqual([
      'm.csv: no message names a LinkedIn profile address, so none could be imported',
    ]);
  });
});
