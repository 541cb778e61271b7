import { WG_INTERFACE } from '../plan/types';
import type { FailoverGroup, KeyCustody } from '../model/design';
import type { HostPlan } from '../plan/types';
import { IPTABLES_HOOKS } from './iptables';
import { EXIT_NOT_ENROLLED, HOST_KEY_FILE, installKeyLines, spliceKeyLine } from './install-key';
import { NET_FUNCTIONS, firewallFunctions } from './install-transaction';
import { installSecretsHeader, installSecretsLines } from './install-secrets';
import { DATABASE_DROP_IN } from './database-access';
import { failoverGuardLines, failoverRecordLines } from './install-failover';
import { METRICS_SCRIPT_PATH, METRICS_SERVICE, METRICS_SERVICE_FILE, METRICS_SOCKET } from './metrics-exporter';
import { QOS_SCRIPT_PATH, QOS_UNIT } from './qos';
import type { SecretsOptions } from '../secrets/secrets-options';

export type FirewallBackend = 'nftables' | 'iptables';

export interface InstallOptions {
  hasSysctl: boolean;
  firewall: FirewallBackend;
  /** The bundle holds qos.sh and its unit: install both, enable the unit, apply QoS once committed. */
  hasQos: boolean;
  /** Who holds the host's private key (the plan's `custody`): `host` makes it on the host when missing. */
  custody: KeyCustody;
  /** Where the keys come from when not in wg0.conf (install-secrets.ts); left out: plain. */
  secrets?: SecretsOptions;
  /** The bundle holds the WireGuard exporter (metrics-exporter.ts): install it and start its socket. */
  metrics?: boolean;
  /** The database's systemd unit, when the bundle holds the drop-in that orders it after wg0 (database-access.ts). */
  databaseUnit?: string | null;
  /** The design's failover groups: install.sh refuses a bundle that would undo a promotion (install-failover.ts). */
  failover?: readonly Pick<FailoverGroup, 'id' | 'primary'>[];
}

/** Seconds the operator has to confirm the change before everything comes back (WG_DESIGNER_CONFIRM_SECONDS). */
export const ROLLBACK_SECONDS = 60;
/** The bundle's name for the wg-quick@wg0 drop-in, installed as /etc/systemd/system/wg-quick@wg0.service.d/wg-designer.conf. */
export const WG_DROP_IN = `${WG_INTERFACE}-requires-firewall.conf`;
/** The folder of the exporter and qos.sh, made by install.sh and removed again by a rollback when it was not there. */
const METRICS_DIR = METRICS_SCRIPT_PATH.slice(0, METRICS_SCRIPT_PATH.lastIndexOf('/'));

/**
 * A host's `install.sh`: one transaction. It checks every file, saves what it will replace, applies firewall, wg0
 * and routes, and (unless `--yes`) asks for confirmation; no answer, a refusal, a signal or any failed step puts all
 * of it back. Same files and a running wg0: nothing happens. A running wg0 takes a new config by `wg syncconf`.
 * The script holds no user text: ids are `[a-z0-9-]` and every path is fixed.
 */
