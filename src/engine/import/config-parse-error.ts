import { visibleText } from '../model/visible-text';

/**
 * A wg-quick config that cannot be read, naming the file, line and key:
 * `wg0.conf line 7: AllowedIPs: "10.0.0.0/33" is not a prefix`. Line 0 means the file as a whole.
 */
export class ConfigParseError extends Error {
  override readonly name = 'ConfigParseError';
  /** 1-based line of the problem; 0 when it concerns the whole file (size, a missing [Interface]). */
  readonly line: number;
  /** The key as wg-quick spells it (`AllowedIPs`), or null when the problem is not one key's value. */
  readonly field: string | null;

  constructor(fileName: string | undefined, line: number, field: string | null, detail: string) {
    const where = [fileName, line > 0 ? `line ${line}` : ''].filter(Boolean).join(' ');
    // File names, keys and values come from the input: shown visibly, so `Post\u{200b}Up` cannot pass for PostUp,
    // and cut, so a 1 MiB line does not become the message.
    super(visibleText(`${where ? `${where}: ` : ''}${field ? `${field}: ` : ''}${detail}`));
    this.line = line;
    this.field = field;
  }
}
