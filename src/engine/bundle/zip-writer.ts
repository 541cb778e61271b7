import type { ZipCodec } from './zip-codec';

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
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;

/** A file's bytes as a zip stores them: deflated where that made them smaller, else as they are. */
export interface PackedFile {
  /** Uncompressed size. */
  size: number;
  crc: number;
  data: Uint8Array;
  deflated: boolean;
}

/** The stored form of `raw` given its deflated bytes: whichever is smaller (deflate only when it gains). */
export function packedFile(raw: Uint8Array, deflatedBytes: Uint8Array, crc: number): PackedFile {
  const deflated = deflatedBytes.length < raw.length;
  return { size: raw.length, crc, data: deflated ? deflatedBytes : raw, deflated };
}

/** What the central directory needs of an entry once its data is written (the data itself is not kept). */
interface Entry {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  size: number;
  packedSize: number;
  mode: number;
  offset: number;
}

/**
 * Writes a zip entry by entry to `emit`, keeping only each entry's name and sizes for the central directory: a
 * bundle of 20,000 hosts is compressed host by host and never held whole, uncompressed, in memory. Unix modes (0600
 * configs stay private when unzipped) and a fixed date; a file is stored as is where deflate would not make it
 * smaller. More than 65,535 entries get ZIP64's end records, which unzip 6, libarchive, 7-Zip and fflate read:
 * fflate's own zip writer cannot (fflate#229), which is why this one is ours. Throws ZipError at 4 GiB.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly codec: ZipCodec, private readonly emit: (chunk: Uint8Array) => void) {}

  /** Bytes written so far. */
  get size(): number {
    return this.offset;
  }

  get count(): number {
    return this.entries.length;
  }

  /** Adds a file, compressed with the writer's codec where that makes it smaller. */
  add(path: string, content: string, mode: number): void {
    const raw = this.encoder.encode(content);
    if (raw.length >= MAX_SIZE) throw new ZipError(`${path} is 4 GiB or more, which a zip without ZIP64 cannot hold`);
    this.addPacked(path, packedFile(raw, this.codec.deflateRaw(raw), this.codec.crc32(raw)), mode);
  }

  /** Adds a file compressed elsewhere (the CLI compresses on worker threads), in the order the zip lists it. */
  addPacked(path: string, file: PackedFile, mode: number): void {
    if (file.size >= MAX_SIZE) throw new ZipError(`${path} is 4 GiB or more, which a zip without ZIP64 cannot hold`);
    const name = this.encoder.encode(path);
    const entry: Entry = {
      name, flags: name.length === path.length ? 0 : UTF8_NAMES, method: file.deflated ? 8 : 0,
      crc: file.crc >>> 0, size: file.size, packedSize: file.data.length, mode, offset: this.offset,
    };
    if (entry.offset + LOCAL_HEADER + name.length + file.data.length >= MAX_SIZE) throw tooBig();
    const header = new Bytes(LOCAL_HEADER + name.length);
    header.u32(0x04034b50);
    common(header, entry);
    header.bytes(name);
    this.emit(header.out);
    this.emit(file.data);
    this.entries.push(entry);
    this.offset += header.out.length + file.data.length;
  }

  /** The central directory and end records: the zip is complete once this returns. */
  finish(): void {
    const directorySize = this.entries.reduce((n, e) => n + CENTRAL_HEADER + e.name.length, 0);
    if (this.offset + directorySize >= MAX_SIZE) throw tooBig();
    const zip64 = this.entries.length > MAX_ENTRIES;
    const out = new Bytes(directorySize + (zip64 ? 56 + 20 : 0) + 22);
    for (const e of this.entries) {
      out.u32(0x02014b50); out.u16(MADE_BY_UNIX);
      common(out, e);
      out.u16(0); out.u16(0); out.u16(0); // comment length, disk number, internal attributes
      out.u32(((S_IFREG | (e.mode & 0o7777)) << 16) >>> 0); // external attributes: st_mode in the high 16 bits
      out.u32(e.offset);
      out.bytes(e.name);
    }
    if (zip64) {
      const record = this.offset + directorySize;
      // ZIP64 end of central directory record (56 bytes; its size field counts the 44 after itself), then its locator.
      out.u32(0x06064b50); out.u64(44); out.u16(MADE_BY_UNIX - VERSION + ZIP64_VERSION); out.u16(ZIP64_VERSION); out.u32(0); out.u32(0);
      out.u64(this.entries.length); out.u64(this.entries.length); out.u64(directorySize); out.u64(this.offset);
      out.u32(0x07064b50); out.u32(0); out.u64(record); out.u32(1);
    }
    // The classic end record; with ZIP64, 0xffff counts say "read the ZIP64 record".
    const count = zip64 ? MAX_ENTRIES : this.entries.length;
    out.u32(0x06054b50); out.u16(0); out.u16(0); out.u16(count); out.u16(count);
    out.u32(directorySize); out.u32(this.offset); out.u16(0);
    this.emit(out.out);
    this.offset += out.out.length;
  }
}

function tooBig(): ZipError {
  return new ZipError('the zip would be 4 GiB or more, which needs ZIP64 sizes this writer does not write');
}

/** The fields a local header and its central directory record share. */
function common(b: Bytes, e: Entry): void {
  b.u16(VERSION); b.u16(e.flags); b.u16(e.method); b.u16(DOS_TIME); b.u16(DOS_DATE);
  b.u32(e.crc); b.u32(e.packedSize); b.u32(e.size); b.u16(e.name.length); b.u16(0);
}

/** A little-endian record of a known size, filled front to back. */
class Bytes {
  readonly out: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(size: number) {
    this.out = new Uint8Array(size);
    this.view = new DataView(this.out.buffer);
  }

  u16(v: number): void {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
  }

  u32(v: number): void {
    this.view.setUint32(this.at, v >>> 0, true);
    this.at += 4;
  }

  u64(v: number): void {
    this.view.setBigUint64(this.at, BigInt(v), true);
    this.at += 8;
  }

  bytes(b: Uint8Array): void {
    this.out.set(b, this.at);
    this.at += b.length;
  }
}
