import { readPage } from '@/lib/sites';
import type { PersonRef } from '@/lib/sites/types';

interface ExpectedReading {
  url: string;
  subject: PersonRef | null;
  people: PersonRef[];
}

// Every fixture pair, shared and our own variants: NAME.html served at NAME.json's url.
const RAW = import.meta.glob<string>(['../../fixtures/**/*.html', '../../fixtures/**/*.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const pairs = Object.keys(RAW)
  .filter((path) => path.endsWith('.json') && !/\/(db|backup)\//.test(path))
  .map((jsonPath) => {
    const htmlPath = jsonPath.replace(/\.json$/, '.html');
    const expected = JSON.parse(RAW[jsonPath] ?? '{}') as ExpectedReading;
    return { name: jsonPath.replace('../../fixtures/', ''), expected, html: RAW[htmlPath] };
  });

/** Only what the contract fixes: identity key and display name. */
const essentials = (person: PersonRef | null) => person && { key: person.key, name: person.name };

describe('readPage on every fixture', () => {
  it('has fixtures for every site, each with its page', () => {
    for (const site of ['linkedin/', 'x/', 'blog/']) {
      expect(pairs.some((pair) => pair.name.startsWith(site))).toBe(true);
    }
    for (const pair of pairs) expect(pair.html, pair.name).toBeTypeOf('string');
  });

  it.each(pairs)('$name', ({ expected, html }) => {
    const url = new URL(expected.url);
    const doc = new DOMParser().parseFromString(html ?? '', 'text/html');
    const reading = readPage(doc, url);
    expect(essentials(reading.subject)).toEqual(essentials(expected.subject));
    expect(reading.people.map(essentials)).toEqual(expected.people.map(essentials));
  });

  it('never throws on a page it does not know', () => {
    const doc = new DOMParser().parseFromString('<p>hello</p>', 'text/html');
    for (const href of [
      'https://www.linkedin.com/jobs/',
      'https://x.com/settings/account',
      'https://example.com/',
      'https://www.linkedin.com/in/someone/',
    ]) {
      expect(() => readPage(doc, new URL(href))).not.toThrow();
    }
  });
});
