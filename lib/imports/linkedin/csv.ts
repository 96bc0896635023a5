import Papa from 'papaparse';

import { MAX_KEY_LENGTH, MAX_URL_LENGTH } from '../../model/limits';
import { linkedInKeyFromUrl, linkedInProfileUrl } from '../../sites/linkedin/urls';
import type { DraftInteraction, DraftPerson, ImportDraft, PickedFile } from '../draft';

/**
 * What LinkedIn's CSV readers share: parsing (papaparse), finding the header below a preamble,
 * reading cells, and collecting people so that the same person is listed once.
 *
 * Rows are numbered as a spreadsheet shows them: row 1 is the first line of the file, the preamble
 * and the header count, and a quoted field spread over several lines is one row.
 */

/** How far down the header may be: LinkedIn's preamble is three rows. */
const HEADER_SEARCH_ROWS = 50;

/** A value quoted in a problem is cut to this many characters. */
const QUOTED_VALUE_LENGTH = 80;

export interface CsvProblem {
  /** 1-based, as a spreadsheet numbers its rows. */
  row: number;
  message: string;
}

export interface CsvTable {
  rows: string[][];
  /** Rows papaparse could not read cleanly (an unclosed quote): they should be skipped. */
  broken: Map<number, CsvProblem>;
  /** The separator the rows were split on. */
  delimiter: CsvDelimiter;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's name without the folders of a zip: `Basic_LinkedInDataExport/Connections.csv` → `Connections.csv`. */
export function displayName(file: PickedFile): string {
  return file.name.split(/[\\/]/).pop() || file.name;
}

/**
 * Text that no CSV contains: a NUL character, or many replacement characters (what decoding a
 * binary file as UTF-8 leaves).
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let replaced = 0;
  for (const ch of sample) if (ch === '\uFFFD') replaced += 1;
  return replaced > 16 && replaced * 20 > sample.length;
}

/**
 * Throws, with a sentence for the user, when the text cannot be a CSV at all: empty, or binary.
 * `expected` says what should have been picked: "the Connections.csv from LinkedIn's data export".
 */
export function assertCsvText(file: PickedFile, expected: string): void {
  const name = displayName(file);
  // A search stops at the first character that is not white space; trim() would copy the file.
  if (!/[^\s\uFEFF]/.test(file.text)) {
    throw new Error(`${name} is empty, so there is nothing to import; pick ${expected}.`);
  }
  if (looksBinary(file.text)) {
    throw new Error(`${name} is not a text file, so it cannot be read; pick ${expected}.`);
  }
}

/** The separators a CSV may use: LinkedIn writes commas; a spreadsheet in a semicolon locale (much
 * of Europe) re-saves with `;`, and Excel's "Unicode Text" uses tabs. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * Every row of a CSV text. Line ends are made `\n` first, so a file whose lines end in CRLF, LF
 * or a mix reads the same. Without a `delimiter`, papaparse guesses it among `CSV_DELIMITERS` from
 * the first rows.
 */
export function parseCsv(text: string, preview = 0, delimiter?: CsvDelimiter): CsvTable {
  const normalized = stripBom(text).replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(normalized, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [...CSV_DELIMITERS],
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    preview,
  });
  const broken = new Map<number, CsvProblem>();
  for (const error of result.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    const row = error.row + 1;
    broken.set(row, {
      row,
      message:
        'a quoted field is never closed, so the rest of the file could not be read (it may be cut short); skipped',
    });
  }
  return { rows: result.data, broken, delimiter: result.meta.delimiter as CsvDelimiter };
}

/**
 * The table and the header `accepts`, with papaparse's guess of the separator tried first and the
 * others after it: the guess looks at the first ten rows, and LinkedIn's preamble can mislead it.
 * Null when no separator gives such a header.
 */
export function parseCsvWithHeader(
  text: string,
  accepts: (names: ReadonlySet<string>) => boolean,
  preview = 0,
): { table: CsvTable; header: CsvHeader } | null {
  const guessed = parseCsv(text, preview);
  const first = findHeader(guessed.rows, accepts);
  if (first) return { table: guessed, header: first };
  for (const delimiter of CSV_DELIMITERS) {
    if (delimiter === guessed.delimiter) continue;
    const table = parseCsv(text, preview, delimiter);
    const header = findHeader(table.rows, accepts);
    if (header) return { table, header };
  }
  return null;
}

