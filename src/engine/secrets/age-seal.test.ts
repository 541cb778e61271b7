import { Decrypter, armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { ageSeal } from './age-seal';

describe('ageSeal', () => {
  it('encrypts to every recipient, armored, and each identity decrypts it', async () => {
    const ids = [await generateIdentity(), await generateIdentity()];
    const sealed = await ageSeal('private abc\n', await Promise.all(ids.map((i) => identityToRecipient(i))));
    expect(sealed.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(true);
    expect(sealed).not.toContain('abc');
    for (const id of ids) {
      const d = new Decrypter();
      d.addIdentity(id);
      expect(await d.decrypt(armor.decode(sealed), 'text')).toBe('private abc\n');
    }
  });

  it('throws on a recipient it cannot parse', async () => {
    await expect(ageSeal('x', [`age1${'q'.repeat(58)}`])).rejects.toThrow();
  });
});
