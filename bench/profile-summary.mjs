#!/usr/bin/env node
/**
 * Sums a Chromium CPU profile (.cpuprofile, e.g. from `ui-bench.mjs --keystroke --profile DIR`) by self time: per
 * source file and per function. Positions in the built bundle are mapped back to src/ through the bundle's source
 * map (read from DIST, the folder the profile's page was served from), so a minified build still names its files.
 *
 * Run: node bench/profile-summary.mjs DIR/keystroke.cpuprofile [--dist dist] [--top 30]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [--dist dist] [--top 30]');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const DIST = resolve(opt('dist', process.env.UI_BENCH_DIST ?? 'dist'));
const TOP = Number(opt('top', 30));

/** A source-map lookup per bundle, or null when the map or the mapping library is missing (then bundle names stay). */
let TraceMap = null;
let originalPositionFor = null;
try {
  ({ TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping'));
} catch {
  // Names stay the bundle's: still enough to rank functions.
}
const maps = new Map();
function mapOf(url) {
  if (!maps.has(url)) {
    const path = join(DIST, new URL(url).pathname) + '.map';
    maps.set(url, TraceMap && existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null);
  }
  return maps.get(url);
}

function where(frame) {
  // Chromium's own entries ("(idle)", "(program)", "(garbage collector)") are sources by themselves; builtins are native.
  if (!frame.url) return { source: frame.functionName.startsWith('(') ? frame.functionName : '(native)', name: frame.functionName || '(anonymous)' };
  const map = frame.url.startsWith('http') ? mapOf(frame.url) : null;
  if (!map) return { source: basename(frame.url), name: frame.functionName || '(anonymous)' };
  const p = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  const source = (p.source ?? basename(frame.url)).replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
  return { source, name: p.name ?? (frame.functionName || '(anonymous)') };
}

const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const bySource = new Map();
const byFunction = new Map();
let total = 0;
for (const [id, us] of self) {
  const n = byId.get(id);
  const { source, name } = where(n.callFrame);
  if (source === '(idle)') continue;
  total += us;
  bySource.set(source, (bySource.get(source) ?? 0) + us);
  const fn = `${name}  ${source}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
const print = (title, m) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`${(total / 1000).toFixed(1)} ms of samples, idle excluded`);
print('self time by source file', bySource);
print('self time by function', byFunction);
