// The script an ops team would otherwise write for a full mesh: `wg genkey | wg pubkey` per host, then one
// wg0.conf per host with a [Peer] for every other host. Two styles: `cat <<EOF` heredocs (one cat per section)
// and bash's printf builtin only (no process per section). Neither makes preshared keys, a firewall or a zip.

const KEYS = `set -euo pipefail
n=$1 out=$2
umask 077
mkdir -p "$out"
priv=() pub=()
for ((i = 0; i < n; i++)); do
  priv[i]=$(wg genkey)
  pub[i]=$(printf '%s\\n' "\${priv[i]}" | wg pubkey)
done
`;

/** Bash: keys with wg, each config written by `cat <<EOF` heredocs, one per [Interface] and per [Peer]. */
export const HEREDOC_SCRIPT = `#!/bin/bash
# Full mesh of $1 hosts into $2: keys with wg, configs with cat <<EOF heredocs.
${KEYS}for ((i = 0; i < n; i++)); do
  cat > "$out/host$i.conf" <<EOF
[Interface]
PrivateKey = \${priv[i]}
Address = 10.10.$((i / 250)).$((i % 250 + 1))/32
ListenPort = 51820
EOF
  for ((j = 0; j < n; j++)); do
    ((j == i)) && continue
    cat >> "$out/host$i.conf" <<EOF

[Peer]
PublicKey = \${pub[j]}
AllowedIPs = 10.10.$((j / 250)).$((j % 250 + 1))/32
Endpoint = 198.18.$((j / 250)).$((j % 250 + 1)):51820
PersistentKeepalive = 25
EOF
  done
done
`;

/** Bash: keys with wg, configs with the printf builtin only (one redirection per host file). */
export const PRINTF_SCRIPT = `#!/bin/bash
# Full mesh of $1 hosts into $2: keys with wg, configs with bash's printf builtin only.
${KEYS}for ((i = 0; i < n; i++)); do
  {
    printf '[Interface]\\nPrivateKey = %s\\nAddress = 10.10.%d.%d/32\\nListenPort = 51820\\n' "\${priv[i]}" $((i / 250)) $((i % 250 + 1))
    for ((j = 0; j < n; j++)); do
      ((j == i)) && continue
      printf '\\n[Peer]\\nPublicKey = %s\\nAllowedIPs = 10.10.%d.%d/32\\nEndpoint = 198.18.%d.%d:51820\\nPersistentKeepalive = 25\\n' \\
        "\${pub[j]}" $((j / 250)) $((j % 250 + 1)) $((j / 250)) $((j % 250 + 1))
    done
  } > "$out/host$i.conf"
done
`;
