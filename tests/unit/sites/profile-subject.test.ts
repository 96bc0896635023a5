import { readSubject, subjectKeyFromUrl } from '../../../lib/sites/index';

interface Fixture {
  url: string;
  site: string;
  pageKind: string;
  subject: { key: string; name: string } | null;
  /** Variants only: the key the URL gives while the page has not rendered the subject. */
  subjectKey?: string | null;
}

const RAW_FILES = import.meta.glob<string>(
  [
    '../../fixtures/{linkedin,x}/*.{html,json}',
    '../../fixtures/{linkedin,x}-variants/*.{html,json}',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** [name, fixture, page] for every NAME.json beside a NAME.html. */
const ALL: [string, Fixture, string][] = Object.entries(RAW_FILES)
  .filter(([path]) => path.endsWith('.json'))
  .map(([path, json]) => {
    const html = RAW_FILES[path.replace(/\.json$/, '.html')];
    if (html === undefined) throw new Error(`${path} has no page beside it`);
    return [path.replace('../../fixtures/', ''), JSON.parse(json) as Fixture, html];
  });

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('fixtures', () => {
  it('include rendered, unrendered and non-profile pages of both sites', () => {
    for (const siteId of ['linkedin', 'x']) {
      const site = ALL.map(([, f]) => f).filter((f) => f.site === siteId);
      const profiles = site.filter((f) => f.pageKind === 'profile');
      expect(profiles.filter((f) => f.subject !== null).length).toBeGreaterThanOrEqual(3);
      expect(profiles.filter((f) => f.subject === null).length).toBeGreaterThanOrEqual(2);
      expect(site.filter((f) => f.pageKind !== 'profile').length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.each(ALL)('%s', (_name, fixture, html) => {
  const url = new URL(fixture.url);

  if (fixture.pageKind === 'profile') {
    it('reads the subject the fixture expects', () => {
      const subject = readSubject(parse(html), url);
      if (fixture.subject === null) {
        expect(subject).toBeNull();
      } else {
        expect(subject).toMatchObject(fixture.subject);
        expect(subject?.url).toMatch(/^https:\/\//);
        expect(subjectKeyFromUrl(new URL(subject?.url ?? ''))).toBe(fixture.subject.key);
      }
    });

    it('knows the subject key from the URL alone', () => {
      const key = fixture.subject?.key ?? fixture.subjectKey;
      expect(key).toEqual(expect.any(String));
      expect(subjectKeyFromUrl(url)).toBe(key);
    });

    it('has no subject before the page renders', () => {
      expect(readSubject(parse('<html><body><main></main></body></html>'), url)).toBeNull();
    });
  } else if (fixture.pageKind === 'messaging') {
    it('reads the other participant from the thread header, never from the URL', () => {
      expect(subjectKeyFromUrl(url)).toBeNull();
      const subject = readSubject(parse(html), url);
      if (fixture.subject === null) {
        expect(subject).toBeNull();
      } else {
        expect(subject).toMatchObject(fixture.subject);
        expect(subjectKeyFromUrl(new URL(subject?.url ?? ''))).toBe(fixture.subject.key);
      }
    });

    it('has no subject before the thread renders', () => {
      expect(readSubject(parse('<html><body><main></main></body></html>'), url)).toBeNull();
    });
  } else {
    it('has no subject', () => {
      expect(fixture.subject).toBeNull();
      expect(subjectKeyFromUrl(url)).toBeNull();
      expect(readSubject(parse(html), url)).toBeNull();
    });
  }
});

describe('readSubject', () => {
  it('reads a document from another window, whose DOM classes are not the global ones', () => {
    const [, fixture, html] = ALL.find(([name]) => name === 'x/profile.json') ?? [];
    if (!fixture || html === undefined) throw new Error('x/profile fixture missing');
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const doc = frame.contentDocument;
    if (!doc) throw new Error('no frame document');
    doc.open();
    doc.write(html);
    doc.close();
    expect(doc.body.firstElementChild).not.toBeInstanceOf(Element);
    expect(readSubject(doc, new URL(fixture.url))?.name).toBe(fixture.subject?.name);
    frame.remove();
  });

  it('never throws on a broken document', () => {
    const broken = {
      querySelector: () => {
        throw new Error('boom');
      },
      querySelectorAll: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(readSubject(broken, new URL('https://x.com/pipwellings'))).toBeNull();
    expect(readSubject(broken, new URL('https://www.linkedin.com/in/ada/'))).toBeNull();
  });

  it('returns null on sites without an adapter', () => {
    const doc = parse('<main><h1>Ada Quill</h1></main>');
    expect(readSubject(doc, new URL('https://example.com/in/ada/'))).toBeNull();
  });
});
