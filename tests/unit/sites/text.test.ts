import {
  cleanDisplayName,
  hasVisibleText,
  isVisuallyHidden,
  readDisplayName,
} from '../../../lib/sites/text';

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  const root = doc.getElementById('root');
  if (!root) throw new Error('no root');
  return root;
}

describe('cleanDisplayName', () => {
  it.each([
    ['bidi overrides and isolates', '\u202EAda\u202C \u2067Quill\u2069', 'Ada Quill'],
    ['marks', '\u200FAda\u200E Quill', 'Ada Quill'],
    ['zero-width characters', 'A\u200Bda\u200C Qu\u200Dill\u2060\uFEFF', 'Ada Quill'],
    ['newlines and tabs', '\n\t Ada \n\n Quill\t', 'Ada Quill'],
    ['no-break and ideographic spaces', 'Ada\u00A0\u3000Quill', 'Ada Quill'],
    ['a degree after a bullet', 'Ada Quill • 2nd', 'Ada Quill'],
    ['a degree after a middle dot', 'Ada Quill · 3rd+', 'Ada Quill'],
    ['a first-degree badge', 'Ada Quill • 1st', 'Ada Quill'],
    ['a French degree', 'Ada Quill · 2e', 'Ada Quill'],
    ['a German degree', 'Ada Quill · 3.+', 'Ada Quill'],
    ['a Spanish degree', 'Ada Quill · 2º', 'Ada Quill'],
    ['an Author badge', 'Hollis Greave Author', 'Hollis Greave'],
    ['a Verified badge', 'Ember Vantrell Verified', 'Ember Vantrell'],
    ['pronouns', 'Ada Quill (She/Her)', 'Ada Quill'],
    ['lower-case pronouns', 'Ada Quill (they / them)', 'Ada Quill'],
    ['stacked suffixes', 'Ada Quill (He/Him) • 2nd', 'Ada Quill'],
    ['Follows you', 'Zed Orchard Follows you', 'Zed Orchard'],
    ['says:', 'Sam R. says:', 'Sam R.'],
    ['said...', 'Sam R. said...', 'Sam R.'],
  ])('removes %s', (_what, raw, name) => {
    expect(cleanDisplayName(raw)).toBe(name);
  });

  it.each([
    ['a name that is only a badge word', 'Author'],
    ['a generational suffix without a bullet', 'Henry Ford 2nd'],
    ['a number after a bullet that is not a degree', 'Studio · 2024'],
    ['parentheses that are not pronouns', 'Ada Quill (Lovelace)'],
    ['a word that merely ends in a badge', 'Coauthor'],
    ['an unfinished "says"', 'Simon says'],
    ['HTML-looking text', '<b>Ann</b>'],
    ['a URL-looking name', 'https://example.com/in/ada'],
    ['emoji', 'Pip 🦉 Wellings'],
  ])('keeps %s', (_what, name) => {
    expect(cleanDisplayName(name)).toBe(name);
  });

  it('keeps a 10,000-character name whole, quickly', () => {
    const name = 'Ann '.repeat(2500).trim() + ' • 2nd';
    const start = performance.now();
    const cleaned = cleanDisplayName(name);
    expect(performance.now() - start).toBeLessThan(200);
    expect(cleaned).toBe('Ann '.repeat(2500).trim());
    expect(cleaned.length).toBe(9999);
  });

  it('stays linear on inputs built to make backtracking regexes explode', () => {
    const nasty = ['·'.repeat(10_000), ' ('.repeat(5_000), '(a/'.repeat(3_000), ' •'.repeat(5_000)];
    const start = performance.now();
    for (const text of nasty) cleanDisplayName(`${text}x`);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('readDisplayName', () => {
  it('reads text, not markup', () => {
    expect(readDisplayName(element('<span>&lt;b&gt;Ann&lt;/b&gt;</span>'))).toBe('<b>Ann</b>');
    expect(readDisplayName(element('<em>Ann</em> <b>Lee</b>'))).toBe('Ann Lee');
  });

  it('replaces an emoji image with its alt text', () => {
    const el = element('<span>Pip </span><img alt="🦉" src="owl.svg"><span> Wellings</span>');
    expect(readDisplayName(el)).toBe('Pip 🦉 Wellings');
  });

  it('ignores pictures that are not emoji, icons, scripts and styles', () => {
    const el = element(
      '<img alt="Ada Quill" src="a.jpg">Ada' +
        '<svg aria-label="Verified"><title>Verified</title></svg>' +
        '<script>var x = 1;</script><style>.a{}</style> Quill',
    );
    expect(readDisplayName(el)).toBe('Ada Quill');
  });

  it('counts a visually hidden duplicate once', () => {
    const el = element(
      '<span aria-hidden="true">Ada</span><span class="visually-hidden">Ada</span>',
    );
    expect(readDisplayName(el)).toBe('Ada');
  });

  it('counts a duplicate once whichever copy comes first and however it is hidden', () => {
    expect(readDisplayName(element('<span class="sr-only">Ada</span><span>Ada</span>'))).toBe(
      'Ada',
    );
    expect(
      readDisplayName(
        element('<span class="_0vh">Bo Li</span><span aria-hidden="true">Bo Li</span>'),
      ),
    ).toBe('Bo Li');
  });

  it('keeps two visible copies: only a screen-reader copy is a duplicate', () => {
    expect(readDisplayName(element('<span>Bo</span> <span>Bo</span>'))).toBe('Bo Bo');
  });

  it('keeps hidden text that differs from the visible text', () => {
    const el = element(
      '<span aria-hidden="true">Ada</span><span class="visually-hidden">Quill</span>',
    );
    expect(readDisplayName(el)).toBe('AdaQuill');
  });

  it('separates block elements and cleans the result', () => {
    const el = element('<div>\u202EAda</div><div>Quill</div><p>• 2nd</p>');
    expect(readDisplayName(el)).toBe('Ada Quill');
  });

  it('skips the nodes it is told to skip', () => {
    const el = element('<span>Pip</span><span id="h">@pip</span>');
    const handle = el.querySelector('#h');
    expect(readDisplayName(el, (n) => n === handle)).toBe('Pip');
  });
});

describe('hasVisibleText', () => {
  const PAGES = import.meta.glob<string>('../../fixtures/*/*.html', {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  const offScreen = (node: Node) => node.nodeType === 1 && isVisuallyHidden(node as Element);

  it.each(Object.keys(PAGES))(
    'answers as the whole off-screen-less text would, for every element of %s',
    (path) => {
      const doc = new DOMParser().parseFromString(PAGES[path] ?? '', 'text/html');
      const elements = Array.from(doc.querySelectorAll('*'));
      expect(elements.length).toBeGreaterThan(5);
      const differing = elements.filter(
        (el) => hasVisibleText(el) !== (readDisplayName(el, offScreen) !== ''),
      );
      expect(differing.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
    },
  );
});
