#!/usr/bin/env bash
# Collects the live WireGuard, address, route and firewall state of host app-2 for wg-designer drift.
# Usage (as root): ./collect.sh [folder]    default folder: ./app-2. Copy the folder off the host and run
#   wg-designer drift design.json --live <the folder holding one folder per host>
# No secret is written: the private and preshared key columns of wg show all dump are redacted first.
set -euo pipefail
umask 077
fail() { printf 'collect.sh: %s\n' "$1" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed"; }
[ "$(id -u)" -eq 0 ] || fail "run as root: wg show and the firewall listing need it"
need wg
need ip
need awk
out=${1:-app-2}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wgd-collect.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
wg show all dump | awk -F '\t' -v OFS='\t' '
  NF == 5 { $2 = "(redacted)" }
  NF == 9 && $3 != "(none)" { $3 = "(redacted)" }
  { print }' > "$tmp/wg-dump.txt" || fail "wg show all dump failed"
ip -j addr show > "$tmp/ip-addr.json" || fail "ip -j addr show failed"
ip -j route show > "$tmp/ip-route.json" || fail "ip -j route show failed"
ip -6 -j route show > "$tmp/ip6-route.json" || fail "ip -6 -j route show failed"
need nft
nft -j list ruleset > "$tmp/nft-ruleset.json" || fail "nft -j list ruleset failed"
date +%s > "$tmp/collected-at.txt"
mkdir -p "$out"
cp "$tmp"/* "$out"/
printf 'collected host app-2 into %s\n' "$out"
