import type { Host } from '../model/design';
import type { Plan } from '../plan/types';
import type { ImportSource } from './import-sources';

/**
 * What wg will hold after the bundle that differs from what an imported file said, one line per difference, for
 * the report: the design has one keepalive per tunnel and one endpoint per host, so a keepalive set on one side
 * only of a tunnel both of whose ends are dialled, or an endpoint one file gives and another leaves out, cannot be
 * kept exactly. Compared on the plan the bundle is rendered from. Runtime sources (dumps, showconf) are compared too.
 */
export function importDifferences(sources: readonly ImportSource[], hostOf: ReadonlyMap<ImportSource, Host>, plan: Plan): string[] {
  const out: string[] = [];
  for (const src of sources) {
    const host = hostOf.get(src);
    const hp = host ? plan.byId.get(host.id) : undefined;
    if (!host || !hp) continue;
    const before = src.config.iface.listenPort;
    if (before !== null && hp.listenPort !== before) out.push(`${src.where}: ListenPort will be ${hp.listenPort ?? 'none'} (was ${before})`);
    const peers = new Map(hp.peers.map((p) => [p.publicKey, p]));
    for (const peer of src.config.peers) {
      const now = peers.get(peer.publicKey);
      if (!now) continue;
      const was = peer.persistentKeepalive === 0 ? null : peer.persistentKeepalive;
      if (now.keepalive !== was) {
        out.push(`${src.where}: PersistentKeepalive to ${now.hostId} will be ${now.keepalive ?? 'off'} (was ${was ?? 'off'}): a tunnel has one keepalive, sent by the sides that need it or by both when both are dialled`);
      }
      if (peer.endpoint === null && now.endpoint !== null) {
        out.push(`${src.where}: ${now.hostId} gets Endpoint = ${now.endpoint} (another file dials it there)`);
      }
    }
  }
  return out;
}
