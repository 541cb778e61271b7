// export (issue 25): `wg-designer export` of 1,000, 5,000 and 20,000 hub-and-spoke hosts as a whole process (time,
// peak RSS, zip size; the 20,000-host bundle checked with `unzip -t` and its keys file counted); the page worker's
// engine in process where it is cheap (1,000 hub-and-spoke hosts, a 100-host mesh); and share-link lengths.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBundle } from '../src/engine/bundle/export-bundle';
import { PORTABLE_CODEC } from '../src/engine/bundle/zip';
import { cryptoRandom, resetX25519 } from '../src/engine/keys';
import { encodeShareFragment, SHARE_WARN_CHARS } from '../src/engine/share';
import { formatFieldError } from '../src/engine/model/parse-design';
import { generateDesign, generateInput } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { timeProcess, timeRuns } from './measure';
import type { Budget, Row } from './table';

const CLI = join(process.cwd(), 'bin/wg-designer.mjs');
const count = (n: number) => n.toLocaleString('en-US');

/**
 * The CLI's cases: runs per size, so the section stays near two minutes (20,000 hosts take a minute and about
 * 3 GiB on this VM: one run; its figure is that run, not a median).
 */
const CLI_CASES: Array<{ hosts: number; runs: number; budget?: Budget }> = [
  { hosts: 1000, runs: 3, budget: { max: 1500 } }, { hosts: 5000, runs: 1 }, { hosts: 20000, runs: 1 },
];

/** The page worker's export (noble + fflate) in this process: only the cases with a budget in the README. */
const ENGINE_CASES: Array<[GeneratedShape, number, Budget]> = [['hub-and-spoke', 1000, { max: 1500 }], ['full-mesh', 100, { max: 2000 }]];

/** The 20,000-host bundle must be whole: `unzip -t` passes and the keys file holds a private key for every host. */
function checkBundle(zip: string, keysFile: string, hosts: number): string | null {
  const t = spawnSync('unzip', ['-tq', zip], { encoding: 'utf8' });
  if (t.error) return `unzip: ${t.error.message}`;
  if (t.status !== 0) return `unzip -t failed: ${(t.stdout + t.stderr).trim().split('\n').slice(-2).join(' / ')}`;
  const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as { hosts?: Record<string, { privateKey?: string }> };
  const held = Object.values(keys.hosts ?? {}).filter((h) => typeof h.privateKey === 'string').length;
  return held === hosts ? null : `the keys file holds ${held} private keys for ${hosts} hosts`;
}

function cliFigures(dir: string): Row[] {
  const rows: Row[] = [];
  for (const { hosts, runs, budget } of CLI_CASES) {
    const design = join(dir, `hub-${hosts}.json`);
    const keys = join(dir, `hub-${hosts}.keys.json`);
    const zip = join(dir, `hub-${hosts}.zip`);
    const text = JSON.stringify(generateInput({ shape: 'hub-and-spoke', hosts }));
    const label = `CLI process: hub-and-spoke ${count(hosts)} hosts`;
    try {
      // A fresh design and no keys file each run, as a first export: addresses allocated, every key made.
      const t = timeProcess(process.execPath, [CLI, 'export', design, '-o', zip], {
        runs, before: () => { rmSync(keys, { force: true }); writeFileSync(design, text); },
      });
      const mb = statSync(zip).size / 1e6;
      const once = runs === 1 ? '; 1 run' : `; median of ${runs}`;
      rows.push({
        section: 'export', figure: label, value: t.wallMs, unit: 'ms', ...(budget ? { budget } : {}),
        note: `${(t.cpuMs / 1000).toFixed(1)} s CPU; peak RSS ${count(Math.round(t.peakRssMiB))} MiB; zip ${mb.toFixed(1)} MB${once}`,
      });
      if (hosts === 20000) {
        const broken = checkBundle(zip, keys, hosts);
        rows.push({
          section: 'export', figure: '20,000 hosts: unzip -t passes, every key in the keys file', value: broken ? 0 : 1, unit: '',
          budget: { min: 1 }, note: broken ?? 'ZIP64 archive of 60,000+ entries',
        });
      }
    } catch (e) {
      rows.push({ section: 'export', figure: label, value: null, unit: 'ms', budget: budget ?? { min: 0 }, note: `failed: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}` });
    } finally {
      rmSync(zip, { force: true });
    }
  }
  return rows;
}

async function engineFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  resetX25519();
  for (const [shape, hosts, budget] of ENGINE_CASES) {
    const design = generateDesign({ shape, hosts });
    let zipBytes = 0;
    const { ms, cpuMs } = await timeRuns(async () => {
      zipBytes = (await exportBundle(design, cryptoRandom, {}, PORTABLE_CODEC)).zip.length;
    }, hosts >= 1000 ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 5 });
    rows.push({
      section: 'export', figure: `engine in process: ${shape} ${count(hosts)} hosts`, value: ms, unit: 'ms', budget,
      note: `${cpuMs.toFixed(0)} ms CPU; zip ${(zipBytes / 1e6).toFixed(2)} MB; noble + fflate, as the page worker runs it`,
    });
  }
  return rows;
}

const linkLength = (hosts: number) => {
  const link = encodeShareFragment(generateDesign({ shape: 'hub-and-spoke', hosts }));
  return link.ok ? link.value.length : null;
};

/** The largest hub-and-spoke design whose link stays within the warning threshold (the length grows with hosts). */
function largestFitting(): number {
  let lo = 1;
  let hi = 1000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((linkLength(mid) ?? Infinity) <= SHARE_WARN_CHARS) lo = mid;
    else hi = mid;
  }
  return lo;
}

function shareFigures(): Row[] {
  const fits = largestFitting();
  return [100, 1000].map((hosts) => {
    const figure = `share link, hub-and-spoke ${count(hosts)} hosts`;
    const link = encodeShareFragment(generateDesign({ shape: 'hub-and-spoke', hosts }));
    if (!link.ok) return { section: 'export', figure, value: null, unit: 'chars', note: link.errors.map(formatFieldError).join('; ') };
    const warned = link.value.length > SHARE_WARN_CHARS;
    return {
      section: 'export', figure, value: link.value.length, unit: 'chars',
      // The warning threshold is a budget where a link is the way to share: up to about the size that fits it.
      ...(hosts <= fits ? { budget: { max: SHARE_WARN_CHARS } } : {}),
      note: warned
        ? `over the ${count(SHARE_WARN_CHARS)}-char warning: the designer warns and offers the JSON file; links fit up to ${count(fits)} hub-and-spoke hosts`
        : `no keys in a link; fits the ${count(SHARE_WARN_CHARS)}-char warning up to ${count(fits)} hub-and-spoke hosts`,
    };
  });
}

export async function exportFigures(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wgd-bench-export-'));
  try {
    return [...cliFigures(dir), ...(await engineFigures()), ...shareFigures()];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
