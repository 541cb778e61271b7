import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { seededRandom } from '../keys';
import { completeDesign } from '../complete/complete-design';
import { parseWgQuick } from '../import/wg-quick-parse';
import { buildPlan } from '../plan/build-plan';
import { parseSketch } from '../testing/design-builder';
import { CLIENT_KEY_PLACEHOLDER } from './client-config';

const PHONE_PUB = 'gN65BkIKy1eCE9pP1wdc8ROUtkHLF2PfAqYdyYBz6EA=';

function bundle(extra: Record<string, unknown> = {}) {
  const design = completeDesign(parseSketch({
    network: { presharedKeys: true },
    hosts: [
      { id: 'vpn', role: 'gateway', endpoint: 'vpn.example.net:51820', addresses: ['10.8.0.1/32'] },
      { id: 'phone', name: 'Ana\'s phone $(reboot)', role: 'client', external: true, dialsIn: true, publicKey: PHONE_PUB, addresses: ['10.8.0.7/32'], ...extra },
    ],
    tunnels: [['vpn', 'phone']],
  }), { random: seededRandom(3), keys: true }).design;
  return bundleFiles(buildPlan(design));
}

describe('external/<id>.conf for an external host that dials in', () => {
  const files = bundle();
  const file = files.find((f) => f.path === 'external/phone.conf');

  it('is a wg-quick config with the client address, the server as its peer, its endpoint and a keepalive', () => {
    expect(file?.mode).toBe(0o600);
    // The placeholder is the one line a parser refuses as a key; with it replaced the file is a complete config.
    const text = (file?.content ?? '').replace(CLIENT_KEY_PLACEHOLDER, 'PrivateKey = WAmgVYXkbT2bCtdcDwolI88/iVi/aV3/PHcUBTQSYmo=');
    const parsed = parseWgQuick(text, 'phone.conf');
    expect(parsed.iface.addresses).toEqual(['10.8.0.7/32']);
    expect(parsed.peers).toHaveLength(1);
    expect(parsed.peers[0]).toMatchObject({ endpoint: 'vpn.example.net:51820', persistentKeepalive: 25, allowedIPs: ['10.8.0.1/32'] });
    expect(parsed.peers[0]?.presharedKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const server = files.find((f) => f.path === 'vpn/wg0.conf')?.content ?? '';
    expect(server).toContain(`PresharedKey = ${parsed.peers[0]?.presharedKey}`);
    expect(server).toContain(`PublicKey = ${PHONE_PUB}`);
  });

  it('marks the private key clearly, and shows the user-written name only cleaned in a comment', () => {
    expect(file?.content).toContain(`\n${CLIENT_KEY_PLACEHOLDER}\n`);
    expect(file?.content).toMatch(/# REPLACE the next line with the client's own key \(wg genkey\); its public key must be gN65/);
    expect(file?.content).toContain('# Host: Ana s phone (reboot)');
    expect(file?.content).not.toContain('$(');
  });

  it('is written only for external hosts that dial in', () => {
    expect(bundle({ dialsIn: false }).some((f) => f.path.startsWith('external/'))).toBe(false);
  });
});
