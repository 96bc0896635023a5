/**
 * Cells of a CSV file made safe for spreadsheets, whatever separator they read it with.
 *
 * A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return
 * before one) as a formula. The file is comma-separated, but Excel in a semicolon locale (much of
 * Europe) splits every line at `;`, a paste splits at tabs, and a tool that does not honour
 * quoted line breaks splits at them; a quote in the middle of such a piece is no quote to that
 * reader. So every piece a separator could start, not only the cell's start, is defused.
 */

/** What makes a cell, or a piece of one, a formula: only its first character counts. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A separator some spreadsheet may split a cell at, right before a formula character. A space
 * in between is enough to keep it text, as at the start of a cell.
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(?=[=+\-@\t\r])/g;

/** Cells to quote beyond what papaparse quotes (commas, quotes, line breaks, edge spaces). */
const MUST_QUOTE = /[;\t]|^'/;

/**
 * The text with a `'` before every formula character that starts it or follows a separator:
 * `=1+1` → `'=1+1`, `Ada;=HYPERLINK(…)` → `Ada;'=HYPERLINK(…)`. Other text is unchanged.
 */
export function defuseCell(text: string): string {
  const inside = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inside) ? `'${inside}` : inside;
}

/**
 * Whether a cell must be quoted although it holds no comma: a `;` or a tab (a semicolon or tab
 * reader would split it), or a defused start (so it reads back as text everywhere).
 */
export function mustQuote(value: unknown): boolean {
  return typeof value === 'string' && MUST_QUOTE.test(value);
}
