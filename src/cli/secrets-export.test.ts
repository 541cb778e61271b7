import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansibleVaultOpen } from './ansible-vault-seal';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'wgd-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => new URL(`../engine/__fixtures__/${name}`, import.meta.url).pathname;

async function cli(...argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, () => {}, (s) => err.push(s));
  return { code, err: err.join('\n') };
}

async function entries(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('string'));
  return out;
}

describe('export --secrets', () => {
  let identity = '';
  let recipient = '';
  beforeAll(async () => {
    identity = await generateIdentity();
    recipient = await identityToRecipient(identity);
    writeFileSync(join(dir, 'me.key'), `# created: test\n${identity}\n`, { mode: 0o600 });
  });

  it('age: per-host secrets.age, keys file only as orders.keys.json.age, read back with --age-identity', async () => {
    const design = join(dir, 'orders.json');
    copyFileSync(fixture('hub-and-spoke.json'), design);
    const first = await cli('export', design, '-o', join(dir, 'a.zip'), '--secrets', 'age', '--age-recipient', recipient);
    expect(first.code, first.err).toBe(0);
    expect(existsSync(join(dir, 'orders.keys.json'))).toBe(false);
    expect(statSync(join(dir, 'orders.keys.json.age')).mode & 0o777).toBe(0o600);
    const files = await entries(join(dir, 'a.zip'));
    expect([...files.keys()].filter((p) => p.endsWith('/secrets.age')).length).toBeGreaterThan(1);
    // Without the identity the encrypted keys file is an error, never "no keys" (which would make new ones).
    const blind = await cli('export', design, '-o', join(dir, 'b.zip'), '--secrets', 'age', '--age-recipient', recipient);
    expect(blind.code).toBe(2);
    expect(blind.err).toContain('--age-identity');
    const again = await cli('export', design, '-o', join(dir, 'b.zip'), '--secrets', 'plain', '--age-recipient', recipient, '--age-identity', join(dir, 'me.key'));
    expect(again.code, again.err).toBe(0);
    expect(again.err).not.toContain('generated');
    const conf = [...(await entries(join(dir, 'b.zip')))].find(([p]) => p.endsWith('/wg0.conf'))?.[1] ?? '';
    expect(conf).toMatch(/^PrivateKey = /m);
    // A clear keys file beside the encrypted one: one of them is stale, and the CLI does not guess which.
    writeFileSync(join(dir, 'orders.keys.json'), '{}');
    const both = await cli('export', design, '-o', join(dir, 'c.zip'), '--age-recipient', recipient, '--age-identity', join(dir, 'me.key'));
    expect(both.code).toBe(1);
    expect(both.err).toContain('keep one and remove the others');
  });

  it('refuses an invalid recipient or Vault path, naming the flag, and writes nothing', async () => {
    const design = join(dir, 'p2p.json');
    copyFileSync(fixture('point-to-point.json'), design);
    const bad = await cli('export', design, '-o', join(dir, 'x.zip'), '--secrets', 'age', '--age-recipient', 'age1"; rm -rf /');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--age-recipient');
    const path = await cli('export', design, '-o', join(dir, 'x.zip'), '--secrets', 'vault', '--vault-path', 'secret/../etc');
    expect(path.code).toBe(2);
    expect(path.err).toContain('--vault-path');
    expect(existsSync(join(dir, 'x.zip'))).toBe(false);
    expect(existsSync(join(dir, 'p2p.keys.json'))).toBe(false);
  });

  it('ansible-vault: per-host secrets.vault that opens with the password file\'s first line', async () => {
    const design = join(dir, 'mesh.json');
    copyFileSync(fixture('mesh-3.json'), design);
    writeFileSync(join(dir, 'pw'), 'hunter2 hunter2\n');
    const r = await cli('export', design, '-o', join(dir, 'v.zip'), '--secrets', 'ansible-vault', '--vault-password-file', join(dir, 'pw'));
    expect(r.code, r.err).toBe(0);
    const files = await entries(join(dir, 'v.zip'));
    const vaults = [...files].filter(([p]) => p.endsWith('/secrets.vault'));
    expect(vaults.length).toBe(3);
    for (const [, v] of vaults) {
      expect(v.startsWith('$ANSIBLE_VAULT;1.1;AES256\n')).toBe(true);
      expect(await ansibleVaultOpen(v, 'hunter2 hunter2')).toMatch(/^private [A-Za-z0-9+/]{43}=\n/);
    }
    // The keys file is kept in Ansible Vault with the same password, and read back with it: no new key.
    expect(existsSync(join(dir, 'mesh.keys.json'))).toBe(false);
    const kept = readFileSync(join(dir, 'mesh.keys.json.vault'), 'utf8');
    expect(JSON.parse(await ansibleVaultOpen(kept, 'hunter2 hunter2')).format).toBe('wg-designer-keys/1');
    const blind = await cli('export', design, '-o', join(dir, 'v2.zip'));
    expect(blind.code).toBe(2);
    expect(blind.err).toContain('--vault-password-file');
    const again = await cli('export', design, '-o', join(dir, 'v2.zip'), '--secrets', 'ansible-vault', '--vault-password-file', join(dir, 'pw'));
    expect(again.code, again.err).toBe(0);
    expect(again.err).not.toContain('generated');
    const rotate = await cli('rotate', design, '--all', '-o', join(dir, 'r.zip'));
    expect(rotate.code).toBe(1);
    expect(rotate.err).toContain('mesh.keys.json.vault holds the keys encrypted');
  });

  it('vault: the keys go to <bundle>.secrets/ (700/600) for put-secrets.sh, at the default path', async () => {
    const design = join(dir, 'site.json');
    copyFileSync(fixture('site-to-site.json'), design);
    const r = await cli('export', design, '-o', join(dir, 's.zip'), '--secrets', 'vault');
    expect(r.code, r.err).toBe(0);
    expect(statSync(join(dir, 's.secrets')).mode & 0o777).toBe(0o700);
    const files = await entries(join(dir, 's.zip'));
    const put = [...files].find(([p]) => p.endsWith('vault/put-secrets.sh'))?.[1] ?? '';
    expect(put).toMatch(/vault kv put -mount=secret "wg-designer\/[a-z0-9-]+\/\$host" secrets=-/);
  });
});
