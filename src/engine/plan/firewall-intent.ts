import type { Design, Host } from '../model/design';
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
  for (const h of design.hosts) intents.set(h.id, emptyIntent(design, h, topo.parsed));
  for (const f of flows) {
    if (!f.path) continue;
    const rule: FirewallRule = {
      flowId: f.flowId, sources: f.sources, destinations: f.destinations, port: f.port, proto: f.proto,
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

function emptyIntent(design: Design, host: Host, parsed: ParsedHosts): FirewallIntent {
  return {
    inbound: [],
    forward: [],
    outbound: [],
    masquerade: null,
    clampMss: isRouter(host),
    databasePorts: host.database ? [host.database.port] : NO_PORTS,
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
