// ui: runs bench/ui-bench.mjs (headless Chromium, written alongside the UI) at 1,000 and 5,000 hosts and reads the
// JSON of its last line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './table';

const SCRIPT = 'bench/ui-bench.mjs';
/** A 5,000-host run takes a minute or two on this VM (generating and loading the design, the first analysis). */
const UI_TIMEOUT_MS = 240_000;

/** The newest modification time under `path` (a file or a folder, recursively). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** dist/ is stale when any source the page is built from is newer than its index.html. */
function distIsStale(): boolean {
  const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
  return ['src/app', 'src/engine', 'index.html', 'vite.config.ts', 'public'].some((p) => newest(p) > built);
}

/** Budgets per design size: 1,000 hosts keep issue 7's, 5,000 hosts are issue 25's. */
const SIZES: Array<{ hosts: number; firstRenderMs: number; dragP95Ms: number }> = [
  { hosts: 1000, firstRenderMs: 1500, dragP95Ms: 33 },
  { hosts: 5000, firstRenderMs: 1000, dragP95Ms: 50 },
];
/** Where a failing canvas figure's profile is: the note points there. */
const PROFILE_NOTE = 'profile: bench/README.md, "issue 25 rows"';

const count = (n: number) => n.toLocaleString('en-US');

function sizeRows(hosts: number, r: Record<string, unknown> | null, reason: string): Row[] {
  const size = SIZES.find((s) => s.hosts === hosts)!;
  const num = (k: string) => (r && typeof r[k] === 'number' && Number.isFinite(r[k]) ? (r[k] as number) : null);
  /** The note: why a figure is missing, else what it is over and, past its budget, where the profile is. */
  const note = (k: string, budget: number | null, what: string[] = []) => {
    const v = num(k);
    if (v === null) return `not measured: ${r ? `${SCRIPT} reported no ${k}` : reason}`;
    return [...what, ...(budget !== null && v > budget ? [PROFILE_NOTE] : [])].join('; ');
  };
  const frames = num('dragFrames');
  const drag = frames === null ? [] : [`${frames} frames in 2 s`];
  return [
    { section: 'ui', figure: `first render, ${count(hosts)} hosts`, value: num('firstRenderMs'), unit: 'ms', budget: { max: size.firstRenderMs }, note: note('firstRenderMs', size.firstRenderMs) },
    { section: 'ui', figure: `drag frame p50, ${count(hosts)} hosts`, value: num('dragP50Ms'), unit: 'ms', note: note('dragP50Ms', null) },
    { section: 'ui', figure: `drag frame p95, ${count(hosts)} hosts`, value: num('dragP95Ms'), unit: 'ms', budget: { max: size.dragP95Ms }, note: note('dragP95Ms', size.dragP95Ms, drag) },
  ];
}

function notMeasured(reason: string): Row[] {
  return [
    ...SIZES.flatMap((s) => sizeRows(s.hosts, null, reason)),
    { section: 'ui', figure: 'initial JS, gzipped', value: null, unit: 'KB', budget: { max: 350 }, note: `not measured: ${reason}` },
  ];
}

/** One run of bench/ui-bench.mjs: the JSON of its last line, or why there is none. */
function uiBench(hosts: number): Record<string, unknown> | string {
  const run = spawnSync(process.execPath, [SCRIPT, '--hosts', String(hosts)], { encoding: 'utf8', timeout: UI_TIMEOUT_MS, maxBuffer: 1 << 24 });
  const last = run.stdout?.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    return `${SCRIPT} gave no JSON (${run.error ? run.error.message : `exit ${run.status}, last line ${JSON.stringify(last.slice(0, 120))}; ${(run.stderr ?? '').trim().split('\n').at(-1) ?? ''}`})`;
  }
}

export async function uiFigures(): Promise<Row[]> {
  if (!existsSync(SCRIPT)) return notMeasured(`${SCRIPT} does not exist`);
  if (distIsStale()) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (build.status !== 0) return notMeasured(`vite build failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  }
  const rows: Row[] = [];
  let gz: number | null = null;
  for (const { hosts } of SIZES) {
    const r = uiBench(hosts);
    rows.push(...sizeRows(hosts, typeof r === 'string' ? null : r, typeof r === 'string' ? r : ''));
    if (typeof r !== 'string' && gz === null && typeof r.initialJsGzipBytes === 'number') gz = r.initialJsGzipBytes;
  }
  rows.push({ section: 'ui', figure: 'initial JS, gzipped', value: gz === null ? null : gz / 1024, unit: 'KB', budget: { max: 350 }, ...(gz === null ? { note: 'not measured' } : {}) });
  return rows;
}
