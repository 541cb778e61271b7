import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { seededRandom } from '../keys';
import { completeDesign } from '../complete/complete-design';
import { buildPlan } from '../plan/build-plan';
import { normalisePrefixText } from '../testing/prefix-text';
import { importConfigs } from './import-configs';
import { parseWgQuick } from './wg-quick-parse';
import type { ParsedConfig } from './wg-quick-parse';

const names = ['hub', 'app', 'db'];
const read = (n: string) => readFileSync(new URL(`../__fixtures__/hand-written/${n}.conf`, import.meta.url), 'utf8');
const originals = new Map(names.map((n) => [n, parseWgQuick(read(n), `${n}.conf`)]));

/** What must survive: keys, addresses and per-peer AllowedIPs (as sets of networks), PSKs and endpoints. */
function essence(c: ParsedConfig) {
  return {
    privateKey: c.iface.privateKey,
    addresses: c.iface.addresses,
    peers: Object.fromEntries(c.peers.map((p) => [p.publicKey, {
      allowedIPs: p.allowedIPs.map(normalisePrefixText).sort(),
      presharedKey: p.presharedKey,
      endpoint: p.endpoint,
    }])),
  };
}

describe('import then export of hand-written configs', () => {
  const { design, warnings } = importConfigs(names.map((n) => ({ name: `${n}.conf`, text: read(n) })), 'legacy');
  const completed = completeDesign(design, { random: seededRandom(7), keys: true }).design;
  const files = bundleFiles(buildPlan(completed));

  it.each(names)('keeps every key, address and AllowedIPs of %s', (n) => {
    const exported = files.find((f) => f.path === `${n}/wg0.conf`);
    expect(exported, `${n}/wg0.conf in the bundle`).toBeDefined();
    const original = originals.get(n) as ParsedConfig;
    const back = parseWgQuick(exported?.content ?? '', `${n}/wg0.conf`);
    expect(essence(back)).toEqual(essence(original));
    // An MTU the hand-written config set is kept; where it set none, the engine chooses one from the underlay.
    if (original.iface.mtu !== null) expect(back.iface.mtu).toBe(original.iface.mtu);
  });

  it('makes the unknown peer an external host with no bundle, and the hub a gateway', () => {
    const external = design.hosts.filter((h) => h.external);
    expect(external).toHaveLength(1);
    expect(external[0]?.addresses).toEqual(['10.0.0.9/32']);
    expect(files.some((f) => f.path.startsWith(`${external[0]?.id}/`))).toBe(false);
    expect(design.hosts.find((h) => h.id === 'hub')?.role).toBe('gateway');
  });

  it('says what it dropped and what the user must still do', () => {
    expect(warnings.join('\n')).toMatch(/hub\.conf: PostUp not kept \(.+\): the bundle runs no hooks/);
    expect(warnings.join('\n')).toMatch(/hub\.conf: PostDown not kept/);
    expect(warnings.join('\n')).toMatch(/db\.conf: DNS = .+ not kept: the bundle sets no resolver/);
    expect(warnings.join('\n')).toMatch(/no flows are declared/);
  });

  it('generates no key and no preshared key the configs did not have', () => {
    const again = completeDesign(design, { random: seededRandom(8), keys: true });
    expect(again.generatedKeys).toEqual([]);
    expect(again.generatedPresharedKeys).toEqual([]);
  });
});
