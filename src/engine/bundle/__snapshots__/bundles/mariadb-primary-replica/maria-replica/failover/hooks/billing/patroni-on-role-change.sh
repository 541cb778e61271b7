#!/usr/bin/env bash
# Failover billing on host maria-replica: runs ../../promote-maria-replica.sh when this host is promoted.
# Usage: patroni-on-role-change.sh <action> <role> <cluster-name>   (patroni.yml postgresql.callbacks.on_role_change)
# Every other event is logged and ignored (exit 0); wrong arguments exit 2. Logs go to syslog and stderr.
set -euo pipefail
promote="$(cd "$(dirname "$0")/../.." && pwd)/promote-maria-replica.sh"
clean() { printf '%s' "$1" | tr -c 'A-Za-z0-9_.:+ -' '?'; }
log() { logger -t wg-designer-failover -- "billing on maria-replica: $*" 2>/dev/null || true; echo "wg-designer-failover billing on maria-replica: $*" >&2; }
ignore() { log "ignored: $(clean "$*")"; exit 0; }
bad() { log "$*; usage: patroni-on-role-change.sh <action> <role> <cluster-name>   (patroni.yml postgresql.callbacks.on_role_change)"; exit 2; }
case "$#" in 3) ;; *) bad "$# arguments" ;; esac
[ "$1" = on_role_change ] || ignore "action $1 is not on_role_change"
case "$2" in master|primary) ;; *) ignore "role $2 is not master or primary" ;; esac
log "this host is promoted: running $promote"
exec "$promote"
