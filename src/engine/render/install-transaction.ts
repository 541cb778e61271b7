import { WG_INTERFACE } from '../plan/types';
import { IPTABLES_CHAINS, IPTABLES_HOOKS } from './iptables';
import { NFT_TABLE } from './nftables';

const wg = WG_INTERFACE;

/**
 * Bash functions install.sh uses to save, apply and restore the running firewall of one back-end: `fw_save` (into
 * "$backup"), `fw_apply`, `fw_restore` (exactly the saved state) and `fw_present`. Only what we own is touched:
 * nftables' table `inet wg_designer`; iptables' WGD-* chains and the jumps to them.
 */
export function firewallFunctions(backend: 'nftables' | 'iptables'): string[] {
  if (backend === 'nftables') {
    return [
      `fw_save() { nft list table inet ${NFT_TABLE} > "$backup/table.nft" 2>/dev/null || rm -f "$backup/table.nft"; }`,
      'fw_apply() { nft -f /etc/wg-designer/firewall.nft; }',
      '# Re-creates the table as it was (its listing loads back as is), or only deletes it when there was none.',
      'fw_restore() {',
      `  { echo 'table inet ${NFT_TABLE}'; echo 'delete table inet ${NFT_TABLE}'; if [ -f "$backup/table.nft" ]; then cat "$backup/table.nft"; fi; } | nft -f -`,
      '}',
      `fw_present() { nft list table inet ${NFT_TABLE} >/dev/null 2>&1; }`,
    ];
  }
  const tables = ['filter', 'mangle', 'nat'] as const;
  const hooksOf = (t: string) => IPTABLES_HOOKS.filter((h) => h.table === t).map((h) => `${h.builtin}:${h.chain}`).join(' ');
  const restores = ['iptables', 'ip6tables'].flatMap((cmd) => tables.map((t) =>
    `  ipt_restore ${cmd} ${t} "${hooksOf(t)}" "${IPTABLES_CHAINS[t].join(' ')}" || bad=1`));
  return [
    'fw_save() {',
    '  local cmd t',
    '  for cmd in iptables ip6tables; do for t in filter mangle nat; do',
    '    "$cmd-save" -t "$t" > "$backup/$cmd-$t.rules" 2>/dev/null || : > "$backup/$cmd-$t.rules"',
    '  done; done',
    '  if iptables -V | grep -q nf_tables && command -v nft >/dev/null; then nft list tables > "$backup/nft-tables"; fi',
    '}',
    '# Our chains are hooked in at the top of each built-in chain, once (a re-run keeps the jump where it is). That is',
    '# safe ahead of the host\'s own rules because our chains never ACCEPT on the underlay: WGD-INPUT only drops',
    '# database ports there and RETURNs everything else to the host\'s rules (its SSH allow-list, fail2ban, policy);',
    '# what they ACCEPT or DROP is traffic on wg0, the interface this bundle owns, and it ends in DROP/REJECT for',
    '# anything undeclared. Appended jumps would fail open: a host rule that accepts port 5432 from anywhere would then',
    '# accept it from the tunnel before our chain saw it.',
    'fw_hook() {',
    ...IPTABLES_HOOKS.flatMap((h) => ['iptables', 'ip6tables'].map((cmd) =>
      `  ${cmd} -t ${h.table} -C ${h.builtin} -j ${h.chain} 2>/dev/null || ${cmd} -t ${h.table} -I ${h.builtin} 1 -j ${h.chain}`)),
    '}',
    'fw_apply() {',
    '  iptables-restore -n /etc/wg-designer/firewall.iptables',
    '  ip6tables-restore -n /etc/wg-designer/firewall.ip6tables',
    '  fw_hook',
    '}',
    '# ipt_restore cmd table "builtin:chain ..." "chain ...": our chains and jumps of one table exactly as saved. Jumps',
    '# go back at their saved positions; chains that did not exist are deleted; other rules are never touched.',
    'ipt_restore() {',
    '  local cmd=$1 table=$2 hooks=$3 chains=$4 saved="$backup/$1-$2.rules" h c n existed family',
    '  for h in $hooks; do while "$cmd" -t "$table" -D "${h%%:*}" -j "${h#*:}" 2>/dev/null; do :; done; done',
    '  existed=$(sed -n \'s/^:\\(WGD-[A-Z-]*\\) .*/\\1/p\' "$saved")',
    '  if [ -n "$existed" ]; then',
    '    { echo "*$table"; for c in $existed; do echo ":$c - [0:0]"; echo "-F $c"; done; grep \'^-A WGD-\' "$saved"; echo COMMIT; } | "$cmd-restore" -n || return 1',
    '  fi',
    '  for c in $chains; do grep -qx "$c" <<<"$existed" || "$cmd" -t "$table" -F "$c" 2>/dev/null || :; done',
    '  for c in $chains; do grep -qx "$c" <<<"$existed" || "$cmd" -t "$table" -X "$c" 2>/dev/null || :; done',
    '  for h in $hooks; do',
    '    while read -r n; do',
    '      "$cmd" -t "$table" -I "${h%%:*}" "$n" -j "${h#*:}" || return 1',
    '    done < <(awk -v b="${h%%:*}" -v j="-A ${h%%:*} -j ${h#*:}" \'$1 == "-A" && $2 == b { n++; if ($0 == j) print n }\' "$saved")',
    '  done',
    '  # iptables-nft makes a table and its built-in chains on first use: one that was not there and is empty goes again.',
    '  family=ip; [ "$cmd" = iptables ] || family=ip6',
    '  if [ -f "$backup/nft-tables" ] && ! grep -qx "table $family $table" "$backup/nft-tables" && ! "$cmd-save" -t "$table" | grep -q \'^-A\'; then',
    '    nft delete table "$family" "$table" 2>/dev/null || :',
    '  fi',
    '}',
    'fw_restore() {',
    '  local bad=0',
    ...restores,
    '  return "$bad"',
    '}',
    'fw_present() {',
    ...IPTABLES_HOOKS.flatMap((h) => ['iptables', 'ip6tables'].map((cmd) =>
      `  ${cmd} -t ${h.table} -C ${h.builtin} -j ${h.chain} 2>/dev/null || return 1`)),
    '}',
  ];
}

