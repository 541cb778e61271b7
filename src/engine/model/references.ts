import type { Design, Flow, Host } from './design';
import { flowTarget } from './flow-target';
import type { FieldError } from './field-error';
import { checkTestReferences } from './test-references';

type LooseFlow = Omit<Flow, 'port'> & { port?: number | null };

/**
 * Ids must be unique and every reference must name something that exists; flows get their default port, except a
 * replication flow to a database host, which keeps null: the engine's replication ports (`database-ports.ts`).
 */
export function checkReferences(design: Omit<Design, 'flows'> & { flows: LooseFlow[] }): FieldError[] {
  const errors: FieldError[] = [];
  const hosts = new Map<string, Host>();
  design.hosts.forEach((h, i) => {
    if (hosts.has(h.id)) errors.push({ path: `hosts[${i}].id`, message: `"${h.id}" is used by another host` });
    else hosts.set(h.id, h);
    const serviceIds = new Set<string>();
    h.services.forEach((s, j) => {
      if (serviceIds.has(s.id)) {
        errors.push({ path: `hosts[${i}] (${h.id}).services[${j}].id`, message: `"${s.id}" is used twice on this host` });
      }
      serviceIds.add(s.id);
    });
  });
  const tunnelIds = new Set<string>();
  const pairs = new Set<string>();
  design.tunnels.forEach((t, i) => {
    const at = `tunnels[${i}] (${t.id})`;
    if (tunnelIds.has(t.id)) errors.push({ path: `${at}.id`, message: `"${t.id}" is used by another tunnel` });
    tunnelIds.add(t.id);
    for (const side of ['a', 'b'] as const) {
      if (!hosts.has(t[side])) errors.push({ path: `${at}.${side}`, message: `no host has the id "${t[side]}"` });
    }
    if (t.a === t.b) errors.push({ path: `${at}.b`, message: 'a tunnel joins two different hosts' });
    const pair = t.a < t.b ? `${t.a} ${t.b}` : `${t.b} ${t.a}`;
    if (pairs.has(pair)) {
      errors.push({ path: `${at}.b`, message: `${t.a} and ${t.b} are already joined by another tunnel (one peer entry each side)` });
    }
    pairs.add(pair);
  });
  const monitor = design.network.monitoring?.host;
  if (monitor !== undefined && !hosts.has(monitor)) {
    errors.push({ path: 'network.monitoring.host', message: `no host has the id "${monitor}"` });
  }
  const flowIds = new Set<string>();
  design.flows.forEach((f, i) => {
    const at = `flows[${i}] (${f.id})`;
    if (flowIds.has(f.id)) errors.push({ path: `${at}.id`, message: `"${f.id}" is used by another flow` });
    flowIds.add(f.id);
    if (!hosts.has(f.from)) errors.push({ path: `${at}.from`, message: `no host has the id "${f.from}"` });
    const target = resolveTargetPort(f.to, hosts, f.kind === 'replication');
    if (typeof target === 'string' && target !== 'engine') {
      errors.push({ path: `${at}.to`, message: target });
    } else if (f.port === undefined || f.port === null) {
      if (target === null) errors.push({ path: `${at}.port`, message: `is required: "${f.to}" runs no database or service` });
      else f.port = target === 'engine' ? null : target;
    }
  });
  design.failover.forEach((g, i) => {
    const at = `failover[${i}] (${g.id})`;
    for (const side of ['primary', 'replica'] as const) {
      if (!hosts.has(g[side])) errors.push({ path: `${at}.${side}`, message: `no host has the id "${g[side]}"` });
    }
    if (g.primary === g.replica) errors.push({ path: `${at}.replica`, message: 'the replica must be another host than the primary' });
  });
  errors.push(...checkTestReferences(design.tests ?? [], hosts));
  return errors;
}

/**
 * The default port of a flow's target: `engine` for a replication flow to a database host (its engine's replication
 * ports), null when it has none, or an error message when the target is unknown.
 */
function resolveTargetPort(to: string, hosts: Map<string, Host>, replication: boolean): number | 'engine' | null | string {
  const { hostId, serviceId } = flowTarget(to);
  const host = hosts.get(hostId);
  if (!host) return `no host has the id "${hostId}"`;
  if (serviceId === null) {
    if (!host.database) return null;
    return replication ? 'engine' : host.database.port;
  }
  const service = host.services.find((s) => s.id === serviceId);
  if (!service) return `host "${hostId}" has no service "${serviceId}"`;
  return service.port;
}
