import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ansibleVaultOpen, ansibleVaultSeal } from '../../cli/ansible-vault-seal';
import { exportBundle } from '../bundle/export-bundle';
import type { ExportResult } from '../bundle/export-bundle';
import { seededRandom } from '../keys';
import { buildPlan } from '../plan/build-plan';
import { promoted } from '../failover/promotions';
import { installSecretsLines, keysFromInstalledLines } from '../render/install-secrets';
import { renderWgQuick } from '../render/wg-quick';
import { parsed } from '../testing/fixture-design';
import type { SecretsOptions } from './secrets-options';

/**
 * What we write, read by the real tools: Debian's age and ansible-vault decrypt our files, and install.sh's secrets
 * lines, run in bash against them (and against a fake `vault` on PATH: no Vault server can be installed here),
 * turn the keyless wg0.conf into exactly the plain bundle's. Shellcheck reads every script of each mode.
 */
const root = mkdtempSync(join(tmpdir(), 'wgd-secrets-tools-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, input: opts.input, encoding: 'utf8' });
  if (r.error) return { ok: false, out: `${cmd}: ${r.error.message} (install it: scripts/system-deps.sh)`, stdout: '' };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

async function exported(name: string, secrets: SecretsOptions): Promise<{ r: ExportResult; dir: string }> {
  const r = await exportBundle(parsed('hub-and-spoke'), seededRandom(11), { secrets }, undefined, { ansibleVault: ansibleVaultSeal });
  const dir = join(root, name);
  for (const f of r.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
  }
  return { r, dir };
}

/** install.sh's secrets lines for one host, run in its folder as install.sh runs them: the staged wg0.conf, or the failure. */
function stageKeys(dir: string, hostId: string, secrets: SecretsOptions, env: NodeJS.ProcessEnv = {}) {
  const script = [
    'set -euo pipefail',
    'fail() { echo "install.sh: $*" >&2; exit 1; }',
    'stage=$(mktemp -d)',
    "trap 'rm -rf \"$stage\"' EXIT",
    'install -m 600 wg0.conf "$stage/wg0.conf"',
    ...installSecretsLines(hostId, secrets),
    'cat "$stage/wg0.conf"',
  ].join('\n');
  return run('bash', ['-c', script], { cwd: join(dir, hostId), env });
}

function plainConfs(r: ExportResult): Map<string, string> {
  const plan = buildPlan(r.completion.design);
  return new Map(plan.hosts.map((hp) => [hp.host.id, renderWgQuick(hp, { privateKey: 'include', designName: plan.design.name })]));
}

describe('secrets against the real tools', () => {
  it('age: `age -d` opens each secrets.age, and install.sh\'s lines rebuild the plain wg0.conf; a wrong identity fails closed', async () => {
    const key = join(root, 'age.key');
    const gen = run('age-keygen', ['-o', key]);
    expect(gen.ok, gen.out).toBe(true);
    const recipient = /age1[0-9a-z]+/.exec(readFileSync(key, 'utf8'))?.[0] ?? '';
    const secrets: SecretsOptions = { mode: 'age', recipients: [recipient] };
    const { r, dir } = await exported('age', secrets);
    const plain = plainConfs(r);
    for (const s of r.secrets) {
      const opened = run('age', ['-d', '-i', key, join(dir, s.hostId, 'secrets.age')]);
      expect(opened.stdout, opened.out).toBe(s.text);
      const staged = stageKeys(dir, s.hostId, secrets, { WG_DESIGNER_AGE_IDENTITY: key });
      expect(staged.ok, staged.out).toBe(true);
      expect(staged.stdout).toBe(plain.get(s.hostId));
    }
    const other = join(root, 'other.key');
    run('age-keygen', ['-o', other]);
    const host = r.secrets[0]?.hostId ?? '';
    const wrong = stageKeys(dir, host, secrets, { WG_DESIGNER_AGE_IDENTITY: other });
    expect(wrong.ok).toBe(false);
    expect(wrong.out).toContain('does not decrypt with the age identity');
    const none = stageKeys(dir, host, secrets, { WG_DESIGNER_AGE_IDENTITY: join(root, 'absent.key') });
    expect(none.out).toContain('no age identity at');
    const noTool = stageKeys(dir, host, secrets, { WG_DESIGNER_AGE_IDENTITY: key, PATH: '/nonexistent' });
    expect(noTool.ok).toBe(false);
  });

  it('ansible-vault: the real ansible-vault opens ours, ours opens theirs, and install.sh\'s lines work both from the vault file and from the play\'s decrypted copy', async () => {
    const pw = join(root, 'vault-pw');
    writeFileSync(pw, 'correct horse battery\n', { mode: 0o600 });
    const secrets: SecretsOptions = { mode: 'ansible-vault', password: 'correct horse battery' };
    const { r, dir } = await exported('ansible-vault', secrets);
    const plain = plainConfs(r);
    const s = r.secrets[0];
    if (!s) throw new Error('no host secrets');
    const file = join(dir, s.hostId, 'secrets.vault');
    const view = run('ansible-vault', ['view', '--vault-password-file', pw, file]);
    expect(view.stdout, view.out).toBe(s.text);
    const theirs = join(root, 'theirs.vault');
    writeFileSync(theirs, 'private abc\npsk x y\n');
    const enc = run('ansible-vault', ['encrypt', '--vault-password-file', pw, theirs]);
    expect(enc.ok, enc.out).toBe(true);
    expect(await ansibleVaultOpen(readFileSync(theirs, 'utf8'), 'correct horse battery')).toBe('private abc\npsk x y\n');
    const staged = stageKeys(dir, s.hostId, secrets, { WG_DESIGNER_VAULT_PASSWORD_FILE: pw });
    expect(staged.stdout, staged.out).toBe(plain.get(s.hostId));
    const badPw = join(root, 'bad-pw');
    writeFileSync(badPw, 'nope\n');
    const wrong = stageKeys(dir, s.hostId, secrets, { WG_DESIGNER_VAULT_PASSWORD_FILE: badPw });
    expect(wrong.ok).toBe(false);
    expect(wrong.out).toContain('does not decrypt with');
    // The play's copy module decrypts the vault file on its way to the host.
    writeFileSync(file, s.text, { mode: 0o600 });
    const copied = stageKeys(dir, s.hostId, secrets, { WG_DESIGNER_VAULT_PASSWORD_FILE: join(root, 'absent') });
    expect(copied.stdout, copied.out).toBe(plain.get(s.hostId));
  });

  it('vault: put-secrets.sh and install.sh\'s lines round-trip through a fake `vault` on PATH that records its arguments', async () => {
    const secrets: SecretsOptions = { mode: 'vault', path: 'kv/teams/db' };
    const { r, dir } = await exported('vault', secrets);
    const plain = plainConfs(r);
    const bin = join(root, 'fake-bin');
    const store = join(root, 'fake-store');
    mkdirSync(bin, { recursive: true });
    mkdirSync(store, { recursive: true });
    // kv put -mount=M PATH secrets=- (stdin) stores the value; kv get -mount=M -field=secrets PATH prints it.
    writeFileSync(join(bin, 'vault'), [
      '#!/usr/bin/env bash',
      'echo "$*" >> "$FAKE_VAULT/calls"',
      'mount=""; path=""; for a in "$@"; do case "$a" in -mount=*) mount=${a#-mount=} ;; -*|kv|get|put|secrets=-) ;; *) path=$a ;; esac; done',
      'f="$FAKE_VAULT/$mount/$path"',
      'if [ "$2" = put ]; then mkdir -p "$(dirname "$f")"; cat > "$f"; exit 0; fi',
      '[ -f "$f" ] || { echo "No value found at $mount/data/$path" >&2; exit 2; }',
      'cat "$f"',
    ].join('\n'), { mode: 0o755 });
    const env = { PATH: `${bin}:${process.env.PATH}`, FAKE_VAULT: store, VAULT_ADDR: 'http://127.0.0.1:8200' };
    const host = r.secrets[0]?.hostId ?? '';
    const before = stageKeys(dir, host, secrets, env);
    expect(before.ok).toBe(false);
    expect(before.out).toContain('cannot read kv/teams/db/');
    const local = join(root, 'vault-secrets');
    mkdirSync(local, { recursive: true });
    for (const s of r.secrets) writeFileSync(join(local, `${s.hostId}.secrets`), s.text, { mode: 0o600 });
    const put = run('bash', [join(dir, 'vault/put-secrets.sh'), local], { env });
    expect(put.ok, put.out).toBe(true);
    for (const s of r.secrets) {
      const staged = stageKeys(dir, s.hostId, secrets, env);
      expect(staged.stdout, staged.out).toBe(plain.get(s.hostId));
    }
    const calls = readFileSync(join(store, 'calls'), 'utf8');
    expect(calls).toContain(`kv put -mount=kv teams/db/${host} secrets=-`);
    expect(calls).toContain(`kv get -mount=kv -field=secrets teams/db/${host}`);
    // No key ever on a command line.
    for (const s of r.secrets) for (const k of s.text.split(/\s+/).filter((w) => w.length === 44)) expect(calls).not.toContain(k);
    const noAddr = stageKeys(dir, host, secrets, { ...env, VAULT_ADDR: '' });
    expect(noAddr.out).toContain('VAULT_ADDR is not set');
  });

  it('a failover script takes the keys from the installed wg0.conf and installs exactly the plain promoted config', async () => {
    const secrets: SecretsOptions = { mode: 'vault', path: 'secret/x/y' };
    const r = await exportBundle(parsed('primary-replica'), seededRandom(5), { secrets });
    const group = r.completion.design.failover[0];
    if (!group) throw new Error('fixture without failover');
    const now = buildPlan(r.completion.design);
    const next = buildPlan(promoted(r.completion.design, group.id));
    const dir = join(root, 'failover');
    let checked = 0;
    for (const hp of now.hosts.filter((h) => !h.host.external)) {
      const conf = r.files.find((f) => f.path === `${hp.host.id}/failover/promote-${group.replica}/wg0.conf`);
      if (!conf) continue;
      const hostDir = join(dir, hp.host.id);
      mkdirSync(hostDir, { recursive: true });
      writeFileSync(join(hostDir, 'wg0.conf'), conf.content);
      const installed = join(hostDir, 'installed.conf');
      writeFileSync(installed, renderWgQuick(hp, { privateKey: 'include', designName: now.design.name }));
      const script = [...keysFromInstalledLines(), 'cat "$stage/wg0.conf"'].join('\n').replaceAll('/etc/wireguard/wg0.conf', installed);
      const staged = run('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: hostDir });
      const promotedPlan = next.byId.get(hp.host.id);
      if (!promotedPlan) throw new Error(hp.host.id);
      expect(staged.stdout, staged.out).toBe(renderWgQuick(promotedPlan, { privateKey: 'include', designName: now.design.name }));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('every script of each mode passes bash -n and shellcheck, and its playbook ansible-playbook --syntax-check', async () => {
    const modes: Array<[string, SecretsOptions]> = [
      ['sc-age', { mode: 'age', recipients: ['age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'] }],
      ['sc-ansible-vault', { mode: 'ansible-vault', password: 'p' }],
      ['sc-vault', { mode: 'vault', path: 'secret/wg-designer/x' }],
    ];
    for (const [name, secrets] of modes) {
      const r = await exportBundle(parsed('primary-replica'), seededRandom(4), { secrets }, undefined, { ansibleVault: ansibleVaultSeal });
      const dir = join(root, name);
      const scripts: string[] = [];
      for (const f of r.files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
        if (f.path.endsWith('.sh')) scripts.push(join(dir, f.path));
      }
      expect(scripts.some((p) => p.includes('/failover/'))).toBe(true);
      for (const p of scripts) {
        const syntax = run('bash', ['-n', p]);
        expect(syntax.ok, `${p}\n${syntax.out}`).toBe(true);
      }
      const lint = run('shellcheck', ['--severity=style', ...scripts]);
      expect(lint.ok, lint.out).toBe(true);
      const play = run('ansible-playbook', ['--syntax-check', '-i', 'ansible/inventory.ini', 'ansible/site.yml'], { cwd: dir });
      expect(play.ok, `${name}\n${play.out}`).toBe(true);
    }
  });
});
