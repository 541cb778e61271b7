#!/usr/bin/env bash
# Failover sessions on host redis-primary: runs ../../promote-redis-primary.sh when this host is promoted.
# Usage: keepalived-notify.sh <GROUP|INSTANCE> <name> <state> [<priority>]   (keepalived.conf vrrp_instance notify)
# Every other event is logged and ignored (exit 0); wrong arguments exit 2. Logs go to syslog and stderr.
set -euo pipefail
promote="$(cd "$(dirname "$0")/../.." && pwd)/promote-redis-primary.sh"
clean() { printf '%s' "$1" | tr -c 'A-Za-z0-9_.:+ -' '?'; }
log() { logger -t wg-designer-failover -- "sessions on redis-primary: $*" 2>/dev/null || true; echo "wg-designer-failover sessions on redis-primary: $*" >&2; }
ignore() { log "ignored: $(clean "$*")"; exit 0; }
bad() { log "$*; usage: keepalived-notify.sh <GROUP|INSTANCE> <name> <state> [<priority>]   (keepalived.conf vrrp_instance notify)"; exit 2; }
case "$#" in 3|4) ;; *) bad "$# arguments" ;; esac
case "$1" in GROUP|INSTANCE) ;; *) bad "type \"$(clean "$1")\" is not GROUP or INSTANCE" ;; esac
[ "$3" = MASTER ] || ignore "state $3 is not MASTER"
log "this host is promoted: running $promote"
exec "$promote"
