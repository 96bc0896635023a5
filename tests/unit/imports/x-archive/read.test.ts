import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { ImportDraft, PickedFile } from '@/lib/imports/draft';
import {
  isXArchiveDataPath,
  isXArchiveFile,
  MAX_GROUP_FANOUT,
  readXArchive,
  X_ARCHIVE_SOURCE,
} from '@/lib/imports/x-archive';

const FIXTURES = resolve(__dirname, '../../../fixtures/imports/x-archive');

/** A fixture as the zip reader hands it over: its path inside the archive as the name. */
function fixture(name: string): PickedFile {
  return { name: `data/${name}`, text: readFileSync(resolve(FIXTURES, name), 'utf8') };
}

const ARCHIVE = [
  'account.js',
  'following.js',
  'following-part1.js',
  'follower.js',
  'direct-messages.js',
  'direct-messages-group.js',
  'tweets.js',
  'tweets-part1.js',
  'like.js',
].map(fixture);

function file(name: string, text: string): PickedFile {
  return { name, text };
}

function ytd(name: string, data: unknown, part = 0): string {
  return `window.YTD.${name}.part${part} = ${JSON.stringify(data, null, 2)}`;
}

function message(
  senderId: string,
  createdAt: string,
  text: string,
  recipientId?: string,
): { messageCreate: Record<string, unknown> } {
  return {
    messageCreate: {
      ...(recipientId === undefined ? {} : { recipientId }),
      senderId,
      text,
      createdAt,
      id: '1',
      urls: [],
      mediaUrls: [],
      reactions: [],
    },
  };
}

function conversation(conversationId: string, messages: unknown[]) {
  return { dmConversation: { conversationId, messages } };
}

const keysOf = (draft: ImportDraft) => draft.people.map((p) => p.identities.map((i) => i.key));

