/**
 * What to call someone on screen. A stored name wins; someone known only by an identity is called
 * after it, and an X account known only by its number (an X archive import) is "X account 1234…",
 * never a bare number or the "x-id" of its key.
 */
export function displayName(name: string, keys: readonly string[]): string {
  const trimmed = name.trim();
  const numbered = keys.find((key) => key.startsWith('x-id:'));
  const number = numbered?.slice('x-id:'.length);
  // The name as stored, every character of it: only whether it says anything is judged.
  if (trimmed !== '' && trimmed !== number && trimmed !== 'x-id') return name;
  if (number !== undefined) return `X account ${shortNumber(number)}`;
  const [first] = keys;
  return first === undefined ? 'Someone' : first.slice(first.indexOf(':') + 1);
}

/** An account number is nineteen digits: the first four are enough to tell accounts apart here. */
function shortNumber(digits: string): string {
  return digits.length > 6 ? `${digits.slice(0, 4)}…` : digits;
}
