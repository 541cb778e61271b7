import { chmodSync, closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
export function writeAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const out = openAtomic(path, mode);
  try {
    out.write(typeof data === 'string' ? Buffer.from(data) : data);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}

/**
 * writeAtomic for output made piece by piece (a zip streamed host by host): `fill` gets a writer, and the file
 * appears under `path` only once it returns. A failure of `fill` is passed on as it is, with the temp file removed.
 */
export async function writeAtomicStream<T>(path: string, mode: number, fill: (write: (chunk: Uint8Array) => void) => T | Promise<T>): Promise<T> {
  const out = openAtomic(path, mode);
  try {
    const result = await fill(out.write);
    out.commit();
    return result;
  } catch (e) {
    out.abort();
    throw e;
  }
}

/**
 * The temp file both writers go through: `write` appends, `commit` closes it, applies `mode` and renames it over
 * `path`, `abort` removes it. File system failures are CliErrors naming `path`.
 */
function openAtomic(path: string, mode: number): { write: (chunk: Uint8Array) => void; commit: () => void; abort: () => void } {
  requireFolderOf(path);
  const tmp = `${path}.${process.pid}.tmp`;
  const io = <R>(step: () => R): R => {
    try {
      return step();
    } catch (e) {
      throw new CliError(`cannot write ${path}: ${reason(e)}`);
    }
  };
  const fd = io(() => openSync(tmp, 'w', mode));
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (chunk) => {
      for (let at = 0; at < chunk.length;) at += io(() => writeSync(fd, chunk, at));
    },
    commit: () => {
      io(close);
      io(() => chmodSync(tmp, mode));
      io(() => renameSync(tmp, path));
    },
    abort: () => {
      try {
        close();
      } catch {
        // The close itself failed: the file is removed all the same.
      }
      rmSync(tmp, { force: true });
    },
  };
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
