import { generateIdentity, identityToRecipient } from 'age-encryption';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ansibleVaultSeal } from '../../cli/ansible-vault-seal';
import { exportBundle } from '../bundle/export-bundle';
import { seededRandom } from '../keys';
import { parsed } from '../testing/fixture-design';
import { SecretsError } from './seal-secrets';
import type { SecretsOptions } from './secrets-options';

const MODES: ReadonlyArray<[string, () => Promise<SecretsOptions>]> = [
  ['age', async () => ({ mode: 'age', recipients: [await identityToRecipient(await generateIdentity())] })],
  ['ansible-vault', async () => ({ mode: 'ansible-vault', password: 'correct horse' })],
  ['vault', async () => ({ mode: 'vault', path: 'secret/wg-designer/test' })],
];

describe('a bundle in each secrets mode but plain', () => {
  for (const fixture of ['hub-and-spoke', 'primary-replica', 'mesh-3']) {
    for (const [mode, make] of MODES) {
      it(`${mode}: holds none of ${fixture}'s private or preshared keys in any file`, async () => {
        const secrets = await make();
        const r = await exportBundle(parsed(fixture), seededRandom(3), { secrets }, undefined, { ansibleVault: ansibleVaultSeal });
        const keys = [
          ...r.completion.design.hosts.flatMap((h) => (h.privateKey === null ? [] : [h.privateKey])),
          ...r.completion.design.tunnels.flatMap((t) => (t.presharedKey === null ? [] : [t.presharedKey])),
        ];
        expect(keys.length).toBeGreaterThan(2);
        const entries = Object.entries(unzipSync(r.zip));
        expect(entries.length).toBeGreaterThan(5);
        for (const [path, bytes] of entries) {
          const text = strFromU8(bytes);
          for (const k of keys) expect(text.includes(k), `${k} in ${path} (${secrets.mode})`).toBe(false);
        }
        // ... and they are all in the per-host secrets the mode hands on.
        const all = r.secrets.map((s) => s.text).join('');
        for (const k of keys) expect(all).toContain(k);
        const confs = entries.filter(([p]) => p.endsWith('wg0.conf')).map(([, b]) => strFromU8(b));
        expect(confs.every((c) => !/^(PrivateKey|PresharedKey) =/m.test(c))).toBe(true);
      });
    }
  }

  it('refuses a bad recipient or Vault path, and Ansible Vault without the CLI\'s sealer, before making anything', async () => {
    const d = parsed('point-to-point');
    await expect(exportBundle(d, seededRandom(1), { secrets: { mode: 'age', recipients: ['age1nope'] } })).rejects.toThrow(SecretsError);
    await expect(exportBundle(d, seededRandom(1), { secrets: { mode: 'vault', path: 'secret/../x' } })).rejects.toMatchObject({ field: 'path' });
    await expect(exportBundle(d, seededRandom(1), { secrets: { mode: 'ansible-vault', password: 'p' } })).rejects.toMatchObject({ field: 'password' });
  });
});
