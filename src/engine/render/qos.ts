import { WG_INTERFACE } from '../plan/types';
import type { HostPlan } from '../plan/types';
import { addressText } from './firewall-terms';
import { QOS_MINOR, QOS_SHAPE_PERCENT, qosOverhead, qosPeers, qosRates } from './qos-classes';
import type { QosIndex, QosRates } from './qos-classes';

export { qosIndex } from './qos-classes';
export type { QosIndex } from './qos-classes';

/** The rates the user gave, in Mbit/s (the export's `qos` option). */
export interface QosRateChoice {
  bulkRateMbit: number;
  linkRateMbit: number;
}

/** Where install.sh puts qos.sh; the unit runs it from there. */
export const QOS_SCRIPT_PATH = '/usr/local/lib/wg-designer/qos.sh';
/** The unit that applies QoS after wg0 comes up, at boot and after every restart of wg-quick@wg0. */
export const QOS_UNIT = 'wg-designer-qos.service';
/** The HTB root handle of every qdisc qos.sh adds: `stop` removes exactly the roots that carry it. */
const ROOT = '77';

/**
 * `qos.sh`: HTB with fq_codel leaves on wg0 and on the underlay, shaped at 95 % of the link rate so the queue
 * forms here, where it is ordered, and not in the modem. wg0 sees the inner packets: database ports first, bulk
 * streams capped. Its size table adds WireGuard's per-packet overhead, so wg0's rate is the underlay's. The
 * underlay sees only WireGuard's outer UDP (Linux copies ECN to it, not DSCP): peers are classed by their
 * endpoint, and traffic that is not WireGuard's comes after the database. `start` (the default) can run again;
 * `stop` removes every root it added; `uninstall` also removes the unit and this script.
 */
export function renderQos(hp: HostPlan, index: QosIndex, choice: QosRateChoice): string {
  const wg = WG_INTERFACE;
  const rates = qosRates(choice.linkRateMbit, choice.bulkRateMbit);
  const inner = innerFilters(hp, index);
  const peers = qosPeers(hp, index);
  const stab = `stab overhead ${qosOverhead(hp, index) + 14} linklayer ethernet`;
  return [
    '#!/usr/bin/env bash',
    `# QoS of host ${hp.id}: database traffic first, bulk streams capped at ${choice.bulkRateMbit} Mbit/s, shaped at`,
    `# ${QOS_SHAPE_PERCENT} % of the ${choice.linkRateMbit} Mbit/s underlay link on ${wg} and on the underlay interface.`,
    `# Usage: qos.sh [start|stop|uninstall]   (${QOS_UNIT} runs start after wg-quick@${wg} and stop with it)`,
    '# WG_DESIGNER_QOS_UNDERLAY=<dev> names the underlay interface instead of the routes to the peers.',
    'set -euo pipefail',
    `wg=${wg}`,
    '',
    '# Each root this script adds has its handle: stop removes those, on every interface, and nothing else.',
    `is_ours() { tc qdisc show dev "$1" root 2>/dev/null | grep -q '^qdisc htb ${ROOT}: root'; }`,
    'stop() {',
    '  local dev',
    '  for dev in /sys/class/net/*; do',
    '    dev=${dev##*/}',
    '    if is_ours "$dev"; then tc qdisc del dev "$dev" root; fi',
    '  done',
    '}',
    'case "${1:-start}" in',
    '  start) ;;',
    '  stop) stop; echo "qos.sh: QoS removed"; exit 0 ;;',
    '  uninstall)',
    `    if [ -d /run/systemd/system ]; then systemctl disable --now ${QOS_UNIT} 2>/dev/null || true; fi`,
    '    stop',
    `    rm -f /etc/systemd/system/${QOS_UNIT} ${QOS_SCRIPT_PATH}`,
    '    if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi',
    '    echo "qos.sh: QoS removed, with its unit and script"; exit 0 ;;',
    '  *) echo "usage: qos.sh [start|stop|uninstall]" >&2; exit 2 ;;',
    'esac',
    '',
    '# leaf <dev> <class> <handle>: fq_codel, or a short pfifo on a kernel built without it (it says so once).',
    'leaf() {',
    '  tc qdisc replace dev "$1" parent "$2" handle "$3" fq_codel 2>/dev/null && return 0',
    '  [ -n "${no_fq_codel:-}" ] || echo "qos.sh: this kernel has no fq_codel: the classes end in pfifo" >&2',
    '  no_fq_codel=1',
    '  tc qdisc replace dev "$1" parent "$2" handle "$3" pfifo limit 100',
    '}',
    '# root <dev> [stab ...]: the HTB tree, shaped at the link rate; every class ends in fq_codel. A quantum of one',
    '# full packet keeps a class from sending a burst of them in its turn.',
    'root() {',
    '  local dev=$1; shift',
    // HTB has no change operation: a second run rebuilds its own root (a queue of packets lost, no more).
    '  if is_ours "$dev"; then tc qdisc del dev "$dev" root; fi',
    `  tc qdisc replace dev "$dev" root handle ${ROOT}: "$@" htb default ${QOS_MINOR.other}`,
    `  tc class replace dev "$dev" parent ${ROOT}: classid ${ROOT}:1 htb rate ${rates.shape}kbit ceil ${rates.shape}kbit quantum 1514`,
    ...classLines(rates),
        '}',
    '',
    ...underlayLines(hp, peers),
    '',
    `if ip link show ${wg} >/dev/null 2>&1; then`,
    `  root ${wg} ${stab}`,
    ...inner.map((l) => `  ${l}`),
    'else',
    `  echo "qos.sh: ${wg} is not up: only the underlay is shaped" >&2`,
    'fi',
    `echo "qos.sh: ${inner.length} ${wg} filters; underlay \${devs[*]:-none} with \${#peer_filters[@]} peer filters; shaped at ${rates.shape} kbit/s"`,
    '',
  ].join('\n');
}

