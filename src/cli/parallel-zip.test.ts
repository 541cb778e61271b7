import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { prepareExport, seededRandom, writeBundleZip } from '../engine';
import { parsed } from '../engine/testing/fixture-design';
import { NODE_ZIP_CODEC, NODE_ZIP_LEVEL } from './node-codecs';
import { writeZipOnThreads } from './parallel-zip';

const concat = (chunks: Uint8Array[]) => Buffer.concat(chunks);

describe('writeZipOnThreads', () => {
  it.each([1, 3])('writes the bytes writeBundleZip writes with zlib at level 3, on %i threads', async (threads) => {
    const prepared = await prepareExport(parsed('hub-and-spoke'), seededRandom(7));
    const one: Uint8Array[] = [];
    const sync = writeBundleZip(prepared, (c) => one.push(c), NODE_ZIP_CODEC);
    const many: Uint8Array[] = [];
    const threaded = await writeZipOnThreads(prepared, (c) => many.push(c), NODE_ZIP_LEVEL, threads);
    expect(threaded).toEqual(sync);
    expect(Buffer.compare(concat(many), concat(one))).toBe(0);
  });

  it('keeps the order of a bundle larger than a batch, with files stored and deflated', async () => {
    const big = 'x'.repeat(300 * 1024);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)).toString('latin1');
    const files = [{ path: 'a', content: big, mode: 0o644 }, { path: 'b', content: random, mode: 0o600 }, { path: 'c', content: '', mode: 0o644 }];
    const prepared = { ...(await prepareExport(parsed('point-to-point'), seededRandom(8))), files: () => files };
    const out: Uint8Array[] = [];
    await writeZipOnThreads(prepared, (c) => out.push(c), 3, 2);
    const sync: Uint8Array[] = [];
    writeBundleZip(prepared, (c) => sync.push(c), { deflateRaw: (d) => deflateRawSync(d, { level: 3 }), crc32: NODE_ZIP_CODEC.crc32 });
    expect(Buffer.compare(concat(out), concat(sync))).toBe(0);
  });
});