describe('readXArchive on a whole archive', () => {
  const draft = readXArchive(ARCHIVE);

  it('is an X archive draft', () => {
    expect(draft.source).toBe(X_ARCHIVE_SOURCE);
    expect(draft.source).toBe('X archive');
  });

  it('lists followed accounts (both parts), followers, then correspondents, once each, never the owner', () => {
    expect(draft.people.map((p) => p.ref)).toEqual([
      'x:adaquill',
      'x-id:2002',
      'x-id:2003',
      'x-id:2004',
      'x-id:2005',
      'x:bramwellk',
      'x-id:2007',
    ]);
    expect(draft.people.every((p) => p.tags?.length === 1 && p.tags[0] === 'x')).toBe(true);
    expect(keysOf(draft).flat()).not.toContain('x-id:1000');
    expect(keysOf(draft).flat()).not.toContain('x:wynntally');
  });

  it('gives a person both identities when the posts tell the handle of the number', () => {
    expect(draft.people[0]).toEqual({
      ref: 'x:adaquill',
      name: 'Ada Quill',
      identities: [
        { key: 'x:adaquill', url: 'https://x.com/adaquill' },
        { key: 'x-id:2001', url: 'https://x.com/i/user/2001' },
      ],
      tags: ['x'],
    });
    // A reply tells the handle but no name.
    expect(draft.people[5]).toEqual({
      ref: 'x:bramwellk',
      name: '',
      identities: [
        { key: 'x:bramwellk', url: 'https://x.com/bramwellk' },
        { key: 'x-id:2006', url: 'https://x.com/i/user/2006' },
      ],
      tags: ['x'],
    });
  });

  it('keeps an account known only by number nameless, with its x.com/i/user address', () => {
    expect(draft.people[1]).toEqual({
      ref: 'x-id:2002',
      name: '',
      identities: [{ key: 'x-id:2002', url: 'https://x.com/i/user/2002' }],
      tags: ['x'],
    });
    // 2003 has no accountId, only the userLink.
    expect(draft.people[2]?.identities).toEqual([
      { key: 'x-id:2003', url: 'https://x.com/i/user/2003' },
    ]);
  });

  it('gives a handle that moved to another account only to the account that had it last', () => {
    // @tallyho was 2004's in 2020 and 3001's in 2024: 2004 keeps its name, not the handle.
    expect(draft.people[3]).toEqual({
      ref: 'x-id:2004',
      name: 'Orin Vale',
      identities: [{ key: 'x-id:2004', url: 'https://x.com/i/user/2004' }],
      tags: ['x'],
    });
    // 3001 is only mentioned: no person for it.
    expect(keysOf(draft).flat()).not.toContain('x:tallyho');
    expect(keysOf(draft).flat()).not.toContain('x-id:3001');
  });

  it('folds messages per person, UTC day and direction', () => {
    expect(draft.interactions).toEqual([
      {
        personRef: 'x:adaquill',
        at: '2024-03-01T10:00:00.000Z',
        kind: 'message',
        direction: 'out',
        summary: 'X message: See you at the meetup on Tuesday? (+2 more)',
        url: 'https://x.com/messages/1000-2001',
      },
      {
        personRef: 'x:adaquill',
        at: '2024-03-01T11:00:00.000Z',
        kind: 'message',
        direction: 'in',
        summary: 'X message: Yes! Bringing the zine.',
        url: 'https://x.com/messages/1000-2001',
      },
      {
        personRef: 'x:adaquill',
        at: '2024-03-02T00:00:01.000Z',
        kind: 'message',
        direction: 'out',
        summary: 'X message: Good morning!',
        url: 'https://x.com/messages/1000-2001',
      },
      {
        personRef: 'x:bramwellk',
        at: '2024-03-02T09:00:00.000Z',
        kind: 'message',
        direction: 'in',
        summary:
          'X message: Hello there, loved your talk about follow-ups and coffee chats; could we meet…',
        url: 'https://x.com/messages/1000-2006',
      },
      {
        personRef: 'x:bramwellk',
        at: '2024-03-03T15:30:00.000Z',
        kind: 'message',
        direction: 'out',
        summary: 'X message',
        url: 'https://x.com/messages/1000-2006',
      },
      {
        personRef: 'x-id:2007',
        at: '2024-03-04T09:01:00.000Z',
        kind: 'message',
        direction: 'in',
        summary: 'X group message: Zine crew, assemble',
        url: 'https://x.com/messages/1766000000000000000',
      },
      {
        personRef: 'x:adaquill',
        at: '2024-03-04T09:05:00.000Z',
        kind: 'message',
        direction: 'in',
        summary: 'X group message: On it',
        url: 'https://x.com/messages/1766000000000000000',
      },
      {
        personRef: 'x-id:2007',
        at: '2024-03-04T10:00:00.000Z',
        kind: 'message',
        direction: 'out',
        summary: "X group message: I'll print them",
        url: 'https://x.com/messages/1766000000000000000',
      },
      {
        personRef: 'x:adaquill',
        at: '2024-03-04T10:00:00.000Z',
        kind: 'message',
        direction: 'out',
        summary: "X group message: I'll print them",
        url: 'https://x.com/messages/1766000000000000000',
      },
    ]);
  });

  it('names file and position of everything skipped', () => {
    expect(draft.problems).toEqual([
      'following.js entry 4: no account id; skipped',
      'direct-messages.js conversation 2 message 3: no date; skipped',
    ]);
  });

  it('reads the same whatever order the files come in', () => {
    expect(readXArchive([...ARCHIVE].reverse())).toEqual(draft);
  });

  it('takes tweet.js from older archives like tweets.js', () => {
    const old = ARCHIVE.filter((f) => !f.name.includes('tweets')).concat(
      file(
        'tweet.js',
        fixture('tweets.js').text.replace('window.YTD.tweets.', 'window.YTD.tweet.'),
      ),
    );
    expect(readXArchive(old).people[0]?.ref).toBe('x:adaquill');
  });

  it('takes posts listed unwrapped, as 2019 archives do', () => {
    const draft2019 = readXArchive([
      file('following.js', ytd('following', [{ following: { accountId: '2001' } }])),
      file(
        'tweet.js',
        ytd('tweet', [
          {
            entities: { user_mentions: [{ name: 'Ada', screen_name: 'AdaQuill', id_str: '2001' }] },
            created_at: 'Tue Jul 02 10:00:00 +0000 2019',
          },
        ]),
      ),
    ]);
    expect(draft2019.people[0]).toMatchObject({ ref: 'x:adaquill', name: 'Ada' });
  });
});

