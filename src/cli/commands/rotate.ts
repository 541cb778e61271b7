import { RotationError, completeDesign, cryptoRandom, rotateKeys, zipBundle } from '../../engine';
import { CliError, readText, writeAtomic } from '../io';
import { keysPathFor, mergeKeys, readKeys, writeKeys } from '../keys-file';
import { loadDesign } from '../load-design';
import { NODE_ZIP_CODEC } from '../node-codecs';

export interface RotateArgs {
  design: string;
  hosts: string[];
  all: boolean;
  output: string;
  keys?: string;
}

/**
 * `rotate design.json --host pg-1 -o rotation.zip`: new keys for the named hosts (or --all), the staged scripts,
 * and the keys file updated. Public keys pinned in the design file are updated in place, nothing else in it.
 */
export async function runRotate(args: RotateArgs, log: (s: string) => void): Promise<number> {
  const keysPath = args.keys ?? keysPathFor(args.design);
  const loaded = mergeKeys(loadDesign(args.design), readKeys(keysPath), (m) => log(`warning: ${m}`));
  const missing = loaded.hosts.filter((h) => !h.external && h.privateKey === null && h.publicKey !== null);
  const design = completeDesign(loaded, { random: cryptoRandom, keys: true }).design;
  const ids = args.all ? design.hosts.filter((h) => !h.external && !missing.includes(h)).map((h) => h.id) : args.hosts;
  if (ids.length === 0) throw new CliError('rotate needs --host <id> (repeatable) or --all', 2);
  let rotation;
  try {
    rotation = rotateKeys(design, ids, cryptoRandom);
  } catch (e) {
    if (e instanceof RotationError) throw new CliError(e.message);
    throw e;
  }
  writeAtomic(args.output, await zipBundle(rotation.files, 'rotation', NODE_ZIP_CODEC), 0o600);
  writeKeys(keysPath, rotation.design);
  pinPublicKeys(args.design, new Map(rotation.design.hosts.map((h) => [h.id, h.publicKey])), new Set(rotation.rotated));
  log(`wrote ${args.output}: rotation of ${rotation.rotated.join(', ')}; follow its README step by step. New keys are in ${keysPath}.`);
  return 0;
}

/** Rewrites only the `publicKey` of rotated hosts that the design file pins, so a git diff shows just those. */
function pinPublicKeys(path: string, keys: ReadonlyMap<string, string | null>, rotated: ReadonlySet<string>): void {
  const raw = JSON.parse(readText(path)) as { hosts?: Array<{ id?: unknown; publicKey?: unknown }> };
  let changed = false;
  for (const h of raw.hosts ?? []) {
    if (typeof h.id !== 'string' || !rotated.has(h.id) || typeof h.publicKey !== 'string') continue;
    h.publicKey = keys.get(h.id) ?? h.publicKey;
    changed = true;
  }
  if (changed) writeAtomic(path, `${JSON.stringify(raw, null, 2)}\n`);
}
