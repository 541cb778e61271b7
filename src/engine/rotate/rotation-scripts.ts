import { WG_INTERFACE } from '../plan/types';
import { HOST_KEY_FILE, spliceKeyLine } from '../render/install-key';
import { stagedPeers } from './host-rotation';
import type { HostRotation, PeerChange } from './host-rotation';

const wg = WG_INTERFACE;
const CONF = `/etc/wireguard/${wg}.conf`;
/** Step 2 refuses a cut-over closer than this: the waiter must be running on every host before T. */
export const MIN_LEAD_SECONDS = 10;

/** The first lines of every script: strict bash, what it does, run from its own folder, root only. */
function header(comment: string): string[] {
  return ['#!/usr/bin/env bash', `# ${comment}`, 'set -euo pipefail', 'cd "$(dirname "$0")"', '[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }'];
}

/** Shell helpers shared by the scripts; bash built-ins only, so a host needs nothing beyond coreutils, wg and ip. */
const HAS_PEER = [
  'has_peer() { local k; while read -r k; do [ "$k" = "$1" ] && return 0; done < <(wg show ' + wg + ' peers); return 1; }',
];
const HOLDS_IPS = [
  `holds_ips() { local k ips; while read -r k ips; do [ "$k" = "$1" ] && [ "$ips" != "(none)" ] && return 0; done < <(wg show ${wg} allowed-ips); return 1; }`,
];
/** Nanoseconds since the epoch of a UTC time (GNU date reads ISO-8601, fractions included). */
const EPOCH_NS = ['epoch_ns() { date -u -d "$1" +%s%N; }'];
const WIPE = ['wipe() { local f; for f in "$@"; do [ -e "$f" ] || continue; if command -v shred >/dev/null; then shred -u -- "$f"; else rm -f -- "$f"; fi; done; }'];
/** `cut-over.pid` names a live waiter only if that process is still our cut-over.sh (pids get reused). */
const WAITER = [
  'waiter() { local pid; [ -f cut-over.pid ] || return 1; pid=$(<cut-over.pid); [ -r "/proc/$pid/cmdline" ] || return 1; [[ "$(tr \'\\0\' \' \' <"/proc/$pid/cmdline")" == *cut-over.sh* ]] && echo "$pid"; }',
];

/**
 * A host in `host` custody rotates to the key next-key.sh made on it: every step first checks that file still gives
 * the public key the rotation was made for (a re-run of next-key.sh after a lost file would make another one).
 */
function nextKeyCheck(h: HostRotation): string[] {
  if (h.nextKeyFile === null) return [];
  return [
    `if [ ! -s ${h.nextKeyFile} ] || [ "$(wg pubkey < ${h.nextKeyFile} 2>/dev/null)" != '${h.newPublicKey}' ]; then echo "${h.nextKeyFile} on ${h.id} does not hold the next key this rotation was made for (${h.newPublicKey.slice(0, 8)}): run next-key.sh and make a new rotation with the key it prints" >&2; exit 1; fi`,
  ];
}

const psk = (p: PeerChange) => (p.presharedKey === null ? [] : [`preshared-key <(printf '%s\\n' '${p.presharedKey}')`]);

/** Step 1: a second entry per rotated peer, under its new key, with no AllowedIPs, so traffic still uses the old one. */
export function stageScript(h: HostRotation): string {
  const lines = [...header(`Step 1 on ${h.id}: stage the new keys of its rotated peers beside the old ones. Nothing live changes.`)];
  lines.push(`wg show ${wg} >/dev/null`, ...nextKeyCheck(h));
  const staged = stagedPeers(h);
  for (const p of staged) {
    // No AllowedIPs (they stay on the old entry until T) and no keepalive: a keepalive now would start handshakes
    // the peer, still on its old key, cannot answer. The cut-over sets it.
    const parts = [`wg set ${wg} peer '${p.newKey}'`, ...psk(p)];
    if (p.endpoint !== null) parts.push(`endpoint '${p.endpoint}'`);
    lines.push(`# ${p.hostId}: its new key`, parts.join(' '));
  }
  lines.push(`echo "step 1 done on ${h.id}: ${staged.length} new peer keys staged; traffic still uses the old ones"`, '');
  return lines.join('\n');
}

