import { jsonErrorOffset, lineAndColumn } from '../../format/json-error';

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
