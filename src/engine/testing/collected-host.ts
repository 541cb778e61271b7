import { formatPrefix, isHostPrefix } from '../net';
import type { HostPlan, Plan } from '../plan/types';
import { COLLECTED_FILES } from '../render/collect-script';
import { renderIptables } from '../render/iptables';

export interface CollectedEdit {
  /** Rewrites the dump's peer lines (tab-separated, as wg show all dump prints them). */
  peers?: (lines: string[]) => string[];
  mtu?: number;
  /** wg0 without its UP flag, as after `ip link set wg0 down`. */
  down?: boolean;
}

/**
 * What collect.sh would write for a host that is exactly as the plan says, at `now`: every handshake 30 s old. The
 * firewall is the bundle's own iptables pair standing in for iptables-save (nft's JSON is tested on real nft).
 */
export function collectedHost(hp: HostPlan, now: number, edit: CollectedEdit = {}): Record<string, string> {
  const peers = hp.peers.map((p) => [
    'wg0', p.publicKey ?? '', p.presharedKey === null ? '(none)' : '(redacted)', p.endpoint ?? '(none)', p.allowedIPs.map(formatPrefix).join(',') || '(none)',
    String(now - 30), '100', '200', p.keepalive === null ? 'off' : String(p.keepalive),
  ].join('\t'));
  const dump = [['wg0', '(redacted)', hp.publicKey ?? '', String(hp.listenPort ?? 43117), 'off'].join('\t'), ...(edit.peers ?? ((l) => l))(peers)];
  const links = [
    { ifname: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], mtu: 65536, addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host' }] },
    { ifname: 'wg0', flags: ['POINTOPOINT', 'NOARP', ...(edit.down ? [] : ['UP', 'LOWER_UP'])], mtu: edit.mtu ?? hp.mtu, addr_info: hp.addresses.map((a) => {
      const [local = '', len = ''] = formatPrefix(a).split('/');
      return { family: a.family === 4 ? 'inet' : 'inet6', local, prefixlen: Number(len), scope: 'global' };
    }) },
  ];
  // As wg-quick leaves them: a route through wg0 per AllowedIPs (host routes without their length, as ip prints them).
  const routes = (family: 4 | 6) => JSON.stringify(hp.peers.flatMap((p) => p.allowedIPs).filter((a) => a.family === family)
    .map((a) => ({ dst: isHostPrefix(a) ? formatPrefix(a).split('/')[0] : formatPrefix(a), dev: 'wg0', scope: 'link', flags: [] })));
  const f = COLLECTED_FILES;
  return {
    [f.wgDump]: `${dump.join('\n')}\n`,
    [f.addr]: JSON.stringify(links, null, 2),
    [f.route4]: routes(4),
    [f.route6]: routes(6),
    [f.iptables4]: renderIptables(hp, 4),
    [f.iptables6]: renderIptables(hp, 6),
    [f.collectedAt]: `${now}\n`,
  };
}

/** collectedHost for every managed host of the plan, with edits by host id. */
export function collectedFleet(plan: Plan, now: number, edits: Readonly<Record<string, CollectedEdit>> = {}): Record<string, Record<string, string>> {
  return Object.fromEntries(plan.hosts.filter((h) => !h.external).map((hp) => [hp.id, collectedHost(hp, now, edits[hp.id])]));
}
