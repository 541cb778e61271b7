import { chmodSync, closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** A failure the user can act on: printed as one line, exit code 1 (bad design) or 2 (bad usage). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message);
  }
}

/** What a file system error code means, in words: `ENOENT` alone tells most users nothing. */
const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${WHY[code] ?? code} (${code})` : String(e);
}

/**
 * Reads a text file or explains which file could not be read. A UTF-8 byte order mark, which Windows editors put
 * before the first character, is not part of the text: JSON.parse would refuse it as an unexpected character.
 */
export function readText(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${reason(e)}`);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Writes through a temp file and a rename, so a crash never leaves half a file; `mode` is applied before the rename.
 * A missing folder is refused, not created: `-o` with a mistyped folder would otherwise scatter a bundle of private
 * keys into a new tree nobody looks at. The message names the folder to create.
 */
export function writeAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[], mode = 0o644): void {
  requireFolderOf(path);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(tmp, data, { mode });
    else writeParts(tmp, data, mode);
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${reason(e)}`);
  }
}

/** Writes `parts` one after the other into a new file: a zip in parts is never copied into one buffer. */
function writeParts(path: string, parts: readonly Uint8Array[], mode: number): void {
  const fd = openSync(path, 'w', mode);
  try {
    for (const part of parts) {
      for (let done = 0; done < part.length;) done += writeSync(fd, part, done, part.length - done);
    }
  } finally {
    closeSync(fd);
  }
}

/** Refuses an output path whose folder does not exist, before a command writes anything (keys first, then the output). */
export function requireFolderOf(path: string): void {
  const folder = dirname(path);
  if (!isFolder(folder)) throw new CliError(`cannot write ${path}: the folder ${folder} does not exist (create it first)`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