/** A column name compared without case, spaces or underscores: `CONVERSATION ID` → `conversationid`. */
export function columnName(name: string): string {
  return stripBom(name)
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

export interface CsvHeader {
  /** 0-based index of the header in `CsvTable.rows`. */
  index: number;
  /** How many named columns it has. */
  width: number;
  /** The index of a column by its name (any case and spacing); undefined if there is none. */
  column(name: string): number | undefined;
}

/**
 * The first row, among the first few, whose column names `accepts` (it gets them already passed
 * through `columnName`). Null if none does.
 */
export function findHeader(
  rows: string[][],
  accepts: (names: ReadonlySet<string>) => boolean,
): CsvHeader | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const cells = rows[index] ?? [];
    const names = new Map<string, number>();
    cells.forEach((cell, i) => {
      const name = columnName(cell);
      if (name !== '' && !names.has(name)) names.set(name, i);
    });
    if (names.size === 0 || !accepts(new Set(names.keys()))) continue;
    let width = cells.length;
    while (width > 0 && (cells[width - 1] ?? '').trim() === '') width -= 1;
    return { index, width, column: (name) => names.get(columnName(name)) };
  }
  return null;
}

/** A kind of CSV file a reader takes, and how errors name it. */
export interface CsvKind {
  /** What the file should be: "LinkedIn's Connections.csv". */
  name: string;
  /** The columns its header must have, as a list for the user: "First Name, Last Name and URL". */
  columns: string;
  /** What the user should pick: "the Connections.csv from LinkedIn's data export". */
  expected: string;
  /** Whether a row's column names (passed through `columnName`) are this kind's header. */
  accepts(names: ReadonlySet<string>): boolean;
}

export interface OpenedCsv {
  /** The file's name for problems (see `displayName`). */
  fileName: string;
  table: CsvTable;
  header: CsvHeader;
}

/**
 * Parses a picked file of this kind and finds its header. Throws, with a sentence for the user,
 * when the text cannot be a CSV at all (see `assertCsvText`) or no row is the kind's header.
 */
export function openCsv(file: PickedFile, kind: CsvKind): OpenedCsv {
  assertCsvText(file, kind.expected);
  const fileName = displayName(file);
  const found = parseCsvWithHeader(file.text, kind.accepts);
  if (!found) {
    throw new Error(
      `${fileName} does not look like ${kind.name}: no row names the columns ${kind.columns}. Pick ${kind.expected}.`,
    );
  }
  return { fileName, ...found };
}

