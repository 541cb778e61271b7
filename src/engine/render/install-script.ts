import { WG_INTERFACE } from '../model/design';
import type { HostPlan } from '../plan/types';
import { IPTABLES_HOOKS } from './iptables';
import { NFT_TABLE } from './nftables';

export type FirewallBackend = 'nftables' | 'iptables';

export interface InstallOptions {
  hasSysctl: boolean;
  firewall: FirewallBackend;
  hasQos: boolean;
}

/** Seconds the operator has to confirm the new firewall before the previous one comes back. */
export const ROLLBACK_SECONDS = 60;

/**
 * A host's `install.sh`. It checks every file before it changes anything; applies the firewall and, unless run with
 * `--yes`, asks the operator to confirm within 60 s that they still have access, restoring the previous ruleset
 * otherwise (also when the session drops); then installs forwarding and brings wg0 up. The script holds no user
 * text: ids are `[a-z0-9-]` and every path is fixed. `WG_DESIGNER_NO_SYSTEMD=1` uses wg-quick directly
 * (containers, network namespaces, hosts without systemd).
 */
export function renderInstallScript(plan: HostPlan, options: InstallOptions): string {
  const wg = WG_INTERFACE;
  const keyFromHost = plan.host.privateKey === null;
  const nft = options.firewall === 'nftables';
  const tools = nft ? 'wg wg-quick nft ip' : 'wg wg-quick iptables-restore ip6tables-restore ip';
  const out: string[] = [
    '#!/usr/bin/env bash',
    `# Installs WireGuard interface ${wg} and its firewall on host ${plan.host.id}. Run as root from this folder.`,
    `# Usage: ./install.sh [--yes]   (--yes skips the ${ROLLBACK_SECONDS} s confirmation, for automation)`,
    'set -euo pipefail',
    'cd "$(dirname "$0")"',
    '',
    'fail() { echo "install.sh: $*" >&2; exit 1; }',
    'confirm=ask',
    'for arg in "$@"; do',
    '  case "$arg" in',
    '    --yes) confirm=no ;;',
    '    *) fail "unknown argument: $arg (usage: ./install.sh [--yes])" ;;',
    '  esac',
    'done',
    '[ "$(id -u)" -eq 0 ] || fail "run as root"',
    `for tool in ${tools}; do`,
    '  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: apt-get install wireguard-tools nftables iptables iproute2"',
    'done',
    '',
    '# Check everything first, so a bad file changes nothing.',
    ...(nft
      ? ['nft -c -f firewall.nft || fail "firewall.nft does not load: nothing was changed"']
      : ['iptables-restore --test -n firewall.iptables || fail "firewall.iptables does not load: nothing was changed"',
        'ip6tables-restore --test -n firewall.ip6tables || fail "firewall.ip6tables does not load: nothing was changed"']),
  ];
  if (keyFromHost) {
    out.push(
      `[ -s /etc/wireguard/${wg}.key ] || fail "this host keeps its own key: (umask 077; wg genkey > /etc/wireguard/${wg}.key)"`,
      `wg pubkey < /etc/wireguard/${wg}.key >/dev/null || fail "/etc/wireguard/${wg}.key is not a WireGuard private key"`,
    );
  }
  out.push('', '# The firewall, with a way back.', 'install -d -m 700 /etc/wg-designer');
  if (nft) {
    out.push(
      `{ echo 'table inet ${NFT_TABLE}'; echo 'delete table inet ${NFT_TABLE}'; nft list table inet ${NFT_TABLE} 2>/dev/null || true; } > /etc/wg-designer/previous.nft`,
      '# previous.nft re-creates the table as it was, or only deletes it when there was none.',
      'rollback() { nft -f /etc/wg-designer/previous.nft; }',
      'install -m 600 firewall.nft /etc/wg-designer/firewall.nft',
      'nft -f /etc/wg-designer/firewall.nft',
    );
  } else {
    out.push(
      'rollback() { unhook; }',
      'hook() {',
      ...IPTABLES_HOOKS.flatMap((h) => ['iptables', 'ip6tables'].map((cmd) =>
        `  ${cmd} -t ${h.table} -C ${h.builtin} -j ${h.chain} 2>/dev/null || ${cmd} -t ${h.table} -I ${h.builtin} 1 -j ${h.chain}`)),
      '}',
      'unhook() {',
      ...IPTABLES_HOOKS.flatMap((h) => ['iptables', 'ip6tables'].map((cmd) =>
        `  while ${cmd} -t ${h.table} -D ${h.builtin} -j ${h.chain} 2>/dev/null; do :; done`)),
      '}',
      'install -m 600 firewall.iptables firewall.ip6tables /etc/wg-designer/',
      'iptables-restore -n /etc/wg-designer/firewall.iptables',
      'ip6tables-restore -n /etc/wg-designer/firewall.ip6tables',
      'hook',
    );
  }
  out.push(
    'if [ "$confirm" = ask ]; then',
    "  trap 'rollback; fail \"interrupted: the previous firewall is back\"' HUP INT TERM",
    '  answer=""',
    `  read -r -t ${ROLLBACK_SECONDS} -p "New firewall applied. Type yes within ${ROLLBACK_SECONDS} s if you can still reach this host: " answer || true`,
    '  if [ "$answer" != yes ]; then rollback; fail "not confirmed: the previous firewall is back, nothing else was changed"; fi',
    '  trap - HUP INT TERM',
    'fi',
    '',
    `install -d -m 700 /etc/wireguard`,
  );
  if (keyFromHost) {
    out.push(
      `awk -v key="$(cat /etc/wireguard/${wg}.key)" '{ print } /^\\[Interface\\]$/ { print "PrivateKey = " key }' ${wg}.conf > /etc/wireguard/${wg}.conf.new`,
      `chmod 600 /etc/wireguard/${wg}.conf.new`,
      `mv /etc/wireguard/${wg}.conf.new /etc/wireguard/${wg}.conf`,
    );
  } else {
    out.push(`install -m 600 ${wg}.conf /etc/wireguard/${wg}.conf`);
  }
  if (options.hasSysctl) {
    out.push('install -m 644 sysctl.conf /etc/sysctl.d/90-wg-designer.conf', 'sysctl -q -p /etc/sysctl.d/90-wg-designer.conf');
  }
  out.push(
    '',
    'if [ "${WG_DESIGNER_NO_SYSTEMD:-0}" != 1 ] && [ -d /run/systemd/system ]; then',
    '  install -m 644 wg-designer-firewall.service /etc/systemd/system/wg-designer-firewall.service',
    '  systemctl daemon-reload',
    '  systemctl enable wg-designer-firewall.service',
    `  systemctl enable wg-quick@${wg}`,
    `  systemctl restart wg-quick@${wg}`,
    'else',
    `  if ip link show ${wg} >/dev/null 2>&1; then wg-quick down ${wg} || true; fi`,
    `  wg-quick up ${wg}`,
    'fi',
  );
  if (options.hasQos) out.push('if [ -x qos.sh ]; then ./qos.sh; fi');
  out.push(`echo "install.sh: ${wg} is up on host ${plan.host.id}; run ./check.sh to see each peer and flow"`, '');
  return out.join('\n');
}

/** `wg-designer-firewall.service`: restores the firewall at boot, before the tunnel comes up. */
export function renderFirewallUnit(backend: FirewallBackend): string {
  const start = backend === 'nftables'
    ? ['ExecStart=/usr/sbin/nft -f /etc/wg-designer/firewall.nft']
    : ['ExecStart=/usr/sbin/iptables-restore -n /etc/wg-designer/firewall.iptables',
      'ExecStart=/usr/sbin/ip6tables-restore -n /etc/wg-designer/firewall.ip6tables',
      ...IPTABLES_HOOKS.flatMap((h) => ['iptables', 'ip6tables'].map((cmd) =>
        `ExecStart=/bin/sh -c '${cmd} -t ${h.table} -C ${h.builtin} -j ${h.chain} 2>/dev/null || ${cmd} -t ${h.table} -I ${h.builtin} 1 -j ${h.chain}'`))];
  return [
    '# Installed by wg-designer install.sh: the firewall is in place before wg0 comes up, at every boot.',
    '[Unit]',
    'Description=wg-designer firewall for wg0',
    'DefaultDependencies=no',
    'Before=network-pre.target wg-quick@wg0.service',
    'Wants=network-pre.target',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    ...start,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
