/** The longest address or prefix text accepted; the longest real one ("ffff:…:ffff/128") has 43 characters. */
export const MAX_ADDRESS_TEXT = 64;

// Printable ASCII without space: nothing an address, prefix or endpoint needs lies outside it, and rejecting the
// rest up front keeps newlines, tabs and look-alike Unicode digits out of every later check.
const PRINTABLE = /^[\x21-\x7e]+$/;

/**
 * Why `text` cannot be an address-like token at all, before any parsing, or null when it may be one.
 * Runtime input comes from JSON and forms, so a non-string is reported rather than trusted to the types.
 */
export function textProblem(text: unknown, maxLength: number): string | null {
  if (typeof text !== 'string') return 'it is not a string';
  if (text.length === 0) return 'it is empty';
  if (text.length > maxLength) return `it is longer than ${maxLength} characters`;
  if (!PRINTABLE.test(text)) return 'it contains whitespace, control or non-ASCII characters';
  return null;
}
