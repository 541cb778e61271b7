import type { Design } from '../../engine';
import { decodeKey, isKey, KEY_TEXT_LENGTH } from '../../engine';

/**
 * Why `text` cannot be `hostId`'s public key, or null. The engine's decoder says what is wrong with the text
 * (`wg` reads keys as strictly); a key another host already has is refused by name, because WireGuard names a
 * peer by its public key and the two hosts' peers could not tell them apart (the `key-duplicate` finding).
 */
export function publicKeyProblem(design: Design, hostId: string, text: string): string | null {
  if (text === '') return null;
  if (!isKey(text)) {
    let detail = `expected ${KEY_TEXT_LENGTH} characters of base64 ending in "="`;
    try {
      decodeKey(text);
    } catch (e) {
      if (e instanceof Error) detail = e.message.replace(/^WireGuard key: /, '');
    }
    return `Public key is not a WireGuard key: ${detail}. Copy it from \`wg show wg0 public-key\` on the host.`;
  }
  const other = design.hosts.find((h) => h.id !== hostId && h.publicKey === text);
  if (other) {
    const name = other.name && other.name !== other.id ? `${other.name} (${other.id})` : other.id;
    return `Public key is already ${name}'s: every host needs its own key, since WireGuard tells peers apart by key.`;
  }
  return null;
}
