import type { BundleFile } from './bundle-file';
import { PORTABLE_CODEC } from './zip-codec';
import type { ZipCodec } from './zip-codec';
import { ZipWriter } from './zip-writer';

export { PORTABLE_CODEC } from './zip-codec';
export type { ZipCodec } from './zip-codec';
export { ZipError, ZipWriter, packedFile } from './zip-writer';
export type { PackedFile } from './zip-writer';

/** Zips the files under one top folder (see ZipWriter: Unix modes, a fixed date, ZIP64 end records past 65,535). */
export async function zipBundle(
  files: readonly BundleFile[], folder: string, codec: ZipCodec = PORTABLE_CODEC,
): Promise<Uint8Array> {
  return zipFiles(files.map((f) => ({ ...f, path: `${folder}/${f.path}` })), codec);
}

/** The zip of `files` (paths as given, no directory entries), in one array, synchronously. */
export function zipFiles(files: Iterable<BundleFile>, codec: ZipCodec = PORTABLE_CODEC): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter(codec, (chunk) => chunks.push(chunk));
  for (const f of files) writer.add(f.path, f.content, f.mode);
  writer.finish();
  return concat(chunks, writer.size);
}

/** The chunks a ZipWriter emitted, `size` bytes in all, as one array. */
export function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
