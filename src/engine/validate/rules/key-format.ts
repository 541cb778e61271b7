import type { Host } from '../../model/design';
import { isKey, publicKeyOf } from '../../keys';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * Keys that cannot work: text that is not a WireGuard key (44 characters of base64), a public key that is not the
 * one its private key gives, and an external host without a public key (its peers cannot name it). The schema
 * already refuses malformed text in a design file; this also guards designs built in code. The fixes clear a bad
 * pair so export generates a fresh one, or put in the derived public key. Says nothing of a design without keys.
 */
export const keyFormat: Rule = {
  id: 'key-format',
  codes: ['key-invalid', 'key-mismatch', 'key-missing'],
  run({ design, index, label, validation }) {
    // Deriving a public key is an X25519 multiplication, the one costly check here: the caller's context keeps the
    // ones derived before, so re-validating after an edit derives only for the keys that changed. It is left with
    // this design's keys only.
    const before = validation.publicKeys;
    const derived = new Map<string, string>();
    validation.publicKeys = derived;
    if (!index.hasKeys) return [];
    const publicKeyFor = (privateKey: string): string => {
      const publicKey = derived.get(privateKey) ?? before.get(privateKey) ?? publicKeyOf(privateKey);
      derived.set(privateKey, publicKey);
      return publicKey;
    };
    const out: Finding[] = [];
    for (const h of design.hosts) {
      const badPrivate = h.privateKey !== null && !isKey(h.privateKey);
      const badPublic = h.publicKey !== null && !isKey(h.publicKey);
      if (badPrivate || badPublic) {
        const which = badPrivate && badPublic ? 'private and public keys are' : badPrivate ? 'private key is' : 'public key is';
        out.push({
          code: 'key-invalid',
          severity: 'error',
          message: `${label(h.id)}'s ${which} not a WireGuard key (44 characters of standard base64 ending in "=")${h.external ? '; copy it again from the host\'s own config' : ''}.`,
          subjects: { hosts: [h.id] },
          ...(h.external ? {} : { fix: regenerate(h, label) }),
        });
        continue;
      }
      if (h.external && h.publicKey === null) {
        out.push({
          code: 'key-missing',
          severity: 'error',
          message: `External host ${label(h.id)} has no public key, so its peers cannot be configured: paste the public key from its own config (\`wg show wg0 public-key\`).`,
          subjects: { hosts: [h.id] },
        });
      }
      if (h.privateKey === null || h.publicKey === null) continue;
      // Both are well-formed keys here, and a key has one spelling (decodeKey is strict): equal texts, equal keys.
      const expected = publicKeyFor(h.privateKey);
      if (expected === h.publicKey) continue;
      out.push({
        code: 'key-mismatch',
        severity: 'error',
        message: `${label(h.id)}'s public key ${h.publicKey} is not the one its private key gives: its peers would expect a key it does not have, and every handshake fails.`,
        subjects: { hosts: [h.id] },
        fix: {
          label: `Use the public key derived from ${label(h.id)}'s private key`,
          changes: [{ target: 'host', id: h.id, set: { publicKey: expected } }],
        },
      });
    }
    for (const t of design.tunnels) {
      if (t.presharedKey === null || isKey(t.presharedKey)) continue;
      out.push({
        code: 'key-invalid',
        severity: 'error',
        message: `The preshared key of tunnel ${t.id} (${label(t.a)} - ${label(t.b)}) is not a WireGuard key (44 characters of standard base64 ending in "=").`,
        subjects: { hosts: [t.a, t.b], tunnels: [t.id] },
        fix: { label: `Clear it (export generates a new one)`, changes: [{ target: 'tunnel', id: t.id, set: { presharedKey: null } }] },
      });
    }
    return out;
  },
};

function regenerate(h: Host, label: (id: string) => string) {
  return {
    label: `Clear ${label(h.id)}'s keys (export generates a new pair)`,
    changes: [{ target: 'host' as const, id: h.id, set: { privateKey: null, publicKey: null } }],
  };
}
