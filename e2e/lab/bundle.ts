import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { formatFieldError, parseDesignText, parseWgQuick, publicKeyOf } from '../../src/engine';
import type { Design } from '../../src/engine';
import { must } from '../../src/cli/prove/netns';
import { runCommand } from '../../src/cli/prove/run-command';

/** What the lab reads back from one host's folder. */
export interface BundleHost {
  folder: string;
  /** The interface MTU the engine computed, from wg0.conf. */
  mtu: number;
  publicKey: string | null;
}

/** An exported, unzipped bundle, and the design as the bundle's design.json holds it (addresses allocated). */
export interface LabBundle {
  designPath: string;
  keysPath: string;
  root: string;
  design: Design;
  hosts: Map<string, BundleHost>;
  /** Every path in the bundle, relative to its top folder (for scripts that may or may not be there). */
  files: string[];
}

/**
 * Exports a design the way a user does, with the CLI (`wg-designer export design.json -o <name>.zip`), and unzips
 * it with `unzip`, which keeps the modes the zip carries (an install.sh that is not executable shows up here).
 * The design goes to `dir/design.json`, where the CLI keeps its keys file beside it: a later export of an edited
 * design in the same folder keeps every key, as it does for a user.
 */
export async function exportBundle(designJson: unknown, dir: string, cli: string, name = 'bundle', args: readonly string[] = []): Promise<LabBundle> {
  const designPath = `${dir}/design.json`;
  writeFileSync(designPath, `${JSON.stringify(designJson, null, 2)}\n`);
  return reexport(dir, cli, name, args);
}

/** `wg-designer export` of the design already in `dir` (edited by the CLI meanwhile, e.g. `enroll`). */
export async function reexport(dir: string, cli: string, name: string, args: readonly string[] = []): Promise<LabBundle> {
  const designPath = `${dir}/design.json`;
  await must(runCommand('node', [cli, 'export', designPath, '-o', `${dir}/${name}.zip`, ...args], '', 60_000), 'wg-designer export');
  return readBundle(`${dir}/${name}.zip`, dir, name);
}

/** Unzips a bundle made by the CLI (`export`, `rotate --abort`) into `dir/name` and reads it back. */
export async function readBundle(zip: string, dir: string, name: string): Promise<LabBundle> {
  const designPath = `${dir}/design.json`;
  await must(runCommand('unzip', ['-q', zip, '-d', `${dir}/${name}`]), 'unzip');
  const [top] = readdirSync(`${dir}/${name}`);
  if (top === undefined) throw new Error(`${zip} is empty`);
  const root = `${dir}/${name}/${top}`;
  const parsed = parseDesignText(readFileSync(`${root}/design.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`the bundle's design.json does not parse: ${parsed.errors.map(formatFieldError).join('; ')}`);
  const hosts = new Map<string, BundleHost>();
  for (const h of parsed.value.hosts) {
    if (h.external) continue;
    const folder = `${root}/${h.id}`;
    if (!existsSync(`${folder}/wg0.conf`)) throw new Error(`the bundle has no ${h.id}/wg0.conf`);
    const conf = parseWgQuick(readFileSync(`${folder}/wg0.conf`, 'utf8'), `${h.id}/wg0.conf`);
    if (conf.iface.mtu === null) throw new Error(`${h.id}/wg0.conf has no MTU`);
    // A host that keeps its own key, or gets it from a secrets backend, has no PrivateKey here: its public key is
    // the design's (null until the host's key is enrolled).
    const publicKey = conf.iface.privateKey !== null ? publicKeyOf(conf.iface.privateKey) : h.publicKey;
    hosts.set(h.id, { folder, mtu: conf.iface.mtu, publicKey });
  }
  return { designPath, keysPath: `${dir}/design.keys.json`, root, design: parsed.value, hosts, files: listFiles(root, '') };
}

function listFiles(root: string, sub: string): string[] {
  return readdirSync(`${root}/${sub}`, { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(root, rel) : [rel];
  });
}

/** The host's public key as the bundle has it; a host whose key is not enrolled yet cannot be checked. */
export function knownKey(id: string, host: BundleHost): string {
  if (host.publicKey === null) throw new Error(`${id}: the bundle has no public key for it (not enrolled)`);
  return host.publicKey;
}
