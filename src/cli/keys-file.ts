import { existsSync } from 'node:fs';
import { ID_PATTERN, custodyOf, isKey, publicKeyOf } from '../engine';
import type { Design } from '../engine';
import { CliError, readText, writeAtomic } from './io';

type HostKeys = Record<string, { privateKey: string }>;
type TunnelKeys = Record<string, { presharedKey: string }>;

/** New keys made by `rotate`, not yet in use: adopted by `rotate --finish`, dropped by `rotate --abort`. */
export interface PendingRotation {
  /** The agreed cut-over instant (UTC, as the scripts write it). */
  at: string;
  hosts: HostKeys;
  tunnels: TunnelKeys;
  /** Hosts in `host` custody: the public key of the next key each made (next-key.sh); its private key stays there. */
  ownKeys?: Record<string, { publicKey: string }>;
}

/**
 * The secrets that live beside a design (`design.keys.json`, mode 600) so the design itself can go into git:
 * private keys by host id, preshared keys by tunnel id. Re-exporting reads them back, so no key changes. A
 * pending rotation sits in `rotation` beside the current keys; files written before it existed still load.
 */
export interface KeysFile {
  format: 'wg-designer-keys/1';
  hosts: HostKeys;
  tunnels: TunnelKeys;
  rotation?: PendingRotation;
}

/** `orders.json` -> `orders.keys.json`. */
export function keysPathFor(designPath: string): string {
  return designPath.replace(/(\.json)?$/i, '.keys.json');
}

/** Reads the keys file if there is one; a damaged one is an error, never silently replaced. */
export function readKeys(path: string): KeysFile {
  if (!existsSync(path)) {
    // An encrypted keys file is not "no keys": reading none would make new keys for every host.
    for (const ext of ['age', 'vault']) {
      if (existsSync(`${path}.${ext}`)) {
        throw new CliError(`${path}.${ext} holds the keys encrypted: only export reads it; decrypt it (age -d, ansible-vault view) for this command`);
      }
    }
    return { format: 'wg-designer-keys/1', hosts: {}, tunnels: {} };
  }
  return parseKeysFile(path, readText(path));
}

/** A keys file's text, checked; `path` names it in errors. */
export function parseKeysFile(path: string, text: string): KeysFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError(`${path} is not JSON; fix or move it (it holds private keys, so it is never overwritten)`);
  }
  const file = raw as Partial<KeysFile>;
  if (file.format !== 'wg-designer-keys/1') throw new CliError(`${path}: format must be "wg-designer-keys/1"`);
  const out: KeysFile = { format: 'wg-designer-keys/1', hosts: hostKeys(path, 'hosts', file.hosts), tunnels: tunnelKeys(path, 'tunnels', file.tunnels) };
  const r = file.rotation;
  if (r !== undefined) {
    if (typeof r?.at !== 'string' || Number.isNaN(Date.parse(r.at))) throw new CliError(`${path}: rotation.at is not a time`);
    out.rotation = { at: r.at, hosts: hostKeys(path, 'rotation.hosts', r.hosts), tunnels: tunnelKeys(path, 'rotation.tunnels', r.tunnels) };
    if (r.ownKeys !== undefined) out.rotation.ownKeys = ownKeys(path, r.ownKeys);
  }
  return out;
}

function hostKeys(path: string, where: string, raw: HostKeys | undefined): HostKeys {
  const out: HostKeys = {};
  for (const [id, v] of Object.entries(raw ?? {})) {
    // Ids are [a-z0-9-]; anything else (such as "__proto__") cannot be ours.
    if (!ID_PATTERN.test(id)) throw new CliError(`${path}: ${where}.${JSON.stringify(id)} is not a host id`);
    if (!isKey(v?.privateKey ?? '')) throw new CliError(`${path}: ${where}.${id}.privateKey is not a WireGuard key`);
    out[id] = { privateKey: v.privateKey };
  }
  return out;
}