/** Step 2: checks, then starts `cut-over.sh` detached so it fires at T with no operator in the loop. */
export function scheduleScript(h: HostRotation): string {
  const lines = [
    ...header(`Step 2 on ${h.id}: schedule the cut-over at the agreed instant (same --at on every host). Returns at once.`),
    ...HAS_PEER, ...EPOCH_NS, ...WAITER,
    `at='${h.at}'`,
    'if [ "${1:-}" = --at ] && [ $# -eq 2 ]; then at=$2; elif [ $# -ne 0 ]; then echo "usage: $0 [--at <UTC time, e.g. 2026-12-06T10:00:00Z>]" >&2; exit 2; fi',
    // UTC with a Z only: a time without a zone would be read in each host's own zone, and hosts may differ.
    'utc=\'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$\'',
    'if ! [[ "$at" =~ $utc ]] || ! t=$(epoch_ns "$at"); then echo "--at must be a UTC time like 2026-12-06T10:00:00Z, not \\"$at\\"" >&2; exit 2; fi',
    'if pid=$(waiter); then echo "a cut-over is already scheduled here ($(<cut-over.at), pid $pid): run cancel.sh first to change it" >&2; exit 1; fi',
  ];
  // A rotation made from an out-of-date keys file would move AllowedIPs off keys the host no longer has.
  const stale = (what: string) => `{ echo "${what} is not the one this rotation was made from: make a new rotation from the keys in use" >&2; exit 1; }`;
  if (h.rotated) {
    lines.push(`[ "$(wg show ${wg} public-key)" != '${h.newPublicKey}' ] || { echo "${h.id} already uses its new key: run step 3" >&2; exit 1; }`);
    lines.push(`[ "$(wg show ${wg} public-key)" = '${h.oldPublicKey}' ] || ${stale(`the public key of ${h.id}`)}`, ...nextKeyCheck(h));
  }
  for (const p of h.peers) lines.push(`has_peer '${p.oldKey}' || ${stale(`the key of peer ${p.hostId}`)}`);
  for (const p of stagedPeers(h)) {
    lines.push(`has_peer '${p.newKey}' || { echo "run step 1 first: the new key of ${p.hostId} is not staged" >&2; exit 1; }`);
  }
  lines.push(
    'left=$(( (t - $(date +%s%N)) / 1000000000 ))',
    `if [ "$left" -lt ${MIN_LEAD_SECONDS} ]; then`,
    `  echo "the cut-over time $at is $left s away (at least ${MIN_LEAD_SECONDS} needed): pick a new time, run cancel.sh on every host where step 2 ran, then steps 1 and 2 with --at <new time> on every host" >&2`,
    '  exit 1',
    'fi',
    'printf \'%s\\n\' "$at" >cut-over.at',
    // setsid: the waiter survives the operator's ssh session; it leads its own process group, which cancel.sh kills.
    'setsid nohup bash ./cut-over.sh "$at" >cut-over.log 2>&1 </dev/null &',
    'echo "$!" >cut-over.pid',
    `echo "step 2 done on ${h.id}: cut-over at $at, in $left s (log: $PWD/cut-over.log)"`,
    '',
  );
  return lines.join('\n');
}

/**
 * The clock without a fork where bash has one: `now` in ns since the epoch, from bash 5's EPOCHREALTIME (its decimal
 * mark follows the locale), else from date. Every fork on the way to T makes the cut-over later: under load the lab
 * saw 50-100 ms per fork.
 */
const NOW_NS = [
  'now_ns() { if [ -n "${EPOCHREALTIME:-}" ]; then now=${EPOCHREALTIME/[.,]/}000; else now=$(date +%s%N); fi; }',
];
/**
 * A wait with no fork: `read -t` on a pipe this script holds both ends of, which never has data, so it returns when
 * the time is up. `sleep` is a process to start, and under load the lab saw that take 10-100 ms at T and in every
 * round of the handshake checks. Process substitution is already needed for the keys, so /dev/fd is there.
 */
