import type { Host, Tunnel } from '../model/design';
import { addressOf, formatPrefix, hostPrefix, isDefaultRoute, lanProblem, networkOf, parsePrefix, prefixesOverlap } from '../net';
import type { Prefix } from '../net';
import { listed } from './host-id';

/** A host with a ListenPort and at least this many peers is what people call a hub or a VPN server. */
const HUB_PEERS = 3;

/** What one side of a tunnel sends to the other, as its config said (`self` routes `allowed` to `peer`). */
export interface ImportedSide {
  self: string;
  peer: string;
  allowed: readonly string[];
}

/**
 * Roles and lans from what the configs show, each a guess for the report. A wg-quick file says how packets move,
 * never what runs on a host: so no host is ever guessed to be a database (a ListenPort of 5432 is WireGuard's UDP
 * port, not PostgreSQL). Guessed: a peer that others route non-overlay prefixes to is a gateway and those prefixes are
 * its lans; a host others route more of the overlay through, or one with a ListenPort and many peers, is a gateway
 * (a hub); an external host that dials in is a client; every other host is an app host. Mutates `hosts`.
 */
export function inferRoles(hosts: Host[], tunnels: readonly Tunnel[], sides: readonly ImportedSide[]): string[] {
  const guesses: string[] = [];
  const overlay = hosts.flatMap((h) => h.addresses.map((a) => networkOf(parsePrefix(a))));
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const peerCount = new Map<string, number>();
  for (const t of tunnels) for (const id of [t.a, t.b]) peerCount.set(id, (peerCount.get(id) ?? 0) + 1);
  // What each host with a file sends on to its own peers: a prefix it passes on is no lan of its own (a hub
  // routing a site's lan to the site's gateway is not that site).
  const passesOn = new Map<string, Array<{ peer: string; prefixes: Prefix[] }>>();
  for (const { self, peer, allowed } of sides) {
    passesOn.set(self, [...(passesOn.get(self) ?? []), { peer, prefixes: allowed.map(parsePrefix) }]);
  }
  const forwarded = (host: string, from: string, p: Prefix) =>
    (passesOn.get(host) ?? []).some((s) => s.peer !== from && s.prefixes.some((q) => prefixesOverlap(p, q)));
  const why = new Map<string, string>();
  for (const { self, peer, allowed } of sides) {
    const other = byId.get(peer);
    if (!other) continue;
    const own = new Set(other.addresses.map((a) => ownAddress(parsePrefix(a))));
    const beyond = allowed.map(parsePrefix).filter((p) => !own.has(formatPrefix(networkOf(p))) && !isDefaultRoute(p));
    const lans = beyond.filter((p) => !overlay.some((o) => prefixesOverlap(o, p)) && lanProblem(p) === null && !forwarded(peer, self, p));
    for (const lan of lans.map((p) => formatPrefix(networkOf(p)))) if (!other.lans.includes(lan)) other.lans.push(lan);
    if (lans.length > 0) {
      // The lan routed the overlay back by itself before (the configs NAT nothing we keep): the bundle does not add NAT.
      other.masquerade = false;
      why.set(other.id, `lans ${other.lans.join(', ')}: ${self} routes them to it`);
    } else if (beyond.length > 0 && !why.has(other.id)) {
      why.set(other.id, `${self} routes ${formatPrefix(networkOf(beyond[0] as Prefix))} through it`);
    }
  }
  for (const h of hosts) {
    const peers = peerCount.get(h.id) ?? 0;
    if (!why.has(h.id) && !h.external && h.listenPort !== null && peers >= HUB_PEERS) {
      why.set(h.id, `it listens on port ${h.listenPort} and has ${peers} peers, as a hub does`);
    }
    const reason = why.get(h.id);
    if (reason !== undefined) {
      h.role = 'gateway';
      guesses.push(`${h.id}: gateway (${reason})`);
    } else {
      h.role = h.external ? 'client' : 'app';
    }
  }
  const apps = hosts.filter((h) => h.role === 'app').map((h) => h.id);
  if (apps.length > 0) {
    guesses.push(`${listed(apps)}: app (a WireGuard config does not say what runs on a host: set the role of database hosts to db, and their engine)`);
  }
  const clients = hosts.filter((h) => h.role === 'client').map((h) => h.id);
  if (clients.length > 0) guesses.push(`${listed(clients)}: client (external peers)`);
  return guesses;
}

/** The host route of an address as written (`10.8.0.1/24` -> `10.8.0.1/32`), as text. */
function ownAddress(p: Prefix): string {
  return formatPrefix(hostPrefix(addressOf(p)));
}
