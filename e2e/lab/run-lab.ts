// `npm run test:lab`: every fixture design exported with the CLI and deployed on real WireGuard (wireguard-go),
// real nftables and real PostgreSQL in network namespaces; prints one table row per design and exits non-zero
// on any failure. Then a few fixtures again with other key custody (host keys, age, Ansible Vault); `custody` or a
// variant's name as an argument runs only those. Writes .tmp/lab-summary.json for `npm test`'s count.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FIXTURES } from '../../src/engine/__fixtures__';
import { CUSTODY_VARIANTS, variantDesign } from './custody-variants';
import { leftovers } from '../../src/cli/prove/leftovers';
import { labPrerequisites } from './prerequisites';
import { LAB_NETNS_PREFIX, Namespaces } from '../../src/cli/prove/netns';
import { makeTemplate } from './postgres';
import { countChecks, renderFailures, renderOutages, renderTable } from './report-table';
import type { DesignResult } from './results';
import { runDesign } from './run-design';

const SUMMARY = '.tmp/lab-summary.json';

async function main(): Promise<number> {
  const started = Date.now();
  const only = process.argv.slice(2);
  const names = Object.keys(FIXTURES).filter((n) => only.length === 0 || only.includes(n));
  const variants = CUSTODY_VARIANTS.filter((v) => only.length === 0 || only.includes(v.name) || only.includes('custody'));
  const missing = labPrerequisites();
  if (missing.length > 0) return finish([], started, `the lab cannot run: missing ${missing.join(', ')} (scripts/system-deps.sh, as root)`);
  const tag = `${process.pid.toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const workRoot = mkdtempSync(`${tmpdir()}/wgd-lab-`);
  // The postgres user must reach its data directories below this one.
  chmodSync(workRoot, 0o755);
  onSignal(tag, workRoot);
  const log = (s: string) => process.stdout.write(`lab: ${s}\n`);
  const designs: DesignResult[] = [];
  try {
    const pgTemplate = await makeTemplate(workRoot);
    for (const [i, name] of names.entries()) {
      log(`${name}: starting`);
      const result = await runDesign({
        name, json: FIXTURES[name], tag: `${tag}-d${i}`, workDir: `${workRoot}/${name}`, cli: 'bin/wg-designer.mjs', pgTemplate,
      }, log);
      log(`${name}: ${result.error ? 'ERROR' : 'done'} in ${result.seconds.toFixed(0)} s`);
      designs.push(result);
    }
    for (const [i, variant] of variants.entries()) {
      log(`${variant.name}: starting`);
      const result = await runDesign({
        name: variant.name, json: variantDesign(FIXTURES[variant.fixture], variant), tag: `${tag}-v${i}`,
        workDir: `${workRoot}/variant-${i}`, cli: 'bin/wg-designer.mjs', pgTemplate, variant,
      }, log);
      log(`${variant.name}: ${result.error ? 'ERROR' : 'done'} in ${result.seconds.toFixed(0)} s`);
      designs.push(result);
    }
  } finally {
    if (!process.env.WGD_LAB_KEEP) rmSync(workRoot, { recursive: true, force: true });
  }
  const left = await leftovers(tag, LAB_NETNS_PREFIX);
  return finish(designs, started, left.length > 0 ? `left behind: ${left.join(', ')}` : null);
}

function finish(designs: DesignResult[], started: number, problem: string | null): number {
  const seconds = (Date.now() - started) / 1000;
  const failures = renderFailures(designs);
  if (problem) failures.push(problem);
  for (const f of failures) process.stdout.write(`FAILED ${f}\n`);
  process.stdout.write(`\n${renderTable(designs)}\n\n${renderOutages(designs)}\n\nlab: ${designs.length} designs in ${seconds.toFixed(0)} s; cleanup ${problem ? 'FAILED' : 'ok (no namespace or process left)'}\n`);
  const counts = countChecks(designs);
  if (problem) counts.failed += 1;
  mkdirSync('.tmp', { recursive: true });
  writeFileSync(SUMMARY, `${JSON.stringify({ ...counts, seconds, designs }, null, 2)}\n`);
  return failures.length > 0 || designs.length === 0 ? 1 : 0;
}

/** Ctrl-C or a CI timeout: kill what runs in this run's namespaces and delete them, then exit. */
function onSignal(tag: string, workRoot: string): void {
  const handler = (sig: NodeJS.Signals) => {
    process.stdout.write(`\nlab: ${sig}: cleaning up\n`);
    void (async () => {
      const nss = new Namespaces(tag);
      nss.adopt(await nss.existing());
      await nss.removeAll();
      rmSync(workRoot, { recursive: true, force: true });
      process.exit(130);
    })();
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`lab: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