const PAUSE = [
  'exec {pause_fd}<> <(:)',
  'pause() { read -rt "$1" -u "$pause_fd" _ || true; }',
];
/**
 * Waits until an instant (ns since the epoch), the duration taken just before the wait starts; the waiter calls it
 * twice, the second time a second before T, so a long wait's drift and a busy moment before it do not add up.
 */
const SLEEP_UNTIL = [
  'sleep_until() { local d frac; now_ns; d=$(($1 - now)); [ "$d" -gt 0 ] || return 0; printf -v frac \'%09d\' $((d % 1000000000)); pause "$((d / 1000000000)).$frac"; }',
];

/**
 * The cut-over, run by step 2's waiter at T: one `wg set` that makes the new keys live (a rotated host's private key
 * and preshared keys; every rotated peer's AllowedIPs move from its old entry to its staged new one, and the old
 * entry goes) and, in the same call, kicks a handshake from one side of each tunnel (`kicks`). WireGuard sends a
 * keepalive at once only when persistent-keepalive goes from 0 to non-zero (kernel and wireguard-go alike, also
 * when one call names the peer twice), and a keepalive with no session starts a handshake. Kicks from both sides
 * cross and both fail (the lab saw 5 s outages that way), and a kick that reaches a peer not yet cut over is lost,
 * so the kicking side checks and kicks again with a fresh peer entry until the handshake is done: a flow stops for
 * the clock skew plus one round trip (and at most 50 ms more where clocks agree). Nothing between waking and the
 * kick forks but `wg` itself: the lab measured the cut-overs of 5 busy hosts landing 90-350 ms after T when the
 * script also forked `date` and a second `wg set` on the way.
 */
export function cutOverScript(h: HostRotation): string {
  const lines = [
    ...header(`The cut-over on ${h.id}, started detached by step 2: sleeps until the given UTC time, then makes the new keys live.`),
    ...NOW_NS, ...PAUSE, ...SLEEP_UNTIL,
    'at=${1:?usage: cut-over.sh <UTC time>}',
    'echo "$$" >cut-over.pid',
  ];
  if (h.nextKeyFile !== null) {
    lines.push(...nextKeyCheck(h));
  } else if (h.rotated) {
    lines.push(
      `[ -s ${wg}.conf ] || { echo "${wg}.conf with the new private key is missing from $PWD" >&2; exit 1; }`,
      // Read from the file into wg's stdin-like argument: the key never shows in a process list or a log.
      `private_key() { local line; while IFS= read -r line; do case $line in PrivateKey*=*) line=\${line#*=}; printf '%s\\n' "\${line// /}"; return;; esac; done <${wg}.conf; }`,
    );
  }
  lines.push(
    't=$(date -u -d "$at" +%s%N)',
    'sleep_until $((t - 1000000000))',
    'sleep_until "$t"',
    'now_ns; woke_ns=$now',
  );
  const kick = h.peers.filter((p) => p.kicks);
  const set = [`wg set ${wg}`];
  // wg reads the key from the file: it never shows in a process list or a log.
  if (h.nextKeyFile !== null) set.push(`private-key ${h.nextKeyFile}`);
  else if (h.rotated) set.push('private-key <(private_key)');
  for (const p of h.peers) {
    if (p.newKey === p.oldKey) set.push(`peer '${p.newKey}'`, ...psk(p), 'persistent-keepalive 0');
    else set.push(`peer '${p.newKey}' allowed-ips '${p.allowedIPs}' persistent-keepalive 0 peer '${p.oldKey}' remove`);
  }
  // The same peer named again in the same call: keepalive 0 -> 1 sends the kick, then it takes the design's value.
  for (const p of kick) set.push(`peer '${p.newKey}' persistent-keepalive 1 ${keepalive(p)}`);
  lines.push(set.join(' \\\n  '));
  // ms after T from bash's arithmetic and echo (no fork); the instant itself is written once the kicks are done.
  lines.push('now_ns; cut_ns=$now', 'echo "woke at T+$(((woke_ns - t) / 1000000)) ms, new keys live at T+$(((cut_ns - t) / 1000000)) ms"');
  if (kick.length > 0) lines.push(...retryHandshakes(kick));
  // The other side of each tunnel starts its handshake; a keepalive turned on here now would start a second one.
  const rest = h.peers.filter((p) => !p.kicks && p.keepalive);
  if (rest.length > 0) lines.push(`wg set ${wg} ${rest.map(keepalive).join(' ')}`);
  lines.push(
    'echo "cut over at $(date -u -d "@$((cut_ns / 1000000000)).$(printf \'%09d\' $((cut_ns % 1000000000)))" +%FT%T.%NZ) (scheduled $at)"',
  );
  lines.push('rm -f cut-over.pid', '');
  return lines.join('\n');
}

