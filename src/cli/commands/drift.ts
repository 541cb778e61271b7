import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DriftInputError, buildPlan, completeDesign, detectDrift, formatDriftFinding, plural, seededRandom } from '../../engine';
import type { CollectedFleet, Design } from '../../engine';
import { CliError } from '../io';
import { keysPathFor, mergeKeys, readKeys } from '../keys-file';
import { loadDesign } from '../load-design';

export interface DriftArgs {
  design: string;
  live: string | undefined;
  keys: string | undefined;
  json: boolean;
}

/** collect.sh writes a few small files; anything this large is not one of them. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * `drift design.json --live DIR [--json]`: compares the running network, as each host's collect.sh wrote it into
 * DIR/<host>/, with the design. Exit 0 when nothing differs, 1 on drift, 2 when the design or a collected file cannot
 * be read (one line naming the path). The keys file beside the design gives the public keys of hosts whose private
 * key it holds; a key the design does not know is matched by AllowedIPs instead.
 */
export function runDrift(args: DriftArgs, out: (s: string) => void, log: (s: string) => void): number {
  if (args.live === undefined) throw new CliError('drift needs --live <folder holding one folder per host, as collect.sh writes them>', 2);
  const design = withKeys(readDesign(args.design), args.keys ?? keysPathFor(args.design), log);
  // Addresses the export pinned are in the design; completion without keys only allocates what is still missing.
  const plan = buildPlan(completeDesign(design, { random: seededRandom(0), keys: false }).design);
  let findings;
  try {
    findings = detectDrift(plan, readFleet(args.live));
  } catch (e) {
    if (e instanceof DriftInputError) throw new CliError(join(args.live, e.message), 2);
    throw e;
  }
  const hosts = new Set(findings.map((f) => f.host));
  if (args.json) {
    out(JSON.stringify({ design: design.name, drift: findings.length > 0, findings }, null, 2));
  } else {
    for (const f of findings) out(formatDriftFinding(f));
    out(findings.length === 0
      ? `${args.live}: no drift, ${plural(plan.hosts.filter((h) => !h.external).length, 'host')} as designed`
      : `${args.live}: ${plural(findings.length, 'difference')} on ${plural(hosts.size, 'host')}`);
  }
  return findings.length > 0 ? 1 : 0;
}

function readDesign(path: string): Design {
  try {
    return loadDesign(path);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.message, 2);
    throw e;
  }
}

function withKeys(design: Design, path: string, log: (s: string) => void): Design {
  try {
    return mergeKeys(design, readKeys(path), (m) => log(`warning: ${m}`));
  } catch (e) {
    // An encrypted keys file: compare what the design itself knows (public keys of host custody, AllowedIPs).
    if (e instanceof CliError && !existsSync(path)) {
      log(`warning: ${e.message}; peers whose key only that file holds are matched by AllowedIPs`);
      return design;
    }
    throw new CliError(e instanceof Error ? e.message : String(e), 2);
  }
}

/** DIR/<host>/<file> as text, every regular file of every folder. */
function readFleet(dir: string): CollectedFleet {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: no such folder (the folder holding one folder per host, as collect.sh writes them)`, 2);
  const fleet: Record<string, Record<string, string>> = {};
  for (const host of readdirSync(dir, { withFileTypes: true })) {
    if (!host.isDirectory()) continue;
    const files: Record<string, string> = {};
    for (const file of readdirSync(join(dir, host.name), { withFileTypes: true })) {
      if (!file.isFile()) continue;
      const path = join(dir, host.name, file.name);
      if (statSync(path).size > MAX_FILE_BYTES) throw new CliError(`${path}: larger than ${MAX_FILE_BYTES} bytes, not a file collect.sh writes`, 2);
      files[file.name] = readFileSync(path, 'utf8');
    }
    fleet[host.name] = files;
  }
  return fleet;
}
