import { statSync } from 'node:fs';
import {
  NEXT_KEY_PREFIX, RotationError, completeDesign, nextKeyProblem, cryptoRandom, defaultCutOverTime, hostCustodyHosts, parseCutOverTime, rotateKeys,
  zipBundle,
} from '../../engine';
import type { Design, QosOptions, Rotation } from '../../engine';
import { CliError, readText, requireFolderOf, writeAtomic } from '../io';
import { adoptPending, keysPathFor, mergeKeys, readKeys, writeKeys, writeKeysFile } from '../keys-file';
import type { PendingRotation } from '../keys-file';
import { readKeyLines } from '../enroll-input';
import type { EnrollEntry } from '../enroll-input';
import { loadDesign } from '../load-design';
import { NODE_ZIP_CODEC } from '../node-codecs';
import { runExport } from './export';

export interface RotateArgs {
  design: string;
  hosts: string[];
  all: boolean;
  /** The rotation zip (start), or the old-state bundle (--abort). */
  output?: string;
  keys?: string;
  /** `--at`: the cut-over instant, ISO-8601 UTC. */
  at?: string;
  /** `--public-key`: the next key of the one `--host`, in `host` custody (what its next-key.sh printed). */
  publicKey?: string;
  /** `--next-keys`: a file of `host-id public-key` lines, next-key.sh's output from several hosts. */
  nextKeys?: string;
  finish: boolean;
  abort: boolean;
  firewall: 'nftables' | 'iptables';
  qos: QosOptions | null;
  /** The clock, injected so tests can stand before or after a cut-over. */
  now?: () => Date;
}

/**
 * `rotate design.json --host pg-1 -o rotation.zip [--at T]`: new keys for the named hosts (or --all) and the
 * scripts that cut over to them at T. A host in `host` custody rotates to the key its next-key.sh made, given with
 * `--public-key` or `--next-keys`. The new keys wait in the keys file's `rotation` section: `--finish` adopts
 * them (and the public keys the design file pins), `--abort` drops them and writes a bundle of the old state.
 */
export async function runRotate(args: RotateArgs, log: (s: string) => void): Promise<number> {
  const keysPath = args.keys ?? keysPathFor(args.design);
  const keys = readKeys(keysPath);
  const now = (args.now ?? (() => new Date()))();
  if (args.finish && args.abort) throw new CliError('rotate takes --finish or --abort, not both', 2);
  if (args.finish) return finish(args, keysPath, keys.rotation, now, log);
  if (args.abort) return abort(args, keysPath, keys.rotation, log);
  if (keys.rotation) {
    throw new CliError(`a rotation is pending in ${keysPath} (cut-over at ${keys.rotation.at}): finish it with rotate --finish after step 3, or drop it with rotate --abort -o <bundle.zip>`);
  }
  const output = args.output;
  if (!output) throw new CliError('rotate needs -o <rotation.zip>', 2);
  const loaded = mergeKeys(loadDesign(args.design), keys, (m) => log(`warning: ${m}`));
  // Hosts whose private key is not here (lost, or kept by the host): --all rotates them only with a next key given.
  const missing = new Set(loaded.hosts.filter((h) => !h.external && h.privateKey === null && h.publicKey !== null).map((h) => h.id));
  const design = completeDesign(loaded, { random: cryptoRandom, keys: true }).design;
  // Hosts in host custody make their own next key on the host: --all leaves them out and says how.
  const next = nextKeysOf(args, design);
  const own = new Set(hostCustodyHosts(design).filter((id) => !next.has(id)));
  const ids = args.all ? design.hosts.filter((h) => !h.external && (next.has(h.id) || !missing.has(h.id)) && !own.has(h.id)).map((h) => h.id) : args.hosts;
  if (args.all && own.size > 0) {
    log(`not rotating ${[...own].join(', ')}: they keep their own keys ("keys": "host") and make their next one on the host with next-key.sh; give the keys it prints with --next-keys <file>`);
  }
  if (ids.length === 0) throw new CliError(args.all ? 'rotate --all: every host keeps its own key ("keys": "host"): run next-key.sh on each and give the keys it prints with --next-keys <file>' : 'rotate needs --host <id> (repeatable) or --all', args.all ? 1 : 2);
  let rotation: Rotation;
  try {
    const at = args.at === undefined ? defaultCutOverTime(now) : parseCutOverTime(args.at, now);
    rotation = rotateKeys(design, ids, cryptoRandom, at, next);
  } catch (e) {
    if (e instanceof RotationError) throw new CliError(e.message, e.message.startsWith('--at') ? 2 : 1);
    throw e;
  }
  writeAtomic(output, await zipBundle(rotation.files, 'rotation', NODE_ZIP_CODEC), 0o600);
  writeKeys(keysPath, design, pendingOf(rotation));
  log(`wrote ${output}: rotation of ${rotation.rotated.join(', ')}, cut-over at ${rotation.at}; follow its README step by step.`);
  log(`The new keys are pending in ${keysPath}: after step 3 on every host run rotate --finish (or --abort to drop them).`);
  return 0;
}