describe('readXArchive: parts', () => {
  it('reads part0 and part1 of a file together', () => {
    const draft = readXArchive([fixture('following-part1.js'), fixture('following.js')]);
    expect(draft.people.map((p) => p.ref)).toEqual([
      'x-id:2001',
      'x-id:2002',
      'x-id:2003',
      'x-id:2004',
    ]);
    expect(draft.interactions).toEqual([]);
  });

  it('reads a part given twice only once, saying so', () => {
    const draft = readXArchive([
      fixture('follower.js'),
      file('follower copy.js', fixture('follower.js').text),
    ]);
    expect(draft.people.map((p) => p.ref)).toEqual(['x-id:2002', 'x-id:2005']);
    expect(draft.problems).toEqual([
      // Files are read in path order (`data/follower.js` first), whatever order they were picked in.
      'follower copy.js: window.YTD.follower.part0 was already read from follower.js; skipped',
    ]);
  });

  it('says so when no file is one it uses', () => {
    const draft = readXArchive([fixture('like.js')]);
    expect(draft.people).toEqual([]);
    expect(draft.interactions).toEqual([]);
    expect(draft.problems).toEqual([
      'None of the files is one this reader uses (account.js, following.js, follower.js, ' +
        'direct-messages.js, direct-messages-group.js, tweets.js).',
    ]);
  });

  it('reads nothing from no files', () => {
    expect(readXArchive([]).people).toEqual([]);
  });
});

describe('readXArchive: the owner of the direct messages', () => {
  const dms = (conversations: unknown[]) =>
    file('direct-messages.js', ytd('direct_messages', conversations));

  it('infers the owner as the account in every one-to-one conversation', () => {
    const draft = readXArchive([
      dms([
        conversation('1000-2001', [message('2001', '2024-01-01T08:00:00.000Z', 'hi', '1000')]),
        conversation('2006-1000', [message('1000', '2024-01-02T08:00:00.000Z', 'yo', '2006')]),
      ]),
    ]);
    expect(draft.problems).toEqual([]);
    expect(draft.people.map((p) => p.ref)).toEqual(['x-id:2001', 'x-id:2006']);
    expect(draft.interactions.map((i) => [i.personRef, i.direction, i.summary])).toEqual([
      ['x-id:2001', 'in', 'X message: hi'],
      ['x-id:2006', 'out', 'X message: yo'],
    ]);
  });

  it('with a single correspondent, tells the owner by the follow lists', () => {
    const draft = readXArchive([
      file('following.js', ytd('following', [{ following: { accountId: '2001' } }])),
      dms([conversation('1000-2001', [message('1000', '2024-01-01T08:00:00.000Z', 'hi', '2001')])]),
    ]);
    expect(draft.problems).toEqual([]);
    expect(draft.interactions).toEqual([
      {
        personRef: 'x-id:2001',
        at: '2024-01-01T08:00:00.000Z',
        kind: 'message',
        direction: 'out',
        summary: 'X message: hi',
        url: 'https://x.com/messages/1000-2001',
      },
    ]);
  });

  it('skips the messages, saying why, when the owner cannot be told', () => {
    const draft = readXArchive([
      dms([conversation('1000-2001', [message('1000', '2024-01-01T08:00:00.000Z', 'hi', '2001')])]),
    ]);
    expect(draft.people).toEqual([]);
    expect(draft.interactions).toEqual([]);
    expect(draft.problems).toEqual([
      'Direct messages: could not tell which account is yours (no account.js, and no single ' +
        'account in every one-to-one conversation); direct messages skipped',
    ]);
  });

  it('uses account.js over inference, and skips conversations without the owner', () => {
    const draft = readXArchive([
      fixture('account.js'),
      dms([
        conversation('2001-2002', [message('2001', '2024-01-01T08:00:00.000Z', 'hi', '2002')]),
        conversation('1000-2003', [
          message('2003', '2024-01-01T08:00:00.000Z', 'hey', '1000'),
          message('2009', '2024-01-01T09:00:00.000Z', 'intruder', '1000'),
        ]),
      ]),
    ]);
    expect(draft.people.map((p) => p.ref)).toEqual(['x-id:2003']);
    expect(draft.interactions.map((i) => [i.personRef, i.direction])).toEqual([
      ['x-id:2003', 'in'],
    ]);
    expect(draft.problems).toEqual([
      'direct-messages.js conversation 1: between 2001 and 2002, neither of them you (1000); skipped',
      'direct-messages.js conversation 2 message 2: from 2009, who is not in this conversation; skipped',
    ]);
  });

  it('takes the pair from sender and recipient when a one-to-one conversation has no usable id', () => {
    const draft = readXArchive([
      fixture('account.js'),
      dms([conversation('odd', [message('2001', '2024-01-01T08:00:00.000Z', 'hi', '1000')])]),
    ]);
    expect(draft.interactions).toEqual([
      {
        personRef: 'x-id:2001',
        at: '2024-01-01T08:00:00.000Z',
        kind: 'message',
        direction: 'in',
        summary: 'X message: hi',
      },
    ]);
  });
});

