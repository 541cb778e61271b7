import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { BundleFile } from './bundle-files';
import { crc32 } from './crc32';
import { zipBundle, zipFiles } from './zip';
import type { ZipCodec } from './zip';

const FILES: BundleFile[] = [
  { path: 'pg-1/wg0.conf', content: `[Interface]\nPrivateKey = ${'A'.repeat(43)}=\n`.repeat(20), mode: 0o600 },
  { path: 'pg-1/install.sh', content: '#!/bin/bash\nset -euo pipefail\n', mode: 0o755 },
  { path: 'README.md', content: '# Orders – prod ✓\n', mode: 0o644 },
  { path: 'empty.txt', content: '', mode: 0o644 },
];
const NODE_CODEC: ZipCodec = { deflateRaw: (d) => deflateRawSync(d), crc32: (d) => zlibCrc32(d) };

const dir = mkdtempSync(join(tmpdir(), 'wgd-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crc32', () => {
  it('matches zlib on the check value and on lengths around the 4-byte stride', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    for (let n = 0; n < 40; n++) {
      const data = Uint8Array.from({ length: n * 7 + (n % 5) }, (_, i) => (i * 131 + n) & 0xff);
      expect(crc32(data)).toBe(zlibCrc32(data));
    }
  });
});

describe('zipBundle', () => {
  it.each([['fflate', undefined], ['node zlib', NODE_CODEC]] as const)('round-trips every file under the folder (%s)', async (_, codec) => {
    const zip = await zipBundle(FILES, 'orders', codec);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(FILES.map((f) => `orders/${f.path}`));
    for (const f of FILES) expect(strFromU8(back[`orders/${f.path}`]!)).toBe(f.content);
    const jszip = await JSZip.loadAsync(zip);
    expect(await jszip.file('orders/README.md')?.async('string')).toBe(FILES[2]!.content);
  });

  it('is byte-identical for the same files and carries 2020-01-01 00:00 and the Unix modes', async () => {
    const a = await zipBundle(FILES, 'orders');
    expect(Buffer.compare(a, await zipBundle(FILES, 'orders'))).toBe(0);
    const jszip = await JSZip.loadAsync(a);
    const conf = jszip.file('orders/pg-1/wg0.conf');
    expect(conf?.date.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(Number(conf?.unixPermissions) & 0o777).toBe(0o600);
    expect(Number(jszip.file('orders/pg-1/install.sh')?.unixPermissions) & 0o777).toBe(0o755);
  });

  it('unzip lists the modes and extracts 0600 files as 0600', async () => {
    const path = join(dir, 'b.zip');
    writeFileSync(path, await zipBundle(FILES, 'orders', NODE_CODEC));
    const info = spawnSync('unzip', ['-Z', path], { encoding: 'utf8' });
    if (info.error) throw new Error(`unzip: ${info.error.message} (install it: scripts/system-deps.sh)`);
    expect(info.stdout).toMatch(/-rw------- .* unx .* 20-Jan-01 00:00 orders\/pg-1\/wg0\.conf/);
    expect(info.stdout).toMatch(/-rwxr-xr-x .* unx .* orders\/pg-1\/install\.sh/);
    const test = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(test.status, test.stdout).toBe(0);
    expect(spawnSync('unzip', ['-q', path, '-d', join(dir, 'out')]).status).toBe(0);
    expect(statSync(join(dir, 'out/orders/pg-1/wg0.conf')).mode & 0o777).toBe(0o600);
  });

  it('stores a file that deflate would not shrink', () => {
    const zip = zipFiles([{ path: 'k', content: 'ok', mode: 0o600 }]); // 2 bytes deflate to 4
    expect(new DataView(zip.buffer).getUint16(8, true)).toBe(0); // method 0: stored
  });

  it('writes ZIP64 end records past 65,535 entries, which unzip tests and lists in full', () => {
    const many = Array.from({ length: 70_000 }, (_, i) => ({ path: `d/f${i}`, content: `${i}\n`, mode: 0o644 }));
    const zip = zipFiles(many);
    const path = join(dir, 'many.zip');
    writeFileSync(path, zip);
    const test = spawnSync('unzip', ['-tq', path], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('No errors detected');
    const listed = spawnSync('unzip', ['-Z1', path], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim().split('\n');
    expect(listed).toHaveLength(70_000);
    expect(listed[69_999]).toBe('d/f69999');
    const read = unzipSync(zip);
    expect(Object.keys(read)).toHaveLength(70_000);
    expect(strFromU8(read['d/f65536'] as Uint8Array)).toBe('65536\n');
  }, 120_000); // 70,000 entries: seconds on an idle machine, more under load

  it('keeps the classic end record alone at 65,535 entries', () => {
    const zip = zipFiles(Array.from({ length: 65_535 }, (_, i) => ({ path: `f${i}`, content: '', mode: 0o644 })));
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint32(zip.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(zip.length - 12, true)).toBe(65_535);
    expect(view.getUint32(zip.length - 42, true)).not.toBe(0x07064b50); // no ZIP64 locator before it
  }, 120_000);
});
