import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CliError, requireFolderOf, writeAtomic } from '../io';
import { installPackages } from '../prove/install-packages';
import { junitReport } from '../prove/junit-report';
import { leftovers } from '../prove/leftovers';
import { Namespaces, PROVE_NETNS_PREFIX } from '../prove/netns';
import { cleanUpOnSignals } from '../prove/on-signals';
import { missingPrerequisites, missingText } from '../prove/prerequisites';
import { proveInput } from '../prove/prove-input';
import { mismatches } from '../prove/prove-report';
import { proveBundle } from '../prove/prove-run';
import { newRunId } from '../prove/run-id';
import { tapReport } from '../prove/tap-report';
import { truthTable } from '../prove/truth-table';

export interface ProveArgs {
  /** A design file, or the folder of an exported bundle (with its design.json). */
  path: string;
  junit?: string;
  tap: boolean;
  install: boolean;
}

/**
 * `prove design.json|bundle-folder`: the bundle brought up in network namespaces on this machine, every cell of the
 * reachability matrix probed and compared with the engine's. Prints the truth table (TAP instead with `--tap`,
 * the table then going to stderr), writes JUnit XML with `--junit`. Exit 0 all as designed, 1 any mismatch, 2 bad
 * input or missing prerequisites (root, Debian packages: installed only with `--install`).
 */
export async function runProve(args: ProveArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.junit !== undefined) {
    try {
      requireFolderOf(args.junit);
    } catch (e) {
      throw e instanceof CliError ? new CliError(e.message, 2) : e;
    }
  }
  const say = (s: string) => err(`prove: ${s}`);
  const workDir = mkdtempSync(`${tmpdir()}/wgd-prove-`);
  const runId = newRunId();
  const nss = new Namespaces(runId, PROVE_NETNS_PREFIX);
  const removeWork = () => rmSync(workDir, { recursive: true, force: true });
  // From here on Ctrl-C also removes the work folder: a design's bundle there holds this run's private keys.
  const stopHandling = cleanUpOnSignals(nss, removeWork, say);
  try {
    const input = await proveInput(args.path, workDir);
    await prerequisites(input.iptables, args.install, say);
    say(`run ${runId}: namespaces ${PROVE_NETNS_PREFIX}${runId}-*`);
    const report = await proveBundle(input, nss, workDir, say)
      .catch((e: unknown) => {
        // A bundle that does not come up (install.sh refuses a hand-edited firewall, a DNS endpoint) is the input's fault.
        throw e instanceof CliError ? e : new CliError(`the bundle did not come up: ${e instanceof Error ? e.message : String(e)}`, 2);
      })
      .finally(() => tearDown(nss, runId));
    const table = truthTable(report);
    if (args.tap) {
      err(table);
      out(tapReport(report));
    } else {
      out(table);
    }
    if (args.junit !== undefined) writeAtomic(args.junit, junitReport(report));
    return mismatches(report).length > 0 ? 1 : 0;
  } finally {
    stopHandling();
    removeWork();
  }
}

/** Kills what runs in the run's namespaces and deletes them; fails loudly if anything of the run is left. */
async function tearDown(nss: Namespaces, runId: string): Promise<void> {
  const problems = await nss.removeAll();
  const left = await leftovers(runId, PROVE_NETNS_PREFIX);
  if (problems.length + left.length > 0) throw new Error(`cleanup failed: ${[...problems, ...left].join('; ')}`);
}

async function prerequisites(iptables: boolean, install: boolean, say: (s: string) => void): Promise<void> {
  const uid = process.getuid?.() ?? 0;
  let missing = missingPrerequisites(uid, process.env.PATH ?? '', iptables);
  if (install && !missing.root && missing.packages.length > 0) {
    const failed = await installPackages(missing.packages, say);
    if (failed) throw new CliError(failed, 2);
    missing = missingPrerequisites(uid, process.env.PATH ?? '', iptables);
  }
  const text = missingText(missing);
  if (text) throw new CliError(text, 2);
}