function classLines(rates: QosRates): string[] {
  return rates.classes.map(({ cls, rate, ceil, prio }) => {
    const id = `${ROOT}:${QOS_MINOR[cls]}`;
    return `  tc class replace dev "$dev" parent ${ROOT}:1 classid ${id} htb rate ${rate}kbit ceil ${ceil}kbit prio ${prio} quantum 1514` +
      ` && leaf "$dev" ${id} ${ROOT}${QOS_MINOR[cls]}:`;
  });
}

/**
 * The underlay: the interfaces of the routes to the dialled peers (or of the default routes), each shaped, with a
 * filter per peer's outer flow (listen port to endpoint) and a catch-all for WireGuard's other outer packets, which
 * wg0 has already ordered and capped. A DNS endpoint is resolved here; one that does not resolve keeps the catch-all.
 */
function underlayLines(hp: HostPlan, peers: ReturnType<typeof qosPeers>): string[] {
  // A host with no ListenPort (Host.randomListenPort) learns the port the kernel chose once wg0 is up.
  const port = hp.listenPort ?? '$listen_port';
  const catchAll = [
    `protocol ip prio 3 u32 match ip protocol 17 0xff match ip sport ${port} 0xffff flowid ${ROOT}:${QOS_MINOR.db}`,
    `protocol ipv6 prio 4 u32 match ip6 protocol 17 0xff match ip6 sport ${port} 0xffff flowid ${ROOT}:${QOS_MINOR.db}`,
  ];
  // The kernel keeps one protocol per filter priority: IPv4 and IPv6 filters take their own.
  return [
    ...(hp.listenPort === null ? ['listen_port=$(wg show "$wg" listen-port)'] : []),
    '# "<class minor> <ip|dns> <host> <port> <peer>": the outer UDP flow to one dialled peer.',
    'peers=()',
    ...peers.map((p) => `peers+=("${QOS_MINOR[p.cls]} ${p.endpoint.kind === 'dns' ? 'dns' : 'ip'} ${p.endpoint.host} ${p.endpoint.port} ${p.hostId}")`),
    'devs=()',
    'peer_filters=()',
    'add_dev() { local d; for d in "$@"; do [ -n "$d" ] && [ "$d" != "$wg" ] && [[ " ${devs[*]} " != *" $d "* ]] && devs+=("$d"); done; return 0; }',
    'route_dev() { ip -o route get "$1" 2>/dev/null | sed -n \'s/.* dev \\([^ ]*\\).*/\\1/p\' | head -n 1; }',
    'for p in "${peers[@]}"; do',
    '  read -r minor kind host port id <<<"$p"',
    '  addr=$host',
    '  if [ "$kind" = dns ]; then addr=$(getent ahosts "$host" | awk \'{ print $1; exit }\' || true); fi',
    '  if [ -z "$addr" ]; then echo "qos.sh: peer $id: $host does not resolve: its packets take the catch-all" >&2; continue; fi',
    '  add_dev "$(route_dev "$addr")"',
    '  case "$addr" in',
    `    *:*) peer_filters+=("protocol ipv6 prio 2 u32 match ip6 protocol 17 0xff match ip6 sport ${port} 0xffff match ip6 dst $addr/128 match ip6 dport $port 0xffff flowid ${ROOT}:$minor") ;;`,
    `    *) peer_filters+=("protocol ip prio 1 u32 match ip protocol 17 0xff match ip sport ${port} 0xffff match ip dst $addr/32 match ip dport $port 0xffff flowid ${ROOT}:$minor") ;;`,
    '  esac',
    'done',
    'if [ -n "${WG_DESIGNER_QOS_UNDERLAY:-}" ]; then devs=(); add_dev "$WG_DESIGNER_QOS_UNDERLAY"; fi',
    'if [ "${#devs[@]}" = 0 ]; then',
    '  add_dev "$(ip -o route show default | sed -n \'s/.* dev \\([^ ]*\\).*/\\1/p\' | head -n 1)" "$(ip -o -6 route show default | sed -n \'s/.* dev \\([^ ]*\\).*/\\1/p\' | head -n 1)"',
    'fi',
    'for dev in "${devs[@]}"; do',
    '  root "$dev"',
    '  # shellcheck disable=SC2086 # each entry is a filter\'s words',
    '  for f in "${peer_filters[@]}"; do tc filter add dev "$dev" parent ' + `${ROOT}: $f; done`,
    ...catchAll.map((c) => `  tc filter add dev "$dev" parent ${ROOT}: ${c}`),
    'done',
  ];
}

