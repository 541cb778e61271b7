import { generateKeypair, generatePresharedKeys } from '../keys';
import type { RandomSource } from '../keys';
import type { Design } from '../model/design';
import { WG_INTERFACE, custodyOf } from '../model/design';
import { publicDesign } from '../model/public-design';
import { formatPrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { renderWgQuick } from '../render/wg-quick';
import type { BundleFile } from '../bundle/bundle-files';
import { formatCutOverTime } from './cut-over-time';
import type { HostRotation, PeerChange } from './host-rotation';
import { RotationError } from './rotation-error';
import { rotationReadme } from './rotation-readme';
import { cancelScript, cutOverScript, finishScript, scheduleScript, stageScript } from './rotation-scripts';

export interface Rotation {
  /** The design with the new keys (secrets included: the caller keeps them apart). */
  design: Design;
  rotated: string[];
  /** Tunnels that got a new preshared key: every tunnel of a rotated host that has one. */
  tunnels: string[];
  /** The cut-over instant, as the scripts write it. */
  at: string;
  /** `<host-id>/rotate/<N>-<what>.sh`, `cut-over.sh`, `cancel.sh`, each affected host's final `wg0.conf`, a README, the public design. */
  files: BundleFile[];
}

/**
 * Plans a key rotation with a cut-over at one instant: (1) each peer stages the new public keys beside the old ones
 * (no AllowedIPs, so nothing live changes); (2) each host schedules `cut-over.sh` for `at`, which then, in one
 * `wg set`, switches a rotated host's private key and preshared keys and moves every rotated peer's AllowedIPs to
 * its new entry, and kicks a handshake; (3) after `at`, each host installs its final wg0.conf and wipes the old
 * keys. A flow stops for the hosts' clock skew plus one handshake. A host's new private key is only in its folder.
 */
export function rotateKeys(design: Design, hostIds: readonly string[], random: RandomSource, at: Date): Rotation {
  const byId = new Map(design.hosts.map((h) => [h.id, h]));
  for (const id of hostIds) {
    const h = byId.get(id);
    if (!h) throw new RotationError(`no host has the id "${id}"`);
    if (h.external) throw new RotationError(`${id} is outside this design: its owner rotates its key`);
    if (custodyOf(design.network, h) === 'host') throw new RotationError(hostCustodyRotation(id));
    if (h.privateKey === null) throw new RotationError(`${id} keeps its own private key: rotate it on the host (wg genkey) and set its new public key in the design`);
  }
  const rotated = new Set(hostIds);
  const touched = design.tunnels.filter((t) => t.presharedKey !== null && (rotated.has(t.a) || rotated.has(t.b)));
  const fresh = generatePresharedKeys(random, touched.length);
  const psks = new Map(touched.map((t, i) => [t.id, fresh[i] as string]));
  const next: Design = {
    ...design,
    hosts: design.hosts.map((h) => (rotated.has(h.id) ? { ...h, ...generateKeypair(random) } : h)),
    tunnels: design.tunnels.map((t) => (psks.has(t.id) ? { ...t, presharedKey: psks.get(t.id) ?? null } : t)),
  };
  const when = formatCutOverTime(at);
  const before = buildPlan(design);
  const plan = buildPlan(next);
  const files: BundleFile[] = [];
  const affected = plan.hosts.filter((hp) => rotated.has(hp.host.id) || hp.peers.some((p) => rotated.has(p.hostId)));
  for (const hp of affected) {
    const dialsBack = (peer: string) => plan.byId.get(peer)?.peers.some((p) => p.hostId === hp.host.id && p.endpoint !== null) ?? false;
    const h = hostRotation(hp, before.byId.get(hp.host.id), rotated, when, dialsBack);
    const dir = `${hp.host.id}/rotate`;
    files.push(
      { path: `${dir}/1-stage-new-keys.sh`, content: stageScript(h), mode: 0o700 },
      { path: `${dir}/2-schedule-cut-over.sh`, content: scheduleScript(h), mode: 0o700 },
      { path: `${dir}/3-finish.sh`, content: finishScript(h), mode: 0o700 },
      { path: `${dir}/cut-over.sh`, content: cutOverScript(h), mode: 0o700 },
      { path: `${dir}/cancel.sh`, content: cancelScript(h), mode: 0o700 },
      { path: `${dir}/${WG_INTERFACE}.conf`, content: renderWgQuick(hp, { privateKey: 'include', designName: design.name }), mode: 0o600 },
    );
  }
  files.push(
    { path: 'README.md', content: rotationReadme([...rotated], affected.map((h) => h.host.id), when), mode: 0o644 },
    { path: 'design.json', content: `${JSON.stringify(publicDesign(next), null, 2)}\n`, mode: 0o644 },
  );
  return { design: next, rotated: [...rotated], tunnels: [...psks.keys()], at: when, files };
}

/** Pairs a host's peers before and after by tunnel: what its scripts change. */
function hostRotation(hp: HostPlan, old: HostPlan | undefined, rotated: ReadonlySet<string>, at: string, dialsBack: (peer: string) => boolean): HostRotation {
  const oldKeys = new Map(old?.peers.map((p) => [p.tunnelId, p.publicKey]) ?? []);
  const self = rotated.has(hp.host.id);
  const peers: PeerChange[] = hp.peers
    .filter((p) => self || rotated.has(p.hostId))
    .map((p) => ({
      hostId: p.hostId,
      oldKey: oldKeys.get(p.tunnelId) ?? '',
      newKey: p.publicKey ?? '',
      presharedKey: p.presharedKey,
      allowedIPs: p.allowedIPs.map(formatPrefix).join(','),
      endpoint: p.endpoint,
      keepalive: p.keepalive,
      kicks: p.endpoint !== null && (!dialsBack(p.hostId) || hp.host.id < p.hostId),
    }));
  return { id: hp.host.id, rotated: self, newPublicKey: hp.host.publicKey ?? '', oldPublicKey: old?.host.publicKey ?? '', peers, at };
}

/**
 * Why `rotate` does not rotate a host in `host` custody, and what to do instead. Its new private key must be made on
 * the host, so the staged cut-over (which ships new private keys in the rotation zip) cannot serve it; the host
 * rotates by making a new key and re-enrolling, and its tunnels are down from its peers' install to its own.
 */
export function hostCustodyRotation(id: string): string {
  return `${id} keeps its own private key ("keys": "host"), which never leaves it, so rotate cannot make its next key. `
    + `On ${id}: mv /etc/wireguard/wg0.key /etc/wireguard/wg0.key.old, then run its install.sh: it makes a new key, `
    + `prints it and refuses to install. Then: wg-designer enroll design.json --host ${id} --public-key <KEY> --replace, `
    + `export, and run install.sh on ${id}'s peers and on ${id} (its tunnels are down in between).`;
}
