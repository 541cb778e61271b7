import type { FailoverGroup } from '../model/design';

/** One hook wrapper: its file name, the tool that calls it, and the `case` that tells a promotion of this host. */
interface Hook {
  file: string;
  /** Usage line: the arguments the tool passes, in its own words. */
  usage: string;
  /** How many arguments the tool passes: fewer or more is a wiring mistake, not an event. */
  argc: readonly [number, number];
  /** Bash lines that `ignore` events other than this host's promotion; they see the tool's arguments as $1.. */
  decide: readonly string[];
}

/**
 * The tools' calling conventions. Patroni runs a callback as `script <action> <role> <scope>`, the role `master`
 * before Patroni 3.0 and `primary` since. repmgr's `event_notification_command` expands `%n %e %s %t %d` (node id,
 * event, success 1/0, time, details; the last two may hold spaces, so they are quoted in repmgr.conf); the
 * promoted node runs `standby_promote`. keepalived's `notify` gets `GROUP|INSTANCE name MASTER|BACKUP|FAULT|STOP`
 * and, since 1.3, the priority as a fourth argument.
 */
const HOOKS: readonly Hook[] = [
  {
    file: 'patroni-on-role-change.sh',
    usage: '<action> <role> <cluster-name>   (patroni.yml postgresql.callbacks.on_role_change)',
    argc: [3, 3],
    decide: [
      '[ "$1" = on_role_change ] || ignore "action $1 is not on_role_change"',
      'case "$2" in master|primary) ;; *) ignore "role $2 is not master or primary" ;; esac',
    ],
  },
  {
    file: 'repmgr-event.sh',
    usage: '<node-id> <event> <success> [<timestamp> [<details>]]   (repmgr.conf event_notification_command with %n %e %s "%t" "%d")',
    argc: [3, 5],
    decide: [
      'case "$1" in ""|*[!0-9]*) bad "node id \\"$(clean "$1")\\" is not a number: pass %n first" ;; esac',
      'case "$3" in 0|1) ;; *) bad "success \\"$(clean "$3")\\" is not 0 or 1: pass %s third" ;; esac',
      '[ "$2" = standby_promote ] || ignore "event $2 is not standby_promote"',
      '[ "$3" = 1 ] || ignore "standby_promote failed (success 0): the database is not primary here"',
    ],
  },
  {
    file: 'keepalived-notify.sh',
    usage: '<GROUP|INSTANCE> <name> <state> [<priority>]   (keepalived.conf vrrp_instance notify)',
    argc: [3, 4],
    decide: [
      'case "$1" in GROUP|INSTANCE) ;; *) bad "type \\"$(clean "$1")\\" is not GROUP or INSTANCE" ;; esac',
      '[ "$3" = MASTER ] || ignore "state $3 is not MASTER"',
    ],
  },
];

/** The hook wrappers' file names, in the order they are written. */
export const HOOK_FILES: readonly string[] = HOOKS.map((h) => h.file);

/**
 * `<member>/failover/hooks/<group>/<hook>.sh` on each member of a group: called by Patroni, repmgr or keepalived
 * when a role changes, it runs `../../promote-<member>.sh` when this host was promoted and exits 0 for any other
 * event. The promote script is idempotent, so a tool calling twice is harmless. Other hosts cannot be reached from
 * here: they run their own promote script (README.md). Ids are `[a-z0-9-]`; the tools' arguments are only
 * compared and, logged, cut to a safe alphabet.
 */
export function renderFailoverHooks(group: FailoverGroup, member: string): Array<{ file: string; content: string }> {
  return HOOKS.map((hook) => ({ file: hook.file, content: renderHook(hook, group, member) }));
}

function renderHook(hook: Hook, group: FailoverGroup, member: string): string {
  const [min, max] = hook.argc;
  const counts = Array.from({ length: max - min + 1 }, (_, i) => min + i).join('|');
  return [
    '#!/usr/bin/env bash',
    `# Failover ${group.id} on host ${member}: runs ../../promote-${member}.sh when this host is promoted.`,
    `# Usage: ${hook.file} ${hook.usage}`,
    '# Every other event is logged and ignored (exit 0); wrong arguments exit 2. Logs go to syslog and stderr.',
    'set -euo pipefail',
    `promote="$(cd "$(dirname "$0")/../.." && pwd)/promote-${member}.sh"`,
    // The tools' arguments are logged, never run: cut to a safe alphabet so a log line stays one line.
    "clean() { printf '%s' \"$1\" | tr -c 'A-Za-z0-9_.:+ -' '?'; }",
    `log() { logger -t wg-designer-failover -- "${group.id} on ${member}: $*" 2>/dev/null || true; echo "wg-designer-failover ${group.id} on ${member}: $*" >&2; }`,
    'ignore() { log "ignored: $(clean "$*")"; exit 0; }',
    `bad() { log "$*; usage: ${hook.file} ${hook.usage.replace(/"/g, '\\"')}"; exit 2; }`,
    `case "$#" in ${counts}) ;; *) bad "$# arguments" ;; esac`,
    ...hook.decide,
    `log "this host is promoted: running $promote"`,
    'exec "$promote"',
    '',
  ].join('\n');
}
