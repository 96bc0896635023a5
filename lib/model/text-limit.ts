/**
 * Keeping text within a stored field's limit (`limits.ts`) without losing it unseen: the editor
 * stops what was just added at the limit and says how much did not fit; text that arrives too long
 * with nobody to ask (typing journaled by an earlier build) is split into parts that together are
 * exactly the text.
 */

export interface FittedText {
  text: string;
  /** How many of the characters just added were left out. */
  cut: number;
}

/**
 * `next` is what an edit of `previous` gave. When it is longer than `max`, what the edit inserted
 * is cut short so the whole fits, and the text around it stays as it was. An edit that does not
 * make the text longer is always taken (so an over-long text can still be shortened).
 */
export function fitEdit(previous: string, next: string, max: number): FittedText {
  if (next.length <= max || next.length <= previous.length) return { text: next, cut: 0 };
  let start = 0;
  const shorter = Math.min(previous.length, next.length);
  while (start < shorter && previous[start] === next[start]) start += 1;
  let end = 0;
  while (
    end < shorter - start &&
    previous[previous.length - 1 - end] === next[next.length - 1 - end]
  ) {
    end += 1;
  }
  const inserted = next.slice(start, next.length - end);
  const room = Math.max(0, max - (next.length - inserted.length));
  const kept = inserted.slice(0, whole(inserted, room));
  return {
    text: next.slice(0, start) + kept + next.slice(next.length - end),
    cut: inserted.length - kept.length,
  };
}

/**
 * Splits `text` into parts of at most `max` characters whose concatenation is `text`: each cut
 * after the last line break, or failing that the last space, in the second half of the part, so
 * words and paragraphs stay whole where they can; never inside a surrogate pair.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('A part must hold at least two characters.');
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, whole(rest, max));
    const cut = breakAfter(window, '\n') ?? breakAfter(window, ' ') ?? window.length;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

function breakAfter(window: string, separator: string): number | null {
  const at = window.lastIndexOf(separator);
  return at >= window.length / 2 ? at + 1 : null;
}

/** `length`, or one less when the character there would be cut in half. */
function whole(text: string, length: number): number {
  if (length <= 0 || length >= text.length) return Math.max(0, Math.min(length, text.length));
  const before = text.charCodeAt(length - 1);
  return before >= 0xd800 && before <= 0xdbff ? length - 1 : length;
}
