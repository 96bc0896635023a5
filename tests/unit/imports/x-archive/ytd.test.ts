import { jsonErrorOffset } from '@/lib/format/json-error';
import { isYtdText, parseYtd } from '@/lib/imports/x-archive/ytd';

describe('parseYtd', () => {
  it('returns the name, the part and the list', () => {
    expect(parseYtd('data/tweets-part2.js', 'window.YTD.tweets.part2 = [{"a": 1}]')).toEqual({
      fileName: 'data/tweets-part2.js',
      name: 'tweets',
      part: 2,
      entries: [{ a: 1 }],
    });
  });

  it('tolerates whitespace around the assignment', () => {
    expect(parseYtd('a.js', '\uFEFF\n window.YTD.account.part0=\n[]\n;\n').entries).toEqual([]);
  });

  it('names the file by its last path segment in errors', () => {
    expect(() => parseYtd('twitter-2024/data/following.js', 'nope')).toThrow(
      /^following\.js is not a data file of the X archive/,
    );
  });

  it('keeps the parse error as the cause', () => {
    try {
      parseYtd('following.js', 'window.YTD.following.part0 = [}');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        'following.js is damaged: its data breaks at line 1, column 31.',
      );
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    }
  });
});

describe('isYtdText', () => {
  it('looks at the start only', () => {
    expect(isYtdText('window.YTD.following.part0 = []')).toBe(true);
    expect(isYtdText(' // window.YTD.following.part0 = []')).toBe(false);
    expect(isYtdText('window.__THAR_CONFIG = {}')).toBe(false);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    '[]',
    '{}',
    ' [1, -2.5e3, "a\\"b\\u00e9", true, false, null, {"k": [{}]}] ',
    '"just a string"',
    '0',
  ])('finds no error in %s', (json) => {
    expect(() => JSON.parse(json)).not.toThrow();
    expect(jsonErrorOffset(json)).toBeNull();
  });

  it.each([
    ['', 0],
    ['[', 1],
    ['[1,', 3],
    ['{"a"', 4],
    ['{"a":', 5],
    ['["abc', 5],
    ['["a\\', 4],
    ['["\\u12', 6],
    ['[tru', 4],
    ['[-', 2],
    ['{"a": [1, {"b": 2}', 18],
  ])('says %j ends early', (json, offset) => {
    expect(() => JSON.parse(json)).toThrow();
    expect(jsonErrorOffset(json)).toBe(offset);
    expect(offset).toBe(json.length);
  });

  it.each([
    ['[1 2]', 3],
    ['[1,]', 3],
    ['{,}', 1],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ['[1}', 2],
    ['{"a": 1]', 7],
    ["['a']", 1],
    ['[tree]', 1],
    ['[01]', 2],
    ['["a\\x"]', 4],
    ['["\\u12zz"]', 3],
    ['["a\nb"]', 3],
    ['[] []', 3],
    ['[NaN]', 1],
    ['{"a": undefined}', 6],
  ])('says %j breaks at %i', (json, offset) => {
    expect(() => JSON.parse(json)).toThrow();
    expect(jsonErrorOffset(json)).toBe(offset);
  });
});