describe('readXArchive: folding and summaries', () => {
  const read = (messages: unknown[]) =>
    readXArchive([
      fixture('account.js'),
      file('direct-messages.js', ytd('direct_messages', [conversation('1000-2001', messages)])),
    ]);

  it('starts a new interaction at UTC midnight, whatever the order in the file', () => {
    const draft = read([
      message('1000', '2024-05-02T00:00:00.000Z', 'second day', '2001'),
      message('1000', '2024-05-01T23:59:59.999Z', 'late', '2001'),
      message('1000', '2024-05-01T08:00:00.000Z', 'early', '2001'),
    ]);
    expect(draft.interactions.map((i) => [i.at, i.summary])).toEqual([
      ['2024-05-01T08:00:00.000Z', 'X message: early (+1 more)'],
      ['2024-05-02T00:00:00.000Z', 'X message: second day'],
    ]);
  });

  it('reads dates with an offset as UTC', () => {
    const draft = read([message('2001', '2024-05-01T23:30:00.000-02:00', 'hi', '1000')]);
    expect(draft.interactions[0]?.at).toBe('2024-05-02T01:30:00.000Z');
  });

  it('quotes the first words only, and keeps the summary within the limit', () => {
    const long = 'word '.repeat(5000);
    const draft = read([message('2001', '2024-05-01T08:00:00.000Z', long, '1000')]);
    const summary = draft.interactions[0]?.summary ?? '';
    expect(summary).toBe(`X message: ${'word '.repeat(16).trim()}…`);
  });

  it('cuts a message without spaces at the quote length', () => {
    const draft = read([message('2001', '2024-05-01T08:00:00.000Z', 'a'.repeat(500), '1000')]);
    expect(draft.interactions[0]?.summary).toBe(`X message: ${'a'.repeat(80)}…`);
  });

  it('names every message it skips by file, conversation and position', () => {
    const draft = read([
      { joinConversation: { initiatingUserId: '2001' } },
      message('1000', '', 'empty date', '2001'),
      message('1000', 'yesterday', 'bad date', '2001'),
      { messageCreate: { text: 'no sender', createdAt: '2024-05-01T08:00:00.000Z' } },
      message('1000', '2024-05-01T08:00:00.000Z', 'fine', '2001'),
    ]);
    expect(draft.problems).toEqual([
      'direct-messages.js conversation 1 message 2: no date; skipped',
      'direct-messages.js conversation 1 message 3: date "yesterday" not understood; skipped',
      'direct-messages.js conversation 1 message 4: no sender; skipped',
    ]);
    expect(draft.interactions.map((i) => i.summary)).toEqual(['X message: fine']);
  });
});

