import type { Host } from '../../model/design';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/**
 * One key on two hosts. WireGuard names a peer by its public key, so peers cannot tell the hosts apart: each
 * handshake moves the peer's endpoint to whichever spoke last, and the two hosts take turns being unreachable.
 * The fix clears the later hosts' keys so export generates fresh pairs (external hosts keep theirs).
 */
export const keyDuplicate: Rule = {
  id: 'key-duplicate',
  codes: ['key-duplicate'],
  run({ design, index, label }) {
    if (!index.hasKeys) return [];
    const byKey = new Map<string, Host[]>();
    for (const h of design.hosts) {
      if (h.publicKey === null) continue;
      const list = byKey.get(h.publicKey) ?? [];
      list.push(h);
      byKey.set(h.publicKey, list);
    }
    const out: Finding[] = [];
    for (const [key, hosts] of byKey) {
      if (hosts.length < 2) continue;
      const keep = hosts.find((h) => h.external) ?? (hosts[0] as Host);
      const renew = hosts.filter((h) => h !== keep && !h.external);
      out.push({
        code: 'key-duplicate',
        severity: 'error',
        message: `${listText(hosts.map((h) => label(h.id)))} have the same public key ${key}: WireGuard names a peer by its key, so their peers cannot tell them apart and the hosts take turns being unreachable.`,
        subjects: { hosts: hosts.map((h) => h.id) },
        ...(renew.length > 0 ? {
          fix: {
            label: `Clear the keys of ${listText(renew.map((h) => label(h.id)))} (export generates new pairs)`,
            changes: renew.map((h) => ({ target: 'host' as const, id: h.id, set: { privateKey: null, publicKey: null } })),
          },
        } : {}),
      });
    }
    return out;
  },
};
