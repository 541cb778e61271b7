import { describe, expect, it } from 'vitest';
import { addressOf, formatAddress } from '../../net';
import type { Prefix } from '../../net';
import { buildPlan } from '../../plan/build-plan';
import { fixtureDesign } from '../../testing/fixture-design';
import { bundleFiles } from '../bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle-options';
import { OUTPUTS } from '.';
import type { Output } from '.';

const ip = (p: Prefix) => formatAddress(addressOf(p));

/** The example of render/README.md: a new output is this object (its own file in outputs/) and one registry line. */
const hostsTxt: Output = {
  id: 'hosts-txt',
  host: ({ plan }) => (hp) => [{
    path: `${hp.id}/hosts.txt`,
    content: plan.hosts.map((h) => `${h.addresses.map(ip).join(' ')} ${h.id}\n`).join(''),
    mode: 0o644,
  }],
};

describe('the output registry', () => {
  const plan = buildPlan(fixtureDesign('hub-and-spoke'));

  it('adds a new output with one registry entry: a file per managed host, every other file as it was', () => {
    const before = bundleFiles(plan, DEFAULT_BUNDLE_OPTIONS);
    const after = bundleFiles(plan, DEFAULT_BUNDLE_OPTIONS, [...OUTPUTS, hostsTxt]);
    const added = after.filter((f) => f.path.endsWith('/hosts.txt'));
    const managed = plan.hosts.filter((h) => !h.external).map((h) => h.id);
    expect(added.map((f) => f.path.split('/')[0])).toEqual(managed);
    expect(added[0]!.content).toContain(`${ip(plan.hosts[0]!.addresses[0]!)} ${plan.hosts[0]!.id}\n`);
    expect(after.filter((f) => !f.path.endsWith('/hosts.txt'))).toEqual(before);
  });

  it('leaves out an output whose when() is false for the options', () => {
    const paths = (qos: { bulkRateMbit: number; linkRateMbit: number } | null) => bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, qos }).map((f) => f.path);
    expect(paths(null).some((p) => p.endsWith('/qos.sh'))).toBe(false);
    expect(paths({ bulkRateMbit: 100, linkRateMbit: 1000 }).filter((p) => p.endsWith('/qos.sh'))).toHaveLength(plan.hosts.filter((h) => !h.external).length);
  });

  it('adds networkd/ and cloud-init/ per managed host only with hostSetups, every other file as it was but README.md\'s note', () => {
    const before = bundleFiles(plan, DEFAULT_BUNDLE_OPTIONS);
    const after = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, hostSetups: ['networkd', 'cloud-init'] });
    const added = after.filter((f) => /\/(networkd|cloud-init)\//.test(f.path));
    const managed = plan.hosts.filter((h) => !h.external).map((h) => h.id);
    expect(added.map((f) => f.path)).toEqual(managed.flatMap((id) => [
      `${id}/networkd/wg0.netdev`, `${id}/networkd/wg0.network`, `${id}/networkd/install-networkd.sh`, `${id}/cloud-init/user-data`,
    ]));
    expect(added.map((f) => f.mode.toString(8))).toEqual(managed.flatMap(() => ['600', '644', '755', '600']));
    const readme = (files: typeof before) => files.find((f) => f.path === 'README.md')!.content;
    expect(readme(after)).toContain('networkd/install-networkd.sh');
    const rest = (files: typeof before) => files.filter((f) => !added.includes(f) && f.path !== 'README.md');
    expect(rest(after)).toEqual(rest(before));
    expect(after.length).toBe(before.length + added.length);
    const one = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, hostSetups: ['cloud-init'] });
    expect(one.some((f) => f.path.includes('/networkd/'))).toBe(false);
  });

  it('gives every output its own id', () => {
    expect(new Set(OUTPUTS.map((o) => o.id)).size).toBe(OUTPUTS.length);
  });
});
