/** Where a JSON text breaks, found by the file's own reader: engines word and place their errors differently. */

/** Line and column (both from 1) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

type Expecting = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{0,4}$/;

/**
 * Where a string starting at `start` ends (the offset after its closing quote); the offset of
 * the character that breaks it, negated; or `json.length + 1` when the text ends inside it.
 */
function scanString(json: string, start: number): number {
  const ranOut = json.length + 1;
  let i = start + 1;
  while (i < json.length) {
    const c = json[i] ?? '';
    if (c === '"') return i + 1;
    if (c === '\\') {
      const next = json[i + 1];
      if (next === undefined) return ranOut;
      if (next === 'u') {
        const hex = json.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) return -(i + 1);
        if (hex.length < 4) return ranOut;
        i += 6;
      } else if (ESCAPES.has(next)) {
        i += 2;
      } else {
        return -(i + 1);
      }
    } else if (c < ' ') {
      return -i;
    } else {
      i += 1;
    }
  }
  return ranOut;
}

/**
 * The offset at which a JSON text stops being valid JSON: `json.length` when it ends too early,
 * null when it is valid. Engines word (and place) their parse errors differently, so the file's
 * own reader says where.
 */
export function jsonErrorOffset(json: string): number | null {
  const stack: ('[' | '{')[] = [];
  let expecting: Expecting = 'value';
  let i = 0;
  const afterValue = (): Expecting => (stack.length > 0 ? 'commaOrEnd' : 'done');
  for (;;) {
    while (i < json.length && WHITESPACE.has(json[i] ?? '')) i += 1;
    if (i >= json.length) return expecting === 'done' ? null : json.length;
    const c = json[i] ?? '';
    switch (expecting) {
      case 'done':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i += 1;
        expecting = 'value';
        break;
      case 'commaOrEnd': {
        const open = stack[stack.length - 1];
        if (c === ',') {
          i += 1;
          expecting = open === '[' ? 'value' : 'key';
        } else if ((c === ']' && open === '[') || (c === '}' && open === '{')) {
          stack.pop();
          i += 1;
          expecting = afterValue();
        } else {
          return i;
        }
        break;
      }
      case 'key':
      case 'keyOrEnd':
        if (expecting === 'keyOrEnd' && c === '}') {
          stack.pop();
          i += 1;
          expecting = afterValue();
        } else if (c === '"') {
          const end = scanString(json, i);
          if (end < 0) return -end;
          if (end > json.length) return json.length;
          i = end;
          expecting = 'colon';
        } else {
          return i;
        }
        break;
      default:
        if (expecting === 'valueOrEnd' && c === ']') {
          stack.pop();
          i += 1;
          expecting = afterValue();
        } else if (c === '[' || c === '{') {
          stack.push(c);
          i += 1;
          expecting = c === '[' ? 'valueOrEnd' : 'keyOrEnd';
        } else if (c === '"') {
          const end = scanString(json, i);
          if (end < 0) return -end;
          if (end > json.length) return json.length;
          i = end;
          expecting = afterValue();
        } else {
          const literal = ['true', 'false', 'null'].find((word) => word[0] === c);
          if (literal !== undefined) {
            const found = json.slice(i, i + literal.length);
            if (found === literal) i += literal.length;
            else if (i + found.length >= json.length && literal.startsWith(found))
              return json.length;
            else return i;
          } else {
            NUMBER.lastIndex = i;
            if (!NUMBER.test(json)) return c === '-' && i + 1 >= json.length ? json.length : i;
            i = NUMBER.lastIndex;
          }
          expecting = afterValue();
        }
    }
  }
}
