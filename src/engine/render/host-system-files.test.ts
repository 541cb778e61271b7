import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { hostSystemFiles } from './host-system-files';

describe('hostSystemFiles', () => {
  const plan = buildPlan(fixtureDesign('hub-and-spoke'));

  it.each(['nftables', 'iptables'] as const)('are the bundle\'s own files (%s), byte for byte, at install.sh\'s paths', (firewall) => {
    const bundle = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, firewall });
    for (const hp of plan.hosts.filter((h) => !h.external)) {
      const files = hostSystemFiles(hp, firewall);
      for (const f of files) {
        expect(bundle.find((b) => b.path === `${hp.id}/${f.bundleName}`)?.content, `${hp.id}/${f.bundleName}`).toBe(f.content);
        expect(f.target).toMatch(/^\/etc\/(wg-designer|systemd\/system|sysctl\.d)\//);
      }
      expect(files.some((f) => f.bundleName === 'sysctl.conf')).toBe(hp.forwardIPv4 || hp.forwardIPv6);
    }
  });
});
