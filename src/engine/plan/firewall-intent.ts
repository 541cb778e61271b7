import type { Design, Host } from '../model/design';
import type { Prefix } from '../net';
import { ByHost } from './by-host';
import type { ResolvedFlow } from './flows';
import type { ParsedHosts } from './parsed-host';
import { networkKey } from './prefix-keys';
import { isRouter } from './topology';
import type { Topology } from './topology';
import type { FirewallIntent, FirewallRule } from './types';

/**
 * What each host's firewall lets through, from the declared flows alone (everything else on the tunnel is
 * dropped): the source may open it, every router on the path forwards it, the target accepts it, and a gateway
 * delivering into its lan masquerades when the lan cannot route back to the overlay.
 */
export function planFirewalls(
  design: Design, topo: Pick<Topology, 'hosts' | 'numbers' | 'parsed'>, flows: readonly ResolvedFlow[],
): ByHost<FirewallIntent> {
  const { hosts } = topo;
  const intents = new ByHost<FirewallIntent>(topo.numbers);
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
      intent[chain] = appended(intent[chain], rule);
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

/**
 * The empty chain every intent starts with, never pushed to (planFirewalls puts a new list in its place): a plan of
 * thousands of hosts holds thousands of empty chains, and the plan's size is what its garbage collection costs.
 */
const NONE: readonly FirewallRule[] = Object.freeze([]);
/**
 * `chain` with `rule` added. Chains start as the shared empty list (most hosts have nothing in one or two of them)
 * and stay at their exact size up to four rules: a list grown by push holds room for 17 or more, and most hosts end
 * with one or two rules per chain, kept for the plan's life. Longer chains (routers) grow in place.
 */
function appended(chain: readonly FirewallRule[], rule: FirewallRule): readonly FirewallRule[] {
  switch (chain.length) {
    case 0: return [rule];
    case 1: return [chain[0] as FirewallRule, rule];
    case 2: return [chain[0] as FirewallRule, chain[1] as FirewallRule, rule];
    case 3: return [chain[0] as FirewallRule, chain[1] as FirewallRule, chain[2] as FirewallRule, rule];
    default:
      (chain as FirewallRule[]).push(rule);
      return chain;
  }
}

const NO_PORTS: readonly number[] = Object.freeze([]);
const NO_LAN_DATABASES: FirewallIntent['lanDatabases'] = Object.freeze([]);

function emptyIntent(design: Design, host: Host, parsed: ParsedHosts): FirewallIntent {
  return {
    inbound: NONE,
    forward: NONE,
    outbound: NONE,
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