describe('readXArchive: group conversations', () => {
  const group = (messages: unknown[]) =>
    readXArchive([
      fixture('account.js'),
      file(
        'direct-messages-group.js',
        ytd('direct_messages_group', [conversation('1766000000000000000', messages)]),
      ),
    ]);

  it('counts the owner’s message as reaching each other sender of the group', () => {
    const draft = group([
      message('1000', '2024-03-04T08:00:00.000Z', 'morning all'),
      message('2001', '2024-03-04T09:00:00.000Z', 'hi'),
      message('2002', '2024-03-04T09:30:00.000Z', 'hello'),
    ]);
    expect(draft.interactions.map((i) => [i.personRef, i.direction, i.summary])).toEqual([
      ['x-id:2001', 'out', 'X group message: morning all'],
      ['x-id:2002', 'out', 'X group message: morning all'],
      ['x-id:2001', 'in', 'X group message: hi'],
      ['x-id:2002', 'in', 'X group message: hello'],
    ]);
  });

  it(`does not count the owner’s messages to a group of more than ${MAX_GROUP_FANOUT} others`, () => {
    const others = Array.from({ length: MAX_GROUP_FANOUT + 1 }, (_, i) => String(3000 + i));
    const draft = group([
      ...others.map((id) => message(id, '2024-03-04T09:00:00.000Z', 'here')),
      message('1000', '2024-03-04T10:00:00.000Z', 'hello crowd'),
    ]);
    expect(draft.interactions.every((i) => i.direction === 'in')).toBe(true);
    expect(draft.interactions).toHaveLength(others.length);
    expect(draft.problems).toEqual([
      `direct-messages-group.js conversation 1: a group of ${others.length + 1} people; your ` +
        'messages there are not counted as reaching each of them',
    ]);
  });
});

describe('readXArchive: follow lists', () => {
  it('skips entries without an account id, naming them', () => {
    const draft = readXArchive([
      file(
        'follower.js',
        ytd('follower', [
          1,
          null,
          'x',
          { follower: 'no' },
          { follower: { accountId: 'abc' } },
          { follower: { userLink: 'not a url' } },
          { follower: { accountId: 2005 } },
          { following: { accountId: '2006' } },
        ]),
      ),
    ]);
    expect(draft.people.map((p) => p.ref)).toEqual(['x-id:2005']);
    expect(draft.problems).toEqual(
      [1, 2, 3, 4, 5, 6, 8].map((n) => `follower.js entry ${n}: no account id; skipped`),
    );
  });
});

describe('the archive file format', () => {
  it('recognises a data file by its start', () => {
    expect(isXArchiveFile(fixture('following.js'))).toBe(true);
    expect(isXArchiveFile(file('x.js', '\uFEFF  window.YTD.x.part0 = []'))).toBe(true);
    expect(isXArchiveFile(fixture('manifest.js'))).toBe(false);
    expect(isXArchiveFile(file('x.js', ''))).toBe(false);
    expect(isXArchiveFile(file('x.csv', 'First Name,Last Name'))).toBe(false);
  });

  it('picks the data files it uses out of the zip by path', () => {
    for (const path of [
      'data/following.js',
      'data/follower.js',
      'data/account.js',
      'data/direct-messages.js',
      'data/direct-messages-group.js',
      'data/tweets.js',
      'data/tweets-part1.js',
      'data/tweet.js',
      'Data\\Following-part2.js',
    ]) {
      expect(isXArchiveDataPath(path), path).toBe(true);
    }
    for (const path of [
      'data/manifest.js',
      'data/like.js',
      'data/direct-message-headers.js',
      'data/tweets_media/1.jpg',
      'Your archive.html',
      'data/following.json',
    ]) {
      expect(isXArchiveDataPath(path), path).toBe(false);
    }
  });

  it('tolerates a byte-order mark, CRLF lines, a trailing semicolon and whitespace', () => {
    const text = `\uFEFFwindow.YTD.following.part0 = [\r\n  {"following": {"accountId": "2001"}}\r\n];  \r\n\n`;
    expect(readXArchive([file('following.js', text)]).people.map((p) => p.ref)).toEqual([
      'x-id:2001',
    ]);
  });

  it('never runs the file', () => {
    const text = 'window.YTD.following.part0 = (globalThis.ran = true, [])';
    expect(() => readXArchive([file('following.js', text)])).toThrow(
      'following.js is damaged: its data breaks at line 1, column 30.',
    );
    expect((globalThis as Record<string, unknown>)['ran']).toBeUndefined();
  });
});