/**
 * Bash functions for wg0's addresses, MTU and routes, which `wg syncconf` leaves alone: `net_state` (one line per
 * item), `net_restore <file>` (exactly a saved state) and `net_sync` (what `wg-quick up` would set for
 * /etc/wireguard/wg0.conf, on a running wg0, without taking it down).
 */
export const NET_FUNCTIONS: readonly string[] = [
  `net_state() { # "mtu N", "addr A/len" and "route P" lines: the routes wg-quick added (not the kernel's own)`,
  `  echo "mtu $(cat /sys/class/net/${wg}/mtu)"`,
  `  ip -o address show dev ${wg} | awk '$3 ~ /^inet/ && !/ scope link/ { print "addr", $4 }'`,
  `  { ip -4 route show dev ${wg}; ip -6 route show dev ${wg}; } | awk '!/proto kernel/ { print "route", $1 }'`,
  '}',
  'net_restore() {',
  '  local want now line',
  '  want=$(cat "$1"); now=$(net_state)',
  `  ip link set dev ${wg} mtu "$(awk '$1 == "mtu" { print $2 }' <<<"$want")"`,
  `  while read -r line; do grep -qxF "$line" <<<"$want" || ip route del "\${line#route }" dev ${wg}; done < <(grep '^route ' <<<"$now")`,
  `  while read -r line; do grep -qxF "$line" <<<"$want" || ip address del "\${line#addr }" dev ${wg}; done < <(grep '^addr ' <<<"$now")`,
  `  while read -r line; do grep -qxF "$line" <<<"$now" || ip address add "\${line#addr }" dev ${wg}; done < <(grep '^addr ' <<<"$want")`,
  `  while read -r line; do ip route replace "\${line#route }" dev ${wg}; done < <(grep '^route ' <<<"$want")`,
  '}',
  '# As wg-quick up: Address and MTU from [Interface]; a route per AllowedIPs unless a route on wg0 already covers it,',
  '# the longest prefixes first. Routes of prefixes no peer has any more go.',
  'net_sync() {',
  `  local conf=/etc/wireguard/${wg}.conf want mtu allowed now line p r proto`,
  `  want=$(awk -F= '/^\\[/ { s = $0 } s == "[Interface]" && $1 ~ /^[[:space:]]*Address[[:space:]]*$/ { gsub(/[[:space:]]/, "", $2); n = split($2, a, ","); for (i = 1; i <= n; i++) print "addr", a[i] }' "$conf")`,
  `  mtu=$(awk -F= '/^\\[/ { s = $0 } s == "[Interface]" && $1 ~ /^[[:space:]]*MTU[[:space:]]*$/ { gsub(/[[:space:]]/, "", $2); print $2 }' "$conf")`,
  '  now=$(net_state)',
  `  while read -r line; do grep -qxF "$line" <<<"$want" || ip address del "\${line#addr }" dev ${wg}; done < <(grep '^addr ' <<<"$now")`,
  `  while read -r line; do grep -qxF "$line" <<<"$now" || ip address add "\${line#addr }" dev ${wg}; done < <(grep '^addr ' <<<"$want")`,
  `  if [ -n "$mtu" ]; then ip link set dev ${wg} mtu "$mtu"; fi`,
  `  allowed=$(wg show ${wg} allowed-ips | awk '{ for (i = 2; i <= NF; i++) if ($i != "(none)") print $i }' | sort -nr -k 2 -t /)`,
  `  while read -r r; do`,
  `    p=$r`,
  `    if [[ $p != */* && $p == *:* ]]; then p=$p/128; elif [[ $p != */* ]]; then p=$p/32; fi`,
  `    grep -qxF "$p" <<<"$allowed" || ip route del "$r" dev ${wg}`,
  `  done < <(net_state | sed -n 's/^route //p')`,
  '  for p in $allowed; do',
  '    proto=-4; [[ $p == *:* ]] && proto=-6',
  `    [ -n "$(ip "$proto" route show dev ${wg} match "$p" 2>/dev/null)" ] || ip "$proto" route add "$p" dev ${wg}`,
  '  done',
  '}',
];
