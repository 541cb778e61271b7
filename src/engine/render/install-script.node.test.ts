import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';
import { renderWgQuick } from './wg-quick';
import type { FirewallBackend } from './install-script';

/**
 * install.sh as a transaction, on real WireGuard (wireguard-go), nftables and iptables, in throwaway namespaces with
 * a private /etc. pg-1 runs its install.sh; pg-2 is a plain wg-quick peer. Bundle 1 gives pg-1 the peer pg-2;
 * bundle 2 adds pg-3.
 */
const full = fixtureDesign('mesh-3', 7);
const older: Design = { ...full, tunnels: full.tunnels.filter((t) => t.id !== 't-1-3'), flows: full.flows.filter((f) => f.id !== 'r-1-3') };
const env = 'WG_DESIGNER_NO_SYSTEMD=1 WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go';

/** Everything a rollback must put back, counters aside: rulesets, our files (path, mode, hash), wg0 and routes. */
const STATE = [
  "nft list ruleset | sed -E 's/packets [0-9]+ bytes [0-9]+//'",
  "iptables-save | grep -v '^#' | sed -E 's/\\[[0-9]+:[0-9]+\\]//'",
  "ip6tables-save | grep -v '^#' | sed -E 's/\\[[0-9]+:[0-9]+\\]//'",
  'find /etc/wg-designer /etc/wireguard /etc/systemd/system /etc/sysctl.d -printf "%p %m\\n" 2>/dev/null | sort',
  'find /etc/wg-designer /etc/wireguard /etc/systemd/system /etc/sysctl.d -type f -exec sha256sum {} + 2>/dev/null | sort',
  'ip -o link show wg0 2>&1 | sed -E "s/ qlen [0-9]+//"',
  'wg showconf wg0 2>&1; wg show wg0 latest-handshakes 2>&1',
  'ip -o address show dev wg0 2>&1; ip route show dev wg0 2>&1; ip -6 route show dev wg0 2>&1',
  'sysctl net.ipv4.ip_forward',
].join('; echo ---; ');

function writeBundle(root: string, design: Design, firewall: FirewallBackend, corrupt = false): string {
  const dir = mkdtempSync(join(root, 'bundle-'));
  for (const f of bundleFiles(buildPlan(design), { ...DEFAULT_BUNDLE_OPTIONS, firewall })) {
    if (!f.path.startsWith('pg-1/')) continue;
    // A key of the wrong length: `wg-quick strip` passes it through, `wg` refuses it after the firewall is applied.
    const content = corrupt && f.path === 'pg-1/wg0.conf' ? f.content.replace(/(# Peer pg-3[^]*?PublicKey = )\S+/, '$1AAAA') : f.content;
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), content, { mode: f.mode });
  }
  return join(dir, 'pg-1');
}

describe.each(['nftables', 'iptables'] as const)('install.sh on real WireGuard with %s', (firewall) => {
  it('is a transaction: refusals and failures change nothing, re-runs restart nothing, a new peer keeps sessions', async () => {
    const tag = `wgd-ins-${firewall.slice(0, 3)}-${process.pid}`;
    const host = new NetnsHost(`${tag}-1`);
    const peer = new NetnsHost(`${tag}-2`);
    const root = mkdtempSync(join(tmpdir(), 'wgd-ins-'));
    try {
      await host.start({ wg0: false });
      await peer.start();
      link(host, peer, '203.0.113.31', '203.0.113.32', 0);
      const peerPlan = buildPlan(full).byId.get('pg-2') as HostPlan;
      const up = peer.up(peerPlan, renderWgQuick(peerPlan, { privateKey: 'include', designName: full.name }));
      expect(up.ok, up.out).toBe(true);
      const install = (dir: string, answer: string | null) =>
        host.run(`cd ${dir} && ${env} ./install.sh${answer === null ? ' --yes' : ''}`, answer ?? '');
      const state = () => host.run(STATE).out;
      const handshake = () => host.run(`wg show wg0 latest-handshakes | awk '$1 == "${peerPlan.host.publicKey}" { print $2 }'`).out.trim();
      const ifindex = () => host.run('cat /sys/class/net/wg0/ifindex').out.trim();
      const b1 = writeBundle(root, older, firewall);
      const b2 = writeBundle(root, full, firewall);
      const bad = writeBundle(root, full, firewall, true);

      // (a) a refused install on a fresh host leaves it exactly as it was, without wg0.
      const fresh = state();
      expect(fresh).toContain('does not exist');
      const refused = install(b1, 'no\n');
      expect(refused.ok, refused.out).toBe(false);
      expect(refused.out).toContain('not confirmed: everything is back');
      expect(state()).toBe(fresh);

      // Installed and confirmed: the tunnel to pg-2 carries traffic.
      const first = install(b1, 'yes\n');
      expect(first.ok, first.out).toBe(true);
      expect(host.ping('10.10.0.2'), 'ping pg-2 after the first install').toBe(true);
      const installed = state();
      const [index, shake] = [ifindex(), handshake()];
      expect(Number(shake)).toBeGreaterThan(0);

      // (c) the same bundle again: nothing changes, nothing restarts.
      const again = install(b1, null);
      expect(again.ok, again.out).toBe(true);
      expect(again.out).toContain('nothing to change');
      expect([ifindex(), handshake()]).toEqual([index, shake]);
      expect(state()).toBe(installed);

      // (b) a refused re-install with a newer bundle: exactly the first bundle's state, session included.
      const refusedAgain = install(b2, 'no\n');
      expect(refusedAgain.ok, refusedAgain.out).toBe(false);
      expect(state()).toBe(installed);

      // (e) a step that fails after the firewall changed (wg refuses a key) rolls all of it back too.
      const broken = install(bad, null);
      expect(broken.ok, broken.out).toBe(false);
      expect(broken.out).toContain('a step failed: everything is back');
      expect(state()).toBe(installed);

      // A dropped session (SIGHUP) while the question waits: all of it comes back as well.
      const hangup = host.run([
        `cd ${b2} && f=$(mktemp -u) && mkfifo "$f"`,
        `{ ${env} WG_DESIGNER_CONFIRM_SECONDS=30 ./install.sh < "$f" & pid=$!; exec 3> "$f"; }`,
        'for _ in $(seq 100); do [ "$(wg show wg0 peers | wc -l)" = 2 ] && break; sleep 0.1; done',
        'kill -HUP "$pid"; wait "$pid"; rc=$?; exec 3>&-; rm -f "$f"; echo "rc=$rc"',
      ].join('\n'));
      expect(hangup.out).toContain('the session dropped: everything is back');
      expect(hangup.out).toContain('rc=129');
      expect(state()).toBe(installed);

      // (d) a bundle that adds a peer: no restart, pg-2's session survives.
      const second = install(b2, 'yes\n');
      expect(second.ok, second.out).toBe(true);
      expect([ifindex(), handshake()]).toEqual([index, shake]);
      expect(host.run('wg show wg0 peers').out.trim().split('\n')).toHaveLength(2);
      expect(host.run('ip route get 10.10.0.3').out, host.run('wg show wg0 allowedips; ip address; ip route').out + second.out).toContain('dev wg0');
      expect(host.ping('10.10.0.2', 1), 'ping pg-2 after adding pg-3').toBe(true);
    } finally {
      host.stop();
      peer.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