/** The trimmed text of a cell; '' when the row is shorter or the column absent. */
export function cell(row: readonly string[], column: number | undefined): string {
  return column === undefined ? '' : (row[column] ?? '').trim();
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/**
 * Why a row cannot be trusted to line up with its header, or null if it can. A row with fewer
 * fields was cut short (a truncated file); one with more, non-empty fields has an unquoted comma
 * somewhere, so the columns after it are shifted.
 */
export function rowShapeProblem(row: readonly string[], header: CsvHeader): string | null {
  if (row.length < header.width) {
    return `has ${row.length} of the ${header.width} columns (the file may be cut short or damaged); skipped`;
  }
  if (row.slice(header.width).some((c) => c.trim() !== '')) {
    return `has more fields than the ${header.width} columns, so they cannot be matched to them; skipped`;
  }
  return null;
}

export interface CsvRow {
  row: string[];
  /** 1-based, as a spreadsheet numbers its rows. */
  rowNumber: number;
  /** How a problem names the row: `Connections.csv row 12`. */
  where: string;
}

/**
 * The rows below the header that line up with its columns, in order. Blank rows are passed over;
 * a row papaparse could not read, or one that does not fit the header (`rowShapeProblem`), is
 * passed over with a problem, naming the file and row, added to `problems`. The rows are yielded
 * one by one, so those problems stay in row order among the ones the caller adds.
 */
export function* rowsBelowHeader(
  table: CsvTable,
  header: CsvHeader,
  fileName: string,
  problems: string[],
): Generator<CsvRow> {
  for (let index = header.index + 1; index < table.rows.length; index += 1) {
    const row = table.rows[index] ?? [];
    const rowNumber = index + 1;
    const where = `${fileName} row ${rowNumber}`;
    const broken = table.broken.get(rowNumber);
    if (broken) {
      problems.push(`${where}: ${broken.message}`);
      continue;
    }
    if (isBlankRow(row)) continue;
    const shape = rowShapeProblem(row, header);
    if (shape) {
      problems.push(`${where}: ${shape}`);
      continue;
    }
    yield { row, rowNumber, where };
  }
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A value for a problem's sentence: quoted, one line, not too long. */
export function quoted(value: string): string {
  return `"${truncate(collapseWhitespace(value), QUOTED_VALUE_LENGTH)}"`;
}

export interface LinkedInProfile {
  key: string;
  url: string;
}

/**
 * The identity a profile address names, in any of the forms the export writes:
 * `https://www.linkedin.com/in/ada-quill-4b21a`, `http://linkedin.com/in/ada-quill-4b21a/`,
 * `linkedin.com/in/x` without a scheme, `https://www.linkedin.com/in/ACoAAB…` member ids. Null for
 * anything else (an empty cell, a company page, text), or one too long to store.
 */
export function linkedInProfileFromCell(raw: string): LinkedInProfile | null {
  let href = raw.trim();
  if (href === '') return null;
  if (href.startsWith('//')) href = `https:${href}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) href = `https://${href}`;
  const key = linkedInKeyFromUrl(href);
  if (key === null || key.length > MAX_KEY_LENGTH) return null;
  const url = linkedInProfileUrl(key);
  return url.length > MAX_URL_LENGTH ? null : { key, url };
}

/** `email:<address>` for something shaped like an address; null otherwise. */
export function emailKey(raw: string): string | null {
  const address = raw.trim().toLowerCase();
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(address)) return null;
  const key = `email:${address}`;
  return key.length > MAX_KEY_LENGTH ? null : key;
}

/**
 * People and interactions gathered from one or more readings, with each person listed once: a
 * person who shares any identity key with one already collected is merged into that one (the
 * first name, "why" and URL found win; identities and tags are joined). Interactions follow their
 * person through merges, and identical interactions are kept once. Every operation is a map
 * look-up, so collecting stays linear in the size of the files.
 */
export class DraftCollector {
  private readonly people: (DraftPerson | undefined)[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly merged = new Map<string, string>();
  private readonly interactions: DraftInteraction[] = [];

  /** Adds or merges a person (with at least one identity); returns the ref to give its interactions. */
  addPerson(person: DraftPerson): string {
    const found = new Set<number>();
    for (const identity of person.identities) {
      const at = this.byKey.get(identity.key);
      if (at !== undefined) found.add(at);
    }
    const [first, ...others] = Array.from(found).sort((a, b) => a - b);
    if (first === undefined) {
      const ref = person.identities[0]?.key ?? person.ref;
      const copy: DraftPerson = {
        ...person,
        ref,
        identities: person.identities.map((identity) => ({ ...identity })),
        ...(person.tags ? { tags: [...person.tags] } : {}),
      };
      this.insert(copy);
      return ref;
    }
    const target = this.people[first];
    if (!target) throw new Error('DraftCollector lost a person');
    for (const other of others) {
      const absorbed = this.people[other];
      if (!absorbed) continue;
      this.people[other] = undefined;
      this.merged.set(absorbed.ref, target.ref);
      this.mergeInto(target, first, absorbed);
    }
    this.mergeInto(target, first, person);
    return target.ref;
  }

  /** Whether someone with this identity key has been collected. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  addInteraction(interaction: DraftInteraction): void {
    this.interactions.push({ ...interaction });
  }

  finish(source: string, problems: string[]): ImportDraft {
    const people = this.people.filter((p): p is DraftPerson => p !== undefined);
    const seen = new Set<string>();
    const interactions: DraftInteraction[] = [];
    for (const interaction of this.interactions) {
      const personRef = this.resolve(interaction.personRef);
      const id = JSON.stringify([
        personRef,
        interaction.at,
        interaction.kind,
        interaction.direction,
        interaction.summary,
        interaction.url ?? '',
      ]);
      if (seen.has(id)) continue;
      seen.add(id);
      interactions.push({ ...interaction, personRef });
    }
    return { source, people, interactions, problems };
  }

  private insert(person: DraftPerson): void {
    const index = this.people.length;
    this.people.push(person);
    for (const identity of person.identities) this.byKey.set(identity.key, index);
  }

  private resolve(ref: string): string {
    let current = ref;
    let next = this.merged.get(current);
    while (next !== undefined) {
      current = next;
      next = this.merged.get(current);
    }
    return current;
  }

  private mergeInto(target: DraftPerson, index: number, source: DraftPerson): void {
    if (target.name === '' && source.name !== '') target.name = source.name;
    if (!target.why && source.why) target.why = source.why;
    if (!target.headline && source.headline) target.headline = source.headline;
    // Known since the earliest day any file says.
    if (source.since && (!target.since || source.since < target.since)) {
      target.since = source.since;
    }
    for (const identity of source.identities) {
      const existing = target.identities.find((i) => i.key === identity.key);
      if (!existing) target.identities.push({ ...identity });
      else if (!existing.url && identity.url) existing.url = identity.url;
      this.byKey.set(identity.key, index);
    }
    if (source.tags?.length) {
      const tags = target.tags ?? [];
      for (const tag of source.tags) if (!tags.includes(tag)) tags.push(tag);
      target.tags = tags;
    }
  }
}
