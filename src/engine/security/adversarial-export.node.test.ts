import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfigsWithRealWg, realWgAvailable } from '../../../e2e/lab/real-wg';
import { adversarialCorpus } from '../testing/adversarial-corpus';
import { BACKENDS, runAdversarialInput } from '../testing/adversarial-pipeline';
import { HOOK_LINE } from './bundle-invariants';
import { removeInBackground } from '../testing/remove-in-background.node';

/**
 * Issue 8 on the real tools: every bundle the adversarial corpus gets exported is written out, and then every
 * wg0.conf goes through `wg-quick strip` and `wg setconf` on a wireguard-go interface, every ruleset through
 * `nft -c -f` or `iptables-restore --test`, every script through `bash -n`; check.sh, qos.sh and the failover
 * scripts run end to end against stub commands in a throwaway network namespace. Every payload tries to
 * `touch` a file in the canary directory; it must stay empty. Missing tools fail the test, they never skip it.
 */
const TOOLS = ['bash', 'unshare', 'nft', 'iptables-restore', 'ip6tables-restore', 'wg', 'wg-quick', 'wireguard-go', 'ip', 'touch'];
const root = mkdtempSync(join(tmpdir(), 'wgd-adversarial-'));
// Short, so that payloads with the path still fit the 200-character name limit and are exported, not refused.
const canaryDir = mkdtempSync('/tmp/wgd-canary-');
const stubs = join(root, 'stubs');
afterAll(() => removeInBackground(root, canaryDir));

function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: options.env ?? process.env, timeout: options.timeout ?? 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { ok: false, out: `${cmd}: ${r.error.message}` };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}
const missingTools = () => TOOLS.filter((t) => !run('bash', ['-c', `command -v ${t}`]).ok);

/** `command file` for every file, in one throwaway network namespace; prints `FAIL <file>` and the output of each failure. */
function eachInNetns(command: string, files: readonly string[]): string {
  const script = `for f in "$@"; do out=$(${command} "$f" 2>&1) || printf 'FAIL %s\\n%s\\n' "$f" "$out"; done`;
  return run('unshare', ['--net', 'bash', '-c', script, '_', ...files]).out;
}

/** Unique contents of the written files whose path ends with `suffix`, each with one path that holds it. */
const unique = new Map<string, Map<string, string>>();
function filesEnding(suffix: string): string[] {
  return [...(unique.get(suffix)?.values() ?? [])];
}
const SUFFIXES = ['wg0.conf', '.nft', '.iptables', '.ip6tables', '.sh', 'check.sh', 'qos.sh'];
const tally = { cases: 0, rejected: 0, exported: 0, bundles: 0, files: 0 };

beforeAll(() => {
  let missing = missingTools();
  if (missing.length > 0) {
    run('bash', ['scripts/system-deps.sh'], { timeout: 600_000 });
    missing = missingTools();
  }
  const wg = realWgAvailable();
  if (!wg.ok) missing.push(...wg.missing);
  if (missing.length > 0) {
    throw new Error(`adversarial export needs ${[...new Set(missing)].join(', ')}: run bash scripts/system-deps.sh as root`);
  }
  writeStubs();
  const corpus = adversarialCorpus(canaryDir);
  tally.cases = corpus.length;
  for (const c of corpus) {
    const outcome = runAdversarialInput(c.input);
    if (outcome.kind === 'rejected') {
      tally.rejected++;
      continue;
    }
    tally.exported++;
    for (const backend of BACKENDS) {
      tally.bundles++;
      const dir = join(root, 'bundles', c.id, backend);
      for (const f of outcome.bundles[backend]) {
        tally.files++;
        const path = join(dir, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.content, { mode: f.mode });
        for (const suffix of SUFFIXES.filter((s) => f.path.endsWith(s))) {
          const seen = unique.get(suffix) ?? new Map<string, string>();
          if (!seen.has(f.content)) seen.set(f.content, path);
          unique.set(suffix, seen);
        }
      }
    }
  }
}, 600_000);

/**
 * Stub commands for running scripts without touching the system: each exits with $STUB_EXIT (default 0), except
 * `ip`, which succeeds so check.sh gets past "is wg0 up" and runs every check; `id` says root. The few real tools
 * the scripts compute with are linked in, and `touch`, so that an injected `touch <canary>` would work.
 */
