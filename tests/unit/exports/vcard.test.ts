import ICAL from 'ical.js';

import { backupToVCards, identityAddress } from '@/lib/exports/vcard';
import { readVCards } from '@/lib/imports/vcard';

import { backupOf, person } from './backup-builder';

describe('backupToVCards', () => {
  it('writes one vCard 4.0 per person: FN, URL and EMAIL in identity order, NOTE, CATEGORIES', () => {
    const backup = backupOf({
      people: [
        person({
          id: 'p-1',
          name: 'Ada Quill',
          identities: [
            {
              key: 'linkedin:ada-quill-4b21a',
              url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
            },
            { key: 'email:ada@quill.example' },
            { key: 'x:adaquill' },
          ],
          why: 'Runs the data meetup; wants speakers, maybe',
          tags: ['meetup', 'speakers, later'],
        }),
        person({
          id: 'p-2',
          name: 'Pip Wellings',
          identities: [{ key: 'named:blog.example:pip' }],
        }),
      ],
    });
    expect(backupToVCards(backup)).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Ada Quill',
        'URL:https://www.linkedin.com/in/ada-quill-4b21a/',
        'EMAIL:ada@quill.example',
        'URL:https://x.com/adaquill',
        'NOTE:Runs the data meetup; wants speakers\\, maybe',
        'CATEGORIES:meetup,speakers\\, later',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Pip Wellings',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('gives an empty text for a backup without people', () => {
    expect(backupToVCards(backupOf({}))).toBe('');
  });

  it('folds long lines at 75 octets without cutting a character', () => {
    const name = `Ada ${'Ñ'.repeat(300)} 😀${'x'.repeat(200)}`;
    const text = backupToVCards(
      backupOf({ people: [person({ id: 'p-1', name, identities: [{ key: 'x:ada' }] })] }),
    );
    const lines = text.split('\r\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(readVCards({ name: 'a.vcf', text }).people[0]?.name).toBe(name);
    // The fold length is ical.js's global setting: the export puts it back.
    expect(ICAL.foldLength).toBe(75);
  });
});

describe('identityAddress', () => {
  it('keeps an identity’s own address when it names the same key', () => {
    expect(
      identityAddress({
        key: 'web:ada.example/blog',
        url: 'http://www.ada.example/blog/?from=card',
      }),
    ).toBe('http://www.ada.example/blog/?from=card');
    expect(
      identityAddress({ key: 'linkedin:ada-quill', url: 'https://linkedin.com/in/Ada-Quill' }),
    ).toBe('https://linkedin.com/in/Ada-Quill');
  });

  it('builds the address from the key when there is none, or it names someone else', () => {
    expect(identityAddress({ key: 'linkedin:ada-quill' })).toBe(
      'https://www.linkedin.com/in/ada-quill/',
    );
    expect(
      identityAddress({ key: 'linkedin:ada-quill', url: 'https://www.linkedin.com/in/other/' }),
    ).toBe('https://www.linkedin.com/in/ada-quill/');
    expect(identityAddress({ key: 'x:adaquill' })).toBe('https://x.com/adaquill');
    expect(identityAddress({ key: 'x-id:12345' })).toBe('https://x.com/i/user/12345');
    expect(identityAddress({ key: 'blogger:0123' })).toBe('https://www.blogger.com/profile/0123');
    expect(identityAddress({ key: 'web:ada.example/blog' })).toBe('https://ada.example/blog');
  });

  it('has none for email and named keys', () => {
    expect(identityAddress({ key: 'email:ada@quill.example' })).toBeUndefined();
    expect(identityAddress({ key: 'named:blog.example:ada quill' })).toBeUndefined();
  });
});

describe('backupToVCards then readVCards', () => {
  const hostile = `<b>Zoë</b> "Ø'Brien", Jr.; \\ ${'ß'.repeat(10_000)}`;
  const backup = backupOf({
    people: [
      person({
        id: 'p-1',
        name: 'Ada Quill',
        identities: [
          { key: 'linkedin:ada-quill-4b21a', url: 'https://www.linkedin.com/in/ada-quill-4b21a/' },
          { key: 'email:ada@quill.example' },
          { key: 'x:adaquill', url: 'https://x.com/adaquill' },
          { key: 'web:ada.quill.example/blog', url: 'http://ada.quill.example/blog/?ref=1' },
        ],
        why: 'Runs the data meetup; wants speakers, on: privacy',
        tags: ['meetup', 'speakers, later', 'a;b'],
      }),
      person({
        id: 'p-2',
        name: 'Pip Wellings',
        identities: [
          { key: 'x-id:1480000000000000001' },
          { key: 'blogger:01234567890123456789' },
          { key: 'web:pip.example' },
          { key: 'named:blog.example:pip wellings' },
        ],
      }),
      person({
        id: 'p-3',
        name: hostile,
        identities: [{ key: 'email:zoe@obrien.example' }],
        why: '=HYPERLINK("https://evil.example") \\n is not a line break',
      }),
      person({ id: 'p-4', name: '', identities: [{ key: 'email:nameless@quill.example' }] }),
      person({ id: 'p-5', name: 'Only Named', identities: [{ key: 'named:blog.example:only' }] }),
    ],
  });
  const draft = readVCards({ name: 'acquaint.vcf', text: backupToVCards(backup) });

  it('gives back names, identities (with addresses), why and tags', () => {
    expect(draft.people).toEqual([
      {
        ref: 'linkedin:ada-quill-4b21a',
        name: 'Ada Quill',
        identities: [
          { key: 'linkedin:ada-quill-4b21a', url: 'https://www.linkedin.com/in/ada-quill-4b21a/' },
          { key: 'email:ada@quill.example' },
          { key: 'x:adaquill', url: 'https://x.com/adaquill' },
          { key: 'web:ada.quill.example/blog', url: 'http://ada.quill.example/blog/?ref=1' },
        ],
        why: 'Runs the data meetup; wants speakers, on: privacy',
        tags: ['meetup', 'speakers, later', 'a;b'],
      },
      {
        ref: 'x-id:1480000000000000001',
        name: 'Pip Wellings',
        identities: [
          { key: 'x-id:1480000000000000001', url: 'https://x.com/i/user/1480000000000000001' },
          {
            key: 'blogger:01234567890123456789',
            url: 'https://www.blogger.com/profile/01234567890123456789',
          },
          { key: 'web:pip.example', url: 'https://pip.example/' },
        ],
      },
      {
        ref: 'email:zoe@obrien.example',
        name: hostile,
        identities: [{ key: 'email:zoe@obrien.example' }],
        why: '=HYPERLINK("https://evil.example") \\n is not a line break',
      },
      {
        ref: 'email:nameless@quill.example',
        name: '',
        identities: [{ key: 'email:nameless@quill.example' }],
      },
    ]);
  });

  it('loses only named: keys, and a person who has nothing else', () => {
    expect(draft.problems).toEqual([
      'acquaint.vcf card 5 ("Only Named"): no profile address or email address; skipped',
    ]);
  });
});

describe('backupToVCards then readVCards, a known loss', () => {
  it('reads a backslash written just before a semicolon as an escape (ical.js leaves `\\;` to us)', () => {
    const backup = backupOf({
      people: [
        person({
          id: 'p-1',
          name: 'Ada Quill',
          identities: [{ key: 'email:ada@quill.example' }],
          why: 'path C:\\;D:\\',
        }),
      ],
    });
    const draft = readVCards({ name: 'a.vcf', text: backupToVCards(backup) });
    expect(draft.people[0]?.why).toBe('path C:;D:\\');
  });
});
