import { custodyOf } from '../../model/design';
import type { Host, Network } from '../../model/design';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { listText } from '../text';

/**
 * Hosts whose bundle should carry their private key but whose design holds only the public one: a reload with
 * "Remember private keys" off, a design file saved without keys, a share link. Exporting would give every peer a
 * public key whose private half nobody can ship, so those tunnels never complete a handshake.
 *
 * One finding for all such hosts, not one per host: after a reload every host of the design is in it, and 250
 * identical rows would bury every other finding. Its subjects still name each host, so a click selects them all.
 * Two repairs, since only the user knows which is true: new pairs (the fix clears the keys; the page makes pairs at
 * once, the CLI at export), after which every peer needs the new bundle; or, when the deployed hosts still hold the
 * private keys from an earlier bundle, host custody, which keeps every public key and so every peer's config.
 */
export const keyOrphaned: Rule = {
  id: 'key-orphaned',
  codes: ['key-orphaned'],
  run({ design, label }) {
    const orphans = design.hosts.filter((h) => isKeyOrphaned(design.network, h));
    if (orphans.length === 0) return [];
    const names = listText(orphans.map((h) => label(h.id)));
    const one = orphans.length === 1;
    const finding: Finding = {
      code: 'key-orphaned',
      severity: 'error',
      message: `${names} ${one ? 'has a public key but its private key is' : 'have public keys but their private keys are'} not in the design (dropped on reload, or saved without keys), so the bundle cannot ship ${one ? 'it' : 'them'} and peers would expect keys nobody holds: generate new keys, or set key custody to "Kept by the host" if ${one ? 'the host already holds its key' : 'the hosts already hold their keys'}.`,
      subjects: { hosts: orphans.map((h) => h.id) },
      fix: {
        label: `Generate new keys for ${names}`,
        changes: orphans.map((h) => ({ target: 'host' as const, id: h.id, set: { privateKey: null, publicKey: null } })),
      },
      alternative: {
        label: `Switch ${names} to "Kept by the host"`,
        changes: orphans.map((h) => ({ target: 'host' as const, id: h.id, set: { keys: 'host' } })),
      },
    };
    return [finding];
  },
};

/** A managed host in bundle custody with a public key and no private key. */
export function isKeyOrphaned(network: Network, h: Host): boolean {
  return !h.external && custodyOf(network, h) === 'bundle' && h.publicKey !== null && h.privateKey === null;
}
