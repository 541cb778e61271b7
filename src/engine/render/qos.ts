import { WG_INTERFACE } from '../plan/types';
import type { FlowPlan, Plan, HostPlan } from '../plan/types';
import { addressText } from './firewall-terms';

/** The ceiling when the link rate is not known: HTB only orders and caps below it. */
const LINK_CEILING = '10gbit';

/**
 * `qos.sh`: traffic control on wg0's egress. Database client traffic goes first (class 1:10), bulk streams —
 * replication catch-up and backups, matched by their exact address pair — are capped at the user's rate (1:30),
 * everything else sits between (1:20). `tc ... replace` makes it safe to run again.
 */
export function renderQos(hp: HostPlan, index: QosIndex, bulkRateMbit: number): string {
  const wg = WG_INTERFACE;
  const lines = [
    '#!/usr/bin/env bash',
    `# QoS on ${wg} of host ${hp.id}: database ports first, bulk streams capped at ${bulkRateMbit} Mbit/s.`,
    'set -euo pipefail',
    `tc qdisc replace dev ${wg} root handle 1: htb default 20`,
    `tc class replace dev ${wg} parent 1: classid 1:1 htb rate ${LINK_CEILING}`,
    `tc class replace dev ${wg} parent 1:1 classid 1:10 htb rate ${LINK_CEILING} prio 0`,
    `tc class replace dev ${wg} parent 1:1 classid 1:20 htb rate 100mbit ceil ${LINK_CEILING} prio 1`,
    `tc class replace dev ${wg} parent 1:1 classid 1:30 htb rate ${bulkRateMbit}mbit ceil ${bulkRateMbit}mbit prio 2`,
    `tc filter del dev ${wg} parent 1: 2>/dev/null || true`,
  ];
  const bulk = new Set<string>();
  const client = new Set<string>();
  for (const f of index.byHost.get(hp.id) ?? []) {
    if (!f.path) continue;
    for (const dst of f.destinations) {
      for (const src of f.sources.filter((s) => s.family === dst.family)) {
        const ip = dst.family === 4 ? 'ip' : 'ip6';
        const proto = dst.family === 4 ? 'ip' : 'ipv6';
        // Requests leave the client toward dport; answers leave the server from sport.
        const there = f.from === hp.id
          ? `match ${ip} dst ${addressText(dst)} match ${ip} dport ${f.port} 0xffff`
          : `match ${ip} dst ${addressText(src)} match ${ip} sport ${f.port} 0xffff`;
        (f.bulk ? bulk : client).add(`tc filter add dev ${wg} parent 1: protocol ${proto} prio ${f.bulk ? 1 : 2} u32 ${there} flowid 1:${f.bulk ? 30 : 10}`);
      }
    }
  }
  lines.push(...bulk, ...client, `echo "qos.sh: ${bulk.size} bulk and ${client.size} database filters on ${wg}"`, '');
  return lines.join('\n');
}

/** Flows by the hosts at their two ends (the plan says which are bulk): built once per bundle, so QoS stays linear. */
export interface QosIndex {
  byHost: Map<string, FlowPlan[]>;
}

/** Indexes the plan's flows for `renderQos`. */
export function qosIndex(plan: Plan): QosIndex {
  const byHost = new Map<string, FlowPlan[]>();
  for (const f of plan.flows) {
    for (const id of new Set([f.from, f.to])) {
      const list = byHost.get(id) ?? [];
      list.push(f);
      byHost.set(id, list);
    }
  }
  return { byHost };
}
