import type { HostPlan } from '../plan/types';
import type { FirewallBackend } from './install-script';

/**
 * The files `collect.sh` writes into the host's folder, as `wg-designer drift` reads them. `wg-dump` is
 * `wg show all dump` with its two secret columns redacted; `collected-at` is the host's clock (epoch seconds), which
 * the dump's handshake times are measured against.
 */
export const COLLECTED_FILES = {
  wgDump: 'wg-dump.txt',
  addr: 'ip-addr.json',
  route4: 'ip-route.json',
  route6: 'ip6-route.json',
  nft: 'nft-ruleset.json',
  iptables4: 'iptables-save.txt',
  iptables6: 'ip6tables-save.txt',
  collectedAt: 'collected-at.txt',
} as const;

/** What a redacted secret column reads as: never a key, so nothing downstream can mistake it for one. */
export const REDACTED = '(redacted)';

/**
 * A host's `collect.sh`: writes what `wg-designer drift` compares with the design into a folder named for the host
 * (or the folder given as $1). `wg show all dump` prints the interface's private key (line of 5 columns, column 2)
 * and each peer's preshared key (9 columns, column 3): awk replaces both before the text reaches a file, so the
 * folder can be copied off the host. A missing interface is not an error here: an empty dump is what drift reports.
 * The only interpolated value is the host id, which the schema allow-lists (`[a-z0-9-]`).
 */
export function renderCollectScript(hp: HostPlan, firewall: FirewallBackend): string {
  const f = COLLECTED_FILES;
  const firewallLines = firewall === 'nftables'
    ? [
      'need nft',
      `nft -j list ruleset > "$tmp/${f.nft}" || fail "nft -j list ruleset failed"`,
    ]
    : [
      'need iptables-save',
      'need ip6tables-save',
      `iptables-save > "$tmp/${f.iptables4}" || fail "iptables-save failed"`,
      `ip6tables-save > "$tmp/${f.iptables6}" || fail "ip6tables-save failed"`,
    ];
  return [
    '#!/usr/bin/env bash',
    `# Collects the live WireGuard, address, route and firewall state of host ${hp.id} for wg-designer drift.`,
    `# Usage (as root): ./collect.sh [folder]    default folder: ./${hp.id}. Copy the folder off the host and run`,
    '#   wg-designer drift design.json --live <the folder holding one folder per host>',
    '# No secret is written: the private and preshared key columns of wg show all dump are redacted first.',
    'set -euo pipefail',
    'umask 077',
    'fail() { printf \'collect.sh: %s\\n\' "$1" >&2; exit 1; }',
    'need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed"; }',
    '[ "$(id -u)" -eq 0 ] || fail "run as root: wg show and the firewall listing need it"',
    'need wg',
    'need ip',
    'need awk',
    `out=\${1:-${hp.id}}`,
    // Everything goes to a temporary folder first, so an interrupted run never leaves a half-collected host.
    'tmp=$(mktemp -d "${TMPDIR:-/tmp}/wgd-collect.XXXXXX")',
    'trap \'rm -rf "$tmp"\' EXIT',
    `wg show all dump | awk -F '\\t' -v OFS='\\t' '`,
    `  NF == 5 { $2 = "${REDACTED}" }`,
    `  NF == 9 && $3 != "(none)" { $3 = "${REDACTED}" }`,
    `  { print }' > "$tmp/${f.wgDump}" || fail "wg show all dump failed"`,
    `ip -j addr show > "$tmp/${f.addr}" || fail "ip -j addr show failed"`,
    `ip -j route show > "$tmp/${f.route4}" || fail "ip -j route show failed"`,
    `ip -6 -j route show > "$tmp/${f.route6}" || fail "ip -6 -j route show failed"`,
    ...firewallLines,
    `date +%s > "$tmp/${f.collectedAt}"`,
    'mkdir -p "$out"',
    'cp "$tmp"/* "$out"/',
    `printf 'collected host ${hp.id} into %s\\n' "$out"`,
    '',
  ].join('\n');
}
