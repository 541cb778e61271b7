import { generateKeypair } from '../keys';
import type { RandomSource } from '../keys';
import type { Design } from '../model/design';
import { WG_INTERFACE } from '../model/design';
import { publicDesign } from '../model/public-design';
import { formatPrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan, PeerPlan } from '../plan/types';
import { renderWgQuick } from '../render/wg-quick';
import type { BundleFile } from '../bundle/bundle-files';

/** A rotation that cannot be planned, naming the host. */
export class RotationError extends Error {}

export interface Rotation {
  /** The design with the new keys (secrets included: the caller keeps them apart). */
  design: Design;
  rotated: string[];
  /** `<host-id>/rotate/<step>.sh`, each affected host's final `wg0.conf`, a README and the public design. */
  files: BundleFile[];
}

/**
 * Plans a key rotation for some hosts (or all). Three steps, each run on every host that has a file for it before
 * the next step starts: (1) each peer adds the host's new public key with the same AllowedIPs, which moves them
 * off the old key; (2) the host switches to its new private key; (3) every affected host installs its final
 * wg0.conf and syncs it, which forgets the old keys. A tunnel is down only between (1) on one side and (2) on the
 * other: one handshake. A host's new private key is written only in its own folder.
 */
export function rotateKeys(design: Design, hostIds: readonly string[], random: RandomSource): Rotation {
  const byId = new Map(design.hosts.map((h) => [h.id, h]));
  for (const id of hostIds) {
    const h = byId.get(id);
    if (!h) throw new RotationError(`no host has the id "${id}"`);
    if (h.external) throw new RotationError(`${id} is outside this design: its owner rotates its key`);
    if (h.privateKey === null) throw new RotationError(`${id} keeps its own private key: rotate it on the host (wg genkey) and set its new public key in the design`);
  }
  const rotated = new Set(hostIds);
  const next: Design = {
    ...design,
    hosts: design.hosts.map((h) => (rotated.has(h.id) ? { ...h, ...generateKeypair(random) } : h)),
  };
  const plan = buildPlan(next);
  const files: BundleFile[] = [];
  const affected = plan.hosts.filter((hp) => rotated.has(hp.host.id) || hp.peers.some((p) => rotated.has(p.hostId)));
  for (const hp of affected) {
    const dir = `${hp.host.id}/rotate`;
    const adds = hp.peers.filter((p) => rotated.has(p.hostId));
    if (adds.length > 0) files.push({ path: `${dir}/1-add-new-peer-keys.sh`, content: addScript(hp, adds), mode: 0o700 });
    if (rotated.has(hp.host.id)) files.push({ path: `${dir}/2-switch-to-new-key.sh`, content: switchScript(hp), mode: 0o700 });
    files.push(
      { path: `${dir}/3-apply-final-config.sh`, content: finalScript(hp), mode: 0o700 },
      { path: `${dir}/${WG_INTERFACE}.conf`, content: renderWgQuick(hp, { privateKey: 'include', designName: design.name }), mode: 0o600 },
    );
  }
  files.push(
    { path: 'README.md', content: readme([...rotated], affected.map((h) => h.host.id)), mode: 0o644 },
    { path: 'design.json', content: `${JSON.stringify(publicDesign(next), null, 2)}\n`, mode: 0o644 },
  );
  return { design: next, rotated: [...rotated], files };
}

/** The first lines of every step: strict bash, a comment saying what the step does, root only. */
function header(comment: string): string[] {
  return ['#!/usr/bin/env bash', `# ${comment}`, 'set -euo pipefail', 'cd "$(dirname "$0")"', '[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }'];
}

function addScript(hp: HostPlan, peers: readonly PeerPlan[]): string {
  const lines = header(`Step 1 on ${hp.host.id}: learn the new public keys of its rotated peers.`);
  for (const p of peers) {
    const parts = [`wg set ${WG_INTERFACE} peer '${p.publicKey ?? ''}' allowed-ips '${p.allowedIPs.map(formatPrefix).join(',')}'`];
    if (p.endpoint !== null) parts.push(`endpoint '${p.endpoint}'`);
    if (p.keepalive !== null) parts.push(`persistent-keepalive ${p.keepalive}`);
    if (p.presharedKey !== null) parts.push(`preshared-key <(printf '%s\\n' '${p.presharedKey}')`);
    lines.push(`# ${p.hostId}: its AllowedIPs move from the old key to the new one`, parts.join(' '));
  }
  lines.push(`echo "step 1 done on ${hp.host.id}"`, '');
  return lines.join('\n');
}

function switchScript(hp: HostPlan): string {
  return [
    ...header(`Step 2 on ${hp.host.id}: switch to the new private key (it exists only in this folder).`),
    `wg set ${WG_INTERFACE} private-key <(printf '%s\\n' '${hp.host.privateKey ?? ''}')`,
    `echo "step 2 done on ${hp.host.id}: its public key is now ${hp.host.publicKey ?? ''}"`,
    '',
  ].join('\n');
}

function finalScript(hp: HostPlan): string {
  const wg = WG_INTERFACE;
  return [
    ...header(`Step 3 on ${hp.host.id}: install the final ${wg}.conf and sync it, which forgets every old key.`),
    `cp -p /etc/wireguard/${wg}.conf /etc/wireguard/${wg}.conf.before-rotation`,
    `install -m 600 ${wg}.conf /etc/wireguard/${wg}.conf`,
    `wg syncconf ${wg} <(wg-quick strip /etc/wireguard/${wg}.conf)`,
    `echo "step 3 done on ${hp.host.id}; the previous config is /etc/wireguard/${wg}.conf.before-rotation"`,
    '',
  ].join('\n');
}

function readme(rotated: readonly string[], affected: readonly string[]): string {
  return [
    `# Key rotation: ${rotated.join(', ')}`,
    '',
    'Copy each folder\'s `rotate/` to its host. Run every step on every host that has it before starting the next step:',
    '',
    '1. `rotate/1-add-new-peer-keys.sh` on the peers of the rotated hosts: they learn the new public keys.',
    '2. `rotate/2-switch-to-new-key.sh` on each rotated host: it switches to its new private key.',
    '3. `rotate/3-apply-final-config.sh` on every host listed below: the final configs, without the old keys.',
    '',
    'Each tunnel is down only between step 1 on one side and step 2 on the other (one handshake).',
    '',
    `Hosts involved: ${affected.join(', ')}.`,
    '',
    '`design.json` is the design with the new public keys; the new private keys are only in their own hosts\' folders',
    '(and, for the CLI, in the keys file beside the design).',
    '',
  ].join('\n');
}
