import { visibleText } from '../model/visible-text';

/**
 * Collected input that cannot be read, naming the file (`app-1/wg-dump.txt`) and the line: drift never guesses
 * what a damaged file meant. Line 0 means the file as a whole (missing, empty).
 */
export class DriftInputError extends Error {
  override readonly name = 'DriftInputError';

  constructor(readonly file: string, readonly line: number, detail: string) {
    // File names and text come from the input: shown visibly and cut, as import's errors are.
    super(visibleText(`${file}${line > 0 ? ` line ${line}` : ''}: ${detail}`));
  }
}