export function renderInstallScript(plan: HostPlan, options: InstallOptions): string {
  const wg = WG_INTERFACE;
  const keyFromHost = plan.privateKey === null;
  const nft = options.firewall === 'nftables';
  const tools = `wg wg-quick ip cmp awk ${nft ? 'nft' : 'iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore'}`;
  const units = `wg-designer-firewall.service wg-quick@${wg}.service${options.metrics ? ` ${METRICS_SOCKET}` : ''}${options.hasQos ? ` ${QOS_UNIT}` : ''}`;
  const libDir = options.metrics || options.hasQos;
  const targets = [
    `/etc/wireguard/${wg}.conf|$stage/${wg}.conf|600`,
    ...(nft ? ['/etc/wg-designer/firewall.nft|firewall.nft|600']
      : ['/etc/wg-designer/firewall.iptables|firewall.iptables|600', '/etc/wg-designer/firewall.ip6tables|firewall.ip6tables|600']),
    `/etc/sysctl.d/90-wg-designer.conf|${options.hasSysctl ? 'sysctl.conf' : ''}|644`,
    '/etc/systemd/system/wg-designer-firewall.service|wg-designer-firewall.service|644',
    `/etc/systemd/system/wg-quick@${wg}.service.d/wg-designer.conf|${WG_DROP_IN}|644`,
    ...(options.metrics ? [
      `${METRICS_SCRIPT_PATH}|wg-metrics.sh|755`,
      `/etc/systemd/system/${METRICS_SOCKET}|${METRICS_SOCKET}|644`,
      `/etc/systemd/system/${METRICS_SERVICE}|${METRICS_SERVICE_FILE}|644`,
    ] : []),
    ...(options.databaseUnit ? [`/etc/systemd/system/${options.databaseUnit}.d/wg-designer.conf|database/${DATABASE_DROP_IN}|644`] : []),
    ...(options.hasQos ? [`${QOS_SCRIPT_PATH}|qos.sh|755`, `/etc/systemd/system/${QOS_UNIT}|${QOS_UNIT}|644`] : []),
  ];
  const out: string[] = [
    '#!/usr/bin/env bash',
    `# Installs WireGuard interface ${wg} and its firewall on host ${plan.id}, as one transaction. Run as root here.`,
    '# Usage: ./install.sh [--yes]   (--yes skips the confirmation, for automation)',
    `# It saves the running firewall, ${wg} and every file it replaces in /etc/wg-designer/backups/<time> (mode 700),`,
    `# applies firewall, ${wg} and its routes, then asks for "yes" within WG_DESIGNER_CONFIRM_SECONDS (default ${ROLLBACK_SECONDS}).`,
    '# No answer, a refusal, Ctrl-C, a dropped session or any failed step puts all of it back as it was, running and',
    '# at boot. Run again with the same files, it changes nothing; with a new bundle, a running wg0 takes the change',
    '# with `wg syncconf` (no restart: sessions survive). WG_DESIGNER_NO_SYSTEMD=1: wg-quick instead of systemd.',
    ...(options.custody === 'host' ? [
      `# This host keeps its own private key in ${HOST_KEY_FILE} (made here when missing, mode 600; it never leaves`,
      '# the host). Every run prints "enroll: <host> <public key>"; until the design has that key it stops there.',
    ] : []),
    '# Before changing anything it checks that the private key gives the public key the design expects; a mismatch is',
    '# refused naming both fingerprints (the first 8 characters of each public key).',
    `# Exit codes: 0 installed or nothing to change, ${EXIT_NOT_ENROLLED} the host's key is not enrolled yet, any other: refused or rolled back.`,
    ...(options.secrets ? installSecretsHeader(options.secrets) : []),
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
    `seconds=\${WG_DESIGNER_CONFIRM_SECONDS:-${ROLLBACK_SECONDS}}`,
    'case "$seconds" in ""|*[!0-9]*) fail "WG_DESIGNER_CONFIRM_SECONDS must be a whole number of seconds" ;; esac',
    '[ "$(id -u)" -eq 0 ] || fail "run as root"',
    `for tool in ${tools}; do`,
    '  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: apt-get install wireguard-tools nftables iptables iproute2 diffutils"',
    'done',
    'systemd=0',
    'if [ "${WG_DESIGNER_NO_SYSTEMD:-0}" != 1 ] && [ -d /run/systemd/system ]; then systemd=1; fi',
    ...failoverGuardLines(options.failover ?? []),
    '',
    // With a secrets backend the bundle key arrives in the staged wg0.conf: it is checked there, further down.
    ...(options.secrets && !keyFromHost ? [] : installKeyLines(plan, options.custody)),
    '',
    '# Check everything first, so a bad file changes nothing.',
    ...(nft
      ? ['nft -c -f firewall.nft || fail "firewall.nft does not load: nothing was changed"']
      : ['iptables-restore --test -n firewall.iptables || fail "firewall.iptables does not load: nothing was changed"',
        'ip6tables-restore --test -n firewall.ip6tables || fail "firewall.ip6tables does not load: nothing was changed"']),
    '# wg0.conf as it will be installed, private key and all: in a folder only root can read, removed on exit.',
    'stage=$(mktemp -d)',
    "trap 'rm -rf \"$stage\"' EXIT",
  ];
  if (keyFromHost) {
    // The key step above checked the key file and its public key.
    out.push(spliceKeyLine(`${wg}.conf`, `"$stage/${wg}.conf"`));
  } else {
    out.push(`install -m 600 ${wg}.conf "$stage/${wg}.conf"`);
  }
  if (options.secrets) {
    out.push(...installSecretsLines(plan.id, options.secrets));
    if (!keyFromHost) out.push(...installKeyLines(plan, options.custody, `"$stage/${wg}.conf"`));
  }
  out.push(
    `wg-quick strip "$stage/${wg}.conf" >/dev/null || fail "${wg}.conf does not parse: nothing was changed"`,
    '',
    '# target|source|mode of every file this script owns; an empty source means the file must not exist.',
    'targets=(',
    ...targets.map((t) => `  "${t}"`),
    ')',
    '# Folders created when missing, and removed again by a rollback (a folder before its parent).',
    `dirs=(/etc/wg-designer/backups /etc/wg-designer /etc/wireguard /etc/systemd/system/wg-quick@${wg}.service.d${libDir ? ` ${METRICS_DIR}` : ''}${options.databaseUnit ? ` /etc/systemd/system/${options.databaseUnit}.d` : ''})`,
    '',
    ...firewallFunctions(options.firewall),
    ...NET_FUNCTIONS,
    '',
    '# Nothing to do when every file matches and wg0 and the firewall are in place: no restart, no question.',
    'changed=0',
    'for t in "${targets[@]}"; do',
    '  IFS="|" read -r dest src _ <<<"$t"',
    '  if [ -z "$src" ]; then [ ! -e "$dest" ] || changed=1; else cmp -s "$src" "$dest" || changed=1; fi',
    'done',
    `ip link show ${wg} >/dev/null 2>&1 || changed=1`,
    'fw_present || changed=1',
    'if [ "$changed" = 0 ]; then',
    `  echo "install.sh: nothing to change on host ${plan.id}: ${wg} and its firewall already match this bundle"`,
    '  exit 0',
    'fi',
    '',
    ...ROLLBACK,
    '',
    '# Save everything this run may change. A signal meanwhile only removes the half-made backup.',
    'state=saving',
    "trap 'finish' EXIT",
    "trap 'reason=\"interrupted\"; exit 130' INT",
    "trap 'reason=\"the session dropped\"; exit 129' HUP",
    "trap 'reason=\"terminated\"; exit 143' TERM",
    'reason="a step failed"',
    'backup=""',
    'absent_dirs=()',
    'for d in "${dirs[@]}"; do [ -d "$d" ] || absent_dirs+=("$d"); done',
    'install -d -m 700 /etc/wg-designer /etc/wg-designer/backups',
    'backup=$(mktemp -d "/etc/wg-designer/backups/$(date -u +%Y%m%dT%H%M%SZ)-XXXX")',
    'chmod 700 "$backup"',
    'for t in "${targets[@]}"; do',
    '  IFS="|" read -r dest _ _ <<<"$t"',
    '  if [ -e "$dest" ]; then mkdir -p "$backup/files$(dirname "$dest")"; cp -a "$dest" "$backup/files$dest"; fi',
    'done',
    'fw_save',
    'had_wg=0',
    `if ip link show ${wg} >/dev/null 2>&1; then`,
    '  had_wg=1',
    `  wg showconf ${wg} > "$backup/${wg}.running"`,
    `  net_state > "$backup/${wg}.net"`,
    'fi',
    ': > "$backup/sysctl.running"',
    'if [ -f sysctl.conf ]; then',
    "  awk -F'[ =]+' '/^[a-z]/ { print $1 }' sysctl.conf | while read -r key; do echo \"$key=$(sysctl -n \"$key\")\"; done >> \"$backup/sysctl.running\"",
    'fi',
    ': > "$backup/units"',
    'if [ "$systemd" = 1 ]; then',
    `  for unit in ${units}; do`,
    '    echo "$unit $(systemctl is-enabled "$unit" 2>/dev/null || true) $(systemctl is-active "$unit" 2>/dev/null || true)" >> "$backup/units"',
    '  done',
    'fi',
    '',
    'state=applying',
    'install -d -m 700 /etc/wireguard',
    `install -d -m 755 /etc/systemd/system/wg-quick@${wg}.service.d`,
    ...(libDir ? [`install -d -m 755 ${METRICS_DIR}`] : []),
    ...(options.databaseUnit ? [`install -d -m 755 /etc/systemd/system/${options.databaseUnit}.d`] : []),
    'for t in "${targets[@]}"; do',
    '  IFS="|" read -r dest src mode <<<"$t"',
    '  if [ -z "$src" ]; then rm -f "$dest"; elif ! cmp -s "$src" "$dest"; then install -m "$mode" "$src" "$dest"; fi',
    'done',
    'fw_apply',
  );
  if (options.hasSysctl) out.push('sysctl -q -p /etc/sysctl.d/90-wg-designer.conf');
  out.push(
    'if [ "$systemd" = 1 ]; then',
    '  systemctl daemon-reload',
    `  systemctl enable -q ${units}`,
    'fi',
    'if [ "$had_wg" = 1 ]; then',
    `  wg syncconf ${wg} <(wg-quick strip /etc/wireguard/${wg}.conf)`,
    '  net_sync',
    'elif [ "$systemd" = 1 ]; then',
    `  systemctl start wg-quick@${wg}`,
    'else',
    `  wg-quick up ${wg}`,
    'fi',
    // The socket may have listened before on another address or port: a restart takes the installed unit.
    ...(options.metrics ? [`if [ "$systemd" = 1 ]; then systemctl restart ${METRICS_SOCKET}; fi`] : []),
    '',
    'if [ "$confirm" = ask ]; then',
    '  answer=""',
    `  read -r -t "$seconds" -p "Firewall, ${wg} and routes are applied. Type yes within $seconds s if you can still reach this host: " answer || true`,
    '  if [ "$answer" != yes ]; then reason="not confirmed"; exit 1; fi',
    'fi',
    'state=committed',
    "trap - INT HUP TERM",
    ...failoverRecordLines(options.failover ?? []),
    '# Keep the last five backups: each holds a previous wg0.conf, so they stay root-only under /etc/wg-designer.',
    'find /etc/wg-designer/backups -mindepth 1 -maxdepth 1 -type d | sort | head -n -5 | xargs -r rm -rf --',
  );
  // After the commit, so a rollback never has qdiscs to undo; the unit applies it again at every wg0 start. A
  // failure here is reported, not fatal: wg0 and the firewall are installed and confirmed by now.
  if (options.hasQos) {
    out.push(
      `if [ "$systemd" = 1 ]; then systemctl restart ${QOS_UNIT}; else ${QOS_SCRIPT_PATH} start; fi \\`,
      `  || echo "install.sh: QoS is not applied (${QOS_SCRIPT_PATH} start failed); wg0 and the firewall are installed" >&2`,
    );
  }
  out.push(`echo "install.sh: ${wg} is up on host ${plan.id} (previous state in $backup); run ./check.sh to see each peer and flow"`, '');
  return out.join('\n');
}

