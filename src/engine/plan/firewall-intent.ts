import type { Design, Host } from '../model/design';
import { replicationPorts } from '../model/database-ports';
import type { Prefix } from '../net';
import type { ParsedHosts } from './parsed-host';
import { networkKey } from '../net';
import { isRouter } from './topology';
import type { Topology } from './topology';
import type { FirewallIntent, FirewallRule, FlowPlan } from './types';

/**
 * What each host's firewall lets through, from the declared flows alone (everything else on the tunnel is
 * dropped): the source may open it, every router on the path forwards it, the target accepts it, and a gateway
 * delivering into its lan masquerades when the lan cannot route back to the overlay.
 */
export function planFirewalls(
  design: Design, topo: Pick<Topology, 'hosts' | 'parsed'>, flows: readonly FlowPlan[],
): Map<string, FirewallIntent> {
  const { hosts } = topo;
  const intents = new Map<string, FirewallIntent>();
  // Sources already masqueraded per gateway, so each flow adds its own in O(1) however many came before.
  const masqueraded = new Map<string, Set<number | string>>();
  const replicatedTo = explicitReplicationPorts(design);
  for (const h of design.hosts) intents.set(h.id, emptyIntent(design, h, topo.parsed, replicatedTo.get(h.id)));
  for (const f of flows) {
    if (!f.path) continue;
    const rule: FirewallRule = {
      flowId: f.flowId, sources: f.sources, destinations: f.destinations, port: f.port, proto: f.proto, optionalPort: f.optionalPort,
    };
    const last = f.path.length - 1;
    for (let i = 0; i <= last; i++) {
      const intent = intents.get(f.path[i] as string);
      if (!intent) continue;
      const chain = i === 0 ? 'outbound' : i < last || f.toService ? 'forward' : 'inbound';
      (intent[chain] as FirewallRule[]).push(rule);
    }
    const gateway = hosts.get(f.to);
    if (f.toService && gateway?.masquerade) {
      let seen = masqueraded.get(gateway.id);
      if (!seen) masqueraded.set(gateway.id, (seen = new Set()));
      addMasquerade(intents.get(gateway.id), topo.parsed.of(gateway).lans, f.sources, seen);
    }
  }
  return intents;
}

const NO_PORTS: readonly number[] = Object.freeze([]);
const NO_LAN_DATABASES: FirewallIntent['lanDatabases'] = Object.freeze([]);

/** The ports replication flows name, by the host they reach: database ports too, whatever the engine's defaults. */
function explicitReplicationPorts(design: Design): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const f of design.flows) {
    if (f.kind !== 'replication' || f.port === null || f.to.includes('/')) continue;
    for (const [host, port] of [[f.to, f.port], [f.from, f.port]] as const) {
      const list = out.get(host);
      if (list) list.push(port);
      else out.set(host, [port]);
    }
  }
  return out;
}

/**
 * Every port the host's database serves, closed on the underlay: the client port, what its engine replicates over
 * (MySQL's XCom 33061, Redis's cluster bus...) and the ports its replication flows name. A port opened only on the
 * tunnel but left reachable from the internet is the hole this drop exists for. Sorted, no repeats.
 */
function databasePortsOf(host: Host, named: readonly number[] | undefined): readonly number[] {
  if (!host.database) return NO_PORTS;
  return [...new Set([...replicationPorts(host.database), ...(named ?? [])])].sort((a, b) => a - b);
}

function emptyIntent(design: Design, host: Host, parsed: ParsedHosts, named: readonly number[] | undefined): FirewallIntent {
  return {
    inbound: [],
    forward: [],
    outbound: [],
    masquerade: null,
    clampMss: isRouter(host),
    databasePorts: databasePortsOf(host, named),
    lanDatabases: host.services.length === 0 ? NO_LAN_DATABASES
      : host.services.map((s) => ({ serviceId: s.id, address: parsed.of(host).services.get(s.id) as Prefix, port: s.port })),
    managementPort: design.network.managementPort,
  };
}

function addMasquerade(intent: FirewallIntent | undefined, lans: readonly Prefix[], sources: readonly Prefix[], seen: Set<number | string>): void {
  if (!intent) return;
  const m = intent.masquerade ?? { sources: [], lans: [...lans] };
  for (const s of sources) {
    const key = networkKey(s);
    if (!seen.has(key)) {
      seen.add(key);
      m.sources.push(s);
    }
  }
  intent.masquerade = m;
}
