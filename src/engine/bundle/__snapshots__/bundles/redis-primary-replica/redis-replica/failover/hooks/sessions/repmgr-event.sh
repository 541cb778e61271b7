#!/usr/bin/env bash
# Failover sessions on host redis-replica: runs ../../promote-redis-replica.sh when this host is promoted.
# Usage: repmgr-event.sh <node-id> <event> <success> [<timestamp> [<details>]]   (repmgr.conf event_notification_command with %n %e %s "%t" "%d")
# Every other event is logged and ignored (exit 0); wrong arguments exit 2. Logs go to syslog and stderr.
set -euo pipefail
promote="$(cd "$(dirname "$0")/../.." && pwd)/promote-redis-replica.sh"
clean() { printf '%s' "$1" | tr -c 'A-Za-z0-9_.:+ -' '?'; }
log() { logger -t wg-designer-failover -- "sessions on redis-replica: $*" 2>/dev/null || true; echo "wg-designer-failover sessions on redis-replica: $*" >&2; }
ignore() { log "ignored: $(clean "$*")"; exit 0; }
bad() { log "$*; usage: repmgr-event.sh <node-id> <event> <success> [<timestamp> [<details>]]   (repmgr.conf event_notification_command with %n %e %s \"%t\" \"%d\")"; exit 2; }
case "$#" in 3|4|5) ;; *) bad "$# arguments" ;; esac
case "$1" in ""|*[!0-9]*) bad "node id \"$(clean "$1")\" is not a number: pass %n first" ;; esac
case "$3" in 0|1) ;; *) bad "success \"$(clean "$3")\" is not 0 or 1: pass %s third" ;; esac
[ "$2" = standby_promote ] || ignore "event $2 is not standby_promote"
[ "$3" = 1 ] || ignore "standby_promote failed (success 0): the database is not primary here"
log "this host is promoted: running $promote"
exec "$promote"
