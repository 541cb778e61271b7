import { generateKeypair, generatePresharedKeys, isKey } from '../keys';
import type { RandomSource } from '../keys';
import type { Design } from '../model/design';
import { custodyOf } from '../model/design';
import { WG_INTERFACE } from '../plan/types';
import { publicDesign } from '../model/public-design';
import { formatPrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { renderWgQuick } from '../render/wg-quick';
import { NEXT_KEY_FILE } from '../render/install-key';
import { NEXT_KEY_PREFIX } from '../render/next-key-script';
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
 * keys. A flow stops for the hosts' clock skew plus one handshake. A host's new private key is only in its folder,
 * or, for a host in `host` custody, only on the host: `nextKeys` holds the public keys its next-key.sh printed.
 */
export function rotateKeys(design: Design, hostIds: readonly string[], random: RandomSource, at: Date, nextKeys: ReadonlyMap<string, string> = new Map()): Rotation {
  const byId = new Map(design.hosts.map((h) => [h.id, h]));
  for (const id of hostIds) {
    const h = byId.get(id);
    if (!h) throw new RotationError(`no host has the id "${id}"`);
    if (h.external) throw new RotationError(`${id} is outside this design: its owner rotates its key`);
    if (custodyOf(design.network, h) === 'host') {
      checkNextKey(design, id, nextKeys);
    } else {
      if (nextKeys.has(id)) throw new RotationError(nextKeyProblem(design, id, nextKeys) ?? `${id} takes no next public key`);
      if (h.privateKey === null) throw new RotationError(`${id} keeps its own private key: rotate it on the host (wg genkey) and set its new public key in the design`);
    }
  }
  for (const id of nextKeys.keys()) if (!hostIds.includes(id)) throw new RotationError(`a next public key is given for ${id}, which is not being rotated`);
  const rotated = new Set(hostIds);
  const touched = design.tunnels.filter((t) => t.presharedKey !== null && (rotated.has(t.a) || rotated.has(t.b)));
  const fresh = generatePresharedKeys(random, touched.length);
  const psks = new Map(touched.map((t, i) => [t.id, fresh[i] as string]));
  const next: Design = {
    ...design,
    hosts: design.hosts.map((h) => {
      if (!rotated.has(h.id)) return h;
      // A host in host custody made its next key itself: the design learns only its public key.
      const own = nextKeys.get(h.id);
      return own === undefined ? { ...h, ...generateKeypair(random) } : { ...h, publicKey: own, privateKey: null };
    }),
    tunnels: design.tunnels.map((t) => (psks.has(t.id) ? { ...t, presharedKey: psks.get(t.id) ?? null } : t)),
  };
  const when = formatCutOverTime(at);
  const before = buildPlan(design);
  const plan = buildPlan(next);
  const files: BundleFile[] = [];
  const affected = plan.hosts.filter((hp) => rotated.has(hp.id) || hp.peers.some((p) => rotated.has(p.hostId)));
  for (const hp of affected) {
    const dialsBack = (peer: string) => plan.byId.get(peer)?.peers.some((p) => p.hostId === hp.id && p.endpoint !== null) ?? false;
    const h = hostRotation(hp, before.byId.get(hp.id), rotated, when, dialsBack, nextKeys.has(hp.id) ? NEXT_KEY_FILE : null);
    const dir = `${hp.id}/rotate`;
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
    { path: 'README.md', content: rotationReadme([...rotated], affected.map((h) => h.id), when, [...nextKeys.keys()]), mode: 0o644 },
    { path: 'design.json', content: `${JSON.stringify(publicDesign(next), null, 2)}\n`, mode: 0o644 },
  );
  return { design: next, rotated: [...rotated], tunnels: [...psks.keys()], at: when, files };
}

/** Pairs a host's peers before and after by tunnel: what its scripts change. */
function hostRotation(hp: HostPlan, old: HostPlan | undefined, rotated: ReadonlySet<string>, at: string, dialsBack: (peer: string) => boolean, nextKeyFile: string | null): HostRotation {
  const oldKeys = new Map(old?.peers.map((p) => [p.tunnelId, p.publicKey]) ?? []);
  const self = rotated.has(hp.id);
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
      kicks: p.endpoint !== null && (!dialsBack(p.hostId) || hp.id < p.hostId),
    }));
  return { id: hp.id, rotated: self, newPublicKey: hp.publicKey ?? '', oldPublicKey: old?.publicKey ?? '', nextKeyFile, peers, at };
}

/** A host in `host` custody rotates to the key it made with next-key.sh: that key must be given, valid and its own. */
function checkNextKey(design: Design, id: string, nextKeys: ReadonlyMap<string, string>): void {
  if (!nextKeys.has(id)) throw new RotationError(hostCustodyRotation(id));
  const problem = nextKeyProblem(design, id, nextKeys);
  if (problem !== null) throw new RotationError(problem);
}

/** Why the next public key given for host `id` cannot be used, or null when it can (the CLI names the line it came from). */
export function nextKeyProblem(design: Design, id: string, nextKeys: ReadonlyMap<string, string>): string | null {
  const key = nextKeys.get(id) ?? '';
  const h = design.hosts.find((x) => x.id === id);
  if (!h) return `no host "${id}" in the design`;
  if (h.external) return `${id} is outside this design: its owner rotates its key`;
  if (custodyOf(design.network, h) !== 'host') return `${id} is in "bundle" custody: rotate makes its next key, so it takes no public key for it`;
  if (h.publicKey === null) return `${id} is not enrolled yet, so it has no key to rotate from: enroll the key its install.sh printed (wg-designer enroll)`;
  if (!isKey(key)) return `the next public key of ${id} is not a WireGuard public key (44 characters of base64): copy the key its next-key.sh printed`;
  if (h.publicKey === key) return `the next public key of ${id} is the key it uses now: run next-key.sh on ${id} and give the key it prints`;
  const owner = design.hosts.find((x) => x.id !== id && x.publicKey === key);
  if (owner) return `the next public key given for ${id} is the public key of host ${owner.id}: two hosts cannot share one`;
  const twin = [...nextKeys].find(([other, k]) => other !== id && k === key);
  if (twin) return `the same next public key is given for ${id} and ${twin[0]}: each host's next-key.sh prints its own`;
  return null;
}

/**
 * What to do to rotate a host in `host` custody: its next private key is made on the host, by the bundle's
 * next-key.sh, and the rotation takes its public key; the staged cut-over then switches to that key file.
 */
export function hostCustodyRotation(id: string): string {
  return `${id} keeps its own private key ("keys": "host"), so its next key is made on ${id}: run next-key.sh from its bundle folder there `
    + `(it makes ${NEXT_KEY_FILE} and prints "${NEXT_KEY_PREFIX} ${id} <KEY>"), then rotate with --host ${id} --public-key <KEY>, `
    + `or --next-keys <file> of "host-id public-key" lines for several hosts`;
}
