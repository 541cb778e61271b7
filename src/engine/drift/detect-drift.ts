import { containsPrefix, formatPrefix, isDefaultRoute } from '../net';
import type { Prefix } from '../net';
import { COLLECTED_FILES } from '../render/collect-script';
import { WG_INTERFACE } from '../plan/types';
import type { HostPlan, Plan } from '../plan/types';
import { DriftInputError } from './drift-input-error';
import { firewallDrift } from './firewall-drift';
import { parseIpAddr } from './ip-addr';
import { routesVia } from './ip-route';
import { peerDrift } from './peer-drift';
import type { CollectedFleet, CollectedHost, DriftFinding } from './types';
import { parseWgDump } from './wg-dump';

/**
 * Compares a running network, as each host's collect.sh wrote it, with the design's plan: per managed host its wg0
 * (key, port, MTU, addresses), its peers (keys, AllowedIPs, endpoints, keepalive, handshakes on tunnels that carry
 * declared flows) and its firewall against the bundle's. `fleet` holds one folder per host, named for its id.
 * Throws DriftInputError naming the file (and line) when a host's folder or file is missing or unreadable.
 */
export function detectDrift(plan: Plan, fleet: CollectedFleet): DriftFinding[] {
  const managed = plan.hosts.filter((h) => !h.external);
  const out: DriftFinding[] = [];
  for (const hp of managed) {
    const files = fleet[hp.id];
    if (files === undefined) throw new DriftInputError(`${hp.id}/`, 0, `no folder for host ${hp.id}: run its collect.sh and copy the folder here`);
    out.push(...hostDrift(plan, hp, files));
  }
  const known = new Set(managed.map((h) => h.id));
  for (const name of Object.keys(fleet).sort()) {
    if (!known.has(name)) out.push({ host: name, peer: null, tunnel: null, what: 'host-unknown', expected: 'nothing', actual: `a collected folder ${name}/ the design has no managed host for` });
  }
  return out;
}

function hostDrift(plan: Plan, hp: HostPlan, files: CollectedHost): DriftFinding[] {
  const f = COLLECTED_FILES;
  const folder = hp.id;
  const read = (name: string) => {
    const text = files[name];
    if (text === undefined) throw new DriftInputError(`${folder}/${name}`, 0, 'is missing: run the bundle\'s collect.sh on the host again');
    return text;
  };
  const dump = parseWgDump(read(f.wgDump), `${folder}/${f.wgDump}`);
  const links = parseIpAddr(read(f.addr), `${folder}/${f.addr}`);
  const nowText = read(f.collectedAt).trim();
  if (!/^[0-9]{1,12}$/.test(nowText)) throw new DriftInputError(`${folder}/${f.collectedAt}`, 1, `"${nowText}" is not the Unix time date +%s prints`);
  const firewall = firewallDrift(hp, files, folder);
  const iface = dump.get(WG_INTERFACE);
  const link = links.get(WG_INTERFACE);
  const mine = (what: DriftFinding['what'], expected: string, actual: string): DriftFinding =>
    ({ host: hp.id, peer: null, tunnel: null, what, expected, actual });
  if (!iface || !link) {
    // Every peer, address and MTU is gone with it: one finding says so, not one per peer.
    return [mine('interface-missing', `${WG_INTERFACE} up`, iface ? `no link ${WG_INTERFACE} in ip addr` : `no ${WG_INTERFACE} in wg show all dump`), ...firewall];
  }
  // The interface first, then its peers, then the firewall: the order an operator fixes them in.
  const out: DriftFinding[] = [];
  if (!link.up) out.push(mine('interface-down', `${WG_INTERFACE} up`, `${WG_INTERFACE} is down (ip link set ${WG_INTERFACE} down?): no traffic passes`));
  if (hp.publicKey !== null && iface.publicKey !== hp.publicKey) out.push(mine('interface-key', hp.publicKey, iface.publicKey));
  // A host with no fixed port (randomListenPort) takes whatever port wg chose: nothing to compare.
  if (hp.listenPort !== null && iface.listenPort !== hp.listenPort) out.push(mine('listen-port', String(hp.listenPort), String(iface.listenPort)));
  if (link.mtu !== hp.mtu) out.push(mine('mtu', String(hp.mtu), String(link.mtu)));
  const addresses = hp.addresses.map(formatPrefix).sort();
  if (addresses.join(',') !== link.addresses.join(',')) out.push(mine('address', addresses.join(', '), link.addresses.join(', ') || '(none)'));
  const carriesFlows = new Set<string>();
  for (const flow of plan.flows) {
    const path = flow.path ?? [];
    path.forEach((id, i) => {
      const next = path[i + 1];
      if (next === undefined) return;
      if (id === hp.id) carriesFlows.add(next);
      if (next === hp.id) carriesFlows.add(id);
    });
  }
  const routes = [
    ...routesVia(read(f.route4), `${folder}/${f.route4}`, WG_INTERFACE, 4),
    ...routesVia(read(f.route6), `${folder}/${f.route6}`, WG_INTERFACE, 6),
  ];
  return [...out, ...peerDrift({ hp, live: iface, now: Number(nowText), carriesFlows }), ...routeDrift(hp, routes), ...firewall];
}

/**
 * wg-quick routes each peer's AllowedIPs through wg0 (one route per prefix unless one already covers it): a prefix
 * no route through wg0 covers is sent elsewhere, whatever wg shows. A /0 is left out: wg-quick routes it through a
 * table of its own (fwmark), not the main table collect.sh lists.
 */
function routeDrift(hp: HostPlan, routes: readonly Prefix[]): DriftFinding[] {
  return hp.peers.flatMap((p) => {
    const unrouted = p.allowedIPs.filter((a) => !isDefaultRoute(a) && !routes.some((r) => containsPrefix(r, a)));
    if (unrouted.length === 0) return [];
    const list = unrouted.map(formatPrefix).join(', ');
    return [{ host: hp.id, peer: p.hostId, tunnel: p.tunnelId, what: 'route-missing' as const, expected: `a route through ${WG_INTERFACE} for ${list}`, actual: 'none in the main table' }];
  });
}