function ownKeys(path: string, raw: Record<string, { publicKey: string }>): Record<string, { publicKey: string }> {
  const out: Record<string, { publicKey: string }> = {};
  for (const [id, v] of Object.entries(raw)) {
    if (!ID_PATTERN.test(id)) throw new CliError(`${path}: rotation.ownKeys.${JSON.stringify(id)} is not a host id`);
    if (!isKey(v?.publicKey ?? '')) throw new CliError(`${path}: rotation.ownKeys.${id}.publicKey is not a WireGuard key`);
    out[id] = { publicKey: v.publicKey };
  }
  return out;
}

function tunnelKeys(path: string, where: string, raw: TunnelKeys | undefined): TunnelKeys {
  const out: TunnelKeys = {};
  for (const [id, v] of Object.entries(raw ?? {})) {
    if (!ID_PATTERN.test(id)) throw new CliError(`${path}: ${where}.${JSON.stringify(id)} is not a tunnel id`);
    if (!isKey(v?.presharedKey ?? '')) throw new CliError(`${path}: ${where}.${id}.presharedKey is not a WireGuard key`);
    out[id] = { presharedKey: v.presharedKey };
  }
  return out;
}

/**
 * Puts stored keys into the design where it has none; a host whose public key moved on keeps the design's key. A
 * host in `host` custody takes nothing from the file: its key is the one it made, enrolled into the design, and the
 * next write of the keys file drops what was stored for it.
 */
export function mergeKeys(design: Design, keys: KeysFile, warn: (msg: string) => void): Design {
  const hosts = design.hosts.map((h) => {
    const stored = Object.hasOwn(keys.hosts, h.id) ? keys.hosts[h.id] : undefined;
    if (stored && !h.external && custodyOf(design.network, h) === 'host') {
      warn(`host ${h.id} keeps its own key ("keys": "host"): the private key stored for it is not used and is removed from the keys file`);
      return h;
    }
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

/** The design with a pending rotation's keys in place of the current ones (what `rotate --finish` adopts). */
export function adoptPending(design: Design, pending: PendingRotation): Design {
  const hosts = design.hosts.map((h) => {
    const k = Object.hasOwn(pending.hosts, h.id) ? pending.hosts[h.id] : undefined;
    if (k) return { ...h, privateKey: k.privateKey, publicKey: publicKeyOf(k.privateKey) };
    const own = pending.ownKeys && Object.hasOwn(pending.ownKeys, h.id) ? pending.ownKeys[h.id] : undefined;
    return own ? { ...h, privateKey: null, publicKey: own.publicKey } : h;
  });
  const tunnels = design.tunnels.map((t) => {
    const k = Object.hasOwn(pending.tunnels, t.id) ? pending.tunnels[t.id] : undefined;
    return k ? { ...t, presharedKey: k.presharedKey } : t;
  });
  return { ...design, hosts, tunnels };
}

/** Writes every secret of the completed design to the keys file, readable by its owner only, with any pending rotation. */
export function writeKeys(path: string, design: Design, rotation: PendingRotation | null = null): void {
  writeKeysFile(path, keysOf(design, rotation));
}

/** Every secret of the completed design as a keys file, with any pending rotation. */
export function keysOf(design: Design, rotation: PendingRotation | null = null): KeysFile {
  const file: KeysFile = { format: 'wg-designer-keys/1', hosts: {}, tunnels: {} };
  for (const h of design.hosts) if (h.privateKey !== null) file.hosts[h.id] = { privateKey: h.privateKey };
  for (const t of design.tunnels) if (t.presharedKey !== null) file.tunnels[t.id] = { presharedKey: t.presharedKey };
  if (rotation !== null) file.rotation = rotation;
  return file;
}

/** Writes a keys file as it is (mode 600). */
export function writeKeysFile(path: string, file: KeysFile): void {
  writeAtomic(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
}
