import type { Design, Host } from '../design';

/** The host a flow's `to` names (`gateway-id/service-id` names the gateway). */
const targetHost = (to: string) => to.split('/')[0] ?? to;

/**
 * What Ctrl+C keeps of some hosts: a design holding those hosts and the tunnels and flows among them, to paste as
 * new hosts (paste-hosts.ts). What names one machine or one interface is left out, so a paste can never be the
 * same host twice: the overlay addresses (the pools give the copies their own), the keys (a public key is one
 * WireGuard interface; the copies get new pairs), the endpoint (one UDP socket answers for one key) and the
 * preshared keys and explicit AllowedIPs of the tunnels (they were made for the originals). Tunnels and flows to
 * hosts outside the selection, failover groups and monitoring are dropped. External peers are not copied: each
 * stands for one machine outside the design, and a keyless copy of it would be nobody. Null when nothing is left.
 */
export function copyHosts(design: Design, hostIds: readonly string[]): Design | null {
  const wanted = new Set(hostIds);
  const hosts = design.hosts.filter((h) => wanted.has(h.id) && !h.external).map(blankIdentity);
  if (hosts.length === 0) return null;
  const ids = new Set(hosts.map((h) => h.id));
  return {
    format: design.format,
    name: design.name,
    network: { ...design.network, monitoring: null },
    hosts,
    tunnels: design.tunnels
      .filter((t) => ids.has(t.a) && ids.has(t.b))
      .map((t) => ({ ...t, presharedKey: null, allowedIPs: null })),
    flows: design.flows.filter((f) => ids.has(f.from) && ids.has(targetHost(f.to))),
    failover: [],
  };
}

function blankIdentity(h: Host): Host {
  return { ...h, addresses: [], endpoint: null, publicKey: null, privateKey: null };
}