/** The EXIT handler and the rollback: wg0 first (wg-quick down still finds the new config), then firewall, files. */
const ROLLBACK: readonly string[] = [
  'rollback() {',
  '  set +e',
  '  local bad=0 unit enabled active',
  '  if [ "$had_wg" = 1 ]; then',
  `    wg syncconf ${WG_INTERFACE} "$backup/${WG_INTERFACE}.running" || bad=1`,
  `    net_restore "$backup/${WG_INTERFACE}.net" || bad=1`,
  '  else',
  `    if [ "$systemd" = 1 ]; then systemctl stop wg-quick@${WG_INTERFACE} 2>/dev/null; fi`,
  `    if ip link show ${WG_INTERFACE} >/dev/null 2>&1; then wg-quick down ${WG_INTERFACE} 2>/dev/null || ip link delete dev ${WG_INTERFACE}; fi`,
  `    ! ip link show ${WG_INTERFACE} >/dev/null 2>&1 || bad=1`,
  '  fi',
  '  fw_restore || bad=1',
  '  while IFS= read -r kv; do sysctl -q -w "$kv" || bad=1; done < "$backup/sysctl.running"',
  '  for t in "${targets[@]}"; do',
  '    IFS="|" read -r dest _ _ <<<"$t"',
  '    if [ -e "$backup/files$dest" ]; then cp -a "$backup/files$dest" "$dest" || bad=1; else rm -f "$dest"; fi',
  '  done',
  '  while read -r unit enabled active; do',
  '    [ "$enabled" = enabled ] || systemctl disable -q "$unit"',
  '    [ "$active" = active ] || systemctl stop "$unit" 2>/dev/null',
  '  done < "$backup/units"',
  '  if [ "$systemd" = 1 ]; then systemctl daemon-reload; fi',
  '  if [ "$bad" = 0 ]; then',
  '    rm -rf "$backup"',
  '    for d in "${absent_dirs[@]}"; do rmdir "$d" 2>/dev/null; done',
  '  fi',
  '  return "$bad"',
  '}',
  'finish() {',
  '  local rc=$?',
  '  rm -rf "$stage"',
  '  set +e',
  '  [ "$state" = committed ] && exit "$rc"',
  '  trap - EXIT',
  '  trap "" INT HUP TERM  # a second Ctrl-C must not stop the rollback half-way',
  '  [ "$rc" != 0 ] || rc=1',
  '  if [ "$state" = saving ]; then',
  '    rm -rf "$backup"',
  '    for d in "${absent_dirs[@]}"; do rmdir "$d" 2>/dev/null; done',
  '    echo "install.sh: $reason before anything was changed" >&2',
  '    exit "$rc"',
  '  fi',
  '  if rollback; then',
  '    echo "install.sh: $reason: everything is back as it was (firewall, wg0, routes and files); nothing was changed" >&2',
  '  else',
  '    echo "install.sh: $reason, and the rollback did not complete: what was replaced is in $backup" >&2',
  '  fi',
  '  exit "$rc"',
  '}',
];

