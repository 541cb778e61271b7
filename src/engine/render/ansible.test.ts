import { describe, expect, it } from 'vitest';
import { renderPlaybook } from './ansible';

// What makes the roll-out safe to repeat; `ansible-playbook --syntax-check` runs in bundle-tools.node.test.ts.
describe.each(['nftables', 'iptables'] as const)('ansible/site.yml (%s)', (firewall) => {
  const play = renderPlaybook(firewall);

  it('reports changes honestly and restarts nothing', () => {
    expect(play).not.toContain('changed_when: true');
    expect(play).not.toMatch(/restart|state: restarted/);
    expect(play).toContain('when: wg_bundle.changed');
  });

  it('stops at the first failure, in batches, and fails on a failed check', () => {
    expect(play).toContain('max_fail_percentage: 0');
    expect(play).toContain('serial:');
    expect(play).not.toContain('failed_when: false');
    expect(play).toContain('cmd: ./check.sh');
  });

  it('keeps the folder with the private key only under /etc/wireguard, root-only, out of the log', () => {
    expect(play).not.toContain('/opt/');
    expect(play).toContain('install_dir: /etc/wireguard/wg-designer-bundle');
    expect(play).toContain('mode: "0700"');
    expect(play).toContain('no_log: true');
  });
});

describe('ansible/site.yml with secrets', () => {
  it('is unchanged in plain mode and tells how the keys arrive otherwise', () => {
    expect(renderPlaybook('nftables', 'plain')).toBe(renderPlaybook('nftables'));
    expect(renderPlaybook('nftables', 'ansible-vault')).toContain('--vault-password-file');
    expect(renderPlaybook('nftables', 'age')).toContain('secrets.age');
    const vault = renderPlaybook('nftables', 'vault');
    expect(vault).toContain('VAULT_ADDR: "{{ vault_addr }}"');
    expect(vault.split('\n').filter((l) => l.includes('no_log: true'))).toHaveLength(1);
  });
});