/**
 * The next public keys of hosts in `host` custody, from `--public-key` (with one --host) or `--next-keys <file>`,
 * each checked against the design with the option or file line it came from named; any problem rotates nothing.
 */
function nextKeysOf(args: RotateArgs, design: Design): Map<string, string> {
  let entries: EnrollEntry[] = [];
  if (args.publicKey !== undefined) {
    if (args.nextKeys !== undefined) throw new CliError('rotate takes --public-key (with one --host) or --next-keys <file>, not both', 2);
    if (args.hosts.length !== 1 || args.all) throw new CliError('--public-key goes with exactly one --host: for several hosts give --next-keys <file> of "host-id public-key" lines', 2);
    entries = [{ host: args.hosts[0] ?? '', publicKey: args.publicKey, where: '--public-key' }];
  } else if (args.nextKeys !== undefined) {
    entries = readKeyLines(args.nextKeys, `${NEXT_KEY_PREFIX}`, 'nothing was rotated');
  }
  const keys = new Map<string, string>();
  const problems: string[] = [];
  for (const e of entries) {
    if (keys.has(e.host) && keys.get(e.host) !== e.publicKey) problems.push(`${e.where}: ${e.host} is given two different next keys`);
    keys.set(e.host, e.publicKey);
  }
  for (const e of entries) {
    const problem = nextKeyProblem(design, e.host, keys);
    if (problem !== null) problems.push(`${e.where}: ${problem}`);
    else if (!args.all && !args.hosts.includes(e.host)) problems.push(`${e.where}: ${e.host} is not among the --host options: add --host ${e.host} or --all`);
  }
  if (problems.length > 0) throw new CliError(`nothing was rotated:\n  ${problems.join('\n  ')}`);
  return keys;
}

/** The new secrets of a rotation, as the keys file keeps them until --finish or --abort. */
function pendingOf(rotation: Rotation): PendingRotation {
  const pending: PendingRotation = { at: rotation.at, hosts: {}, tunnels: {} };
  for (const h of rotation.design.hosts) if (rotation.rotated.includes(h.id) && h.privateKey !== null) pending.hosts[h.id] = { privateKey: h.privateKey };
  for (const t of rotation.design.tunnels) if (rotation.tunnels.includes(t.id) && t.presharedKey !== null) pending.tunnels[t.id] = { presharedKey: t.presharedKey };
  for (const h of rotation.design.hosts) {
    if (!rotation.rotated.includes(h.id) || h.privateKey !== null || h.publicKey === null) continue;
    pending.ownKeys ??= {};
    pending.ownKeys[h.id] = { publicKey: h.publicKey };
  }
  return pending;
}

function noneMessage(keysPath: string): string {
  return `no rotation is pending in ${keysPath}`;
}

/** Adopts the pending keys once the cut-over time has passed; updates the public keys the design file pins. */
function finish(args: RotateArgs, keysPath: string, pending: PendingRotation | undefined, now: Date, log: (s: string) => void): number {
  if (!pending) throw new CliError(noneMessage(keysPath));
  if (now.getTime() < Date.parse(pending.at)) {
    throw new CliError(`the cut-over is at ${pending.at}: run rotate --finish after it and after step 3 on every host`);
  }
  const design: Design = adoptPending(mergeKeys(loadDesign(args.design), readKeys(keysPath), (m) => log(`warning: ${m}`)), pending);
  writeKeys(keysPath, design);
  const rotated = new Set([...Object.keys(pending.hosts), ...Object.keys(pending.ownKeys ?? {})]);
  pinPublicKeys(args.design, new Map(design.hosts.map((h) => [h.id, h.publicKey])), rotated);
  log(`rotation finished: ${[...rotated].join(', ')} and ${Object.keys(pending.tunnels).length} preshared keys now in use (${keysPath})`);
  return 0;
}

/** Drops the pending keys and writes the bundle of the state in use, to put every host back with. */
async function abort(args: RotateArgs, keysPath: string, pending: PendingRotation | undefined, log: (s: string) => void): Promise<number> {
  if (!pending) throw new CliError(noneMessage(keysPath));
  if (!args.output) throw new CliError('rotate --abort needs -o <bundle.zip> for the bundle of the old keys', 2);
  requireFolderOf(args.output);
  const keys = readKeys(keysPath);
  writeKeysFile(keysPath, { format: keys.format, hosts: keys.hosts, tunnels: keys.tunnels });
  log(`rotation aborted: the keys of the cut-over at ${pending.at} are dropped from ${keysPath}`);
  const code = await runExport({ design: args.design, output: args.output, keys: keysPath, force: false, firewall: args.firewall, qos: args.qos }, log);
  if (code === 0) log(`install ${args.output} (the old keys) on every host the rotation touched: run cancel.sh there first if steps 1-2 ran`);
  return code;
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
  // The file keeps its mode: a design kept private (0600/0640) must not come back world-readable.
  if (changed) writeAtomic(path, `${JSON.stringify(raw, null, 2)}\n`, statSync(path).mode & 0o777);
}
