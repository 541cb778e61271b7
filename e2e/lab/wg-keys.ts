import { execFileSync } from 'node:child_process';

/** A keypair made by the real `wg genkey` / `wg pubkey`, for lab configs. */
export function wgKeypair(): { privateKey: string; publicKey: string } {
  const privateKey = execFileSync('wg', ['genkey'], { encoding: 'utf8' }).trim();
  const publicKey = execFileSync('wg', ['pubkey'], { input: privateKey, encoding: 'utf8' }).trim();
  return { privateKey, publicKey };
}
