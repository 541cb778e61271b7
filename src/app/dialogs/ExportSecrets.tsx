import type { SecretsChoice } from './export-secrets';

/**
 * Where the bundle's keys go. Off `plain`, no wg0.conf holds a key: age encrypts each host's keys to the given
 * recipients (install.sh decrypts with `age -d`); Vault keeps them out of the zip entirely (install.sh reads them
 * with `vault kv get`). Ansible Vault is named but left to the CLI, whose implementation needs Node's crypto.
 */
export function ExportSecrets({ value, problem, onChange }: {
  value: SecretsChoice; problem: string | null; onChange: (next: SecretsChoice) => void;
}) {
  return (
    <div className="export-options__secrets">
      <label className="export-options__item">
        <span>Keys</span>
        <select value={value.mode} data-testid="export-secrets"
          onChange={(e) => onChange({ ...value, mode: e.target.value === 'age' || e.target.value === 'vault' ? e.target.value : 'plain' })}>
          <option value="plain">in each wg0.conf (plain)</option>
          <option value="age">encrypted to age recipients (secrets.age per host)</option>
          <option value="vault">in HashiCorp Vault, KV v2 (none in the zip)</option>
          <option value="ansible-vault" disabled>Ansible Vault: CLI only (export --secrets ansible-vault)</option>
        </select>
      </label>
      {value.mode === 'age' && (
        <label className="export-options__item">
          <span>Age recipients, one per line</span>
          <textarea rows={2} className="mono" value={value.recipientsText} data-testid="export-age-recipients"
            placeholder="age1..." spellCheck={false} aria-invalid={problem !== null}
            onChange={(e) => onChange({ ...value, recipientsText: e.target.value })} />
        </label>
      )}
      {value.mode === 'vault' && (
        <>
          <label className="export-options__item">
            <span>Vault path (mount/prefix)</span>
            <input type="text" className="mono" value={value.vaultPath} data-testid="export-vault-path"
              placeholder="secret/wg-designer/<design>" spellCheck={false} aria-invalid={problem !== null}
              onChange={(e) => onChange({ ...value, vaultPath: e.target.value })} />
          </label>
          <p className="muted">Download the hosts&apos; keys below and run the bundle&apos;s vault/put-secrets.sh with them; install.sh reads them with vault kv get.</p>
        </>
      )}
      {problem !== null && <span className="error-text" role="alert" data-testid="export-secrets-problem">{problem}</span>}
    </div>
  );
}
