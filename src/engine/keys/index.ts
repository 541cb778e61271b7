// WireGuard keys: x25519 keypairs, preshared keys and their base64 text. The random source is always injected.
export { KeyError } from './key-error';
export { cryptoRandom } from './random-source';
export type { RandomSource } from './random-source';
export { seededRandom } from './seeded-random';
export { decodeKey, encodeKey, isKey, KEY_BYTES, KEY_TEXT_LENGTH } from './wg-base64';
export { clampPrivateKey, generateKeypair, generateKeypairs, generatePrivateKey, publicKeyOf, publicKeysMatch } from './x25519-keys';
export { nobleX25519Base, resetX25519, useX25519, x25519Base } from './x25519-backend';
export type { X25519Base } from './x25519-backend';
export type { Keypair } from './x25519-keys';
export { generatePresharedKey, generatePresharedKeys } from './preshared-key';
export { publicKeysOf } from './public-keys-batch';
export { generateKeypairsFast } from './keypairs-batch';
