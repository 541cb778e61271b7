import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { bundleFiles } from './bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';

// The networkd and cloud-init files (--host-setup) of two fixtures, as bundle-snapshots.test.ts keeps every default
// file: site-to-site routes lans through gateways (sysctl, routes to the lans), primary-replica has preshared keys
// and a floating address. Update deliberately with `npx vitest run -u`.
describe.each(['site-to-site', 'primary-replica'])('host setups of the %s bundle', (name) => {
  const files = bundleFiles(buildPlan(fixtureDesign(name)), { ...DEFAULT_BUNDLE_OPTIONS, hostSetups: ['networkd', 'cloud-init'] })
    .filter((f) => /^[a-z0-9-]+\/(networkd|cloud-init)\//.test(f.path));

  it('has files to snapshot', () => expect(files.length).toBeGreaterThan(0));

  it.each(files.map((f) => [f.path, f.content]))('%s', async (path, content) => {
    await expect(content).toMatchFileSnapshot(`./__snapshots__/host-setups/${name}/${path}`);
  });
});
