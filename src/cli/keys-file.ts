import { existsSync } from 'node:fs';
import { ID_PATTERN, isKey, publicKeyOf } from '../engine';
import type { Design } from '../engine';
import { CliError, readText, writeAtomic } from './io';

/**
 * The secrets that live beside a design (`design.keys.json`, mode 600) so the design itself can go into git:
 * private keys by host id, preshared keys by tunnel id. Re-exporting reads them back, so no key changes.
 */
interface KeysFile {
  format: 'wg-designer-keys/1';
  hosts: Record<string, { privateKey: string }>;
  tunnels: Record<string, { presharedKey: string }>;
}

/** `orders.json` -> `orders.keys.json`. */
export function keysPathFor(designPath: string): string {
  return designPath.replace(/(\.json)?$/i, '.keys.json');
}

/** Reads the keys file if there is one; a damaged one is an error, never silently replaced. */
export function readKeys(path: string): KeysFile {
  const empty: KeysFile = { format: 'wg-designer-keys/1', hosts: {}, tunnels: {} };
  if (!existsSync(path)) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(readText(path));
  } catch {
    throw new CliError(`${path} is not JSON; fix or move it (it holds private keys, so it is never overwritten)`);
  }
  const file = raw as Partial<KeysFile>;
  if (file.format !== 'wg-designer-keys/1') throw new CliError(`${path}: format must be "wg-designer-keys/1"`);
  const out: KeysFile = { ...empty };
  for (const [id, v] of Object.entries(file.hosts ?? {})) {
    // Ids are [a-z0-9-]; anything else (such as "__proto__") cannot be ours.
    if (!ID_PATTERN.test(id)) throw new CliError(`${path}: hosts.${JSON.stringify(id)} is not a host id`);
    if (!isKey(v?.privateKey ?? '')) throw new CliError(`${path}: hosts.${id}.privateKey is not a WireGuard key`);
    out.hosts[id] = { privateKey: v.privateKey };
  }
  for (const [id, v] of Object.entries(file.tunnels ?? {})) {
    if (!ID_PATTERN.test(id)) throw new CliError(`${path}: tunnels.${JSON.stringify(id)} is not a tunnel id`);
    if (!isKey(v?.presharedKey ?? '')) throw new CliError(`${path}: tunnels.${id}.presharedKey is not a WireGuard key`);
    out.tunnels[id] = { presharedKey: v.presharedKey };
  }
  return out;
}

/** Puts stored keys into the design where it has none; a host whose public key moved on keeps the design's key. */
export function mergeKeys(design: Design, keys: KeysFile, warn: (msg: string) => void): Design {
  const hosts = design.hosts.map((h) => {
    const stored = Object.hasOwn(keys.hosts, h.id) ? keys.hosts[h.id] : undefined;
    if (!stored || h.privateKey !== null) return h;
    const pub = publicKeyOf(stored.privateKey);
    if (h.publicKey !== null && h.publicKey !== pub) {
      warn(`host ${h.id}: the stored private key does not match the design's public key; the design wins`);
      return h;
    }
    return { ...h, privateKey: stored.privateKey, publicKey: pub };
  });
  const tunnels = design.tunnels.map((t) => {
    const stored = Object.hasOwn(keys.tunnels, t.id) ? keys.tunnels[t.id] : undefined;
    return stored && t.presharedKey === null ? { ...t, presharedKey: stored.presharedKey } : t;
  });
  return { ...design, hosts, tunnels };
}

/** Writes every secret of the completed design to the keys file, readable by its owner only. */
export function writeKeys(path: string, design: Design): void {
  const file: KeysFile = { format: 'wg-designer-keys/1', hosts: {}, tunnels: {} };
  for (const h of design.hosts) if (h.privateKey !== null) file.hosts[h.id] = { privateKey: h.privateKey };
  for (const t of design.tunnels) if (t.presharedKey !== null) file.tunnels[t.id] = { presharedKey: t.presharedKey };
  writeAtomic(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
}
