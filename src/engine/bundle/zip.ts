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

/** zipBundle's zip as its parts in order (see zipParts), for a caller that writes them one by one. */
export async function zipBundleParts(
  files: Iterable<BundleFile>, folder: string, codec: ZipCodec = PORTABLE_CODEC,
): Promise<Uint8Array[]> {
  return zipParts(underFolder(files, folder), codec);
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
  const parts = zipParts(files, codec);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/**
 * The same zip as its parts in order (each entry's local header, then its data, then the central directory and end
 * records): a caller that writes them one by one never holds the compressed files and the whole zip at once.
 */
export function zipParts(files: Iterable<BundleFile>, codec: ZipCodec = PORTABLE_CODEC): Uint8Array[] {
  const encoder = new TextEncoder();
  const entries: Entry[] = [];
  const parts: Uint8Array[] = [];
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
    const header = new Writer(30 + name.length);
    header.u32(0x04034b50);
    header.common(entry);
    header.bytes(name);
    parts.push(header.out, entry.data);
    offset += 30 + name.length + entry.data.length;
  }
  const directorySize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  if (offset + directorySize >= MAX_SIZE) throw new ZipError('the zip would be 4 GiB or more, which needs ZIP64 sizes this writer does not write');
  const zip64 = entries.length > MAX_ENTRIES;
  const end = new Writer(directorySize + (zip64 ? 56 + 20 : 0) + 22);
  for (const e of entries) {
    end.u32(0x02014b50); end.u16(MADE_BY_UNIX);
    end.common(e);
    end.u16(0); end.u16(0); end.u16(0); // comment length, disk number, internal attributes
    end.u32(((S_IFREG | (e.mode & 0o7777)) << 16) >>> 0); // external attributes: st_mode in the high 16 bits
    end.u32(e.offset);
    end.bytes(e.name);
  }
  if (zip64) {
    const record = offset + end.at;
    // ZIP64 end of central directory record (56 bytes; its size field counts the 44 after itself), then its locator.
    end.u32(0x06064b50); end.u64(44); end.u16(MADE_BY_UNIX - VERSION + ZIP64_VERSION); end.u16(ZIP64_VERSION); end.u32(0); end.u32(0);
    end.u64(entries.length); end.u64(entries.length); end.u64(directorySize); end.u64(offset);
    end.u32(0x07064b50); end.u32(0); end.u64(record); end.u32(1);
  }
  // The classic end record; with ZIP64, 0xffff counts say "read the ZIP64 record".
  const count = zip64 ? MAX_ENTRIES : entries.length;
  end.u32(0x06054b50); end.u16(0); end.u16(0); end.u16(count); end.u16(count);
  end.u32(directorySize); end.u32(offset); end.u16(0);
  parts.push(end.out);
  return parts;
}

/** Little-endian fields into a buffer of a known size. */
class Writer {
  readonly out: Uint8Array;
  private readonly view: DataView;
  at = 0;
  constructor(size: number) {
    this.out = new Uint8Array(size);
    this.view = new DataView(this.out.buffer);
  }
  u16(v: number): void { this.view.setUint16(this.at, v, true); this.at += 2; }
  u32(v: number): void { this.view.setUint32(this.at, v >>> 0, true); this.at += 4; }
  u64(v: number): void { this.view.setBigUint64(this.at, BigInt(v), true); this.at += 8; }
  bytes(b: Uint8Array): void { this.out.set(b, this.at); this.at += b.length; }
  /** The fields a local header and a central directory entry share. */
  common(e: Entry): void {
    this.u16(VERSION); this.u16(e.flags); this.u16(e.method); this.u16(DOS_TIME); this.u16(DOS_DATE);
    this.u32(e.crc); this.u32(e.data.length); this.u32(e.size); this.u16(e.name.length); this.u16(0);
  }
}
