/**
 * Text an earlier import garbled, and the same text read right. Before imports told encodings
 * apart, a Windows-1252 file was read as UTF-8, and every accented letter became "�" (U+FFFD):
 * "Jos� M�ller". Nobody types that character, so a stored text holding it is still the import's,
 * not the user's; a later import of the same person may fill those places in, and nothing else.
 */

const REPLACEMENT = '\uFFFD';

/** Characters that mean themselves in a regular expression get a backslash. */
function escaped(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

/**
 * Whether `incoming` is `stored` with each "�" read as one letter beyond ASCII (what a
 * Windows-1252 byte is), and every other character the same: "Jos� M�ller" → "José Müller" yes,
 * "José Miller" no (the user changed more than the garbled letters), "José" no.
 */
export function repairsGarbled(stored: string, incoming: string): boolean {
  if (!stored.includes(REPLACEMENT) || incoming.includes(REPLACEMENT)) return false;
  const pattern = [...stored]
    .map((char) => (char === REPLACEMENT ? '[^\\u0000-\\u007F]' : escaped(char)))
    .join('');
  return new RegExp(`^${pattern}$`, 'u').test(incoming);
}

/** `incoming` when it repairs `stored` (see `repairsGarbled`), else `stored` as it is. */
export function repairedText(stored: string, incoming: string): string {
  return repairsGarbled(stored, incoming) ? incoming : stored;
}
