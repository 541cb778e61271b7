import { describe, expect, it } from 'vitest';
import { secretsFromChoice } from './export-secrets';

const R = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

describe('secretsFromChoice', () => {
  it('reads recipients one per line (or comma), and the default Vault path from the folder', () => {
    expect(secretsFromChoice({ mode: 'age', recipientsText: `${R}\n ${R},`, vaultPath: '' }, 'x')).toEqual({ options: { mode: 'age', recipients: [R, R] } });
    expect(secretsFromChoice({ mode: 'vault', recipientsText: '', vaultPath: ' ' }, 'orders')).toEqual({ options: { mode: 'vault', path: 'secret/wg-designer/orders' } });
    expect(secretsFromChoice({ mode: 'plain', recipientsText: 'junk', vaultPath: '..' }, 'x')).toEqual({ options: { mode: 'plain' } });
  });

  it('names the field of a problem', () => {
    expect(secretsFromChoice({ mode: 'age', recipientsText: 'age1oops', vaultPath: '' }, 'x')).toMatchObject({ problem: expect.stringMatching(/^Age recipients: /) });
    expect(secretsFromChoice({ mode: 'age', recipientsText: '', vaultPath: '' }, 'x')).toMatchObject({ problem: expect.stringMatching(/^Age recipients: /) });
    expect(secretsFromChoice({ mode: 'vault', recipientsText: '', vaultPath: 'kv/../x' }, 'x')).toMatchObject({ problem: expect.stringMatching(/^Vault path: /) });
  });
});
