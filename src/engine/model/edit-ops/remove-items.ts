import type { Design } from '../design';
import { testsWithoutHosts } from './test-edits';

/** Ids of hosts, tunnels and flows (the shape of the designer's selection and of a finding's subjects). */
export interface DesignItems {
  hosts: readonly string[];
  tunnels: readonly string[];
  flows: readonly string[];
}

/**
 * Removes the selected hosts, tunnels and flows, and whatever would dangle without them: a host's tunnels and
 * every flow from or to it (or to a service inside it), the failover groups it is in, and monitoring from it.
 */
export function removeItems(design: Design, sel: DesignItems): Design {
  const hosts = new Set(sel.hosts);
  const tunnels = new Set(sel.tunnels);
  const flows = new Set(sel.flows);
  const hostOf = (to: string) => to.split('/')[0] ?? to;
  return {
    ...design,
    hosts: design.hosts.filter((h) => !hosts.has(h.id)),
    tunnels: design.tunnels.filter((t) => !tunnels.has(t.id) && !hosts.has(t.a) && !hosts.has(t.b)),
    flows: design.flows.filter((f) => !flows.has(f.id) && !hosts.has(f.from) && !hosts.has(hostOf(f.to))),
    // A group or monitoring naming a removed host would make the design invalid (checkReferences).
    failover: design.failover.some((g) => hosts.has(g.primary) || hosts.has(g.replica))
      ? design.failover.filter((g) => !hosts.has(g.primary) && !hosts.has(g.replica)) : design.failover,
    network: design.network.monitoring && hosts.has(design.network.monitoring.host)
      ? { ...design.network, monitoring: null } : design.network,
    ...(design.tests ? { tests: testsWithoutHosts(design.tests, hosts) } : {}),
  };
}
