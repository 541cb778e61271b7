import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './testing/run-cli';
import { publicKeyOf } from '../engine';

const dir = mkdtempSync(join(tmpdir(), 'wgd-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => new URL(`../engine/__fixtures__/${name}`, import.meta.url).pathname;

async function zipText(path: string, entry: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file(entry)?.async('string')) ?? '';
}

describe('wg-designer CLI', () => {
  const design = join(dir, 'orders.json');
  copyFileSync(fixture('hub-and-spoke.json'), design);

  it('exports, keeps the secrets in orders.keys.json (mode 600), and re-exports byte-identically', async () => {
    const first = await cli('export', design, '-o', join(dir, 'a.zip'));
    expect(first.code, first.err).toBe(0);
    expect(statSync(join(dir, 'orders.keys.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(design, 'utf8')).not.toContain('privateKey": "');
    const second = await cli('export', design, '-o', join(dir, 'b.zip'));
    expect(second.code, second.err).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'a.zip')), readFileSync(join(dir, 'b.zip')))).toBe(0);
  });

  it('rotates one host: the new keys wait in the keys file; export keeps the current ones until --finish', async () => {
    const keysPath = join(dir, 'orders.keys.json');
    const before = JSON.parse(readFileSync(keysPath, 'utf8'));
    const pinned = JSON.parse(readFileSync(design, 'utf8'));
    const r = await cli('rotate', design, '--host', 'pg-primary', '-o', join(dir, 'rot.zip'), '--at', '2099-01-01T00:00:00Z');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('cut-over at 2099-01-01T00:00:00Z');
    expect(await zipText(join(dir, 'rot.zip'), 'rotation/README.md')).toContain('**2099-01-01T00:00:00Z**');
    const pending = JSON.parse(readFileSync(keysPath, 'utf8'));
    expect({ hosts: pending.hosts, tunnels: pending.tunnels }).toEqual({ hosts: before.hosts, tunnels: before.tunnels });
    expect(Object.keys(pending.rotation.hosts)).toEqual(['pg-primary']);
    expect(pending.rotation.hosts['pg-primary'].privateKey).not.toBe(before.hosts['pg-primary'].privateKey);
    expect(Object.keys(pending.rotation.tunnels).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(design, 'utf8'))).toEqual(pinned);

    const during = await cli('export', design, '-o', join(dir, 'c.zip'));
    expect(during.err).toContain('a rotation is pending (cut-over at 2099-01-01T00:00:00Z)');
    expect(await zipText(join(dir, 'c.zip'), 'orders-hub-and-spoke/pg-primary/wg0.conf')).toContain(`PrivateKey = ${before.hosts['pg-primary'].privateKey}`);
    expect(JSON.parse(readFileSync(keysPath, 'utf8')).rotation).toEqual(pending.rotation);

    const again = await cli('rotate', design, '--all', '-o', join(dir, 'rot2.zip'));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/a rotation is pending .* rotate --finish .* rotate --abort/);
    const early = await cli('rotate', design, '--finish');
    expect(early.code).toBe(1);
    expect(early.err).toContain('the cut-over is at 2099-01-01T00:00:00Z');

    writeFileSync(keysPath, JSON.stringify({ ...pending, rotation: { ...pending.rotation, at: '2020-01-01T00:00:00Z' } }));
    // A design file that pins the host's public key, kept private, stays private when --finish writes the new one in.
    const unpinned = readFileSync(design, 'utf8');
    const pinning = JSON.parse(unpinned);
    pinning.hosts.find((h: { id: string }) => h.id === 'pg-primary').publicKey = publicKeyOf(before.hosts['pg-primary'].privateKey);
    writeFileSync(design, `${JSON.stringify(pinning, null, 2)}\n`);
    chmodSync(design, 0o640);
    const designBefore = readFileSync(design, 'utf8');
    const done = await cli('rotate', design, '--finish');
    expect(done.code, done.err).toBe(0);
    expect(readFileSync(design, 'utf8')).toBe(designBefore.replace(publicKeyOf(before.hosts['pg-primary'].privateKey), publicKeyOf(pending.rotation.hosts['pg-primary'].privateKey)));
    expect(statSync(design).mode & 0o777).toBe(0o640);
    writeFileSync(design, unpinned);
    const after = JSON.parse(readFileSync(keysPath, 'utf8'));
    expect(after.rotation).toBeUndefined();
    expect(after.hosts['pg-primary']).toEqual(pending.rotation.hosts['pg-primary']);
    expect(after.hosts.hub).toEqual(before.hosts.hub);
    for (const [id, v] of Object.entries(pending.rotation.tunnels)) expect(after.tunnels[id]).toEqual(v);
    await cli('export', design, '-o', join(dir, 'd.zip'));
    expect(await zipText(join(dir, 'd.zip'), 'orders-hub-and-spoke/pg-primary/wg0.conf')).toContain(`PrivateKey = ${after.hosts['pg-primary'].privateKey}`);
    expect(await zipText(join(dir, 'd.zip'), 'orders-hub-and-spoke/hub/wg0.conf')).toContain(`PrivateKey = ${before.hosts.hub.privateKey}`);
  });

  it('rotate --abort drops the pending keys and writes the bundle of the keys in use', async () => {
    const keysPath = join(dir, 'orders.keys.json');
    const before = JSON.parse(readFileSync(keysPath, 'utf8'));
    expect((await cli('rotate', design, '--all', '-o', join(dir, 'rot3.zip'))).code).toBe(0);
    const r = await cli('rotate', design, '--abort', '-o', join(dir, 'old.zip'));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(keysPath, 'utf8'))).toEqual(before);
    expect(await zipText(join(dir, 'old.zip'), 'orders-hub-and-spoke/hub/wg0.conf')).toContain(`PrivateKey = ${before.hosts.hub.privateKey}`);
    expect((await cli('rotate', design, '--abort', '-o', join(dir, 'old.zip'))).err).toContain('no rotation is pending');
  });

  it('rotate --at takes a future UTC time only, naming --at', async () => {
    for (const at of ['2099-01-01 10:00', '2020-01-01T00:00:00Z']) {
      const r = await cli('rotate', design, '--host', 'pg-primary', '-o', join(dir, 'rot4.zip'), '--at', at);
      expect(r.code, at).toBe(2);
      expect(r.err).toMatch(/--at/);
    }
  });

  it('validates with --json and exits 1 on an error finding', async () => {
    const ok = await cli('validate', design, '--json');
    expect(ok.code, ok.out).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, summary: { errors: 0 } });
    const broken = JSON.parse(readFileSync(design, 'utf8'));
    broken.tunnels = broken.tunnels.filter((t: { id: string }) => t.id !== 't-hub-pg');
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const bad = await cli('validate', join(dir, 'broken.json'), '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).findings.map((f: { code: string }) => f.code)).toContain('flow-unroutable');
    expect((await cli('export', join(dir, 'broken.json'), '-o', join(dir, 'x.zip'))).code).toBe(1);
  });

  it('names the field of a malformed design and exits 1; bad usage exits 2', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ format: 'wg-designer/1', hosts: [{ id: 'a', role: 'app', endpoint: 'nope' }] }));
    const r = await cli('validate', join(dir, 'bad.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/hosts\[0\] \(a\)\.endpoint: is not host:port/);
    expect((await cli('export', design)).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    const pf = await cli('export', design, '-o', join(dir, 'y.zip'), '--firewall', 'pf');
    expect(pf).toMatchObject({ code: 2, err: expect.stringContaining('--firewall must be nftables or iptables, not "pf"') });
    const rate = await cli('export', design, '-o', join(dir, 'y.zip'), '--qos-bulk-mbit', '0.5', '--qos-link-mbit', '100');
    expect(rate).toMatchObject({ code: 2, err: expect.stringContaining('--qos-bulk-mbit must be a whole number of Mbit/s from 1 to 100,000, not "0.5"') });
    const setup = await cli('export', design, '-o', join(dir, 'y.zip'), '--host-setup', 'networkd,netplan');
    expect(setup).toMatchObject({ code: 2, err: expect.stringContaining('--host-setup has an unknown setup "netplan": each must be networkd or cloud-init') });
    const sealed = await cli('export', design, '-o', join(dir, 'y.zip'), '--host-setup', 'cloud-init', '--secrets', 'vault');
    expect(sealed).toMatchObject({ code: 2, err: expect.stringContaining('--host-setup need the keys in the bundle (secrets plain), not vault') });
    const noLink = await cli('export', design, '-o', join(dir, 'y.zip'), '--qos-bulk-mbit', '50');
    expect(noLink).toMatchObject({ code: 2, err: expect.stringContaining('--qos-link-mbit is missing') });
    const zero = await cli('export', design, '-o', join(dir, 'y.zip'), '--qos-bulk-mbit', '50', '--qos-link-mbit', '0');
    expect(zero).toMatchObject({ code: 2, err: expect.stringContaining('--qos-link-mbit must be a whole number of Mbit/s from 1 to 100,000, not "0"') });
    const above = await cli('export', design, '-o', join(dir, 'y.zip'), '--qos-bulk-mbit', '500', '--qos-link-mbit', '100');
    expect(above).toMatchObject({ code: 2, err: expect.stringContaining('--qos-bulk-mbit must not be above the link rate (100 Mbit/s), not "500"') });
  });

  it('adds networkd and cloud-init files with --host-setup, repeated or comma-separated', async () => {
    const out = join(dir, 'setups.zip');
    expect((await cli('export', design, '-o', out, '--host-setup', 'networkd', '--host-setup', 'cloud-init,networkd')).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const names = Object.keys(zip.files);
    for (const f of ['hub/networkd/wg0.netdev', 'hub/networkd/wg0.network', 'hub/networkd/install-networkd.sh', 'hub/cloud-init/user-data']) {
      expect(names.some((n) => n.endsWith(`/${f}`)), f).toBe(true);
    }
  });

  it('pins allocated addresses in the design file: a host added in front and one removed move no other host', async () => {
    const path = join(dir, 'pinned.json');
    copyFileSync(fixture('hub-and-spoke.json'), path);
    const zip1 = join(dir, 'pinned-1.zip');
    const first = await cli('export', path, '-o', zip1);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/pinned them in .*pinned\.json/);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.hosts.map((h: { addresses: string[] }) => h.addresses)).toEqual([
      ['10.10.2.1/32'], ['10.10.0.1/32'], ['10.10.1.1/32'], ['10.10.1.2/32'], ['10.10.1.3/32'],
    ]);
    const address = async (zip: string, id: string) =>
      /^Address = (.*)$/m.exec(await zipText(zip, `orders-hub-and-spoke/${id}/wg0.conf`))?.[1];
    const before = new Map<string, string | undefined>();
    for (const id of ['hub', 'pg-primary', 'app-2', 'app-3']) before.set(id, await address(zip1, id));
    // A new app host in front (order-based allocation would have given it 10.10.1.1 and shifted app-2 and app-3),
    // and app-1 gone with its tunnel and flow.
    file.hosts = [{ id: 'app-0', role: 'app', behindNat: true }, ...file.hosts.filter((h: { id: string }) => h.id !== 'app-1')];
    file.tunnels = [{ id: 't-hub-app-0', a: 'hub', b: 'app-0' }, ...file.tunnels.filter((t: { b: string }) => t.b !== 'app-1')];
    file.flows = file.flows.filter((f: { from: string }) => f.from !== 'app-1');
    writeFileSync(path, JSON.stringify(file, null, 2));
    const zip2 = join(dir, 'pinned-2.zip');
    const second = await cli('export', path, '-o', zip2);
    expect(second.code, second.err).toBe(0);
    for (const [id, addr] of before) expect(await address(zip2, id), id).toBe(addr);
    expect(await address(zip2, 'app-0')).toBe('10.10.1.1/32');
    // validate reads the file and leaves it alone.
    const text = readFileSync(path, 'utf8');
    file.hosts.push({ id: 'app-9', role: 'app' });
    writeFileSync(path, JSON.stringify(file));
    const unpinned = readFileSync(path, 'utf8');
    expect((await cli('validate', path)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(unpinned);
    expect(text).toContain('"app-0"');
  });

  it('refuses unusable addresses, endpoints and ids naming the field: validate exits 1, export writes nothing', async () => {
    const cases: Array<[string, (d: { network: { pools: Record<string, string> }; hosts: Array<Record<string, unknown>> }) => void, RegExp]> = [
      ['loopback address', (d) => { d.hosts[2]!.addresses = ['10.10.1.9/32', '127.0.0.1/32']; }, /hosts\[2\] \(app-1\)\.addresses\[1\]: is loopback/],
      ['pool 0.0.0.0/0', (d) => { d.network.pools.app = '0.0.0.0/0'; }, /network\.pools\.app: overlaps unspecified/],
      ['multicast endpoint', (d) => { d.hosts[0]!.endpoint = '224.0.0.1:51820'; }, /hosts\[0\] \(hub\)\.endpoint: is multicast/],
      ['host called docs', (d) => { d.hosts[4]!.id = 'docs'; }, /hosts\[4\] \(docs\)\.id: "docs" is a folder of the bundle/],
    ];
    for (const [name, mutate, field] of cases) {
      const d = JSON.parse(readFileSync(fixture('hub-and-spoke.json'), 'utf8'));
      mutate(d);
      const path = join(dir, 'unusable.json');
      writeFileSync(path, JSON.stringify(d));
      const v = await cli('validate', path);
      expect(v.code, name).toBe(1);
      expect(v.err, name).toMatch(field);
      const zip = join(dir, 'unusable.zip');
      const e = await cli('export', path, '-o', zip);
      expect(e.code, name).toBe(1);
      expect(() => statSync(zip), name).toThrow();
    }
  });

  it('imports hand-written configs into a design and a keys file', async () => {
    const files = ['hub', 'app', 'db'].map((n) => fixture(`hand-written/${n}.conf`));
    const r = await cli('import', ...files, '-o', join(dir, 'imported.json'));
    expect(r.code, r.err).toBe(0);
    const imported = JSON.parse(readFileSync(join(dir, 'imported.json'), 'utf8'));
    expect(imported.hosts.map((h: { id: string }) => h.id)).toEqual(['hub', 'app', 'db', expect.stringMatching(/^peer-/)]);
    expect(JSON.stringify(imported)).not.toMatch(/"privateKey": "[A-Za-z0-9+/]{43}="/);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'imported.keys.json'), 'utf8')).hosts)).toEqual(['hub', 'app', 'db']);
  });
});
