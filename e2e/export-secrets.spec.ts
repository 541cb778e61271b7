import { Decrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { publicKeyOf } from '../src/engine/keys';
import { expect, test } from './fixtures/test';
import { readZip } from './fixtures/zip';

const WG_KEY = /[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=/g;

test.describe('export with a secrets backend', () => {
  test('age: a bad recipient is named and nothing exports; a real one gives a zip whose only private keys are in secrets.age', async ({ designer, page }, info) => {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    await designer.toolbar.button('export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-secrets').selectOption('age');
    const recipients = dialog.getByTestId('export-age-recipients');
    await expect(dialog.getByTestId('export-secrets-problem')).toContainText('Age recipients: give at least one age recipient');
    await recipients.fill('age1notarecipient');
    await expect(dialog.getByTestId('export-secrets-problem')).toContainText('Age recipients: "age1notarecipient" is not an age X25519 recipient');
    await expect(dialog.getByTestId('download-zip')).toBeDisabled();

    await recipients.fill(recipient);
    await expect(dialog.getByTestId('export-secrets-problem')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await dialog.getByTestId('download-zip').click();
    const path = info.outputPath('bundle.zip');
    await (await download).saveAs(path);
    const files = readZip(path);
    const design = JSON.parse([...files].find(([n]) => n.endsWith('/design.json'))?.[1] ?? '{}') as { hosts: Array<{ id: string; publicKey: string }> };
    const publicKeys = new Set(design.hosts.map((h) => h.publicKey));
    // Every key-shaped string outside secrets.age is a public key of the design: no private or preshared key travels in clear.
    const clear = [...files].filter(([n]) => !n.endsWith('secrets.age')).flatMap(([n, text]) => (text.match(WG_KEY) ?? []).filter((k) => !publicKeys.has(k)).map((k) => `${n}: ${k.slice(0, 8)}`));
    expect(clear).toEqual([]);

    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    for (const h of design.hosts) {
      const sealed = [...files].find(([n]) => n.endsWith(`/${h.id}/secrets.age`))?.[1];
      expect(sealed, `${h.id}/secrets.age`).toBeDefined();
      const text = await decrypter.decrypt(armor.decode(sealed ?? ''), 'text');
      const privateKey = /^private (\S+)$/m.exec(text)?.[1] ?? '';
      expect(publicKeyOf(privateKey), `${h.id}: the sealed key gives the design's public key`).toBe(h.publicKey);
    }
  });

  test('Vault: a path with ".." or spaces is named and nothing exports; a good one puts no key in the zip', async ({ designer, page }, info) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('point-to-point');
    await designer.toolbar.button('export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-secrets').selectOption('vault');
    const path = dialog.getByTestId('export-vault-path');
    for (const bad of ['secret/../prod', 'secret/my keys']) {
      await path.fill(bad);
      await expect(dialog.getByTestId('export-secrets-problem')).toContainText(`Vault path: "${bad}" is not a Vault path`);
      await expect(dialog.getByTestId('download-zip')).toBeDisabled();
    }
    await path.fill('kv/teams/db-net');
    await expect(dialog.getByTestId('export-secrets-problem')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await dialog.getByTestId('download-zip').click();
    const zip = info.outputPath('bundle.zip');
    await (await download).saveAs(zip);
    const files = readZip(zip);
    const design = JSON.parse([...files].find(([n]) => n.endsWith('/design.json'))?.[1] ?? '{}') as { hosts: Array<{ publicKey: string }> };
    const publicKeys = new Set(design.hosts.map((h) => h.publicKey));
    const keys = [...files].flatMap(([n, text]) => (text.match(WG_KEY) ?? []).filter((k) => !publicKeys.has(k)).map((k) => `${n}: ${k.slice(0, 8)}`));
    expect(keys).toEqual([]);
    expect([...files].find(([n]) => n.endsWith('/vault/put-secrets.sh'))?.[1]).toContain('kv/teams/db-net');
  });
});
