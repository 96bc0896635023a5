import {
  columnName,
  DraftCollector,
  emailKey,
  findHeader,
  linkedInProfileFromCell,
  parseCsv,
} from '../../../../lib/imports/linkedin/csv';
import { parseDay, parseTime } from '../../../../lib/imports/linkedin/dates';

describe('linkedInProfileFromCell', () => {
  it('reads every form of a profile address to one key and canonical address', () => {
    for (const raw of [
      'https://www.linkedin.com/in/ada-quill-4b21a',
      'http://linkedin.com/in/ada-quill-4b21a/',
      'linkedin.com/in/Ada-Quill-4b21a',
      'www.linkedin.com/in/ada-quill-4b21a/details/experience/',
      '//uk.linkedin.com/in/ada-quill-4b21a?trk=x',
      '  https://www.linkedin.com/in/ada-quill-4b21a  ',
    ]) {
      expect(linkedInProfileFromCell(raw)).toEqual({
        key: 'linkedin:ada-quill-4b21a',
        url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
      });
    }
  });

  it('keeps the case of member ids', () => {
    expect(linkedInProfileFromCell('https://www.linkedin.com/in/ACoAABxyZ12')?.key).toBe(
      'linkedin:ACoAABxyZ12',
    );
  });

  it('refuses what is not a member profile', () => {
    for (const raw of [
      '',
      'https://www.linkedin.com/company/acme',
      'https://www.linkedin.com/in/me',
      'https://example.com/in/ada',
      'javascript:alert(1)',
      'Ada Quill',
      `https://www.linkedin.com/in/${'a'.repeat(9000)}`,
    ]) {
      expect(linkedInProfileFromCell(raw)).toBeNull();
    }
  });
});

describe('emailKey', () => {
  it('lower-cases an address and refuses text', () => {
    expect(emailKey(' Bo.Lind@Example.COM ')).toBe('email:bo.lind@example.com');
    expect(emailKey('bo at example.com')).toBeNull();
    expect(emailKey('a@b')).toBeNull();
    expect(emailKey('')).toBeNull();
  });
});

describe('parseCsv and findHeader', () => {
  it('numbers rows as a spreadsheet does, whatever the line ends', () => {
    const table = parseCsv('\uFEFFa,b\r"x\ny",2\r\n\nz,3');
    expect(table.rows).toEqual([['a', 'b'], ['x\ny', '2'], [''], ['z', '3']]);
    expect(table.broken.size).toBe(0);
  });

  it('finds a header below a preamble, by names in any case and spacing', () => {
    const table = parseCsv('Notes:\n"a, note"\n\n Conversation_ID ,FROM\n1,2');
    const header = findHeader(table.rows, (names) => names.has('conversationid'));
    expect(header?.index).toBe(3);
    expect(header?.column('CONVERSATION ID')).toBe(0);
    expect(header?.column('from')).toBe(1);
    expect(header?.column('to')).toBeUndefined();
    expect(columnName('\uFEFFIS MESSAGE  DRAFT')).toBe('ismessagedraft');
  });
});

describe('DraftCollector', () => {
  it('merges two people that a third shows to be one, and moves their interactions', () => {
    const collector = new DraftCollector();
    const a = collector.addPerson({ ref: 'x', name: 'A', identities: [{ key: 'linkedin:a' }] });
    const b = collector.addPerson({ ref: 'y', name: '', identities: [{ key: 'email:a@x.org' }] });
    collector.addInteraction({
      personRef: b,
      at: '2025-01-01T00:00:00.000Z',
      kind: 'other',
      direction: 'in',
      summary: 's',
    });
    const c = collector.addPerson({
      ref: 'z',
      name: 'Other',
      identities: [
        { key: 'email:a@x.org' },
        { key: 'linkedin:a', url: 'https://www.linkedin.com/in/a/' },
      ],
      why: 'why',
      tags: ['t'],
    });
    const draft = collector.finish('s', []);
    expect(c).toBe(a);
    expect(draft.people).toEqual([
      {
        ref: 'linkedin:a',
        name: 'A',
        identities: [
          { key: 'linkedin:a', url: 'https://www.linkedin.com/in/a/' },
          { key: 'email:a@x.org' },
        ],
        why: 'why',
        tags: ['t'],
      },
    ]);
    expect(draft.interactions.map((i) => i.personRef)).toEqual(['linkedin:a']);
  });
});

describe('dates', () => {
  it('reads connection days at noon UTC', () => {
    expect(parseDay('15 Mar 2024')).toBe('2024-03-15T12:00:00.000Z');
    expect(parseDay('1 Jul 2021')).toBe('2021-07-01T12:00:00.000Z');
    expect(parseDay(' 01  JUL  2021 ')).toBe('2021-07-01T12:00:00.000Z');
    expect(parseDay('15 March 2024')).toBe('2024-03-15T12:00:00.000Z');
    expect(parseDay('2024-03-15')).toBe('2024-03-15T12:00:00.000Z');
    expect(parseDay('03/15/24')).toBe('2024-03-15T12:00:00.000Z');
    expect(parseDay('3/5/2024')).toBe('2024-03-05T12:00:00.000Z');
  });

  it('refuses what is not a day', () => {
    for (const text of [
      '',
      '31 Feb 2024',
      '15/03/24',
      'Mar 2024',
      '15 Mar 2024 extra',
      '1 Jan 1900',
      'soon',
    ]) {
      expect(parseDay(text)).toBeNull();
    }
  });

  it('reads message times as UTC unless they say otherwise', () => {
    expect(parseTime('2025-06-01 14:03:22 UTC')).toBe('2025-06-01T14:03:22.000Z');
    expect(parseTime('2025-06-01 14:03:22')).toBe('2025-06-01T14:03:22.000Z');
    expect(parseTime('2025-06-01T14:03:22Z')).toBe('2025-06-01T14:03:22.000Z');
    expect(parseTime('2025-06-01 14:03 UTC')).toBe('2025-06-01T14:03:00.000Z');
    expect(parseTime('2025-06-01 14:03:22 +02:00')).toBe('2025-06-01T12:03:22.000Z');
    for (const text of [
      '',
      '2025-06-01',
      'yesterday',
      '2025-13-01 10:00:00 UTC',
      '2025-06-01 25:00:00 UTC',
      '2025-06-01 10:00:00 UTC later',
    ]) {
      expect(parseTime(text)).toBeNull();
    }
  });

  it('does not depend on the computer’s time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'America/Santiago']) {
        process.env.TZ = zone;
        expect(parseDay('15 Mar 2024')).toBe('2024-03-15T12:00:00.000Z');
        // A night when clocks in Santiago skip an hour.
        expect(parseDay('7 Sep 2025')).toBe('2025-09-07T12:00:00.000Z');
        expect(parseTime('2025-03-09 02:30:00 UTC')).toBe('2025-03-09T02:30:00.000Z');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
