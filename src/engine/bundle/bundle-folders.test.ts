import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { BUNDLE_FOLDERS } from '../model/bundle-folders';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';
import { bundleFiles } from './bundle-files';

describe('BUNDLE_FOLDERS (the host ids the schema refuses)', () => {
  it('lists every top-level folder a bundle writes that is not a host folder', () => {
    const designs = Object.keys(FIXTURES).map(fixtureDesign);
    // Monitoring and failover are optional outputs: make sure one design has both, with a diagram.
    const ops = fixtureDesign('ipv6-pppoe');
    ops.network.monitoring = { host: ops.hosts[0]?.id ?? '', exporterPort: 9586 };
    designs.push(ops);
    // And one with an external host that dials in (external/<id>.conf).
    const road = fixtureDesign('hub-and-spoke');
    const first = road.hosts[0];
    if (first) {
      road.hosts.push({ ...first, id: 'phone', external: true, dialsIn: true, addresses: ['10.10.3.50/32'], privateKey: null });
      road.tunnels.push({ id: 't-phone', a: first.id, b: 'phone', presharedKey: null, keepalive: null, allowedIPs: null });
    }
    designs.push(road);
    const folders = new Set<string>();
    for (const d of designs) {
      const hosts = new Set(d.hosts.map((h) => h.id));
      const files = bundleFiles(buildPlan(d), { ...DEFAULT_BUNDLE_OPTIONS, diagram: { svg: '<svg/>' } });
      for (const f of files) {
        const [top, ...rest] = f.path.split('/');
        if (rest.length > 0 && top !== undefined && !hosts.has(top)) folders.add(top);
      }
    }
    expect([...folders].sort()).toEqual([...BUNDLE_FOLDERS].sort());
  });
});
