import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'wgd-cli-edges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => new URL(`../engine/__fixtures__/${name}`, import.meta.url).pathname;

async function cli(...argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, () => undefined, (s) => err.push(s));
  return { code, err: err.join('\n') };
}

describe('CLI: missing folders, unreadable files, a BOM', () => {
  const design = join(dir, 'orders.json');
  copyFileSync(fixture('hub-and-spoke.json'), design);
  const hub = fixture('hand-written/hub.conf');

  it.each([
    ['export', () => ['export', design, '-o', join(dir, 'no-such', 'b.zip')]],
    ['import', () => ['import', hub, '-o', join(dir, 'no-such', 'd.json')]],
    ['rotate', () => ['rotate', design, '--host', 'pg-primary', '-o', join(dir, 'no-such', 'r.zip')]],
  ])('%s -o into a folder that does not exist: one line naming it, exit 1, nothing written', async (_, args) => {
    const r = await cli(...args());
    expect(r.code).toBe(1);
    expect(r.err).toBe(`wg-designer: cannot write ${args().at(-1)}: the folder ${join(dir, 'no-such')} does not exist (create it first)`);
    expect(existsSync(join(dir, 'no-such'))).toBe(false);
  });

  it('import leaves no keys file behind when the output folder is missing', async () => {
    await cli('import', hub, '-o', join(dir, 'no-such', 'd.json'));
    expect(existsSync(join(dir, 'no-such', 'd.keys.json'))).toBe(false);
  });

  it.each([
    ['validate', (p: string) => ['validate', p]],
    ['export', (p: string) => ['export', p, '-o', join(dir, 'x.zip')]],
    ['import', (p: string) => ['import', p, '-o', join(dir, 'x.json')]],
  ])('%s of a file that is missing or a folder: one line naming it, exit 1', async (_, args) => {
    const missing = await cli(...args(join(dir, 'missing.json')));
    expect([missing.code, missing.err]).toEqual([1, `wg-designer: cannot read ${join(dir, 'missing.json')}: no such file (ENOENT)`]);
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const isDir = await cli(...args(folder));
    expect([isDir.code, isDir.err]).toEqual([1, `wg-designer: cannot read ${folder}: it is a folder (EISDIR)`]);
  });

  it('reads a design file that starts with a UTF-8 BOM as the design it is', async () => {
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${readFileSync(design, 'utf8')}`);
    const r = await cli('validate', bom);
    expect(r.err).not.toMatch(/not valid JSON/);
    expect(r.code).toBe((await cli('validate', design)).code);
  });

  it('import tells a dump from a wg-quick file by its text, and takes --endpoint for a server alone', async () => {
    const corpus = (p: string) => new URL(`../engine/import/__corpus__/${p}`, import.meta.url).pathname;
    const out = join(dir, 'fleet.json');
    const r = await cli('import', corpus('dump/east.dump'), corpus('dump/west.dump'), corpus('road-warrior/server.conf'),
      '--endpoint', 'server=vpn.example.net:51820', '-o', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^guess: server: gateway \(it listens on port 51820 and has 3 peers, as a hub does\)$/m);
    const hosts = JSON.parse(readFileSync(out, 'utf8')).hosts as Array<{ id: string; endpoint: string | null; dialsIn?: boolean }>;
    expect(hosts.find((h) => h.id === 'server')?.endpoint).toBe('vpn.example.net:51820');
    expect(hosts.filter((h) => h.dialsIn).map((h) => h.id)).toEqual(expect.arrayContaining(['laptop-4', 'phone', 'tablet-kids']));
    expect(hosts.map((h) => h.id)).toEqual(expect.arrayContaining(['east-wg0', 'east-wg1', 'west']));
    const exported = await cli('export', out, '-o', join(dir, 'fleet.zip'));
    expect(exported.code, exported.err).toBe(0);
  });

  it('import writes nothing, not even the keys file, when one of its files is bad', async () => {
    const bad = join(dir, 'bad.conf');
    writeFileSync(bad, '[Interface]\nPrivateKey = short=\n');
    const out = join(dir, 'half.json');
    const r = await cli('import', fixture('hand-written/hub.conf'), bad, '-o', out);
    expect([r.code, r.err]).toEqual([1, `wg-designer: ${relative(process.cwd(), bad)} line 2: PrivateKey: WireGuard key: expected 44 base64 characters ending in "=", got 6`]);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'half.keys.json'))).toBe(false);
  });

  it('import --endpoint without "=" is a usage error', async () => {
    const r = await cli('import', fixture('hand-written/hub.conf'), '--endpoint', 'hub', '-o', join(dir, 'e.json'));
    expect([r.code, r.err]).toEqual([2, 'wg-designer: --endpoint takes <host-id>=<host:port>, not "hub"']);
  });
});
