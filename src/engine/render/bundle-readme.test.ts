import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
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
