import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { generateDesign } from '../testing/generate-design';
import { renderBundleReadme } from './bundle-readme';

describe('renderBundleReadme and the secrets modes', () => {
  const plan = buildPlan(fixtureDesign('point-to-point'));

  it('is unchanged in plain mode', () => {
    expect(renderBundleReadme(plan, [], false, 'plain')).toBe(renderBundleReadme(plan));
  });

  it('says where the keys are and how install.sh gets them', () => {
    expect(renderBundleReadme(plan, [], false, 'age')).toContain('WG_DESIGNER_AGE_IDENTITY');
    expect(renderBundleReadme(plan, [], false, 'age')).toContain('| this bundle, age-encrypted (secrets.age) |');
    expect(renderBundleReadme(plan, [], false, 'ansible-vault')).toContain('--vault-password-file');
    expect(renderBundleReadme(plan, [], false, 'vault')).toContain('| HashiCorp Vault |');
  });

  it('says how to use the networkd and cloud-init files only when the export has them', () => {
    expect(renderBundleReadme(plan, [], false, 'plain', [])).toBe(renderBundleReadme(plan));
    const both = renderBundleReadme(plan, [], false, 'plain', ['networkd', 'cloud-init']);
    expect(both).toContain('run `sudo networkd/install-networkd.sh` in its folder instead of install.sh');
    expect(both).toContain("give its folder's `cloud-init/user-data` as the instance's user-data");
    expect(renderBundleReadme(plan, [], false, 'plain', ['cloud-init'])).not.toContain('networkd');
  });
});

describe('renderBundleReadme of a large network', () => {
  it('lists every tunnel and flow up to 1,000 rows', () => {
    const plan = buildPlan(generateDesign({ shape: 'hub-and-spoke', hosts: 300 }));
    const text = renderBundleReadme(plan);
    expect(text).toContain('| t-app-283 | hub - app-283 |');
    expect(text).toContain('| f-app-283 | app-283 | db-');
  });

  it('counts the tunnels of a 400-host mesh instead of listing 79,800 rows, and says where they are', () => {
    const plan = buildPlan(generateDesign({ shape: 'full-mesh', hosts: 400 }));
    const text = renderBundleReadme(plan);
    expect(text).toContain("79,800 tunnels: too many to list here. design.json lists them all, and each host's wg0.conf holds its own peers");
    expect(text).toMatch(/\| 1440 \| 79,800 \|/);
    expect(text).not.toContain('| t-0-1 |');
    // Every host is still listed (its public key is what its peers' operators need), and flows fit under 1,000.
    expect(text).toContain('| pg-399 |');
    expect(text).toContain('| r-398 | pg-398 | pg-399 |');
    expect(text.length).toBeLessThan(200_000);
  }, 60_000);
});