const keepalive = (p: PeerChange) => `peer '${p.newKey}' persistent-keepalive ${p.keepalive ? p.keepalive : 'off'}`;

/**
 * Until each kicked peer shows a handshake from T on, every 50 ms for half a second, then every 100, 200 and 300
 * ms up to 2.5 s (a peer may cut over that much later, its clock or a busy machine behind; a link whose round trip
 * is over 50 ms gets its handshake through once the waits are longer): the peer entry is made afresh and kicked
 * again, in one `wg set`. A handshake sent to a peer still on its old key is lost, and WireGuard sends no new
 * initiation for 5 s (REKEY_TIMEOUT) unless the peer entry is new.
 */
function retryHandshakes(kick: readonly PeerChange[]): string[] {
  const fresh = (p: PeerChange) => [
    `wg set ${wg} peer '${p.newKey}' remove`,
    `peer '${p.newKey}'`, ...(p.allowedIPs ? [`allowed-ips '${p.allowedIPs}'`] : []), `endpoint '${p.endpoint ?? ''}'`, ...psk(p), 'persistent-keepalive 1',
    keepalive(p),
  ].join(' ');
  return [
    't_s=$((t / 1000000000))',
    // One `wg show` a round for every kicked peer: `shaken` lists the peers with a handshake from T on.
    `handshakes() { local k ts; shaken=' '; while read -r k ts; do [ "$ts" -ge "$t_s" ] && shaken+="$k "; done < <(wg show ${wg} latest-handshakes); return 0; }`,
    'since_t() { [[ "$shaken" == *" $1 "* ]]; }',
    'for wait in 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.05 0.1 0.1 0.1 0.2 0.2 0.3 0.3 0.3; do',
    '  pause "$wait"',
    '  handshakes',
    '  waiting=0',
    ...kick.map((p) => `  since_t '${p.newKey}' || { waiting=1; now_ns; echo "no handshake with ${p.hostId} at T+$(((now - t) / 1000000)) ms: a fresh peer entry"; ${fresh(p)}; }`),
    '  [ "$waiting" = 0 ] && break',
    'done',
  ];
}

/** Undoes steps 1 and 2 on this host: stops the waiter and puts the live state back to /etc/wireguard/wg0.conf. */
export function cancelScript(h: HostRotation): string {
  return [
    ...header(`Cancel on ${h.id}: stop a scheduled cut-over and drop the staged keys (back to ${CONF}).`),
    ...WAITER,
    // The waiter leads its own process group (setsid): killing the group stops its sleep too.
    'if pid=$(waiter); then',
    '  kill -- "-$pid" 2>/dev/null || kill "$pid"',
    // Wait for it to go, so a waiter at its last instant cannot apply its `wg set` after the sync below.
    '  for _ in {1..40}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done',
    '  echo "stopped the cut-over scheduled for $(<cut-over.at)"',
    'fi',
    'rm -f cut-over.pid cut-over.at',
    `wg syncconf ${wg} <(wg-quick strip ${CONF})`,
    `echo "cancelled on ${h.id}: live state is ${CONF} again; to retry run step 1, then step 2 with --at <new time>"`,
    '',
  ].join('\n');
}

