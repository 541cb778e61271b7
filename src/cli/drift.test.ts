import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './testing/run-cli';
import { buildPlan, completeDesign, parseDesignText, publicKeyOf, seededRandom } from '../engine';
import type { Design } from '../engine';
import { collectedFleet } from '../engine/testing/collected-host';
import type { CollectedEdit } from '../engine/testing/collected-host';

const dir = mkdtempSync(join(tmpdir(), 'wgd-drift-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = new URL('../engine/__fixtures__/hub-and-spoke.json', import.meta.url).pathname;
const design = join(dir, 'orders.json');
const NOW = 1_900_000_000;

/** The design as exported (addresses pinned, keys from the keys file), planned as drift plans it. */
function exportedPlan() {
  const parsed = parseDesignText(readFileSync(design, 'utf8'));
  if (!parsed.ok) throw new Error('design');
  const keys = JSON.parse(readFileSync(join(dir, 'orders.keys.json'), 'utf8')) as {
    hosts: Record<string, { privateKey: string }>; tunnels: Record<string, { presharedKey: string }>;
  };
  const withKeys: Design = {
    ...parsed.value,
    hosts: parsed.value.hosts.map((h) => {
      const k = keys.hosts[h.id];
      return k ? { ...h, publicKey: publicKeyOf(k.privateKey) } : h;
    }),
    tunnels: parsed.value.tunnels.map((t) => ({ ...t, presharedKey: keys.tunnels[t.id]?.presharedKey ?? null })),
  };
  return buildPlan(completeDesign(withKeys, { random: seededRandom(0), keys: false }).design);
}

function writeFleet(name: string, edits: Readonly<Record<string, CollectedEdit>> = {}, drop?: string): string {
  const root = join(dir, name);
  for (const [host, files] of Object.entries(collectedFleet(exportedPlan(), NOW, edits))) {
    if (host === drop) continue;
    mkdirSync(join(root, host), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, host, file), text);
  }
  return root;
}

describe('wg-designer drift', () => {
  beforeAll(async () => {
    copyFileSync(fixture, design);
    const r = await cli('export', design, '-o', join(dir, 'bundle.zip'), '--firewall', 'iptables');
    expect(r.code, r.err).toBe(0);
  });

  it('exits 0 and says so when the network is as designed', async () => {
    const r = await cli('drift', design, '--live', writeFleet('clean'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/clean: no drift, \d+ hosts as designed$/);
  });

  it('exits 1 and lists each difference, as text or JSON', async () => {
    const plan = exportedPlan();
    const hub = plan.hosts.find((h) => h.peers.length > 1);
    const gone = hub?.peers[0];
    const live = writeFleet('drifted', { [hub?.id ?? '']: { peers: (l) => l.slice(1) } });
    const text = await cli('drift', design, '--live', live);
    expect(text.code).toBe(1);
    expect(text.out.split('\n')).toEqual([
      `${hub?.id} peer ${gone?.hostId} (tunnel ${gone?.tunnelId}): peer-missing: expected peer ${gone?.hostId} (${gone?.publicKey}); live not on the interface`,
      `${live}: 1 difference on 1 host`,
    ]);
    const json = await cli('drift', design, '--live', live, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({ design: 'orders hub-and-spoke', drift: true, findings: [
      { host: hub?.id, peer: gone?.hostId, tunnel: gone?.tunnelId, what: 'peer-missing', expected: `peer ${gone?.hostId} (${gone?.publicKey})`, actual: 'not on the interface' },
    ] });
  });

  it('reads the preshared keys from the keys file: one missing live is drift', async () => {
    const plan = exportedPlan();
    const host = plan.hosts[0];
    const live = writeFleet('no-psk', { [host?.id ?? '']: { peers: (l) => l.map((x) => x.replace('(redacted)', '(none)')) } });
    const r = await cli('drift', design, '--live', live);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${host?.id} peer ${host?.peers[0]?.hostId} (tunnel ${host?.peers[0]?.tunnelId}): preshared-key: expected a preshared key; live none`);
  });

  it('exits 2 with one line naming the path when a folder, a file or the live folder is missing or damaged', async () => {
    const host = exportedPlan().hosts[0]?.id ?? '';
    const noHost = writeFleet('partial', {}, host);
    expect(await cli('drift', design, '--live', noHost)).toMatchObject({ code: 2, out: '', err: `wg-designer: ${join(noHost, host)}/: no folder for host ${host}: run its collect.sh and copy the folder here` });
    const damaged = writeFleet('damaged');
    writeFileSync(join(damaged, host, 'wg-dump.txt'), 'wg0\tjunk\n');
    expect(await cli('drift', design, '--live', damaged)).toMatchObject({ code: 2, err: `wg-designer: ${join(damaged, host, 'wg-dump.txt')} line 1: 2 tab-separated columns; wg show all dump prints 5 (interface) or 9 (peer)` });
    const none = join(dir, 'nowhere');
    expect(await cli('drift', design, '--live', none)).toMatchObject({ code: 2, err: `wg-designer: ${none}: no such folder (the folder holding one folder per host, as collect.sh writes them)` });
    expect((await cli('drift', design)).code).toBe(2);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect((await cli('drift', join(dir, 'broken.json'), '--live', damaged)).code).toBe(2);
  });
});
