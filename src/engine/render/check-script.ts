import { WG_INTERFACE } from '../plan/types';
import type { Plan, HostPlan } from '../plan/types';
import { addressText } from './firewall-terms';

/** A handshake older than this means the tunnel is down: WireGuard re-handshakes every 2 minutes while in use. */
const STALE_HANDSHAKE_SECONDS = 180;

/**
 * A host's `check.sh`: what an operator runs when something is wrong. One line per check, OK or FAIL, and for a
 * failure what to look at next: the handshake age of each peer, a don't-fragment ping at the tunnel's MTU to each
 * peer, one on the underlay at the size of the WireGuard packets that carry it (to each peer this host dials), and a
 * TCP connect to each declared flow this host opens. Every value in it is an id, a port, a key or an
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
    `note() { printf 'NOTE  %s\\n' "$1"; }`,
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
    if (peer.endpoint !== null && other.endpointHost !== null) {
      // WireGuard's own packets: the inner packet plus 32 (WireGuard) + 8 (UDP) + 20 or 40 (IP). A name is probed over
      // IPv4, where most endpoints resolve. Before the tunnel ping, whose big packets may teach the path MTU first.
      const v6 = other.endpointHost.includes(':');
      peerLines.push(`underlay_ping '${other.endpointHost}' ${mtu + (v6 ? 80 : 60)} ${v6 ? 6 : 4} ${mtu} ${peer.hostId}`);
    }
    peerLines.push(`mtu_ping ${addressText({ ...target, len: target.family === 4 ? 32 : 128 })} ${mtu - header} ${mtu} ${peer.hostId}`);
  }
  for (const rule of hp.firewall.outbound) {
    const dst = rule.destinations[0];
    if (!dst) continue;
    if (rule.proto === 'tcp') flowLines.push(`${rule.optionalPort ? 'tcp_connect_optional' : 'tcp_connect'} ${addressText(dst)} ${rule.port} ${rule.flowId}`);
    else flowLines.push(`ok "flow ${rule.flowId}: UDP port ${rule.port} is not probed (no handshake to test)"`);
  }
  if (peerLines.length > 0) lines.push(...PEER_FUNCTIONS);
  if (flowLines.some((l) => l.startsWith('tcp_connect '))) lines.push(...TCP_FUNCTION);
  if (flowLines.some((l) => l.startsWith('tcp_connect_optional '))) lines.push(...TCP_OPTIONAL_FUNCTION);
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
    'underlay_ping() { # endpoint outer-bytes family inner-mtu peer-id',
    '  # The tunnel ping above travels inside WireGuard, whose own UDP packets leave without DF: the underlay may',
    '  # fragment them silently. This probe sends DF pings of their size to the endpoint itself.',
    '  local out mtu hop route',
    '  if ! ping -"$3" -n -c 1 -W 2 "$1" >/dev/null 2>&1; then',
    '    note "peer $5: $1 does not answer ping on the underlay (ICMP filtered?), so its path MTU is not measured"',
    '    return',
    '  fi',
    '  if out=$(ping -"$3" -n -c 2 -i 0.3 -W 2 -M "do" -s "$(($2 - ($3 == 4 ? 28 : 48)))" "$1" 2>&1); then',
    '    ok "peer $5: $2-byte WireGuard packets reach $1 unfragmented on the underlay"',
    '    return',
    '  fi',
    '  # iputils says where the path is narrower: "From HOP ... Frag needed and DF set (mtu = N)" (IPv6: "Packet too',
    '  # big: mtu=N"), or "local error: message too long, mtu=N" for this host\'s own link or a learned path MTU.',
    '  mtu=$(printf \'%s\\n\' "$out" | sed -n -E \'s/.*mtu ?= ?([0-9]+).*/\\1/p\' | head -n 1)',
    '  hop=$(printf \'%s\\n\' "$out" | sed -n -E \'s/^From ([0-9a-fA-F.:]+).*(Frag needed|too big).*/\\1/p\' | head -n 1)',
    '  if [ -z "$hop" ]; then',
    '    # No hop answered this time: the path MTU was learned earlier (the route says "expires"), or it is our own link.',
    '    route=$(ip route get "$1" 2>/dev/null | tr "\\n" " ")',
    '    if [[ $route == *expires* ]]; then hop="a router on the path (a learned path MTU; tracepath -n $1 names it)"',
    '    else hop="this host\'s own link ($(printf \'%s\' "$route" | sed -n -E \'s/.* dev ([^ ]+).*/\\1/p\'))"; fi',
    '  fi',
    '  if [ -n "$mtu" ]; then',
    '    bad "peer $5: $2-byte WireGuard packets to $1 do not pass: the underlay MTU is $mtu at $hop" "set MTU = $((mtu - ($3 == 4 ? 60 : 80))) in wg0.conf (and the design\'s underlay MTU = $mtu), or raise the MTU of that link"',
    '  else',
    '    bad "peer $5: $2-byte don\'t-fragment pings to $1 get no reply on the underlay, smaller ones do" "a hop drops big packets without saying so (PMTU black hole): lower MTU in wg0.conf until they pass, or find the hop with tracepath -n $1"',
    '  fi',
    '}',
    '',
    'mtu_ping() { # address payload-bytes mtu peer-id',
    '  if ping -c 1 -W 2 -M "do" -s "$2" "$1" >/dev/null 2>&1; then',
    '    ok "peer $4: $3-byte don\'t-fragment packets cross the tunnel to $1"',
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

// A port a replication flow opens for a mode the engine may not run (MySQL group replication, Redis Cluster): a
// refused connect proves the tunnel and both firewalls let it through (a drop times out, our own reject says "No
// route to host"), and nothing need listen there.
const TCP_OPTIONAL_FUNCTION = [
    'tcp_connect_optional() { # address port flow-id',
    '  local err',
    '  # shellcheck disable=SC2016 # $1 and $2 expand in the inner bash, which gets them as arguments',
    '  if err=$(timeout 3 bash -c \'exec 3<>"/dev/tcp/$1/$2"\' _ "$1" "$2" 2>&1); then',
    '    ok "flow $3: TCP $1 port $2 connects"',
    '  elif [[ $err == *"Connection refused"* ]]; then',
    '    ok "flow $3: TCP $1 port $2 gets through, nothing listens (a cluster mode the database does not run)"',
    '  else',
    '    bad "flow $3: TCP $1 port $2 does not connect" "does the firewall on the target (nft list table inet wg_designer) accept this flow?"',
    '  fi',
    '}',
    '',
];
