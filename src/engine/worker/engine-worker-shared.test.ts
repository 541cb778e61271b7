import { describe, expect, it } from 'vitest';
import { isKey, publicKeyOf, seededRandom } from '../keys';
import { fixtureDesign, parsed } from '../testing/fixture-design';
import { runEngineRequest } from './engine-worker-shared';
import type { ExportRequestOptions } from './engine-worker-protocol';

describe('engine worker requests', () => {
  it('makes valid keypairs', async () => {
    const pairs = await runEngineRequest({ type: 'keypairs', count: 3 }, seededRandom(7));
    expect(pairs).toHaveLength(3);
    for (const p of pairs) {
      expect(isKey(p.privateKey)).toBe(true);
      expect(publicKeyOf(p.privateKey)).toBe(p.publicKey);
    }
    expect(new Set(pairs.map((p) => p.privateKey)).size).toBe(3);
  });

  it('makes preshared keys', async () => {
    const keys = await runEngineRequest({ type: 'presharedKeys', count: 2 }, seededRandom(3));
    expect(keys.every(isKey)).toBe(true);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('refuses a silly keypair count', async () => {
    await expect(runEngineRequest({ type: 'keypairs', count: -1 }, seededRandom(1))).rejects.toThrow(/count/);
  });

  it('exports a bundle with a zip', async () => {
    const r = await runEngineRequest({ type: 'export', design: parsed('hub-and-spoke') }, seededRandom(1));
    expect(r.files.some((f) => f.path === 'hub/wg0.conf')).toBe(true);
    expect(r.zip[0]).toBe(0x50); // "PK"
    expect(r.completion.generatedKeys.length).toBeGreaterThan(0);
  });

  it('exports with the dialog\'s options, and refuses options it does not know', async () => {
    const design = parsed('hub-and-spoke');
    const bundle = await runEngineRequest({
      type: 'export', design, options: { firewall: 'iptables', qos: { bulkRateMbit: 250, linkRateMbit: 1000 }, diagram: { svg: '<svg/>' } },
    }, seededRandom(3));
    const paths = bundle.files.map((f) => f.path);
    expect(paths).toContain('hub/firewall.iptables');
    expect(paths.some((p) => p.endsWith('.nft'))).toBe(false);
    expect(bundle.files.find((f) => f.path === 'app-1/qos.sh')?.content).toContain('250 Mbit/s');
    expect(paths).toContain('docs/diagram.svg');
    const setups = await runEngineRequest({ type: 'export', design, options: { hostSetups: ['cloud-init'] } }, seededRandom(3));
    expect(setups.files.map((f) => f.path)).toContain('hub/cloud-init/user-data');
    const bad = (options: object) => runEngineRequest({ type: 'export', design, options } as never, seededRandom(3));
    await expect(bad({ firewall: 'pf' })).rejects.toThrow('export: firewall must be nftables or iptables');
    await expect(bad({ qos: { bulkRateMbit: 0.5, linkRateMbit: 1000 } })).rejects.toThrow('export: qos.bulkRateMbit must be a whole number');
    await expect(bad({ qos: { bulkRateMbit: 50, linkRateMbit: -1 } })).rejects.toThrow('export: qos.linkRateMbit must be a whole number');
    await expect(bad({ qos: { bulkRateMbit: 50 } })).rejects.toThrow('export: qos.linkRateMbit must be a whole number');
    await expect(bad({ qos: { bulkRateMbit: 500, linkRateMbit: 100 } })).rejects.toThrow('export: qos.bulkRateMbit must not be above the link rate (100 Mbit/s)');
    await expect(bad({ diagram: { svg: 1 } })).rejects.toThrow('export: diagram.svg must be text');
    await expect(bad({ hostSetups: ['netplan'] })).rejects.toThrow('export: hostSetups has an unknown setup "netplan"');
    await expect(bad({ hostSetups: 'networkd' })).rejects.toThrow('export: hostSetups must be a list');
    await expect(bad({ hostSetups: ['networkd'], secrets: { mode: 'vault', path: 'secret/wg' } })).rejects.toThrow('export: hostSetups need the keys in the bundle');
    await expect(bad({ secrets: { mode: 'ansible-vault', password: 'p' } })).rejects.toThrow("Ansible Vault is the CLI's");
    await expect(bad({ secrets: { mode: 'age', recipients: ['age1x'] } })).rejects.toThrow('export: secrets recipients:');
    await expect(bad({ secrets: { mode: 'vault', path: 'secret/a b' } })).rejects.toThrow('export: secrets path:');
    // Findings are the engine's own: a page cannot put its own into the bundle README.
    const findings = [{ code: 'x', severity: 'error', message: 'FAKE', subjects: {} }];
    const smuggled = await runEngineRequest({ type: 'export', design, options: { findings } as ExportRequestOptions }, seededRandom(3));
    expect(smuggled.files.find((f) => f.path === 'README.md')?.content).not.toContain('FAKE');
  });

  it('analyses a design into a plan and findings that survive postMessage', async () => {
    const r = await runEngineRequest({ type: 'analyse', design: parsed('hub-and-spoke') }, seededRandom(1));
    const copy = structuredClone(r);
    expect(copy).toEqual(r);
    expect(copy.plan?.byId.get('hub')?.peers.length).toBeGreaterThan(0);
    expect(copy.plan?.byId.get('hub')?.host).toBe(copy.plan?.design.hosts.find((h) => h.id === 'hub'));
    expect(Array.isArray(copy.findings)).toBe(true);
  });
});

describe('runEngineRequest export with secrets', () => {
  it('takes the page\'s age and vault choices and keeps every key out of wg0.conf', async () => {
    const design = parsed('point-to-point');
    for (const secrets of [
      { mode: 'age', recipients: ['age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'] },
      { mode: 'vault', path: 'secret/wg-designer/p2p' },
    ] as const) {
      const r = await runEngineRequest({ type: 'export', design, options: { secrets } }, seededRandom(4));
      expect(r.secrets.length).toBe(2);
      for (const f of r.files.filter((x) => x.path.endsWith('wg0.conf'))) expect(f.content).not.toMatch(/^PrivateKey =/m);
    }
  });
});

describe('runEngineRequest matrix', () => {
  it('walks the matrix of a design and its result survives postMessage', async () => {
    const r = await runEngineRequest({ type: 'matrix', design: fixtureDesign('hub-and-spoke') }, seededRandom(1));
    if (r.kind !== 'matrix') throw new Error('expected a matrix');
    expect(r.matrix.rows).toContain('hub');
    expect(r.matrix.cells.some((c) => c.verdict.reachable)).toBe(true);
    expect(structuredClone(r)).toEqual(r);
  });
});
