import { WG_INTERFACE } from '../plan/types';
import type { Plan, HostPlan } from '../plan/types';
import { addressText } from './firewall-terms';

/** A handshake older than this means the tunnel is down: WireGuard re-handshakes every 2 minutes while in use. */
const STALE_HANDSHAKE_SECONDS = 180;

/**
 * A host's `check.sh`: what an operator runs when something is wrong. One line per check, OK or FAIL, and for a
 * failure what to look at next: the handshake age of each peer, a don't-fragment ping at the tunnel's MTU to each
 * peer, and a TCP connect to each declared flow this host opens. Every value in it is an id, a port, a key or an
 * address re-formatted from its parsed form; no user text.
 */
export function renderCheckScript(plan: Plan, hp: HostPlan): string {
  const lines: string[] = [
    '#!/usr/bin/env bash',
    `# Checks WireGuard interface ${wg} of host ${hp.id}: one line per check. Exit code: the number of failures, at most 125.`,
    'set -u',
    'fails=0',
    `ok() { printf 'OK    %s\\n' "$1"; }`,
    `bad() { printf 'FAIL  %s\\n      next: %s\\n' "$1" "$2"; fails=$((fails + 1)); }`,
    '',
    'command -v wg >/dev/null 2>&1 || { bad "wg is not installed" "apt-get install wireguard-tools"; exit 1; }',
    `if ! ip link show ${wg} >/dev/null 2>&1; then`,
    `  bad "interface ${wg} is missing" "run install.sh, or wg-quick up ${wg}; see journalctl -u wg-quick@${wg}"`,
    '  exit "$fails"',
    'fi',
    `ok "interface ${wg} is up"`,
    'now=$(date +%s)',
  ];
  const peerLines: string[] = [];
  const flowLines: string[] = [];
  for (const peer of hp.peers) {
    const endpoint = peer.endpoint ?? 'the peer (it dials this host)';
    const other = plan.byId.get(peer.hostId);
    const target = other?.addresses[0];
    const wake = target ? ` ${addressText({ ...target, len: target.family === 4 ? 32 : 128 })}` : '';
    if (peer.publicKey !== null) peerLines.push(`handshake '${peer.publicKey}' ${peer.hostId} '${endpoint}'${wake}`);
    if (!other || !target) continue;
    const mtu = Math.min(hp.mtu, other.mtu);
    const header = target.family === 4 ? 28 : 48;
    peerLines.push(`mtu_ping ${addressText({ ...target, len: target.family === 4 ? 32 : 128 })} ${mtu - header} ${mtu} ${peer.hostId}`);
  }
  for (const rule of hp.firewall.outbound) {
    const dst = rule.destinations[0];
    if (!dst) continue;
    if (rule.proto === 'tcp') flowLines.push(`tcp_connect ${addressText(dst)} ${rule.port} ${rule.flowId}`);
    else flowLines.push(`ok "flow ${rule.flowId}: UDP port ${rule.port} is not probed (no handshake to test)"`);
  }
  if (peerLines.length > 0) lines.push(...PEER_FUNCTIONS);
  if (flowLines.some((l) => l.startsWith('tcp_connect'))) lines.push(...TCP_FUNCTION);
  lines.push(...peerLines, ...flowLines);
  // An exit status is taken modulo 256, so 256 failures would read as success; above 125 a shell means a signal.
  lines.push('', 'if [ "$fails" -eq 0 ]; then echo "all checks passed"; else echo "$fails checks failed"; fi',
    'exit "$((fails > 125 ? 125 : fails))"', '');
  return lines.join('\n');
}

const wg = WG_INTERFACE;

const PEER_FUNCTIONS = [
    '',
    'handshake() { # public-key peer-id endpoint [the peer\'s overlay address]',
    '  local ts',
    `  ts=$(wg show ${wg} latest-handshakes | awk -v k="$1" '$1 == k { print $2 }')`,
    '  # Right after an install a tunnel without keepalive has had no traffic, so no handshake: send some and look again.',
    '  if [ "$ts" = 0 ] && [ -n "${4:-}" ]; then',
    '    for _ in 1 2 3; do',
    '      ping -c 1 -W 1 "$4" >/dev/null 2>&1',
    `      ts=$(wg show ${wg} latest-handshakes | awk -v k="$1" '$1 == k { print $2 }')`,
    '      if [ "$ts" != 0 ]; then break; fi',
    '    done',
    '  fi',
    '  if [ -z "$ts" ]; then',
    `    bad "peer $2: not configured on ${wg}" "compare /etc/wireguard/${wg}.conf with this bundle's ${wg}.conf"`,
    '  elif [ "$ts" -eq 0 ]; then',
    '    bad "peer $2: no handshake yet" "is UDP to $3 open on the underlay, and do both sides hold each other\'s current public key?"',
    `  elif [ $((now - ts)) -gt ${STALE_HANDSHAKE_SECONDS} ]; then`,
    '    bad "peer $2: last handshake $((now - ts)) s ago" "no traffic or keepalive for a while; if traffic fails, check the endpoint $3 and NAT"',
    '  else',
    '    ok "peer $2: handshake $((now - ts)) s ago"',
    '  fi',
    '}',
    '',
    'mtu_ping() { # address payload-bytes mtu peer-id',
    '  if ping -c 1 -W 2 -M "do" -s "$2" "$1" >/dev/null 2>&1; then',
    '    ok "peer $4: $3-byte packets pass unfragmented to $1"',
    '  else',
    '    bad "peer $4: no reply to a $3-byte don\'t-fragment ping to $1" "if smaller pings pass, lower MTU in wg0.conf; if none pass, check the handshake and the firewall"',
    '  fi',
    '}',
    '',
];

const TCP_FUNCTION = [
    '',
    'tcp_connect() { # address port flow-id',
    '  # shellcheck disable=SC2016 # $1 and $2 expand in the inner bash, which gets them as arguments',
    '  if timeout 3 bash -c \'exec 3<>"/dev/tcp/$1/$2"\' _ "$1" "$2" 2>/dev/null; then',
    '    ok "flow $3: TCP $1 port $2 connects"',
    '  else',
    '    bad "flow $3: TCP $1 port $2 does not connect" "is the service listening on $1? does the firewall on the target (nft list table inet wg_designer) accept this flow?"',
    '  fi',
    '}',
    '',
];
