import { flowPorts } from '../../src/engine';
import type { Design, Flow, Host } from '../../src/engine';
import { dbEndpoints, familyOfAddress, overlayAddresses } from './db-endpoints';
import type { DbEndpoint, ServerKind, Where } from './db-endpoints';
import type { Fam, UnderlayPlan } from '../../src/cli/prove/underlay-plan';

/** A process the lab runs so that a probe has something to reach. */
export interface Server {
  where: Where;
  addresses: string[];
  /** Addresses it may not hold yet (a failover group's floating address on the replica). */
  floating: string[];
  port: number;
  kind: ServerKind;
  /** PostgreSQL's cluster_name (Redis: its working directory's name): `show cluster_name` tells which server answered a floating address. */
  name: string;
}

/** One connection attempt: a flow that must get through, or a denial that must not. */
export interface Probe {
  label: string;
  from: Where;
  address: string;
  port: number;
  kind: ServerKind;
  /** Hosts whose tunnels carry it: probes touching a host behind NAT run before its idle window. */
  hosts: string[];
}

/** `ping -M do` across one tunnel: the computed MTU passes, one byte more does not. */
export interface MtuProbe {
  tunnelId: string;
  from: string;
  to: string;
  address: string;
  mtu: number;
}

export interface TunnelCheck {
  id: string;
  a: string;
  b: string;
  /** The side that knows the other's endpoint and so can start the handshake; null when neither does. */
  dialer: string | null;
}

export interface LabChecks {
  servers: Server[];
  flows: Probe[];
  denials: Probe[];
  mtu: MtuProbe[];
  tunnels: TunnelCheck[];
  /** Hosts behind NAT and the peer that must still reach them after the NAT's timeout. */
  nat: Array<{ hostId: string; peerId: string }>;
}

/** A port no flow opens on the target, for "the database on another port" and host-to-host denials. */
export const FIRST_UNDECLARED_PORT = 7777;

/**
 * What the lab checks on one design, derived from the design itself and not from the engine's plan (so a plan
 * defect cannot hide its own symptom): each declared flow gets through; the undeclared neighbours of each flow
 * (another port, another database, another app host, the reverse direction, the underlay) do not; each tunnel
 * carries its computed MTU. `mtus` are the interface MTUs the bundle's wg0.conf files set.
 */
export function planChecks(design: Design, underlay: UnderlayPlan, mtus: ReadonlyMap<string, number>): LabChecks {
  const hosts = new Map(design.hosts.filter((h) => !h.external).map((h) => [h.id, h]));
  const dbs = dbEndpoints(design);
  const flows = [...design.flows, ...monitoringFlows(design)];
  const allowed = new Set(flows.flatMap((f) => (f.kind === 'replication' ? [`${f.from}>${f.to}`, `${f.to}>${f.from}`] : [`${f.from}>${f.to}`])));
  const servers = new Servers();
  for (const d of dbs) servers.add({ where: d.where, addresses: d.addresses, floating: d.floating, port: d.port, kind: d.kind, name: d.ref });
  const target = (ref: string): DbEndpoint | null => {
    const db = dbs.find((d) => d.ref === ref);
    if (db) return db;
    const h = hosts.get(ref);
    return h ? { ref, where: { kind: 'host', id: ref }, owner: ref, addresses: overlayAddresses(h), floating: [], port: 0, kind: 'tcp' } : null;
  };
  const undeclared = (t: DbEndpoint) => {
    let port = FIRST_UNDECLARED_PORT;
    while (port === t.port || flows.some((f) => f.port === port && (f.to === t.ref || f.from === t.ref))) port += 1;
    return port;
  };
  const probesTo = (fromId: string, t: DbEndpoint, port: number, label: string): Probe[] => {
    const from = hosts.get(fromId);
    if (!from) return [];
    const families = new Set(overlayAddresses(from).map(familyOfAddress));
    // The database answers on its own port; any other port gets a listener.
    const kind = port === t.port ? t.kind : 'tcp';
    if (kind === 'tcp') servers.add({ where: t.where, addresses: t.addresses, floating: [], port, kind, name: t.ref });
    return t.addresses.filter((a) => families.has(familyOfAddress(a))).map((address) => ({
      label: `${label} (IPv${familyOfAddress(address)})`, from: { kind: 'host', id: fromId }, address, port, kind,
      hosts: [fromId, t.owner],
    }));
  };

  const flowProbes: Probe[] = [];
  const denials = new Denials();
  for (const f of flows) {
    const directions: Array<[string, string]> = [[f.from, f.to]];
    if (f.kind === 'replication') directions.push([f.to, f.from]);
    for (const [from, to] of directions) {
      const t = target(to);
      if (!t) continue;
      // A replication flow with no port opens every port the target's engine replicates over: each is probed.
      for (const port of flowPorts(f, hosts.get(to))) flowProbes.push(...probesTo(from, t, port, `${from} -> ${to}:${port} (flow ${f.id})`));
      const other = undeclared(t);
      denials.add(probesTo(from, t, other, `${from} -> ${to}:${other} (a port no flow opens)`));
      const back = target(from);
      if (f.kind !== 'replication' && back && !allowed.has(`${to}>${from}`) && !to.includes('/')) {
        const port = undeclared(back);
        denials.add(probesTo(to, back, port, `${to} -> ${from}:${port} (reverse of flow ${f.id})`));
      }
    }
  }
  for (const a of hosts.values()) {
    for (const d of dbs) {
      // A gateway reaches its own lan directly, not through a tunnel: nothing for the firewall to decide.
      if (d.owner === a.id) continue;
      if (allowed.has(`${a.id}>${d.ref}`)) continue;
      denials.add(probesTo(a.id, d, d.port, `${a.id} -> ${d.ref}:${d.port} (no flow)`));
    }
    for (const b of hosts.values()) {
      if (a === b || !isAppLike(a) || !isAppLike(b) || allowed.has(`${a.id}>${b.id}`)) continue;
      const t = target(b.id);
      if (t) denials.add(probesTo(a.id, t, undeclared(t), `${a.id} -> ${b.id} (app to app)`));
    }
  }
  for (const d of dbs) denials.add(underlayProbes(d, servedPorts(d, design.flows, hosts), underlay));

  return {
    servers: servers.list,
    flows: flowProbes,
    denials: denials.list,
    mtu: mtuProbes(design, hosts, mtus),
    tunnels: tunnelChecks(design, hosts),
    nat: natChecks(design, hosts),
  };
}