/** `wg-designer-firewall.service`: restores the firewall at boot, after the distribution's, before the tunnel. */
export function renderFirewallUnit(backend: FirewallBackend): string {
  const start = backend === 'nftables'
    ? ['ExecStart=/usr/sbin/nft -f /etc/wg-designer/firewall.nft']
    : ['ExecStart=/usr/sbin/iptables-restore -n /etc/wg-designer/firewall.iptables',
      'ExecStart=/usr/sbin/ip6tables-restore -n /etc/wg-designer/firewall.ip6tables',
      ...IPTABLES_HOOKS.flatMap((h) => ['iptables', 'ip6tables'].map((cmd) =>
        `ExecStart=/bin/sh -c '${cmd} -t ${h.table} -C ${h.builtin} -j ${h.chain} 2>/dev/null || ${cmd} -t ${h.table} -I ${h.builtin} 1 -j ${h.chain}'`))];
  return [
    '# Installed by wg-designer install.sh: the firewall is in place before wg0 comes up, at every boot.',
    '# After the distribution\'s own firewall: Debian\'s /etc/nftables.conf starts with `flush ruleset`, and',
    '# netfilter-persistent restores whole tables; either would wipe ours if it ran later.',
    '[Unit]',
    'Description=wg-designer firewall for wg0',
    'DefaultDependencies=no',
    'After=nftables.service netfilter-persistent.service',
    'Before=wg-quick@wg0.service network-pre.target',
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

/** The wg-quick@wg0 drop-in: wg0 starts only after its firewall, and not at all when the firewall fails (fails closed). */
export function renderWgDropIn(): string {
  return [
    '# Installed by wg-designer install.sh as /etc/systemd/system/wg-quick@wg0.service.d/wg-designer.conf:',
    '# wg0 never comes up without its firewall.',
    '[Unit]',
    'Requires=wg-designer-firewall.service',
    'After=wg-designer-firewall.service',
    '',
  ].join('\n');
}
