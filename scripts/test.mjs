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
];

mkdirSync('.tmp', { recursive: true });
rmSync('.tmp/vitest.json', { force: true });
let passed = 0;
let failed = 0;
let broken = null;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (name.startsWith('unit')) ({ passed, failed } = countVitest(passed, failed));
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

function countVitest(p, f) {
  try {
    const j = JSON.parse(readFileSync('.tmp/vitest.json', 'utf8'));
    return { passed: p + j.numPassedTests, failed: f + j.numFailedTests + (j.numTotalTests === 0 ? 1 : 0) };
  } catch {
    return { passed: p, failed: f + 1 };
  }
}
