import type { Design, Flow, Host, Network, Tunnel } from '../design';
import type { FieldError } from '../field-error';
import { parseDesign } from '../parse-design';
import type { ParseResult } from '../parse-design';
import { parseDesignEdit } from '../parse-design-edit';
import { renameInTests } from './test-edits';

/**
 * Field edits go through the design schema, so the inspector shows the same field-named errors a file would get,
 * and an invalid value never reaches the design. An edit of one item checks that item's schema and the rules
 * across items (parseDesignEdit), not the whole design again: a keystroke in a 5,000-host design stays cheap.
 */
export function editHost(design: Design, id: string, patch: Partial<Host>): ParseResult<Design> {
  const { id: newId, ...rest } = patch;
  const next: Design = { ...design, hosts: design.hosts.map((h) => (h.id === id ? { ...h, ...rest } : h)) };
  // A rename changes every reference to the host: the whole design is checked again.
  if (newId !== undefined && newId !== id) return parseDesign(renameHost(next, id, newId));
  return parseDesignEdit(next, { list: 'hosts', index: design.hosts.findIndex((h) => h.id === id) });
}

/** The design with one tunnel's fields changed, checked as editHost checks a host. */
export function editTunnel(design: Design, id: string, patch: Partial<Tunnel>): ParseResult<Design> {
  const next = { ...design, tunnels: design.tunnels.map((t) => (t.id === id ? { ...t, ...patch } : t)) };
  return parseDesignEdit(next, { list: 'tunnels', index: design.tunnels.findIndex((t) => t.id === id) });
}

/** The design with one flow's fields changed, checked as editHost checks a host. */
export function editFlow(design: Design, id: string, patch: Partial<Flow>): ParseResult<Design> {
  const next = { ...design, flows: design.flows.map((f) => (f.id === id ? { ...f, ...patch } : f)) };
  return parseDesignEdit(next, { list: 'flows', index: design.flows.findIndex((f) => f.id === id) });
}

/** The design with its name or network settings changed, checked whole: network settings apply to every host. */
export function editNetwork(design: Design, patch: Partial<Network> & { name?: string }): ParseResult<Design> {
  const { name, ...network } = patch;
  return parseDesign({ ...design, name: name ?? design.name, network: { ...design.network, ...network } });
}

/** Renames a host and every reference to it (tunnel ends, flow ends, `host/service` targets, failover groups, monitoring, tests). */
export function renameHost(design: Design, from: string, to: string): Design {
  const swap = (id: string) => (id === from ? to : id);
  const swapTarget = (t: string) => {
    const [h = '', s] = t.split('/');
    return s === undefined ? swap(h) : `${swap(h)}/${s}`;
  };
  return {
    ...design,
    hosts: design.hosts.map((h) => (h.id === from ? { ...h, id: to } : h)),
    tunnels: design.tunnels.map((t) => ({ ...t, a: swap(t.a), b: swap(t.b) })),
    flows: design.flows.map((f) => ({ ...f, from: swap(f.from), to: swapTarget(f.to) })),
    failover: design.failover.map((g) => ({ ...g, primary: swap(g.primary), replica: swap(g.replica) })),
    network: design.network.monitoring ? { ...design.network, monitoring: { ...design.network.monitoring, host: swap(design.network.monitoring.host) } } : design.network,
    ...(design.tests ? { tests: renameInTests(design.tests, from, to) } : {}),
  };
}

/** The first error about one field of one item, e.g. `hosts[2] (pg).endpoint`, for the message under that input. */
export function fieldError(errors: readonly FieldError[], list: 'hosts' | 'tunnels' | 'flows' | 'failover' | 'network' | 'name', index: number, field: string): string | null {
  const head = list === 'network' || list === 'name' ? list : `${list}[${index}]`;
  const match = errors.find((e) => e.path.startsWith(head) && (e.path.endsWith(`.${field}`) || e.path.includes(`.${field}.`) || e.path.includes(`.${field}[`)));
  return (match ?? errors[0])?.message ?? null;
}
