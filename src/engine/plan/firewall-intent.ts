import type { Design, Host } from '../model/design';
import { formatPrefix, hostPrefix, networkOf, parseAddress, parsePrefix } from '../net';
import type { Prefix } from '../net';
import type { ResolvedFlow } from './flows';
import { isRouter } from './topology';
import type { FirewallIntent, FirewallRule } from './types';

/**
 * What each host's firewall lets through, from the declared flows alone (everything else on the tunnel is
 * dropped): the source may open it, every router on the path forwards it, the target accepts it, and a gateway
 * delivering into its lan masquerades when the lan cannot route back to the overlay.
 */
export function planFirewalls(
  design: Design, hosts: ReadonlyMap<string, Host>, flows: readonly ResolvedFlow[],
): Map<string, FirewallIntent> {
  const intents = new Map<string, FirewallIntent>();
  for (const h of design.hosts) intents.set(h.id, emptyIntent(design, h));
  for (const f of flows) {
    if (!f.path) continue;
    const rule: FirewallRule = {
      flowId: f.flowId, sources: f.sources, destinations: f.destinations, port: f.port, proto: f.proto,
    };
    const last = f.path.length - 1;
    f.path.forEach((hostId, i) => {
      const intent = intents.get(hostId);
      if (!intent) return;
      if (i === 0) intent.outbound.push(rule);
      else if (i < last || f.toService) intent.forward.push(rule);
      else intent.inbound.push(rule);
    });
    const gateway = hosts.get(f.to);
    if (f.toService && gateway?.masquerade) addMasquerade(intents.get(gateway.id), gateway, f.sources);
  }
  return intents;
}

function emptyIntent(design: Design, host: Host): FirewallIntent {
  const databasePorts = new Set<number>();
  if (host.database) databasePorts.add(host.database.port);
  return {
    inbound: [],
    forward: [],
    outbound: [],
    masquerade: null,
    clampMss: isRouter(host),
    databasePorts: [...databasePorts],
    lanDatabases: host.services.map((s) => ({ serviceId: s.id, address: hostPrefix(parseAddress(s.address)), port: s.port })),
    managementPort: design.network.managementPort,
  };
}

function addMasquerade(intent: FirewallIntent | undefined, gateway: Host, sources: readonly Prefix[]): void {
  if (!intent) return;
  const m = intent.masquerade ?? { sources: [], lans: gateway.lans.map((l) => networkOf(parsePrefix(l))) };
  const seen = new Set(m.sources.map(formatPrefix));
  for (const s of sources) if (!seen.has(formatPrefix(s))) m.sources.push(s);
  intent.masquerade = m;
}
