import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { hostKeyCommand, renderCloudInit } from './cloud-init';
import { renderNftables } from './nftables';
import { renderWgQuick } from './wg-quick';

const plan = buildPlan(fixtureDesign('hub-and-spoke'));
const hub = plan.hosts.find((h) => h.routes)!;
const indented = (text: string, indent: string) => text.slice(0, -1).split('\n').map((l) => (l === '' ? '' : `${indent}${l}`)).join('\n');

describe('renderCloudInit', () => {
  const text = renderCloudInit(hub, { designName: 'orders', firewall: 'nftables' });

  it('is #cloud-config with the packages, the files at install.sh\'s paths and modes, and runcmd bringing wg0 up last', () => {
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expect(text).toContain('packages:\n  - "wireguard-tools"\n  - "nftables"\n');
    for (const [path, mode] of [['/etc/wireguard/wg0.conf', '0600'], ['/etc/wg-designer/firewall.nft', '0600'],
      ['/etc/systemd/system/wg-designer-firewall.service', '0644'], ['/etc/systemd/system/wg-quick@wg0.service.d/wg-designer.conf', '0644'],
      ['/etc/sysctl.d/90-wg-designer.conf', '0644']]) {
      expect(text).toContain(`  - path: "${path}"\n    owner: "root:root"\n    permissions: "${mode}"\n`);
    }
    const runcmd = text.slice(text.indexOf('runcmd:\n'));
    expect(runcmd.split('\n').filter((l) => l.startsWith('  - '))).toEqual([
      '  - ["chmod", "700", "/etc/wireguard"]',
      '  - ["sysctl", "-q", "-p", "/etc/sysctl.d/90-wg-designer.conf"]',
      '  - ["systemctl", "daemon-reload"]',
      '  - ["systemctl", "enable", "--now", "wg-designer-firewall.service"]',
      '  - ["systemctl", "enable", "--now", "wg-quick@wg0"]',
    ]);
  });

  it('holds wg0.conf with its key and the firewall byte for byte, as block literals', () => {
    expect(text).toContain(`    content: |\n${indented(renderWgQuick(hub, { privateKey: 'include', designName: 'orders' }), '      ')}\n`);
    expect(text).toContain(`PrivateKey = ${hub.privateKey}`);
    expect(text).toContain(indented(renderNftables(hub), '      '));
  });

  it('installs iptables and its two files with the iptables backend', () => {
    const ipt = renderCloudInit(hub, { designName: 'orders', firewall: 'iptables' });
    expect(ipt).toContain('  - "iptables"\n');
    expect(ipt).toContain('path: "/etc/wg-designer/firewall.iptables"');
    expect(ipt).toContain('path: "/etc/wg-designer/firewall.ip6tables"');
    expect(ipt).not.toContain('firewall.nft');
  });

  it('in host custody holds no private key: the host makes its own first, then wg0 starts', () => {
    const hp: HostPlan = { ...hub, privateKey: null, custody: 'host' };
    const t = renderCloudInit(hp, { designName: 'orders', firewall: 'nftables' });
    expect(t).not.toMatch(/^\s*PrivateKey\s*=/m);
    expect(t).toContain('# No private key here: the host makes its own at first boot');
    const lines = t.split('\n');
    const key = lines.findIndex((l) => l.includes('wg genkey > '));
    expect(key).toBeGreaterThan(lines.indexOf('runcmd:'));
    expect(key).toBeLessThan(lines.findIndex((l) => l.includes('wg-quick@wg0"]')));
  });

  it('makes a missing key once, writes it after [Interface] and prints the enroll line', () => {
    const cmd = hostKeyCommand('pg-1');
    expect(cmd).toContain('umask 077');
    expect(cmd).toContain('[ -s "$k" ] || wg genkey > "$k"');
    expect(cmd).toContain('grep -q "^PrivateKey" /etc/wireguard/wg0.conf || sed -i "/^\\[Interface\\]$/a PrivateKey = $(cat "$k")"');
    expect(cmd).toContain('echo "enroll: pg-1 $(wg pubkey < "$k")" )');
  });

  it('keeps user text on comment lines only', () => {
    const hp: HostPlan = { ...hub, name: 'evil\nruncmd: [reboot]' };
    const t = renderCloudInit(hp, { designName: 'd\n- "rm -rf /"', firewall: 'nftables' });
    for (const line of t.split('\n')) if (/evil|rm -rf/.test(line)) expect(line.trimStart().startsWith('#')).toBe(true);
  });
});
