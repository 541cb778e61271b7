// Tests: monitoring.test.ts (the units and the script's table), monitoring-tools.node.test.ts (the script answers a
// scrape on real WireGuard, promtool reads its output, systemd-analyze reads the units).
import type { HostPlan, Plan } from '../plan/types';
import { WG_INTERFACE } from '../plan/types';
import { addressText } from './firewall-terms';

/** Where install.sh puts the exporter script, and the systemd units that run it. */
export const METRICS_SCRIPT_PATH = '/usr/local/lib/wg-designer/wg-metrics.sh';
export const METRICS_SOCKET = 'wg-designer-metrics.socket';
export const METRICS_SERVICE = 'wg-designer-metrics@.service';
/** The template's name in the bundle: bundle paths hold no `@` (security/bundle-invariants.ts). */
export const METRICS_SERVICE_FILE = 'wg-designer-metrics.service';

/** True when the bundle gives this host the exporter: the design names a monitoring host and the host has an address. */
export function hasMetricsExporter(plan: Plan, hp: HostPlan): boolean {
  return plan.design.network.monitoring !== null && !hp.external && hp.addresses.length > 0;
}

/**
 * Peers whose silence is news: the tunnel carries a declared flow (or a monitoring scrape) in either direction, or
 * keeps itself alive with PersistentKeepalive. An idle standby tunnel is neither, and no alert may fire for it.
 */
export function watchedPeers(plan: Plan, hp: HostPlan): Set<string> {
  const watched = new Set(hp.peers.filter((p) => p.keepalive !== null).map((p) => p.hostId));
  for (const flow of plan.flows) {
    const path = flow.path;
    if (!path) continue;
    for (let i = 0; i + 1 < path.length; i++) {
      if (path[i] === hp.id) watched.add(path[i + 1]!);
      if (path[i + 1] === hp.id) watched.add(path[i]!);
    }
  }
  return watched;
}

/**
 * `wg-metrics.sh`: answers one HTTP request on stdin (systemd socket activation, one process per scrape) with the
 * interface's peers in Prometheus' text format, read from `wg show wg0 dump`. Metric names follow
 * prometheus_wireguard_exporter; `peer` names the design's host and `wireguard_peer_watched` says whether alerts
 * apply to it. No package to install, no state, nothing written. The peer table holds only public keys (base64) and
 * host ids (`[a-z0-9-]`): no user text reaches the script.
 */