function isAppLike(h: Host): boolean {
  return h.role === 'app' || h.role === 'client';
}

/**
 * The ports a database serves: its client port and every port a replication flow opens to it (Redis's cluster bus
 * 16379 beside 6379). The flow checks put a listener on each, so an underlay denial meets something that answers.
 */
function servedPorts(d: DbEndpoint, flows: readonly Flow[], hosts: ReadonlyMap<string, Host>): number[] {
  const replication = flows.filter((f) => f.kind === 'replication' && (f.to === d.ref || f.from === d.ref));
  return [...new Set([d.port, ...replication.flatMap((f) => flowPorts(f, hosts.get(d.ref)))])];
}

/** Someone on the database's underlay link routes its overlay (or lan) address through it and dials each port. */
function underlayProbes(d: DbEndpoint, ports: readonly number[], underlay: UnderlayPlan): Probe[] {
  const link = underlay.hosts.find((u) => u.hostId === d.owner);
  if (!link) return [];
  return d.addresses.filter((a) => familyOfAddress(a) === link.family).flatMap((address) => ports.map((port) => ({
    label: `underlay next to ${d.owner} -> ${d.ref}:${port} (IPv${link.family})`,
    from: { kind: 'underlay', of: d.owner } as const, address, port, kind: port === d.port ? d.kind : 'tcp' as const, hosts: [],
  })));
}

function mtuProbes(design: Design, hosts: ReadonlyMap<string, Host>, mtus: ReadonlyMap<string, number>): MtuProbe[] {
  const out: MtuProbe[] = [];
  for (const t of tunnelChecks(design, hosts)) {
    const ends = t.dialer === t.b ? [t.b, t.a] : [t.a, t.b];
    for (const [from, to] of [[ends[0], ends[1]], [ends[1], ends[0]]] as Array<[string, string]>) {
      const fromHost = hosts.get(from);
      const toHost = hosts.get(to);
      const mtu = mtus.get(from);
      if (!fromHost || !toHost || mtu === undefined) continue;
      const families = new Set<Fam>(overlayAddresses(fromHost).map(familyOfAddress));
      for (const address of overlayAddresses(toHost).filter((a) => families.has(familyOfAddress(a)))) {
        out.push({ tunnelId: t.id, from, to, address, mtu });
      }
    }
  }
  return out;
}

function tunnelChecks(design: Design, hosts: ReadonlyMap<string, Host>): TunnelCheck[] {
  return design.tunnels.flatMap((t) => {
    const a = hosts.get(t.a);
    const b = hosts.get(t.b);
    if (!a || !b) return [];
    const dialer = b.endpoint !== null ? a.id : a.endpoint !== null ? b.id : null;
    return [{ id: t.id, a: a.id, b: b.id, dialer }];
  });
}

function natChecks(design: Design, hosts: ReadonlyMap<string, Host>): LabChecks['nat'] {
  return [...hosts.values()].filter((h) => h.behindNat).flatMap((h) => {
    const t = design.tunnels.find((x) => (x.a === h.id || x.b === h.id) && hosts.has(x.a === h.id ? x.b : x.a));
    return t ? [{ hostId: h.id, peerId: t.a === h.id ? t.b : t.a }] : [];
  });
}

/** The flows a monitoring host implies (it scrapes every host it manages), as the engine plans them. */
function monitoringFlows(design: Design): Flow[] {
  const m = design.network.monitoring;
  if (!m) return [];
  return design.hosts.filter((h) => h.id !== m.host && !h.external)
    .map((h) => ({ id: `monitor-${h.id}`, from: m.host, to: h.id, port: m.exporterPort, proto: 'tcp', kind: 'client' }));
}

class Servers {
  readonly list: Server[] = [];
  add(s: Server): void {
    const key = (x: Server) => `${JSON.stringify(x.where)}|${x.port}`;
    const existing = this.list.find((x) => key(x) === key(s));
    if (!existing) {
      this.list.push({ ...s, addresses: [...s.addresses], floating: [...s.floating] });
      return;
    }
    for (const a of s.addresses) if (!existing.addresses.includes(a)) existing.addresses.push(a);
    for (const a of s.floating) if (!existing.floating.includes(a)) existing.floating.push(a);
  }
}

class Denials {
  readonly list: Probe[] = [];
  add(probes: readonly Probe[]): void {
    const key = (p: Probe) => `${JSON.stringify(p.from)}|${p.address}|${p.port}`;
    for (const p of probes) if (!this.list.some((x) => key(x) === key(p))) this.list.push(p);
  }
}
