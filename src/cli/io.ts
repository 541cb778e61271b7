import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** A failure the user can act on: printed as one line, exit code 1 (bad design) or 2 (bad usage). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message);
  }
}

/** Reads a text file or explains which file could not be read. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Writes through a temp file and a rename, so a crash never leaves half a file; `mode` is applied before the rename. */
export function writeAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}
