import { splitVaultPath } from './install-secrets';

/**
 * `vault/put-secrets.sh SECRETS_DIR`: run by the operator where the keys are, it writes each host's secrets
 * (`SECRETS_DIR/<host>.secrets`, as the CLI writes them beside the zip) to Vault KV v2 at `<mount>/<prefix>/<host>`,
 * field `secrets`, which install.sh reads back. Values go in on stdin (`secrets=-`), never on a command line.
 * Host ids are `[a-z0-9-]` and the path is VAULT_PATH-checked: nothing here is user text.
 */
export function renderVaultPutSecrets(hostIds: readonly string[], path: string): string {
  const { mount, prefix } = splitVaultPath(path);
  return [
    '#!/usr/bin/env bash',
    `# Writes each host's WireGuard keys to HashiCorp Vault (KV v2) at ${mount}/${prefix}/<host>, where install.sh reads them.`,
    '# Usage: vault/put-secrets.sh SECRETS_DIR   (the folder the CLI wrote beside the zip: <host>.secrets, mode 600)',
    '# Needs the vault CLI with VAULT_ADDR and VAULT_TOKEN (or a vault login) for a token that may write there.',
    'set -euo pipefail',
    'fail() { echo "put-secrets.sh: $*" >&2; exit 1; }',
    '[ "$#" -eq 1 ] || fail "usage: vault/put-secrets.sh SECRETS_DIR"',
    'dir=$1',
    'command -v vault >/dev/null 2>&1 || fail "vault (the HashiCorp Vault CLI) is missing"',
    `hosts=(${hostIds.join(' ')})`,
    '# Every file first: a missing one writes nothing.',
    'for host in "${hosts[@]}"; do',
    '  [ -r "$dir/$host.secrets" ] || fail "$dir/$host.secrets is missing: nothing was written"',
    'done',
    'for host in "${hosts[@]}"; do',
    `  vault kv put -mount=${mount} "${prefix}/$host" secrets=- < "$dir/$host.secrets" >/dev/null`,
    `  echo "put-secrets.sh: wrote ${mount}/${prefix}/$host"`,
    'done',
    '',
  ].join('\n');
}