/** Step 3: after T, checks the cut happened (or applies it after a reboot), installs the final config, wipes old keys. */
export function finishScript(h: HostRotation): string {
  const lines = [
    ...header(`Step 3 on ${h.id}: after the cut-over, install the final ${wg}.conf and wipe the old keys.`),
    ...HAS_PEER, ...HOLDS_IPS, ...EPOCH_NS, ...WIPE, ...WAITER,
    `if [ ! -f ${wg}.conf ]; then echo "step 3 was already done on ${h.id}"; exit 0; fi`,
    `at='${h.at}'`,
    '[ -f cut-over.at ] && at=$(<cut-over.at)',
    'if [ "$(date +%s%N)" -lt "$(epoch_ns "$at")" ]; then echo "the cut-over is at $at: run step 3 after it" >&2; exit 1; fi',
    'if pid=$(waiter); then echo "the cut-over (pid $pid) is still running: see cut-over.log, then run step 3 again" >&2; exit 1; fi',
    'cut=yes',
  ];
  if (h.nextKeyFile !== null) {
    // Step 3 may have moved the next key in already (a second run after a failure): then the host key file holds it.
    lines.push(`keyfile=${HOST_KEY_FILE}`, `if [ -e ${h.nextKeyFile} ] || [ "$(wg pubkey < "$keyfile" 2>/dev/null)" != '${h.newPublicKey}' ]; then`, ...nextKeyCheck(h).map((l) => `  ${l}`), 'fi');
  }
  if (h.rotated) lines.push(`[ "$(wg show ${wg} public-key)" = '${h.newPublicKey}' ] || cut=no`);
  for (const p of stagedPeers(h)) lines.push(`holds_ips '${p.newKey}' || cut=no`, `! has_peer '${p.oldKey}' || cut=no`);
  lines.push(
    'if [ "$cut" = no ]; then',
    `  echo "warning: the cut-over at $at did not take effect on ${h.id} (rebooted or cancelled?): applying the new keys now" >&2`,
    'fi',
    'umask 077',
    // A hard link keeps the old file's blocks reachable after the atomic rename, so shred can overwrite them.
    `[ -e ${CONF} ] && ln -f ${CONF} ${CONF}.old`,
    ...(h.nextKeyFile === null ? [`install -m 600 ${wg}.conf ${CONF}.new`] : ownKeyFinish(h, h.nextKeyFile)),
    `mv -f ${CONF}.new ${CONF}`,
    `wipe ${CONF}.old ${CONF}.before-rotation`,
    // The live state already matches (same keys, PSKs, AllowedIPs): syncconf changes nothing and resets no session.
    `wg syncconf ${wg} <(wg-quick strip ${CONF})`,
    // The copies of new secrets in this folder: the private key (wg0.conf) and the preshared keys (the scripts).
    `wipe ${wg}.conf 1-stage-new-keys.sh cut-over.sh`,
    `echo "step 3 done on ${h.id}: ${CONF} holds the new keys; the old ones are wiped"`,
    '',
  );
  return lines.join('\n');
}

/**
 * Step 3 on a host in `host` custody: the next key becomes the host's key (the old key file is shredded), and the
 * final wg0.conf, which holds no key, gets it written in as install.sh does.
 */
function ownKeyFinish(h: HostRotation, next: string): string[] {
  return [
    `if [ -e ${next} ]; then`,
    '  [ -e "$keyfile" ] && ln -f "$keyfile" "$keyfile.old"',
    `  mv -f ${next} "$keyfile"`,
    '  wipe "$keyfile.old"',
    'fi',
    `[ "$(wg pubkey < "$keyfile")" = '${h.newPublicKey}' ] || { echo "$keyfile on ${h.id} does not give its new public key: nothing more was changed" >&2; exit 1; }`,
    spliceKeyLine(`${wg}.conf`, `${CONF}.new`),
    `chmod 600 ${CONF}.new`,
  ];
}
