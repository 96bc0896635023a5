import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { ImportDraft, PickedFile } from '@/lib/imports/draft';
import { isVCardFile, readVCards, xIdKeyFromUrl } from '@/lib/imports/vcard';
import { identityKeySchema, webUrlSchema } from '@/lib/messaging/schemas';
import { MAX_WHY_LENGTH } from '@/lib/model/limits';

const FIXTURES = resolve(__dirname, '../../fixtures/imports/vcard');
const FIXTURE_NAMES = [
  'phone-3.0.vcf',
  'contacts-4.0.vcf',
  'hostile-names.vcf',
  'damaged.vcf',
  'android-2.1.vcf',
  'duplicates.vcf',
];

function fixture(name: string): PickedFile {
  // Decoded by Node as the browser's File.text() would: a BOM and CRLF reach the reader as-is.
  return { name, text: readFileSync(resolve(FIXTURES, name), 'utf8') };
}

function card(...lines: string[]): string {
  return ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD', ''].join('\r\n');
}

function read(text: string, name = 'contacts.vcf'): ImportDraft {
  return readVCards({ name, text });
}

describe('isVCardFile', () => {
  it.each([
    ['a card', 'BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n'],
    ['a BOM and blank lines first', '\uFEFF\r\n\r\n  BEGIN:VCARD\nEND:VCARD'],
    ['lower case', 'begin:vcard\nend:vcard\n'],
    ['only the first line', 'BEGIN:VCARD'],
  ])('accepts %s', (_, text) => {
    expect(isVCardFile({ name: 'x.vcf', text })).toBe(true);
  });

  it.each([
    ['an empty file', ''],
    ['a CSV', 'Name,Email\nAda,ada@quill.example\n'],
    ['a calendar', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'],
    ['a longer word', 'BEGIN:VCARDS\nEND:VCARDS'],
    ['text before the first card', 'Exported contacts\nBEGIN:VCARD\nEND:VCARD'],
  ])('refuses %s', (_, text) => {
    expect(isVCardFile({ name: 'x.vcf', text })).toBe(false);
  });

  it('tells the fixtures apart', () => {
    expect(isVCardFile(fixture('phone-3.0.vcf'))).toBe(true);
    expect(isVCardFile(fixture('contacts-4.0.vcf'))).toBe(true);
    expect(isVCardFile(fixture('junk.vcf'))).toBe(false);
    expect(isVCardFile(fixture('empty.vcf'))).toBe(false);
  });
});

describe('readVCards on a phone export (vCard 3.0, Apple style)', () => {
  const file = fixture('phone-3.0.vcf');
  const draft = readVCards(file);

  it('is the file a phone writes: BOM, CRLF, a folded photo', () => {
    expect(file.text.charCodeAt(0)).toBe(0xfeff);
    expect(file.text).toContain('\r\n ');
    expect(draft.source).toBe('vCard');
    expect(draft.interactions).toEqual([]);
  });

  it('reads names, escaped colons in addresses, social profiles, notes and categories', () => {
    expect(draft.people).toEqual([
      {
        ref: 'email:ada.quill@quill.example',
        name: 'Ada Quill',
        identities: [
          { key: 'email:ada.quill@quill.example' },
          {
            key: 'linkedin:ada-quill-4b21a',
            url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
          },
          { key: 'web:ada.quill.example/blog', url: 'http://ada.quill.example/blog/' },
          { key: 'x:adaquill', url: 'https://x.com/adaquill' },
        ],
        why: 'Runs the data meetup; wants speakers, especially on privacy',
        tags: ['meetup', 'speakers'],
      },
      {
        ref: 'x:pipwellings',
        name: 'Pip Wellings',
        identities: [
          { key: 'x:pipwellings', url: 'https://x.com/pipwellings' },
          { key: 'linkedin:pip-wellings', url: 'https://www.linkedin.com/in/pip-wellings/' },
        ],
      },
      {
        ref: 'email:elodie@marchand.example',
        name: 'Élodie Marchand',
        identities: [{ key: 'email:elodie@marchand.example' }],
        tags: ['conf 2026, Lyon'],
      },
    ]);
  });

  it('skips a card with only a phone number, naming it', () => {
    expect(draft.problems).toEqual([
      'phone-3.0.vcf card 3 ("Dee the Plumber"): no profile address or email address; skipped',
    ]);
  });
});

describe('readVCards on a vCard 4.0 file', () => {
  const draft = readVCards(fixture('contacts-4.0.vcf'));

  it('reads every kind of address, folded lines and escapes', () => {
    expect(draft.people).toEqual([
      {
        ref: 'email:rosa@lindqvist.example',
        name: 'Rosa Okonkwo-Lindqvist',
        identities: [
          { key: 'email:rosa@lindqvist.example' },
          {
            key: 'web:rosa-lindqvist.example/writing/notes-on-accessible-charts',
            url: 'https://www.rosa-lindqvist.example/writing/notes-on-accessible-charts/?utm_source=card#top',
          },
          {
            key: 'x-id:1480000000000000001',
            url: 'https://x.com/i/user/1480000000000000001',
          },
          { key: 'web:rosalind.blogspot.com', url: 'https://rosalind.blogspot.com/' },
          {
            key: 'blogger:01234567890123456789',
            url: 'https://www.blogger.com/profile/01234567890123456789',
          },
        ],
        why: 'Met at the Lisbon web conference, spoke about accessible charts; wants an intro to the data meetup. Second line after a break and more.',
        tags: ['lisbon', 'accessibility'],
      },
      {
        ref: 'web:tomasz.wrzos.example/about',
        name: 'Tomasz Wrzos',
        identities: [
          { key: 'web:tomasz.wrzos.example/about', url: 'https://tomasz.wrzos.example/about' },
        ],
      },
      {
        ref: 'x:ines_b',
        name: 'Ines Maria Bergstrom PhD',
        identities: [{ key: 'x:ines_b', url: 'https://x.com/ines_b' }],
      },
    ]);
  });

  it('reports the addresses it leaves out', () => {
    expect(draft.problems).toEqual([
      'contacts-4.0.vcf card 1 ("Rosa Okonkwo-Lindqvist"): URL "https://www.linkedin.com/company/lindqvist-charts/" names no profile; left out',
      'contacts-4.0.vcf card 2 ("Tomasz Wrzos"): URL "ftp://files.wrzos.example/" names no profile; left out',
      'contacts-4.0.vcf card 2 ("Tomasz Wrzos"): "not-an-address" is not an email address; left out',
    ]);
  });
});

describe('readVCards on hostile names', () => {
  const draft = readVCards(fixture('hostile-names.vcf'));

  it('keeps markup as text, drops bidi and zero-width characters, keeps a 10,000-character name', () => {
    expect(draft.people.map((person) => person.name)).toEqual([
      '<img src=x onerror=alert(1)> <b>Mallory</b>',
      'evil Eve ZeroWidth',
      `Ada ${'Ñ'.repeat(9996)}`,
      '=HYPERLINK("https://evil.example","click")',
    ]);
    expect(draft.people[2]?.name).toHaveLength(10_000);
    expect(draft.people[0]?.why).toBe('<script>alert("why")</script>');
    expect(draft.people[3]?.tags).toEqual(['+cmd', '@sum', '-1']);
    expect(draft.problems).toEqual([]);
  });
});

describe('readVCards on damaged files', () => {
  it('reads the good cards and names each bad one', () => {
    const draft = readVCards(fixture('damaged.vcf'));
    expect(draft.people).toEqual([
      {
        ref: 'email:before@good.example',
        name: 'Good Before',
        identities: [{ key: 'email:before@good.example' }],
      },
      {
        ref: 'web:after.good.example',
        name: 'Good After',
        identities: [{ key: 'web:after.good.example', url: 'https://after.good.example/' }],
      },
    ]);
    expect(draft.problems).toEqual([
      'damaged.vcf line 1: 2 lines outside any card; ignored',
      'damaged.vcf card 2: could not be read ("invalid line (no token ";" or ":") "this line has neither a colon nor a semicol…"); skipped',
      'damaged.vcf card 3: no END:VCARD before the next card or the end of the file; skipped',
    ]);
  });

  it('reads vCard 2.1 cards ical.js accepts (quoted-printable names) and names the others', () => {
    const draft = readVCards(fixture('android-2.1.vcf'));
    expect(draft.people).toEqual([
      {
        ref: 'email:elodie@marchand.example',
        name: 'Élodie Marchand',
        identities: [{ key: 'email:elodie@marchand.example' }],
      },
    ]);
    expect(draft.problems).toEqual([
      `android-2.1.vcf card 2: could not be read ("Invalid parameters in 'TEL;CELL:+33612345678'"); skipped`,
      'android-2.1.vcf card 3: could not be read ("invalid line (no token ";" or ":") "second line""); skipped',
    ]);
  });

  it('throws a clear error for a file without cards', () => {
    expect(() => readVCards(fixture('empty.vcf'))).toThrow(
      'empty.vcf is empty: there are no contacts to read.',
    );
    expect(() => read(' \r\n\t\r\n', 'blank.vcf')).toThrow('blank.vcf is empty');
    expect(() => readVCards(fixture('junk.vcf'))).toThrow(
      'junk.vcf is not a vCard file: no line says BEGIN:VCARD.',
    );
  });

  it('names the file without its folders', () => {
    expect(() => read('', 'C:\\Users\\ada\\contacts.vcf')).toThrow('contacts.vcf is empty');
  });

  it('gives no people but problems when every card is damaged', () => {
    const draft = read('BEGIN:VCARD\nVERSION:4.0\nFN:Only\n');
    expect(draft.people).toEqual([]);
    expect(draft.problems).toEqual([
      'contacts.vcf card 1: no END:VCARD before the next card or the end of the file; skipped',
    ]);
  });
});

describe('readVCards on duplicate and shared addresses', () => {
  const draft = readVCards(fixture('duplicates.vcf'));

  it('reads the same person twice as one, and leaves out an address colleagues share', () => {
    expect(draft.people).toEqual([
      {
        ref: 'email:ada@quill.example',
        name: 'Ada Quill',
        identities: [
          { key: 'email:ada@quill.example' },
          {
            key: 'linkedin:ada-quill-4b21a',
            url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
          },
        ],
        why: 'Runs the data meetup; Speaks on privacy',
        tags: ['meetup', 'speakers'],
      },
      {
        ref: 'email:lars@hemming.example',
        name: 'Lars Hemming',
        identities: [{ key: 'email:lars@hemming.example' }],
      },
    ]);
    expect(draft.problems).toEqual([
      'duplicates.vcf cards 2 and 4: web:acme.example is on cards with different names, so it tells none of them apart; left out',
      'duplicates.vcf cards 1 and 3: the same name and email:ada@quill.example; read as one person',
      `duplicates.vcf card 4 ("Mia Acme"): its only addresses are on other people's cards too; skipped`,
    ]);
  });

  it('joins cards linked through different keys into one person', () => {
    const draft = read(
      card('FN:Ada Quill', 'EMAIL:ada@quill.example') +
        card('FN:Ada Quill', 'URL:https://x.com/adaquill') +
        card('FN:Ada Quill', 'URL:https://x.com/adaquill', 'EMAIL:ada@quill.example'),
    );
    expect(draft.people).toEqual([
      {
        ref: 'email:ada@quill.example',
        name: 'Ada Quill',
        identities: [
          { key: 'email:ada@quill.example' },
          { key: 'x:adaquill', url: 'https://x.com/adaquill' },
        ],
      },
    ]);
    expect(draft.problems).toEqual([
      'contacts.vcf cards 1, 2 and 3: the same name and email:ada@quill.example; read as one person',
    ]);
  });
});

describe('readVCards, value by value', () => {
  it('takes N, then ORG, when there is no FN, and "" when there is neither', () => {
    const draft = read(
      card('N:Quill;Ada;Lovelace;Dr.;PhD', 'EMAIL:a@quill.example') +
        card('ORG:Quill Data;Research', 'EMAIL:b@quill.example') +
        card('FN:', 'EMAIL:c@quill.example'),
    );
    expect(draft.people.map((person) => person.name)).toEqual([
      'Dr. Ada Lovelace Quill PhD',
      'Quill Data',
      '',
    ]);
  });

  it('reads old Mac line ends, tab-folded lines and escapes in every text value', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Quill\\, Ada',
      'EMAIL:ada@quill',
      '\t.example',
      'NOTE:one\\, two\\; three\\\\four',
      'CATEGORIES:a\\,b,c\\;d',
      'END:VCARD',
    ].join('\r');
    expect(read(text).people).toEqual([
      {
        ref: 'email:ada@quill.example',
        name: 'Quill, Ada',
        identities: [{ key: 'email:ada@quill.example' }],
        why: 'one, two; three\\four',
        tags: ['a,b', 'c;d'],
      },
    ]);
  });

  it('reads addresses without a scheme, with mailto:, and ignores other schemes', () => {
    const draft = read(
      card(
        'FN:Ada Quill',
        'URL:www.Quill.example/talks/',
        'URL:mailto:ada@quill.example',
        'EMAIL:MAILTO:Ada@Quill.Example',
        'URL:javascript:alert(1)',
      ),
    );
    expect(draft.people[0]?.identities).toEqual([
      { key: 'web:quill.example/talks', url: 'https://www.quill.example/talks/' },
      { key: 'email:ada@quill.example' },
    ]);
    expect(draft.problems).toEqual([
      'contacts.vcf card 1 ("Ada Quill"): URL "mailto:ada@quill.example" names no profile; left out',
      'contacts.vcf card 1 ("Ada Quill"): URL "javascript:alert(1)" names no profile; left out',
    ]);
  });

  it('takes LinkedIn and X only from X-SOCIALPROFILE and IMPP', () => {
    const draft = read(
      card(
        'FN:Ada Quill',
        'X-SOCIALPROFILE;TYPE=facebook:https://facebook.example/ada',
        'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/ada-quill-4b21a',
        'X-SOCIALPROFILE;TYPE=twitter:x-apple:@AdaQuill',
        'IMPP;X-SERVICE-TYPE=Skype:skype:ada.quill',
        'IMPP:xmpp:ada@quill.example',
        'IMPP;X-SERVICE-TYPE=Twitter:x-apple:not a handle',
      ),
    );
    expect(draft.people[0]?.identities).toEqual([
      { key: 'linkedin:ada-quill-4b21a', url: 'https://www.linkedin.com/in/ada-quill-4b21a/' },
      { key: 'x:adaquill', url: 'https://x.com/adaquill' },
    ]);
    expect(draft.problems).toEqual([]);
  });

  it('keeps each key once per card', () => {
    const draft = read(
      card(
        'FN:Ada Quill',
        'URL:https://x.com/AdaQuill',
        'URL:https://twitter.com/adaquill/status/1',
        'X-SOCIALPROFILE;TYPE=twitter;X-USER=adaquill:x-apple:adaquill',
      ),
    );
    expect(draft.people[0]?.identities).toEqual([
      { key: 'x:adaquill', url: 'https://x.com/adaquill' },
    ]);
  });

  it('joins notes on one line and cuts a note longer than the limit', () => {
    const draft = read(
      card('FN:Ada Quill', 'EMAIL:ada@quill.example', 'NOTE:first\\n\\nsecond', 'NOTE:third') +
        card('FN:Pip Wellings', 'EMAIL:pip@wellings.example', `NOTE:${'w'.repeat(25_000)}`),
    );
    expect(draft.people[0]?.why).toBe('first second third');
    expect(draft.people[1]?.why).toBe(`${'w'.repeat(MAX_WHY_LENGTH - 1)}…`);
    expect(draft.problems).toEqual([
      `contacts.vcf card 2 ("Pip Wellings"): note longer than ${MAX_WHY_LENGTH} characters; cut`,
    ]);
  });

  it('reads the address X gives an account by number', () => {
    expect(xIdKeyFromUrl('https://x.com/i/user/12345')).toBe('x-id:12345');
    expect(xIdKeyFromUrl('https://twitter.com/i/user/12345/')).toBe('x-id:12345');
    expect(xIdKeyFromUrl('https://x.com/i/user/ada')).toBeNull();
    expect(xIdKeyFromUrl('https://example.com/i/user/12345')).toBeNull();
    expect(xIdKeyFromUrl('not a url')).toBeNull();
  });
});