describe('readXArchive on damaged files', () => {
  const fails = (name: string, text: string) => () => readXArchive([file(name, text)]);

  it('rejects an empty file', () => {
    expect(fails('data/following.js', '')).toThrow(
      'following.js is empty; it is not a data file of the X archive.',
    );
    expect(fails('following.js', '\uFEFF \n ')).toThrow('following.js is empty');
  });

  it('rejects a file that is not a data file of the archive', () => {
    const notYtd = 'is not a data file of the X archive: it does not start with';
    expect(fails('manifest.js', fixture('manifest.js').text)).toThrow(`manifest.js ${notYtd}`);
    expect(fails('following.js', 'window.YTD_following = []')).toThrow(`following.js ${notYtd}`);
    expect(fails('following.js', 'window.YTD.following = []')).toThrow(`following.js ${notYtd}`);
    expect(fails('Connections.csv', 'First Name,Last Name\nAda,Quill')).toThrow(
      `Connections.csv ${notYtd}`,
    );
    expect(fails('junk.bin', '\u0000PK\u0003\u0004\u0000\u00ff\u00fe')).toThrow(
      `junk.bin ${notYtd}`,
    );
  });

  it('rejects a file cut off in the middle', () => {
    const cut = 'window.YTD.following.part0 = [ {"following": {"accountId": "12';
    expect(fails('following.js', cut)).toThrow(
      'following.js is damaged: its data ends too early (the file may be cut off).',
    );
    expect(fails('following.js', 'window.YTD.following.part0 = ')).toThrow(
      'following.js is damaged: its data ends too early',
    );
    expect(fails('following.js', 'window.YTD.following.part0 = [{"following": {}}')).toThrow(
      'following.js is damaged: its data ends too early',
    );
  });

  it('says at which line and column the data breaks', () => {
    const broken = [
      'window.YTD.following.part0 = [',
      '  {"following": {"accountId": "2001"}}',
      '  {"following": {"accountId": "2002"}}',
      ']',
    ].join('\n');
    expect(fails('following.js', broken)).toThrow(
      'following.js is damaged: its data breaks at line 3, column 3.',
    );
    expect(fails('following.js', 'window.YTD.following.part0 = [1,,2]')).toThrow(
      'following.js is damaged: its data breaks at line 1, column 33.',
    );
  });

  it('rejects data that is not a list', () => {
    expect(fails('following.js', 'window.YTD.following.part0 = {"following": {}}')).toThrow(
      'following.js is damaged: window.YTD.following.part0 does not hold a list.',
    );
  });

  it('throws for one damaged file among good ones', () => {
    expect(() => readXArchive([...ARCHIVE, file('data/follower.js', '')])).toThrow(
      'follower.js is empty',
    );
  });

  it('never crashes on odd but valid JSON', () => {
    for (const data of [
      [null, 1, 'x', [], {}],
      [{ dmConversation: null }, { dmConversation: { messages: 'no' } }],
      [{ dmConversation: { conversationId: 5, messages: [null, 1, { messageCreate: [] }] } }],
      [{ account: { accountId: '1000', username: 42 } }, { account: { accountId: '1001' } }],
      [{ tweet: { entities: { user_mentions: [null, { id_str: '5', screen_name: '!!' }] } } }],
    ]) {
      for (const name of [
        'following',
        'direct_messages',
        'direct_messages_group',
        'account',
        'tweets',
      ]) {
        expect(() => readXArchive([file(`${name}.js`, ytd(name, data))]), name).not.toThrow();
      }
    }
  });

  it('either reads or throws a plain Error naming the file for every cut of the fixtures', () => {
    for (const picked of ARCHIVE) {
      const step = Math.max(1, Math.floor(picked.text.length / 60));
      for (let end = 0; end < picked.text.length; end += step) {
        const cut = { name: picked.name, text: picked.text.slice(0, end) };
        try {
          readXArchive([cut]);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/^[a-z0-9-]+\.js (is empty|is not|is damaged)/);
        }
      }
    }
  });
});
