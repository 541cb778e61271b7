import { deflateSync } from 'fflate';
import type { BundleFile } from './bundle-files';
import { crc32 } from './crc32';

/**
 * The compression a zip needs: raw DEFLATE (RFC 1951) and CRC-32. The engine's own is pure JavaScript (fflate);
 * the CLI passes Node's zlib, which is native and about three times faster. Both give valid zips; the bytes of the
 * compressed data may differ between codecs, so a re-export is byte-identical with the same codec.
 */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** fflate at level 6 (zlib's default): keys are random and do not compress, so higher levels gain nothing. */
export const PORTABLE_CODEC: ZipCodec = { deflateRaw: (data) => deflateSync(data, { level: 6 }), crc32 };

/** A zip this writer cannot make: an entry of 4 GiB or more, or a zip of 4 GiB or more (ZIP64 sizes are not written). */
export class ZipError extends Error {
  override name = 'ZipError';
}

// 2020-01-01 00:00:00 as an MS-DOS date and time, written as numbers so no time zone can shift them: exporting
// the same design twice, anywhere, gives the same zip.
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const VERSION = 20; // 2.0: deflate, no ZIP64
const MADE_BY_UNIX = (3 << 8) | VERSION; // "made by" Unix, so unzip applies the modes in the external attributes
const S_IFREG = 0o100000;
const UTF8_NAMES = 1 << 11;
/** Past this many entries the end record's 16-bit counts cannot hold them: ZIP64's end records carry them. */
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;
const ZIP64_VERSION = 45; // 4.5: the ZIP64 end records (APPNOTE 4.3.14)

interface Entry {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
  mode: number;
  offset: number;
}

/**
 * Zips the files under one top folder, keeping Unix modes (0600 configs stay private when unzipped) and a fixed
 * date. A file is stored as is where deflate would not make it smaller.
 */
export async function zipBundle(
  files: Iterable<BundleFile>, folder: string, codec: ZipCodec = PORTABLE_CODEC,
): Promise<Uint8Array> {
  return zipFiles(underFolder(files, folder), codec);
}

function* underFolder(files: Iterable<BundleFile>, folder: string): Generator<BundleFile> {
  for (const f of files) yield { ...f, path: `${folder}/${f.path}` };
}

/**
 * The zip of `files` (paths as given, no directory entries), synchronously, reading each file once, in order
 * (a stream of them is never all held). More than 65,535 entries (a bundle of
 * some 13,000 hosts and up) get ZIP64's end records, which unzip 6, libarchive, 7-Zip and fflate read: fflate's own
 * zip writer cannot (fflate#229), which is why this one is ours. Throws ZipError at 4 GiB.
 */
export function zipFiles(files: Iterable<BundleFile>, codec: ZipCodec = PORTABLE_CODEC): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Entry[] = [];
  let offset = 0;
  for (const f of files) {
    const raw = encoder.encode(f.content);
    if (raw.length >= MAX_SIZE) throw new ZipError(`${f.path} is 4 GiB or more, which a zip without ZIP64 cannot hold`);
    const packed = codec.deflateRaw(raw);
    const deflated = packed.length < raw.length;
    const name = encoder.encode(f.path);
    const ascii = name.length === f.path.length;
    const entry: Entry = {
      name, flags: ascii ? 0 : UTF8_NAMES, method: deflated ? 8 : 0, crc: codec.crc32(raw) >>> 0, size: raw.length,
      data: deflated ? packed : raw, mode: f.mode, offset,
    };
    entries.push(entry);
    offset += 30 + name.length + entry.data.length;
  }
  const directorySize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  if (offset + directorySize >= MAX_SIZE) throw new ZipError('the zip would be 4 GiB or more, which needs ZIP64 sizes this writer does not write');
  const zip64 = entries.length > MAX_ENTRIES;
  const out = new Uint8Array(offset + directorySize + (zip64 ? 56 + 20 : 0) + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => { view.setUint16(at, v, true); at += 2; };
  const u32 = (v: number) => { view.setUint32(at, v >>> 0, true); at += 4; };
  const common = (e: Entry) => {
    u16(VERSION); u16(e.flags); u16(e.method); u16(DOS_TIME); u16(DOS_DATE);
    u32(e.crc); u32(e.data.length); u32(e.size); u16(e.name.length); u16(0);
  };
  for (const e of entries) {
    u32(0x04034b50);
    common(e);
    out.set(e.name, at); at += e.name.length;
    out.set(e.data, at); at += e.data.length;
  }
  for (const e of entries) {
    u32(0x02014b50); u16(MADE_BY_UNIX);
    common(e);
    u16(0); u16(0); u16(0); // comment length, disk number, internal attributes
    u32(((S_IFREG | (e.mode & 0o7777)) << 16) >>> 0); // external attributes: st_mode in the high 16 bits
    u32(e.offset);
    out.set(e.name, at); at += e.name.length;
  }
  if (zip64) {
    const record = at;
    const u64 = (v: number) => { view.setBigUint64(at, BigInt(v), true); at += 8; };
    // ZIP64 end of central directory record (56 bytes; its size field counts the 44 after itself), then its locator.
    u32(0x06064b50); u64(44); u16(MADE_BY_UNIX - VERSION + ZIP64_VERSION); u16(ZIP64_VERSION); u32(0); u32(0);
    u64(entries.length); u64(entries.length); u64(directorySize); u64(offset);
    u32(0x07064b50); u32(0); u64(record); u32(1);
  }
  // The classic end record; with ZIP64, 0xffff counts say "read the ZIP64 record".
  const count = zip64 ? MAX_ENTRIES : entries.length;
  u32(0x06054b50); u16(0); u16(0); u16(count); u16(count);
  u32(directorySize); u32(offset); u16(0);
  return out;
}
