// WireGuard keys: x25519 keypairs, preshared keys and their base64 text. The random source is always injected.
export { KeyError } from './key-error';
export { cryptoRandom } from './random-source';
export type { RandomSource } from './random-source';
export { seededRandom } from './seeded-random';
export { decodeKey, encodeKey, isKey, KEY_BYTES, KEY_TEXT_LENGTH } from './wg-base64';
export { clampPrivateKey, generateKeypair, generatePrivateKey, publicKeyOf, publicKeysMatch } from './x25519-keys';
export type { Keypair } from './x25519-keys';
export { generatePresharedKey } from './preshared-key';
export { publicKeysOf } from './public-keys-batch';