describe('readVCards output', () => {
  it.each(FIXTURE_NAMES)('%s: valid keys and addresses, each key owned once', (name) => {
    const draft = readVCards(fixture(name));
    const keys = draft.people.flatMap((person) => person.identities.map(({ key }) => key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const person of draft.people) {
      expect(person.identities.length).toBeGreaterThan(0);
      expect(person.ref).toBe(person.identities[0]?.key);
      for (const identity of person.identities) {
        expect(identityKeySchema.safeParse(identity.key).success).toBe(true);
        if (identity.url !== undefined) {
          expect(webUrlSchema.safeParse(identity.url).success).toBe(true);
        }
      }
    }
  });
});

describe('readVCards on any input', () => {
  const EXPECTED_ERRORS = /^\S+ (is empty: there are no contacts to read\.|is not a vCard file: )/;

  function readsOrRefuses(text: string): void {
    try {
      const draft = read(text);
      for (const problem of draft.problems) expect(problem).toMatch(/^contacts\.vcf (card|line)/);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(EXPECTED_ERRORS);
    }
  }

  it.each(['phone-3.0.vcf', 'contacts-4.0.vcf', 'damaged.vcf', 'duplicates.vcf'])(
    'never fails other than with a sentence, wherever %s is cut',
    (name) => {
      const { text } = fixture(name);
      for (let end = 0; end <= text.length; end += 3) readsOrRefuses(text.slice(0, end));
      for (let start = 0; start <= text.length; start += 7) readsOrRefuses(text.slice(start));
    },
  );

  it('reads 10,000 cards (nothing quadratic)', () => {
    const cards = Array.from({ length: 10_000 }, (_, index) =>
      card(`FN:Person ${index}`, `EMAIL:p${index}@many.example`, 'URL:https://shared.example/'),
    );
    const started = performance.now();
    const draft = read(cards.join(''));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(draft.people).toHaveLength(10_000);
    expect(draft.people[9_999]?.identities).toEqual([{ key: 'email:p9999@many.example' }]);
    expect(draft.problems).toEqual([
      'contacts.vcf cards 1, 2, 3, 4, 5 and 9995 more: web:shared.example is on cards with different names, so it tells none of them apart; left out',
    ]);
  });
});
