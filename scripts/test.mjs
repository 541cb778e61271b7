// `npm test`: every check the project has, in order, stopping at the first that fails. Each step prints its time;
// the last line counts the tests as "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['system packages', 'bash', ['scripts/system-deps.sh']],
  ['build the CLI', 'node', ['scripts/build-cli.mjs']],
  ['type-check (app, tests)', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['type-check (engine without DOM)', 'npx', ['tsc', '-p', 'tsconfig.engine.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json']],
  // The designer in headless Debian chromium: the production build under its CSP, driven with real pointer events.
  ['browser tests (Playwright)', 'npm', ['run', '--silent', 'test:e2e']],
  // Every fixture deployed on real WireGuard, nftables and PostgreSQL in network namespaces (e2e/lab/README.md).
  ['lab on real WireGuard', 'npm', ['run', '--silent', 'test:lab']],
];

mkdirSync('.tmp', { recursive: true });
rmSync('.tmp/vitest.json', { force: true });
rmSync('.tmp/playwright.json', { force: true });
rmSync('.tmp/lab-summary.json', { force: true });
let passed = 0;
let failed = 0;
let broken = null;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (name.startsWith('unit')) ({ passed, failed } = countVitest(passed, failed));
  if (name.startsWith('browser')) ({ passed, failed } = countPlaywright(passed, failed));
  if (name.startsWith('lab')) ({ passed, failed } = countLab(passed, failed));
  if (r.status !== 0) {
    broken = `${name} failed (exit ${r.status ?? r.signal}) after ${secs} s`;
    break;
  }
  process.stdout.write(`== ${name}: ok in ${secs} s\n`);
}
if (broken) {
  process.stdout.write(`\n${broken}\n`);
  if (failed === 0) failed = 1;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(broken ? 1 : 0);

/** Playwright's json reporter: expected = passed, flaky = passed on retry, unexpected = failed. */
function countPlaywright(p, f) {
  try {
    const { stats } = JSON.parse(readFileSync('.tmp/playwright.json', 'utf8'));
    const ok = stats.expected + stats.flaky;
    return { passed: p + ok, failed: f + stats.unexpected + (ok + stats.unexpected === 0 ? 1 : 0) };
  } catch {
    return { passed: p, failed: f + 1 };
  }
}

function countVitest(p, f) {
  try {
    const j = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
    return { passed: p + j.numPassedTests, failed: f + j.numFailedTests + (j.numTotalTests === 0 ? 1 : 0) };
  } catch {
    return { passed: p, failed: f + 1 };
  }
}

/** The lab writes how many of its checks passed and failed (each flow, denial, MTU ping, handshake...). */
function countLab(p, f) {
  try {
    const j = JSON.parse(readFileSync('.tmp/lab-summary.json', 'utf8'));
    return { passed: p + j.passed, failed: f + j.failed + (j.passed + j.failed === 0 ? 1 : 0) };
  } catch {
    return { passed: p, failed: f + 1 };
  }
}