function writeStubs(): void {
  mkdirSync(stubs);
  const stub = (name: string, body: string) => {
    writeFileSync(join(stubs, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(stubs, name), 0o755);
  };
  for (const name of ['wg', 'wg-quick', 'ping', 'timeout', 'tc', 'nft', 'iptables', 'ip6tables', 'iptables-restore',
    'ip6tables-restore', 'install', 'systemctl', 'sysctl', 'chmod', 'mv', 'getent']) stub(name, 'exit "${STUB_EXIT:-0}"');
  stub('ip', 'exit 0');
  stub('id', 'echo 0');
  for (const real of ['date', 'awk', 'dirname', 'cat', 'touch', 'sed', 'head', 'grep']) {
    const at = run('bash', ['-c', `command -v ${real}`]).out.trim();
    symlinkSync(at, join(stubs, real));
  }
}

/** Runs scripts one by one with only the stubs on PATH, in a throwaway network namespace. */
function runWithStubs(files: readonly string[], stubExit: number): string {
  const bash = run('bash', ['-c', 'command -v bash']).out.trim();
  const script = `for f in "$@"; do err=$(env -i PATH="${stubs}" STUB_EXIT=${stubExit} WG_DESIGNER_NO_SYSTEMD=1 ${bash} "$f" 2>&1 >/dev/null); `
    + 'code=$?; case "$err" in *"not found"*) code="127 ($err)";; esac; echo "$f exit $code"; done';
  return run('unshare', ['--net', 'bash', '-c', script, '_', ...files]).out;
}

describe('adversarial corpus, exported bundles on the real tools', () => {
  it('exports bundles of every kind', () => {
    console.info(`adversarial export: ${tally.cases} inputs, ${tally.rejected} refused, ${tally.exported} exported into ${tally.bundles} bundles (${tally.files} files); unique: ${SUFFIXES.map((s) => `${filesEnding(s).length} ${s}`).join(', ')}`);
    expect(tally.cases).toBeGreaterThanOrEqual(200);
    for (const s of SUFFIXES) expect(filesEnding(s).length, s).toBeGreaterThan(0);
  });

  it('every wg0.conf holds no hook line and passes wg-quick strip and the real wg parser', async () => {
    const configs = filesEnding('wg0.conf');
    expect([...(unique.get('wg0.conf')?.keys() ?? [])].filter((t) => HOOK_LINE.test(t))).toEqual([]);
    // wg-quick strip on every config; wg setconf then reads only what strip leaves, so each distinct stripped
    // text is set once (configs that differ only in comments, e.g. every hostile design name, strip alike).
    const script = 'for f in "$@"; do wg-quick strip "$f" > "$f.stripped" 2>"$f.err" || printf \'FAIL %s\\n\' "$f"; cat "$f.err"; done';
    expect(run('bash', ['-c', script, '_', ...configs]).out).toBe('');
    const stripped = new Map<string, string>();
    for (const f of configs) {
      const text = readFileSync(`${f}.stripped`, 'utf8');
      expect(text, f).toMatch(/^\[Interface\]$/m);
      if (!stripped.has(text)) stripped.set(text, f);
    }
    const results = await checkConfigsWithRealWg([...stripped].map(([text, name]) => ({ name, text })));
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`)).toEqual([]);
    expect(results.length).toBe(stripped.size);
    console.info(`adversarial export: ${configs.length} distinct wg0.conf, ${stripped.size} distinct once stripped, all accepted by wg setconf`);
  }, 600_000);

  it('every nftables ruleset passes nft -c -f', () => {
    expect(eachInNetns('nft -c -f', filesEnding('.nft'))).toBe('');
  }, 600_000);

  it('every iptables file passes iptables-restore --test -n', () => {
    expect(eachInNetns('iptables-restore --test -n', filesEnding('.iptables'))).toBe('');
    expect(eachInNetns('ip6tables-restore --test -n', filesEnding('.ip6tables'))).toBe('');
  }, 600_000);

  it('every script passes bash -n', () => {
    expect(eachInNetns('bash -n', filesEnding('.sh'))).toBe('');
  }, 600_000);

  it('check.sh, qos.sh and the failover scripts run end to end against stubs', () => {
    // check.sh with every probe failing reports each peer and flow, and exits with the number of failures.
    const checks = runWithStubs(filesEnding('check.sh'), 1);
    expect(checks.split('\n').filter((l) => l && !/ exit ([1-9]|[1-9][0-9]|1[01][0-9]|12[0-5])$/.test(l))).toEqual([]);
    const promote = filesEnding('.sh').filter((f) => /\/failover\/promote-[a-z0-9-]+\.sh$/.test(f));
    expect(promote.length).toBeGreaterThan(0);
    const others = runWithStubs([...filesEnding('qos.sh'), ...promote], 0);
    expect(others.split('\n').filter((l) => l && !l.endsWith(' exit 0'))).toEqual([]);
  }, 600_000);

  it('the canary works, and nothing the corpus tried ever ran', () => {
    // The control: in the stub environment `touch` does create a file, so an injected one would have.
    const control = join(root, 'control');
    run('env', ['-i', `PATH=${stubs}`, run('bash', ['-c', 'command -v bash']).out.trim(), '-c', 'touch "$1"', '_', control]);
    expect(readdirSync(root)).toContain('control');
    expect(readdirSync(canaryDir)).toEqual([]);
  });
});
