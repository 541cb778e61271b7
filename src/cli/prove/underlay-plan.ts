import { net } from '../../engine';
import type { Design, Host } from '../../engine';

/** 4 or 6: the IP family of an underlay link or an overlay address. */
export type Fam = 4 | 6;

/**
 * The simulated internet is one router namespace. Every host's underlay link is a veth to it (or to its NAT
 * router), and the router's side of every link has the same gateway address: hosts route `default via` it.
 * Only documentation ranges are used (RFC 5737, RFC 3849), so no test packet can look like real traffic.
 */
export const INTERNET_GATEWAY: Readonly<Record<Fam, string>> = { 4: '192.0.2.1', 6: 'fe80::1' };
/** The router's own global addresses, the source of its underlay probes. */
export const INTERNET_SELF: Readonly<Record<Fam, string>> = { 4: '192.0.2.1', 6: '2001:db8:ffff::1' };

/** A NAT router in front of one host marked `behindNat`. */
export interface NatPlan {
  hostId: string;
  family: Fam;
  /** The router's address inside, the host's default gateway. */
  inside: string;
  /** The host's address inside. */
  host: string;
  insideLen: number;
  /** The router's public address on the internet. */
  outside: string;
  /** A host behind NAT that peers dial anyway: the router forwards this UDP port to it. */
  forwardPort: number | null;
}

/** Where one host sits on the underlay. */
export interface HostUnderlay {
  hostId: string;
  family: Fam;
  /** Its own underlay address (the inside address when behind NAT). */
  address: string;
  /** What peers see: its endpoint, or its NAT router's outside address. */
  publicAddress: string;
  mtu: number;
  nat: NatPlan | null;
}

/** A lan behind a gateway, holding its managed databases. */
export interface LanPlan {
  gatewayId: string;
  family: Fam;
  prefix: string;
  len: number;
  /** The gateway's own address in the lan; the lan's default route. */
  gatewayAddress: string;
  /** Addresses the lan namespace holds: every service address, or one spare host when there are none. */
  members: string[];
}

export interface UnderlayPlan {
  hosts: HostUnderlay[];
  lans: LanPlan[];
}

const ASSUMED_MTU = 1500;

/**
 * Lays the design's hosts out on a simulated underlay: hosts with an endpoint get its address on the internet,
 * others a spare documentation address (they only dial out), hosts behind NAT a private address behind their own
 * masquerading router, and gateways their lans. Pure: the namespaces are built from this by `underlay.ts`.
 */
export function planUnderlay(design: Design): UnderlayPlan {
  const used = new Set<string>(design.hosts.flatMap((h) => (h.endpoint ? [net.parseEndpoint(h.endpoint).host] : [])));
  const spare = spareAddresses(used);
  const hosts: HostUnderlay[] = [];
  let natIndex = 0;
  for (const h of design.hosts) {
    if (h.external) continue;
    const family = familyOf(h);
    const endpoint = h.endpoint ? net.parseEndpoint(h.endpoint) : null;
    if (endpoint?.kind === 'dns') throw new Error(`${h.id}: prove needs an IP endpoint on the underlay, not the name ${endpoint.host}`);
    const mtu = h.underlay?.mtu ?? ASSUMED_MTU;
    if (!h.behindNat) {
      const address = endpoint?.host ?? spare(family, 'host');
      hosts.push({ hostId: h.id, family, address, publicAddress: address, mtu, nat: null });
      continue;
    }
    natIndex += 1;
    const nat: NatPlan = family === 4
      ? { hostId: h.id, family, inside: `100.64.${natIndex}.1`, host: `100.64.${natIndex}.2`, insideLen: 24,
        outside: endpoint?.host ?? spare(4, 'nat'), forwardPort: endpoint?.port ?? null }
      : { hostId: h.id, family, inside: `2001:db8:ff64:${natIndex}::1`, host: `2001:db8:ff64:${natIndex}::2`, insideLen: 64,
        outside: endpoint?.host ?? spare(6, 'nat'), forwardPort: endpoint?.port ?? null };
    hosts.push({ hostId: h.id, family, address: nat.host, publicAddress: nat.outside, mtu, nat });
  }
  return { hosts, lans: design.hosts.filter((h) => !h.external).flatMap(lansOf) };
}

/** The host's underlay family: as the design says, else its endpoint's, else IPv4. */
export function familyOf(h: Host): Fam {
  if (h.underlay) return h.underlay.family === 'ipv6' ? 6 : 4;
  if (h.endpoint && net.parseEndpoint(h.endpoint).kind === 'ipv6') return 6;
  return 4;
}

function spareAddresses(used: Set<string>): (family: Fam, what: 'host' | 'nat') => string {
  const next = { 'host-4': 200, 'nat-4': 100, 'host-6': 0x200, 'nat-6': 0x100 };
  return (family, what) => {
    for (;;) {
      const key = `${what}-${family}` as const;
      const n = next[key]++;
      const address = family === 4
        ? `${what === 'host' ? '198.51.100' : '192.0.2'}.${n}`
        : `2001:db8:ffff::${n.toString(16)}`;
      if (family === 4 && n > 254) throw new Error('ran out of spare IPv4 underlay addresses (198.51.100.200-254)');
      if (!used.has(address)) {
        used.add(address);
        return address;
      }
    }
  };
}

function lansOf(h: Host): LanPlan[] {
  return h.lans.map((text) => {
    const prefix = net.networkOf(net.parsePrefix(text));
    const family: Fam = prefix.family === 4 ? 4 : 6;
    const inLan = h.services
      .map((s) => s.address)
      .filter((a) => net.containsAddress(prefix, net.parseAddress(a)));
    const taken = new Set(inLan);
    const nth = (i: bigint) => net.formatAddress({ family: prefix.family, value: net.prefixFirst(prefix) + i });
    let i = 1n;
    while (taken.has(nth(i))) i += 1n;
    const gatewayAddress = nth(i);
    taken.add(gatewayAddress);
    let j = i + 1n;
    while (taken.has(nth(j))) j += 1n;
    return {
      gatewayId: h.id,
      family,
      prefix: net.formatPrefix(prefix),
      len: prefix.len,
      gatewayAddress,
      members: inLan.length > 0 ? inLan : [nth(j)],
    };
  });
}
