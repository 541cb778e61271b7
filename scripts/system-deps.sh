#!/usr/bin/env bash
# Installs the Debian packages the tests use: real WireGuard in userspace (wireguard-go + wireguard-tools), nftables
# and iproute2 for network namespaces, shellcheck for the generated scripts, chromium for the browser tests, and
# for the lab PostgreSQL, Redis and MariaDB (the lab starts its own servers in namespaces, never the system
# services), ping (iputils: `ping -M do` for the MTU checks) and netcat (TCP probes and listeners), cloud-init
# (`cloud-init schema` checks the user-data the bundle writes), xmllint (libxml2-utils: `prove --junit` output against
# the JUnit schema), and GNU time (`npm run bench` reads a whole process's CPU time and peak RSS from `/usr/bin/time -f`).
# Idempotent: installs only what is missing. Needs root and apt-get; says so otherwise.
set -euo pipefail

declare -A want=(
  [wireguard-go]=wireguard-go [wg]=wireguard-tools [wg-quick]=wireguard-tools [nft]=nftables [ip]=iproute2
  [shellcheck]=shellcheck [chromium]=chromium [iptables-restore]=iptables [unshare]=util-linux
  [psql]=postgresql-client [pg_ctlcluster]=postgresql-common [ansible-playbook]=ansible
  [ping]=iputils-ping [nc]=netcat-openbsd [nsenter]=util-linux [setpriv]=util-linux [unzip]=unzip [age]=age [ansible-vault]=ansible-core
  [promtool]=prometheus [systemd-analyze]=systemd [openssl]=openssl [cloud-init]=cloud-init
  [redis-server]=redis-server [redis-cli]=redis-tools [mariadbd]=mariadb-server [mariadb]=mariadb-client
  [xmllint]=libxml2-utils
)
missing=()
for tool in "${!want[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${want[$tool]}")
done
# The PostgreSQL server binaries live outside PATH.
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
# `time` is also a bash keyword, so `command -v time` always succeeds: look for GNU time's binary itself.
[ -x /usr/bin/time ] || missing+=(time)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "system-deps: everything is installed"
  exit 0
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]}; install them as root with apt-get (Debian packages)" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system-deps: done"
