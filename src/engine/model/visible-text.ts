// Controls (newline, ESC, C1), format characters (bidi overrides, zero-width), separators, private use, unassigned
// and lone surrogates: what could fake a second line, move a terminal's cursor or hide inside a key name.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/gu;

/**
 * Text from the input, made fit for an error message or a warning: every invisible or line-breaking character is
 * shown as `\u{...}` (so `Post\u{200b}Up` does not read as `PostUp`), and the text is cut at `max` characters.
 */
export function visibleText(text: string, max = 500): string {
  const shown = text.replace(INVISIBLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
  const chars = Array.from(shown);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : shown;
}
