import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';
import { NODE_ZIP_CODEC } from './node-codecs';

const dir = mkdtempSync(join(tmpdir(), 'wgd-keys-first-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());
const fixture = (name: string) => new URL(`../engine/__fixtures__/${name}`, import.meta.url).pathname;

async function cli(...argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, () => {}, (s) => err.push(s));
  return { code, err: err.join('\n') };
}

describe('export keeps the keys it made before it renders', () => {
  it('a zip step that fails half-way leaves every new key in the keys file, and the next export uses them', async () => {
    const design = join(dir, 'orders.json');
    copyFileSync(fixture('hub-and-spoke.json'), design);
    const keysPath = join(dir, 'orders.keys.json');
    // The zip step fails on its fifth file, after every key was made and the files were rendered.
    const deflate = NODE_ZIP_CODEC.deflateRaw.bind(NODE_ZIP_CODEC);
    let calls = 0;
    vi.spyOn(NODE_ZIP_CODEC, 'deflateRaw').mockImplementation((data) => {
      if (++calls === 5) throw new Error('out of memory (simulated)');
      return deflate(data);
    });
    await expect(cli('export', design, '-o', join(dir, 'a.zip'))).rejects.toThrow('simulated');
    expect(existsSync(join(dir, 'a.zip'))).toBe(false);
    const kept = JSON.parse(readFileSync(keysPath, 'utf8')) as { hosts: Record<string, { privateKey: string; publicKey: string }> };
    const hosts = JSON.parse(readFileSync(design, 'utf8')).hosts as Array<{ id: string }>;
    expect(Object.keys(kept.hosts).sort()).toEqual(hosts.map((h) => h.id).sort());

    vi.restoreAllMocks();
    const again = await cli('export', design, '-o', join(dir, 'b.zip'));
    expect(again.code, again.err).toBe(0);
    expect(again.err).not.toContain('generated');
    const files = unzipSync(readFileSync(join(dir, 'b.zip')));
    for (const h of hosts) {
      const path = Object.keys(files).find((p) => p.endsWith(`/${h.id}/wg0.conf`)) ?? `(no wg0.conf for ${h.id})`;
      const conf = strFromU8(files[path] ?? new Uint8Array());
      expect(conf, h.id).toContain(`PrivateKey = ${kept.hosts[h.id]?.privateKey}`);
    }
  });
});
