import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeypair, seededRandom } from '../engine';
import { cli } from './testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'wgd-enroll-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = new URL('../engine/__fixtures__/mesh-3.json', import.meta.url).pathname;
const [k1, k2, k3, k4, k5] = [1, 2, 3, 4, 5].map((n) => generateKeypair(seededRandom(n)).publicKey) as [string, string, string, string, string];

/** mesh-3 with every host keeping its own key but pg-3, plus an external client. */
function writeDesign(name: string): string {
  const raw = JSON.parse(readFileSync(fixture, 'utf8'));
  raw.network.keys = 'host';
  raw.hosts[2].keys = 'bundle';
  raw.hosts.push({ id: 'ext', role: 'client', external: true, publicKey: k3 });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(raw, null, 2)}\n`);
  return path;
}

async function wgConf(zip: string, host: string): Promise<string> {
  const z = await JSZip.loadAsync(readFileSync(zip));
  const entry = Object.keys(z.files).find((p) => p.endsWith(`/${host}/wg0.conf`)) as string;
  return (await z.file(entry)?.async('string')) ?? '';
}

describe('wg-designer enroll', () => {
  it('records a host\'s own public key (only that field) so the next export gives its peers a [Peer]', async () => {
    const design = writeDesign('one');
    // A keys file from before pg-1 kept its own key: export must neither use nor keep that private key.
    const stale = generateKeypair(seededRandom(6)).privateKey;
    writeFileSync(join(dir, 'one.keys.json'), JSON.stringify({ format: 'wg-designer-keys/1', hosts: { 'pg-1': { privateKey: stale } }, tunnels: {} }));
    const first = await cli('export', design, '-o', join(dir, 'one-a.zip'));
    expect(first.code, first.err).toBe(0);
    expect(first.err).toContain('host pg-1 keeps its own key ("keys": "host"): the private key stored for it is not used');
    const keysFile = JSON.parse(readFileSync(join(dir, 'one.keys.json'), 'utf8'));
    // Only pg-3 (bundle custody) has a private key there, and no tunnel a preshared key: each has a host-custody end.
    expect(Object.keys(keysFile.hosts)).toEqual(['pg-3']);
    expect(keysFile.tunnels).toEqual({});
    expect(readFileSync(join(dir, 'one-a.zip')).includes(stale)).toBe(false);
    expect(await wgConf(join(dir, 'one-a.zip'), 'pg-2')).toContain('# PublicKey of pg-1 is not known yet');
    const before = readFileSync(design, 'utf8');

    const r = await cli('enroll', design, '--host', 'pg-1', '--public-key', k1);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`pg-1: enrolled ${k1}`);
    const after = readFileSync(design, 'utf8');
    const expected = JSON.parse(before);
    expected.hosts[0].publicKey = k1;
    expect(JSON.parse(after)).toEqual(expected);
    // Every other line is byte-identical: one line added, the one before it gains a comma.
    const changed = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(changed).toHaveLength(2);
    expect(changed[1]).toBe(`      "publicKey": "${k1}"`);

    const second = await cli('export', design, '-o', join(dir, 'one-b.zip'));
    expect(second.code, second.err).toBe(0);
    expect(await wgConf(join(dir, 'one-b.zip'), 'pg-2')).toMatch(new RegExp(`^PublicKey = ${k1.replace(/[+/]/g, '\\$&')}$`, 'm'));
    expect(await wgConf(join(dir, 'one-b.zip'), 'pg-1')).not.toMatch(/^PrivateKey/m);
  });

  it('refuses bad input, each with one message naming the field or line, and changes nothing', async () => {
    const design = writeDesign('bad');
    await cli('enroll', design, '--host', 'pg-1', '--public-key', k1);
    const before = readFileSync(design, 'utf8');
    const cases: Array<[string[], RegExp]> = [
      [['--host', 'pg-2', '--public-key', 'AAAA'], /--host pg-2: --public-key of pg-2 is not a WireGuard public key/],
      [['--host', 'pg-2', '--public-key', k1], /is already the public key of host pg-1/],
      [['--host', 'pg-9', '--public-key', k2], /no host "pg-9" in the design/],
      [['--host', 'ext', '--public-key', k2], /host ext is external/],
      [['--host', 'pg-3', '--public-key', k2], /host pg-3 is in "bundle" custody .*set "keys": "host"/],
      [['--host', 'pg-1', '--public-key', k2], /host pg-1 already has public key .* add --replace/],
    ];
    for (const [args, message] of cases) {
      const r = await cli('enroll', design, ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err).toContain('nothing was enrolled');
      expect(readFileSync(design, 'utf8')).toBe(before);
    }
    expect((await cli('enroll', design, '--host', 'pg-1')).code).toBe(2);

    const replaced = await cli('enroll', design, '--host', 'pg-1', '--public-key', k2, '--replace');
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.err).toContain(`pg-1: replaced ${k1} with ${k2}`);
    expect(JSON.parse(readFileSync(design, 'utf8')).hosts[0].publicKey).toBe(k2);
  });

  it('--file takes "host-id key" lines with comments and blank lines, and names the line of a bad one', async () => {
    const design = writeDesign('file');
    const keys = join(dir, 'keys.txt');
    writeFileSync(keys, `# gathered by ansible\n\npg-1 ${k1}\npg-2   ${k2}   # eu-central\n`);
    const r = await cli('enroll', design, '--file', keys);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(design, 'utf8')).hosts.slice(0, 2).map((h: { publicKey: string }) => h.publicKey)).toEqual([k1, k2]);
    expect((await cli('enroll', design, '--file', keys)).err).toContain('pg-1: already enrolled');

    const before = readFileSync(design, 'utf8');
    writeFileSync(keys, `pg-1 ${k1}\npg-2 ${k4} extra\n`);
    const bad = await cli('enroll', design, '--file', keys);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${keys}:2: expected "host-id public-key", got 3 fields`);
    writeFileSync(keys, `pg-2 ${k4}\npg-3 ${k5}\n`);
    const wrong = await cli('enroll', design, '--file', keys);
    expect(wrong.err).toContain(`${keys}:1: host pg-2 already has public key`);
    expect(wrong.err).toContain(`${keys}:2: host pg-3 is in "bundle" custody`);
    expect(readFileSync(design, 'utf8')).toBe(before);
  });

  it('rotate leaves hosts in host custody to rotate on the host, and says how', async () => {
    const design = writeDesign('rot');
    writeFileSync(join(dir, 'rot.txt'), `pg-1 ${k1}\npg-2 ${k2}\n`);
    expect((await cli('enroll', design, '--file', join(dir, 'rot.txt'))).code).toBe(0);
    const one = await cli('rotate', design, '--host', 'pg-1', '-o', join(dir, 'rot.zip'));
    expect(one.code).toBe(1);
    expect(one.err).toContain('pg-1 keeps its own private key ("keys": "host")');
    expect(one.err).toContain('run next-key.sh from its bundle folder there');
    expect(one.err).toContain('--host pg-1 --public-key <KEY>');
    const all = await cli('rotate', design, '--all', '-o', join(dir, 'rot.zip'), '--at', '2099-01-01T00:00:00Z');
    expect(all.code, all.err).toBe(0);
    expect(all.err).toContain('not rotating pg-1, pg-2: they keep their own keys');
    expect(all.err).toContain('rotation of pg-3');
  });

  it('rotate takes a host-custody host\'s next key from next-key.sh\'s lines; --finish makes it the design\'s', async () => {
    const design = writeDesign('next');
    writeFileSync(join(dir, 'next-enroll.txt'), `pg-1 ${k1}\npg-2 ${k2}\n`);
    expect((await cli('enroll', design, '--file', join(dir, 'next-enroll.txt'))).code).toBe(0);
    const zip = join(dir, 'next.zip');
    const before = readFileSync(design, 'utf8');
    // Lines as next-key.sh prints them, prefix and all; a bad one names its line and rotates nothing.
    writeFileSync(join(dir, 'bad-next.txt'), `next-key: pg-1 ${k4}\nnext-key: pg-2 ${k1}\npg-3 ${k5}\n`);
    const bad = await cli('rotate', design, '--all', '--next-keys', join(dir, 'bad-next.txt'), '-o', zip, '--at', '2099-01-01T00:00:00Z');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${join(dir, 'bad-next.txt')}:2: the next public key given for pg-2 is the public key of host pg-1`);
    expect(bad.err).toContain(`${join(dir, 'bad-next.txt')}:3: pg-3 is in "bundle" custody`);
    const single = await cli('rotate', design, '--host', 'pg-1', '--public-key', 'abc', '-o', zip, '--at', '2099-01-01T00:00:00Z');
    expect(single.err).toContain('--public-key: the next public key of pg-1 is not a WireGuard public key');

    writeFileSync(join(dir, 'next.txt'), `next-key: pg-1 ${k4}\nnext-key: pg-2 ${k5}\n`);
    const ok = await cli('rotate', design, '--all', '--next-keys', join(dir, 'next.txt'), '-o', zip, '--at', '2099-01-01T00:00:00Z');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toContain('rotation of pg-1, pg-2, pg-3');
    expect(readFileSync(design, 'utf8')).toBe(before);
    const keysFile = JSON.parse(readFileSync(join(dir, 'next.keys.json'), 'utf8'));
    expect(keysFile.rotation.ownKeys).toEqual({ 'pg-1': { publicKey: k4 }, 'pg-2': { publicKey: k5 } });
    expect(Object.keys(keysFile.rotation.hosts)).toEqual(['pg-3']);

    // As if the cut-over time had passed and step 3 had run on every host.
    keysFile.rotation.at = '2026-01-01T00:00:00Z';
    writeFileSync(join(dir, 'next.keys.json'), JSON.stringify(keysFile));
    const done = await cli('rotate', design, '--finish');
    expect(done.code, done.err).toBe(0);
    const hosts = JSON.parse(readFileSync(design, 'utf8')).hosts as Array<{ id: string; publicKey?: string }>;
    expect(hosts.find((h) => h.id === 'pg-1')?.publicKey).toBe(k4);
    expect(hosts.find((h) => h.id === 'pg-2')?.publicKey).toBe(k5);
    const exported = join(dir, 'next-after.zip');
    expect((await cli('export', design, '-o', exported)).code).toBe(0);
    expect(await wgConf(exported, 'pg-3')).toContain(`PublicKey = ${k4}`);
  });
});
