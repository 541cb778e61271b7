// ui: runs bench/ui-bench.mjs (headless Chromium, written alongside the UI) and reads the JSON of its last line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './table';

const SCRIPT = 'bench/ui-bench.mjs';
const UI_TIMEOUT_MS = 150_000;

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

function notMeasured(reason: string): Row[] {
  const note = `not measured: ${reason}`;
  return [
    { section: 'ui', figure: 'first render, 1,000 hosts', value: null, unit: 'ms', budget: { max: 1500 }, note },
    { section: 'ui', figure: 'drag frame p50', value: null, unit: 'ms', note },
    { section: 'ui', figure: 'drag frame p95', value: null, unit: 'ms', budget: { max: 33 }, note },
    { section: 'ui', figure: 'initial JS, gzipped', value: null, unit: 'KB', budget: { max: 350 }, note },
  ];
}

export async function uiFigures(): Promise<Row[]> {
  if (!existsSync(SCRIPT)) return notMeasured(`${SCRIPT} does not exist`);
  if (distIsStale()) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (build.status !== 0) return notMeasured(`vite build failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  }
  const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', timeout: UI_TIMEOUT_MS, maxBuffer: 1 << 24 });
  const last = run.stdout?.trim().split('\n').at(-1) ?? '';
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(last) as Record<string, unknown>;
  } catch {
    const why = run.error ? run.error.message : `exit ${run.status}, last line ${JSON.stringify(last.slice(0, 120))}; ${(run.stderr ?? '').trim().split('\n').at(-1) ?? ''}`;
    return notMeasured(`${SCRIPT} gave no JSON (${why})`);
  }
  const num = (k: string) => (typeof r[k] === 'number' && Number.isFinite(r[k]) ? (r[k] as number) : null);
  const missing = (k: string) => (num(k) === null ? { note: `not measured: ${SCRIPT} reported no ${k}` } : {});
  const gz = num('initialJsGzipBytes');
  return [
    { section: 'ui', figure: 'first render, 1,000 hosts', value: num('firstRenderMs'), unit: 'ms', budget: { max: 1500 }, ...missing('firstRenderMs') },
    { section: 'ui', figure: 'drag frame p50', value: num('dragP50Ms'), unit: 'ms', ...missing('dragP50Ms') },
    { section: 'ui', figure: 'drag frame p95', value: num('dragP95Ms'), unit: 'ms', budget: { max: 33 }, ...missing('dragP95Ms') },
    { section: 'ui', figure: 'initial JS, gzipped', value: gz === null ? null : gz / 1024, unit: 'KB', budget: { max: 350 }, ...missing('initialJsGzipBytes') },
  ];
}
