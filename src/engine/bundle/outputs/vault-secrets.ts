import { renderVaultPutSecrets } from '../../render/vault-put-secrets';
import type { Output } from './output';

/** vault/put-secrets.sh: with secrets in HashiCorp Vault, the script that stores each host's keys there. */
export const vaultSecrets: Output = {
  id: 'vault-secrets',
  when: (options) => options.secrets.mode === 'vault',
  network: ({ plan, options }) => {
    if (options.secrets.mode !== 'vault') return [];
    const ids = plan.hosts.filter((h) => !h.external).map((h) => h.id);
    return [{ path: 'vault/put-secrets.sh', content: renderVaultPutSecrets(ids, options.secrets.path), mode: 0o755 }];
  },
};
