import { describe, expect, it } from 'vitest';
import { AGE_RECIPIENT, VAULT_PATH, secretsProblem } from './secrets-options';

const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

describe('secrets options', () => {
  it('takes an age X25519 recipient and refuses anything else, naming the field', () => {
    expect(AGE_RECIPIENT.test(RECIPIENT)).toBe(true);
    expect(secretsProblem({ mode: 'age', recipients: [RECIPIENT] })).toBeNull();
    for (const bad of ['', 'age1', `${RECIPIENT}x`, `${RECIPIENT}\n`, 'ssh-ed25519 AAAA', `age1${'b'.repeat(58)}`, `x; rm -rf /`]) {
      expect(secretsProblem({ mode: 'age', recipients: [bad] })?.field).toBe('recipients');
    }
    expect(secretsProblem({ mode: 'age', recipients: [] })?.field).toBe('recipients');
  });

  it('takes mount/prefix Vault paths and refuses .., spaces, quotes and empty segments', () => {
    for (const ok of ['secret/wg-designer/orders', 'kv/a', 'secret/team_1/db.prod']) expect(VAULT_PATH.test(ok)).toBe(true);
    for (const bad of ['secret', 'secret/../x', 'secret/a b', 'secret//a', '/secret/a', 'secret/a/', 'secret/.hidden', "secret/a'b", 'secret/$(id)', 'secret/a\nb']) {
      expect(secretsProblem({ mode: 'vault', path: bad })).toMatchObject({ field: 'path' });
    }
  });

  it('wants an Ansible Vault password', () => {
    expect(secretsProblem({ mode: 'ansible-vault', password: '' })?.field).toBe('password');
    expect(secretsProblem({ mode: 'ansible-vault', password: 'x' })).toBeNull();
  });

  it('quotes user text in messages without its control characters', () => {
    expect(secretsProblem({ mode: 'vault', path: 'a\u001b[31m' })?.message).not.toContain('\u001b');
  });
});
