/**
 * YAML for generated files, never raw text: a scalar is either a double-quoted string with everything outside
 * printable ASCII escaped, or a block literal whose lines YAML cannot read as anything but text.
 */

/** `text` as a YAML double-quoted scalar: printable ASCII but `"` and `\` as is, everything else escaped. */
export function yamlQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

// A block literal keeps text exactly when its lines hold only printable characters, YAML 1.1's included (a tab, CR,
// NEL, U+2028 or U+2029 would be a line break or indentation to some YAML reader; a BOM may start a document), none
// is blank but not empty, the first does not start with a space (the
// indentation is read from it) and the text ends with exactly one newline (the `|` clip keeps one).
const BLOCK_SAFE = /^(?![ ])(?:[\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*\n)+$/u;

/**
 * `key: value` lines for text at `indent`: a block literal when it keeps the text exactly (generated configs and
 * scripts, with user text only on their `#` comment lines), a quoted scalar otherwise.
 */
export function yamlText(key: string, text: string, indent: string): string[] {
  const lines = text.slice(0, -1).split('\n');
  if (!BLOCK_SAFE.test(text) || !/[^\n]\n$/.test(text) || lines.some((l) => l !== '' && l.trim() === '')) return [`${indent}${key}: ${yamlQuoted(text)}`];
  return [`${indent}${key}: |`, ...lines.map((l) => (l === '' ? '' : `${indent}  ${l}`))];
}
