import type { Namespaces } from './netns';
import { startNatRouter } from './nat-router';
import { INTERNET_GATEWAY, INTERNET_SELF } from './underlay-plan';
import type { Fam, HostUnderlay, LanPlan, UnderlayPlan } from './underlay-plan';

/** The namespaces of the simulated underlay, by role. */
export interface Underlay {
  internet: string;
  /** host id -> the namespace on the other end of its underlay link (the internet, or its NAT router). */
  neighbour: Map<string, string>;
  /** `gateway-id|lan prefix` -> the lan's namespace. */
  lans: Map<string, string>;
}

/** NAT mapping timeout for UDP, both unreplied and stream: the shortest common one, so keepalives must work. */
export const NAT_UDP_TIMEOUT_SECONDS = 30;

/**
 * Builds the plan: one router namespace as the internet, a veth from each host (or its NAT router) to it with the
 * design's underlay MTU on both ends, and a lan namespace behind each gateway lan. `hostNs` maps host id to the
 * namespace already made for it.
 */
export async function buildUnderlay(nss: Namespaces, plan: UnderlayPlan, hostNs: ReadonlyMap<string, string>): Promise<Underlay> {
  const internet = await nss.add('inet');
  await must(nss, internet, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1']);
  await nss.ip(internet, ['-6', 'addr', 'add', `${INTERNET_SELF[6]}/128`, 'dev', 'lo']);
  const underlay: Underlay = { internet, neighbour: new Map(), lans: new Map() };
  let link = 0;
  for (const u of plan.hosts) {
    const ns = hostNs.get(u.hostId);
    if (!ns) throw new Error(`no namespace for host ${u.hostId}`);
    const r = `r${link++}`;
    if (!u.nat) {
      await linkToInternet(nss, underlay, u, ns, r);
      continue;
    }
    const nat = await nss.add(`nat-${u.hostId}`);
    await veth(nss, ns, 'u0', nat, 'in0', u.mtu);
    await veth(nss, nat, 'out0', internet, r, u.mtu);
    await nss.ip(nat, ['addr', 'add', `${u.nat.inside}/${u.nat.insideLen}`, 'dev', 'in0', ...nodad(u.family)]);
    await addressAndDefault(nss, ns, 'u0', u.nat.host, u.nat.insideLen, u.family, u.nat.inside, false);
    await addressAndDefault(nss, nat, 'out0', u.nat.outside, hostLen(u.family), u.family, INTERNET_GATEWAY[u.family], true);
    await internetSide(nss, internet, r, u.nat.outside, u.family);
    await startNatRouter(nss, nat, u.nat, NAT_UDP_TIMEOUT_SECONDS);
    underlay.neighbour.set(u.hostId, nat);
  }
  let lanIndex = 0;
  for (const lan of plan.lans) {
    const gw = hostNs.get(lan.gatewayId);
    if (!gw) continue;
    const ns = await nss.add(`lan-${lan.gatewayId}-${lanIndex}`);
    await buildLan(nss, gw, `lan${lanIndex++}`, ns, lan);
    underlay.lans.set(`${lan.gatewayId}|${lan.prefix}`, ns);
  }
  return underlay;
}

/**
 * A host that is not behind NAT: a veth from its namespace to the internet router, `r` being the router's end.
 * Also how a host added to a running design joins the underlay.
 */
export async function linkToInternet(nss: Namespaces, underlay: Underlay, u: HostUnderlay, ns: string, r: string): Promise<void> {
  await veth(nss, ns, 'u0', underlay.internet, r, u.mtu);
  await addressAndDefault(nss, ns, 'u0', u.address, hostLen(u.family), u.family, INTERNET_GATEWAY[u.family], true);
  await internetSide(nss, underlay.internet, r, u.address, u.family);
  underlay.neighbour.set(u.hostId, underlay.internet);
}

async function buildLan(nss: Namespaces, gw: string, gwIf: string, ns: string, lan: LanPlan): Promise<void> {
  await veth(nss, gw, gwIf, ns, 'eth0', 1500);
  await nss.ip(gw, ['addr', 'add', `${lan.gatewayAddress}/${lan.len}`, 'dev', gwIf, ...nodad(lan.family)]);
  for (const m of lan.members) await nss.ip(ns, ['addr', 'add', `${m}/${lan.len}`, 'dev', 'eth0', ...nodad(lan.family)]);
  await nss.ip(ns, [lan.family === 6 ? '-6' : '-4', 'route', 'add', 'default', 'via', lan.gatewayAddress, 'dev', 'eth0']);
}

async function veth(nss: Namespaces, nsA: string, a: string, nsB: string, b: string, mtu: number): Promise<void> {
  await nss.ip(nsA, ['link', 'add', a, 'mtu', String(mtu), 'type', 'veth', 'peer', 'name', b, 'mtu', String(mtu), 'netns', nsB]);
  await nss.ip(nsA, ['link', 'set', a, 'up']);
  await nss.ip(nsB, ['link', 'set', b, 'up']);
}

async function addressAndDefault(
  nss: Namespaces, ns: string, dev: string, address: string, len: number, family: Fam, gateway: string, onlink: boolean,
): Promise<void> {
  await nss.ip(ns, ['addr', 'add', `${address}/${len}`, 'dev', dev, ...nodad(family)]);
  // IPv6 reaches the link-local gateway without `onlink`; IPv4 needs it, the gateway being outside the host's /32.
  const extra = onlink && family === 4 ? ['onlink'] : [];
  await nss.ip(ns, [family === 6 ? '-6' : '-4', 'route', 'add', 'default', 'via', gateway, 'dev', dev, ...extra]);
}

/** The internet router's end of a link: the shared gateway address, and a host route to whoever is behind it. */
async function internetSide(nss: Namespaces, internet: string, dev: string, address: string, family: Fam): Promise<void> {
  const gateway = family === 6 ? `${INTERNET_GATEWAY[6]}/64` : `${INTERNET_GATEWAY[4]}/32`;
  await nss.ip(internet, ['addr', 'add', gateway, 'dev', dev, ...nodad(family)]);
  await nss.ip(internet, [family === 6 ? '-6' : '-4', 'route', 'add', `${address}/${hostLen(family)}`, 'dev', dev]);
}

/** Routes `address` through a host's underlay address, as an attacker next to it on the link could. */
export async function routeThrough(nss: Namespaces, ns: string, address: string, via: HostUnderlay): Promise<void> {
  const fam = address.includes(':') ? '-6' : '-4';
  await nss.ip(ns, [fam, 'route', 'replace', `${address}/${address.includes(':') ? 128 : 32}`, 'via', via.address]);
}

function hostLen(family: Fam): number {
  return family === 6 ? 128 : 32;
}

function nodad(family: Fam): string[] {
  return family === 6 ? ['nodad'] : [];
}

async function must(nss: Namespaces, ns: string, cmd: string, args: string[]): Promise<void> {
  const r = await nss.exec(ns, cmd, args);
  if (r.code !== 0) throw new Error(`${ns}: ${cmd} ${args.join(' ')}: ${r.stderr.trim()}`);
}
