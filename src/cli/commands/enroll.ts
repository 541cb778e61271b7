import { custodyOf, decodeKey, plural } from '../../engine';
import type { Design } from '../../engine';
import { setPublicKeysInFile } from '../enroll-file';
import { readEnrollFile } from '../enroll-input';
import type { EnrollEntry } from '../enroll-input';
import { CliError } from '../io';
import { loadDesign } from '../load-design';

export interface EnrollArgs {
  design: string;
  host?: string;
  publicKey?: string;
  file?: string;
  /** Take a new key for a host that already has one (its key changed on the host). */
  replace: boolean;
}

/**
 * `enroll design.json --host pg-1 --public-key KEY` or `--file keys.txt`: records the public keys that hosts in
 * `host` custody made for themselves, so the next export gives every peer a [Peer] section for them. Only those
 * `publicKey` fields of the design file change. Every entry is checked first; any problem changes nothing.
 */
export function runEnroll(args: EnrollArgs, log: (s: string) => void): number {
  const entries = entriesOf(args);
  const design = loadDesign(args.design);
  const problems = entries.flatMap((e) => problemsOf(design, entries, e, args.replace).map((p) => `${e.where}: ${p}`));
  if (problems.length > 0) throw new CliError(`nothing was enrolled:\n  ${problems.join('\n  ')}`);
  const changes = new Map<string, string>();
  for (const e of entries) {
    const was = design.hosts.find((h) => h.id === e.host)?.publicKey ?? null;
    if (was === e.publicKey) {
      log(`${e.host}: already enrolled with ${e.publicKey}; unchanged`);
    } else if (!changes.has(e.host)) {
      changes.set(e.host, e.publicKey);
      log(`${e.host}: ${was === null ? 'enrolled' : `replaced ${was} with`} ${e.publicKey}`);
    }
  }
  if (changes.size === 0) return 0;
  const { reformatted } = setPublicKeysInFile(args.design, changes);
  log(`wrote ${plural(changes.size, 'public key')} into ${args.design} (only "publicKey" fields${reformatted ? '; the file was rewritten as 2-space JSON' : ''}); export again and run install.sh on those hosts and their peers`);
  return 0;
}

function entriesOf(args: EnrollArgs): EnrollEntry[] {
  if (args.file !== undefined) {
    if (args.host !== undefined || args.publicKey !== undefined) throw new CliError('enroll takes either --file or --host with --public-key, not both', 2);
    return readEnrollFile(args.file);
  }
  if (args.host === undefined || args.publicKey === undefined) throw new CliError('enroll needs --host <id> --public-key <key>, or --file <keys.txt>', 2);
  return [{ host: args.host, publicKey: args.publicKey, where: `--host ${args.host}` }];
}

/** Why one entry cannot be enrolled, in words that say what to do; empty when it can. */
function problemsOf(design: Design, entries: readonly EnrollEntry[], e: EnrollEntry, replace: boolean): string[] {
  try {
    decodeKey(e.publicKey);
  } catch (err) {
    return [`--public-key of ${e.host} is not a WireGuard public key (${(err as Error).message}): copy the 44-character key install.sh printed`];
  }
  const host = design.hosts.find((h) => h.id === e.host);
  if (!host) return [`no host "${e.host}" in the design`];
  if (host.external) return [`host ${e.host} is external: the design only records its public key ("publicKey"); enroll is for hosts that run install.sh`];
  if (custodyOf(design.network, host) !== 'host') {
    return [`host ${e.host} is in "bundle" custody (wg-designer makes its key): set "keys": "host" on the host (or on the network) for it to keep its own, then enroll`];
  }
  const owner = design.hosts.find((h) => h.id !== e.host && h.publicKey === e.publicKey)
    ?? entries.find((o) => o.host !== e.host && o.publicKey === e.publicKey);
  if (owner) return [`${e.publicKey} is already the public key of host ${'id' in owner ? owner.id : owner.host}: two hosts cannot share one (WireGuard names a peer by its key)`];
  const twice = entries.find((o) => o.host === e.host && o.publicKey !== e.publicKey);
  if (twice) return [`host ${e.host} is given two different keys (also at ${twice.where})`];
  if (host.publicKey !== null && host.publicKey !== e.publicKey && !replace) {
    return [`host ${e.host} already has public key ${host.publicKey}: add --replace if its key changed on the host (then every peer needs the new bundle)`];
  }
  return [];
}
