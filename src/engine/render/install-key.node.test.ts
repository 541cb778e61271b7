import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { completeDesign } from '../complete/complete-design';
import { generateKeypair, seededRandom } from '../keys';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign, parsed } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';
import { renderWgQuick } from './wg-quick';

/**
 * Key custody on real WireGuard (wireguard-go) in throwaway namespaces with a private /etc: pg-1 runs its install.sh,
 * pg-2 is a plain wg-quick peer. Host custody makes the key on pg-1 and stops until it is enrolled; a private key
 * that does not give the design's public key is refused, in either custody, with nothing changed.
 */
const env = 'WG_DESIGNER_NO_SYSTEMD=1 WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go';
const KEY_RE = /enroll: pg-1 ([A-Za-z0-9+/]{43}=)/;

/** The mesh with pg-1 in host custody and, once enrolled, its public key. */
function hostCustody(publicKey: string | null): Design {
  const d = parsed('mesh-3');
  const hosts = d.hosts.map((h) => (h.id === 'pg-1' ? { ...h, keys: 'host' as const, publicKey } : h));
  return completeDesign({ ...d, hosts }, { random: seededRandom(7), keys: true }).design;
}

/** What a refusal must leave alone (counters aside): the ruleset, /etc/wireguard, the boot files, wg0. */
const STATE = [
  "nft list ruleset | sed -E 's/packets [0-9]+ bytes [0-9]+//'",
  'find /etc/wg-designer /etc/wireguard /etc/systemd/system /etc/sysctl.d -printf "%p %m\\n" 2>/dev/null | sort',
  'find /etc/wg-designer /etc/wireguard /etc/systemd/system /etc/sysctl.d -type f -exec sha256sum {} + 2>/dev/null | sort',
  // `wg show dump`, sorted: wireguard-go lists peers in no fixed order. Fields 1-4: keys, endpoint, allowed IPs.
  'wg show wg0 dump 2>&1 | cut -f1-4 | sort; ip -o address show dev wg0 2>&1; ip route show dev wg0 2>&1',
].join('; echo ---; ');

function writeBundle(root: string, design: Design, edit: (conf: string) => string = (c) => c): string {
  const dir = mkdtempSync(join(root, 'bundle-'));
  for (const f of bundleFiles(buildPlan(design), DEFAULT_BUNDLE_OPTIONS)) {
    if (f.path.startsWith('pg-1/')) mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    if (f.path.startsWith('pg-1/')) writeFileSync(join(dir, f.path), f.path === 'pg-1/wg0.conf' ? edit(f.content) : f.content, { mode: f.mode });
  }
  return join(dir, 'pg-1');
}

describe('install.sh key custody on real WireGuard', () => {
  it('host custody: makes the key (600), refuses until enrolled, installs after; a wrong key is refused in either custody', async () => {
    const tag = `wgd-key-${process.pid}`;
    const host = new NetnsHost(`${tag}-1`);
    const peer = new NetnsHost(`${tag}-2`);
    const root = mkdtempSync(join(tmpdir(), 'wgd-key-'));
    try {
      await host.start({ wg0: false });
      await peer.start();
      link(host, peer, '203.0.113.31', '203.0.113.32', 0);
      const install = (dir: string) => host.run(`cd ${dir} && ${env} ./install.sh --yes; echo "rc=$?"`);
      const state = () => host.run(STATE).out;
      const fresh = state();

      // Not enrolled: the key is made here and kept, its public key printed with the enroll command, nothing else changes.
      const unenrolled = writeBundle(root, hostCustody(null));
      const first = install(unenrolled);
      expect(first.out).toContain('rc=3');
      const key = KEY_RE.exec(first.out)?.[1] as string;
      expect(first.out).toContain(`wg-designer enroll design.json --host pg-1 --public-key ${key}`);
      expect(host.run('stat -c %a /etc/wireguard/wg0.key /etc/wireguard').out.split('\n').slice(0, 2)).toEqual(['600', '700']);
      expect(host.run('wg pubkey < /etc/wireguard/wg0.key').out.trim()).toBe(key);
      const outsideKeyDir = (s: string) => s.split('\n').filter((l) => !l.includes('/etc/wireguard')).join('\n');
      expect(outsideKeyDir(state())).toBe(outsideKeyDir(fresh));
      expect(host.run('ip link show wg0').ok).toBe(false);
      // Run again: the same key, still refused.
      const second = install(unenrolled);
      expect(second.out).toContain('rc=3');
      expect(KEY_RE.exec(second.out)?.[1]).toBe(key);

      // Enrolled and re-rendered: it installs, with the host's own key, and pg-2 (given the new key) reaches it.
      const enrolled = hostCustody(key);
      const peerPlan = buildPlan(enrolled).byId.get('pg-2') as HostPlan;
      const up = peer.up(peerPlan, renderWgQuick(peerPlan, { privateKey: 'include', designName: enrolled.name }));
      expect(up.ok, up.out).toBe(true);
      const installed = install(writeBundle(root, enrolled));
      expect(installed.out).toContain('rc=0');
      expect(host.run('wg show wg0 public-key').out.trim()).toBe(key);
      expect(host.ping('10.10.0.2'), 'ping pg-2 after enrolling').toBe(true);

      // Host custody, a key file that is not the enrolled one: refused, both fingerprints named, nothing changed.
      const other = generateKeypair(seededRandom(4242));
      host.run('cp -a /etc/wireguard/wg0.key /etc/wgd-test-wg0.key && (umask 077; cat > /etc/wireguard/wg0.key)', `${other.privateKey}\n`);
      const before = state();
      const wrong = install(writeBundle(root, enrolled));
      expect(wrong.out).toContain('rc=1');
      expect(wrong.out).toContain(`gives public key ${other.publicKey.slice(0, 8)} but the design (and every peer) expects ${key.slice(0, 8)}`);
      expect(state()).toBe(before);
      host.run('cp -a /etc/wgd-test-wg0.key /etc/wireguard/wg0.key && rm -f /etc/wgd-test-wg0.key');

      // Bundle custody, a wg0.conf whose PrivateKey is not the design's: refused the same way, nothing changed.
      const bundled = fixtureDesign('mesh-3', 7);
      const expected = bundled.hosts.find((h) => h.id === 'pg-1')?.publicKey as string;
      const tampered = writeBundle(root, bundled, (c) => c.replace(/^PrivateKey = \S+$/m, `PrivateKey = ${other.privateKey}`));
      const beforeBundle = state();
      const refused = install(tampered);
      expect(refused.out).toContain('rc=1');
      expect(refused.out).toContain(`gives public key ${other.publicKey.slice(0, 8)} but the design (and every peer) expects ${expected.slice(0, 8)}`);
      expect(state()).toBe(beforeBundle);
    } finally {
      host.stop();
      peer.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
