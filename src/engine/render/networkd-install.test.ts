import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { HOST_KEY_FILE } from './install-key';
import { renderNetworkdInstall } from './networkd-install';

const hub = buildPlan(fixtureDesign('hub-and-spoke')).hosts.find((h) => h.routes)!;

describe('renderNetworkdInstall', () => {
  const text = renderNetworkdInstall(hub, 'nftables');
  const lines = text.split('\n');
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle));

  it('checks the firewall and the key before it changes anything, then firewall, key, netdev, network', () => {
    expect(at('nft -c -f ../firewall.nft')).toBeGreaterThan(0);
    expect(at('nft -c -f ../firewall.nft')).toBeLessThan(at('install -d -m 700 /etc/wg-designer'));
    expect(at('| wg pubkey')).toBeLessThan(at('install -d -m 700 /etc/wg-designer'));
    expect(at('systemctl restart wg-designer-firewall.service')).toBeLessThan(at('/etc/systemd/network/wg0.netdev'));
    expect(at('/etc/systemd/network/wg0.netdev')).toBeLessThan(at('networkctl reload'));
    expect(text).toContain('! systemctl is-active --quiet wg-quick@wg0 || fail');
  });

  it('writes the key file from the bundle\'s wg0.conf, readable by networkd only: root:systemd-network 0640', () => {
    expect(text).toContain(`keyfile=${HOST_KEY_FILE}`);
    expect(text).toContain(`awk '$1 == "PrivateKey" { print $3; exit }' ../wg0.conf > "$keyfile.new"`);
    expect(text).toContain('chown root:systemd-network "$keyfile"\nchmod 640 "$keyfile"\n');
    expect(text).toContain('install -d -m 750 -o root -g systemd-network /etc/wireguard');
    expect(text).toContain('install -m 640 -o root -g systemd-network wg0.netdev /etc/systemd/network/wg0.netdev');
    expect(text).not.toContain(hub.privateKey as string);
  });

  it('in host custody makes the key on the host as install.sh does and never reads one from the bundle', () => {
    const t = renderNetworkdInstall({ ...hub, privateKey: null, custody: 'host' } as HostPlan, 'nftables');
    expect(t).toContain('wg genkey > "$keyfile.new"');
    expect(t).toContain(`echo "enroll: ${hub.id} $pub"`);
    expect(t).not.toContain('../wg0.conf >');
    expect(t).toContain('chmod 640 "$keyfile"');
  });

  it('installs the sysctl file and both iptables files with the iptables backend', () => {
    const t = renderNetworkdInstall(hub, 'iptables');
    expect(t).toContain('\niptables-restore --test ../firewall.iptables || fail');
    expect(t).toContain('\nip6tables-restore --test ../firewall.ip6tables || fail');
    expect(t).toContain('install -m 600 -o root -g root ../firewall.ip6tables /etc/wg-designer/firewall.ip6tables');
    expect(t).toContain('install -m 644 -o root -g root ../sysctl.conf /etc/sysctl.d/90-wg-designer.conf\n');
    expect(t).toContain('sysctl -q -p /etc/sysctl.d/90-wg-designer.conf');
  });
});
