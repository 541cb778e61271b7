/**
 * The only way user text (names, notes) reaches a generated file: as a comment, stripped to a safe alphabet.
 * Control and format characters (newlines, NUL, bidi overrides, line/paragraph separators, lone surrogates), quotes,
 * backticks and backslashes are removed, not escaped: a `#` comment in wg-quick, nft or bash then cannot end early,
 * and nothing in it can be read as a command, a string or an escape by any of them.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Co}\p{Cn}"'`\\$;|&<>{}]/gu;
const MAX_COMMENT = 120;

/** User text made safe to sit after `# ` on one line of a config, ruleset or script. */
export function commentText(text: string): string {
  const cleaned = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code points: slicing UTF-16 units could leave half of a surrogate pair, which no file can encode.
  const chars = Array.from(cleaned);
  return chars.length > MAX_COMMENT ? `${chars.slice(0, MAX_COMMENT - 1).join('')}…` : cleaned;
}

/** A whole comment line, or nothing when the text has nothing left after cleaning. */
export function commentLine(text: string, prefix = '# '): string[] {
  const c = commentText(text);
  return c ? [`${prefix}${c}`] : [];
}

/** User text for a Markdown table cell: the comment alphabet, with Markdown's own active characters removed too. */
export function markdownText(text: string): string {
  return commentText(text).replace(/[*_[\]()!#~]/g, (c) => `\\${c}`);
}
