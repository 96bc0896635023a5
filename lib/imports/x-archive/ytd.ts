/**
 * The X archive's data files are JavaScript that assigns JSON to a global:
 * `window.YTD.following.part0 = [ … ]`. They are read as text, never run: the assignment is
 * stripped and the rest parsed as JSON.
 */

/** One `window.YTD.<name>.part<N> = [ … ]` file. */
export interface YtdFile {
  /** The file's name as picked (a path inside the zip, or a file name). */
  fileName: string;
  /** `following`, `direct_messages`, `tweets`… */
  name: string;
  part: number;
  entries: unknown[];
}

const YTD_START = /^\uFEFF?\s*window\.YTD\./;
const YTD_PREFIX = /^\uFEFF?\s*window\.YTD\.([A-Za-z0-9_]+)\.part(\d{1,6})\s*=\s*/;

/** Whether a text starts like a data file of the X archive (`window.YTD.`). */
export function isYtdText(text: string): boolean {
  return YTD_START.test(text);
}

/** The last part of a picked file's path, as the user would recognise it in their archive. */
export function displayName(path: string): string {
  const last = path.split(/[\\/]/).pop();
  return last === undefined || last === '' ? path : last;
}

/** Where the data ends: before any trailing whitespace and semicolons. */
function endOfData(text: string): number {
  let end = text.length;
  while (end > 0 && /[\s;]/.test(text[end - 1] ?? '')) end -= 1;
  return end;
}

/** Line and column (both from 1) of an offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
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

/**
 * Parses one data file of the X archive. Throws an Error naming the file when it is not such a
 * file (empty, another script, anything else), when its JSON is damaged (saying where it broke),
 * or when it does not hold a list.
 */
export function parseYtd(fileName: string, text: string): YtdFile {
  const shown = displayName(fileName);
  if (/^\uFEFF?\s*$/.test(text)) {
    throw new Error(`${shown} is empty; it is not a data file of the X archive.`);
  }
  const prefix = YTD_PREFIX.exec(text);
  if (!prefix) {
    throw new Error(
      `${shown} is not a data file of the X archive: it does not start with "window.YTD.<name>.part<N> =".`,
    );
  }
  const [matched, name = '', part = '0'] = prefix;
  const json = text.slice(matched.length, endOfData(text));
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const offset = jsonErrorOffset(json);
    if (offset !== null && offset >= json.length) {
      throw new Error(`${shown} is damaged: its data ends too early (the file may be cut off).`, {
        cause: error,
      });
    }
    const where = offset === null ? null : lineAndColumn(text, matched.length + offset);
    throw new Error(
      where === null
        ? `${shown} is damaged: its data is not valid JSON.`
        : `${shown} is damaged: its data breaks at line ${where.line}, column ${where.column}.`,
      { cause: error },
    );
  }
  if (!Array.isArray(data)) {
    throw new Error(`${shown} is damaged: window.YTD.${name}.part${part} does not hold a list.`);
  }
  return { fileName, name, part: Number(part), entries: data };
}

/* Reading untyped JSON. */

export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
