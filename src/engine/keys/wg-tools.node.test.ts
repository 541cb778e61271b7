// Checks the engine against the real WireGuard tools. Needs `wg` (Debian: apt install wireguard-tools) and FAILS
// without it on purpose: a silently skipped interop test would hide exactly the mismatch it exists to catch.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';
import { isKey } from './wg-base64';
import { generatePrivateKey, publicKeyOf } from './x25519-keys';

const run = (args: string[], input?: string): string =>
  execFileSync('wg', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();

// Probed once; every test then fails on its own with this message (a failing beforeAll would report them skipped).
const missing = ((): string | null => {
  try {
    run(['--version']);
    return null;
  } catch (error) {
    return `This test needs the \`wg\` binary on PATH (apt install wireguard-tools): ${String(error)}`;
  }
})();

function wg(args: string[], input?: string): string {
  if (missing !== null) throw new Error(missing);
  return run(args, input);
}

describe('against wireguard-tools (`wg`)', () => {
  it('finds `wg` on PATH', () => {
    expect(missing).toBeNull();
  });

  it('`wg pubkey` agrees with publicKeyOf for 20 seeded private keys', () => {
    const random = seededRandom(7748);
    for (let i = 0; i < 20; i++) {
      const privateKey = generatePrivateKey(random);
      expect(publicKeyOf(privateKey)).toBe(wg(['pubkey'], `${privateKey}\n`));
    }
  });

  it('publicKeyOf agrees with `wg pubkey` for 10 keys from `wg genkey`', () => {
    for (let i = 0; i < 10; i++) {
      const privateKey = wg(['genkey']);
      expect(isKey(privateKey)).toBe(true);
      expect(publicKeyOf(privateKey)).toBe(wg(['pubkey'], privateKey));
    }
  });

  it('`wg genpsk` output is a well-formed key', () => {
    expect(isKey(wg(['genpsk']))).toBe(true);
  });

  it('`wg pubkey` also rejects the non-canonical spelling that decodeKey rejects', () => {
    // Same bytes as a canonical key whose digit before "=" is "A", plus one stray low bit ("B").
    const canonical = `${'A'.repeat(42)}A=`;
    expect(() => wg(['pubkey'], `${'A'.repeat(42)}B=`)).toThrow();
    expect(isKey(`${'A'.repeat(42)}B=`)).toBe(false);
    expect(wg(['pubkey'], canonical)).toBe(publicKeyOf(canonical));
  });
});