/** wg0's filters on the inner packets: requests leave the client toward dport, answers leave the server from sport. */
function innerFilters(hp: HostPlan, index: QosIndex): string[] {
  const bulk = new Set<string>();
  const client = new Set<string>();
  for (const f of index.byHost.get(hp.id) ?? []) {
    if (!f.path) continue;
    // A router on the path forwards both.
    const sends = { request: f.to !== hp.id, answer: f.from !== hp.id };
    for (const dst of f.destinations) {
      for (const src of f.sources.filter((s) => s.family === dst.family)) {
        const ip = dst.family === 4 ? 'ip' : 'ip6';
        const proto = dst.family === 4 ? 'ip' : 'ipv6';
        // One protocol per filter priority (a kernel rule): bulk 1 and client 2 for IPv4, 3 and 4 for IPv6.
        const prio = (dst.family === 4 ? 1 : 3) + (f.bulk ? 0 : 1);
        const matches = [
          ...(sends.request ? [`match ${ip} dst ${addressText(dst)} match ${ip} dport ${f.port} 0xffff`] : []),
          ...(sends.answer ? [`match ${ip} dst ${addressText(src)} match ${ip} sport ${f.port} 0xffff`] : []),
        ];
        for (const m of matches) {
          (f.bulk ? bulk : client).add(`tc filter add dev ${WG_INTERFACE} parent ${ROOT}: protocol ${proto} prio ${prio} u32 ${m} flowid ${ROOT}:${f.bulk ? QOS_MINOR.bulk : QOS_MINOR.db}`);
        }
      }
    }
  }
  return [...bulk, ...client];
}