export function renderMetricsScript(plan: Plan, hp: HostPlan): string {
  const watched = watchedPeers(plan, hp);
  const table = hp.peers
    .filter((p) => p.publicKey !== null)
    .map((p) => `    '${p.publicKey}') peer=${p.hostId} watched=${watched.has(p.hostId) ? 1 : 0} ;;`);
  return [
    '#!/usr/bin/env bash',
    `# WireGuard metrics of host ${hp.id} for Prometheus, installed by install.sh as ${METRICS_SCRIPT_PATH}.`,
    `# ${METRICS_SOCKET} starts it once per scrape with the connection on stdin and stdout: it reads the request,`,
    `# answers with \`wg show ${WG_INTERFACE} dump\` in Prometheus' text format, and exits. Try it by hand:`,
    `#   printf 'GET /metrics HTTP/1.0\\r\\n\\r\\n' | ${METRICS_SCRIPT_PATH}`,
    'set -uo pipefail',
    'export LC_ALL=C',
    '',
    '# The request line and headers are read and ignored (any path gets the metrics); at most 100 lines, 5 s each.',
    'for ((i = 0; i < 100; i++)); do',
    '  IFS= read -r -t 5 line || break',
    '  line=${line%$\'\\r\'}',
    '  [ -n "$line" ] || break',
    'done',
    '',
    '# The design\'s name for each peer, and whether a silent peer is a problem (1) or an idle standby (0).',
    'peer_of() {',
    '  case "$1" in',
    ...table,
    '    *) peer="" watched=0 ;;',
    '  esac',
    '}',
    '',
    'metrics() {',
    '  local dump pub hs rx tx labels',
    `  if ! dump=$(wg show ${WG_INTERFACE} dump 2>/dev/null); then`,
    '    printf \'# HELP wireguard_interface_up 1 when the interface exists and wg can read it.\\n\'',
    '    printf \'# TYPE wireguard_interface_up gauge\\n\'',
    `    printf 'wireguard_interface_up{interface="${WG_INTERFACE}"} 0\\n'`,
    '    return',
    '  fi',
    '  local -a handshake=() received=() sent=() watch=()',
    '  while IFS=$\'\\t\' read -r pub _ _ _ hs rx tx _; do',
    '    peer_of "$pub"',
    `    labels="interface=\\"${WG_INTERFACE}\\",public_key=\\"$pub\\",peer=\\"$peer\\""`,
    '    handshake+=("wireguard_latest_handshake_seconds{$labels} $hs")',
    '    received+=("wireguard_received_bytes_total{$labels} $rx")',
    '    sent+=("wireguard_sent_bytes_total{$labels} $tx")',
    '    watch+=("wireguard_peer_watched{$labels} $watched")',
    '  done < <(printf \'%s\\n\' "$dump" | tail -n +2)',
    '  printf \'# HELP wireguard_interface_up 1 when the interface exists and wg can read it.\\n\'',
    '  printf \'# TYPE wireguard_interface_up gauge\\n\'',
    `  printf 'wireguard_interface_up{interface="${WG_INTERFACE}"} 1\\n'`,
    '  family wireguard_latest_handshake_seconds gauge "Unix time of the last handshake with the peer (0: never)." "${handshake[@]}"',
    '  family wireguard_received_bytes_total counter "Bytes received from the peer." "${received[@]}"',
    '  family wireguard_sent_bytes_total counter "Bytes sent to the peer, handshake attempts included." "${sent[@]}"',
    '  family wireguard_peer_watched gauge "1 when the tunnel carries declared flows or keepalive: alerts apply." "${watch[@]}"',
    '}',
    '',
    'family() {',
    '  local name=$1 type=$2 help=$3',
    '  shift 3',
    '  printf \'# HELP %s %s\\n# TYPE %s %s\\n\' "$name" "$help" "$name" "$type"',
    '  [ "$#" -eq 0 ] || printf \'%s\\n\' "$@"',
    '}',
    '',
    'body=$(metrics)',
    'body+=$\'\\n\'',
    'printf \'HTTP/1.0 200 OK\\r\\nContent-Type: text/plain; version=0.0.4\\r\\nContent-Length: %d\\r\\nConnection: close\\r\\n\\r\\n%s\' "${#body}" "$body"',
    '',
  ].join('\n');
}

/** The socket Prometheus scrapes: the host's first overlay address only, so the underlay never sees the exporter. */
export function renderMetricsSocket(hp: HostPlan, port: number): string {
  const a = hp.addresses[0]!;
  const address = a.family === 6 ? `[${addressText({ ...a, len: 128 })}]` : addressText({ ...a, len: 32 });
  return [
    `# Installed by wg-designer install.sh: the WireGuard metrics of host ${hp.id}, on its overlay address.`,
    '# FreeBind: the socket can listen before wg0 has brought the address up.',
    '[Unit]',
    'Description=wg-designer WireGuard metrics on the overlay',
    `After=wg-quick@${WG_INTERFACE}.service`,
    '',
    '[Socket]',
    `ListenStream=${address}:${port}`,
    'FreeBind=yes',
    'Accept=yes',
    'MaxConnections=8',
    '',
    '[Install]',
    'WantedBy=sockets.target',
    '',
  ].join('\n');
}

/** One scrape: the script with the connection as stdin and stdout, read-only and short-lived. */
export function renderMetricsService(): string {
  return [
    `# Installed by wg-designer install.sh as /etc/systemd/system/${METRICS_SERVICE}: one instance per scrape,`,
    `# started by ${METRICS_SOCKET} (Accept=yes needs a template unit of the socket's name).`,
    '[Unit]',
    'Description=wg-designer WireGuard metrics (one scrape)',
    '',
    '[Service]',
    `ExecStart=${METRICS_SCRIPT_PATH}`,
    'StandardInput=socket',
    'StandardOutput=socket',
    'StandardError=journal',
    'RuntimeMaxSec=15',
    'NoNewPrivileges=yes',
    'ProtectSystem=strict',
    'ProtectHome=yes',
    'PrivateTmp=yes',
    'PrivateDevices=yes',
    'ProtectControlGroups=yes',
    'ProtectKernelModules=yes',
    'RestrictAddressFamilies=AF_UNIX AF_NETLINK',
    '# wg show needs CAP_NET_ADMIN (netlink, or the userspace socket in /run/wireguard).',
    'CapabilityBoundingSet=CAP_NET_ADMIN',
    '',
  ].join('\n');
}
