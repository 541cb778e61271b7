import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../testing/run-cli';
import { alive, pidsIn } from './netns';
import { missingPrerequisites, missingText } from './prerequisites';
import { runCommand } from './run-command';

// Root, wireguard-go and the rest: this file brings bundles up for real. It fails, never skips, on a machine that
// cannot: a silent skip would hide a broken CI image.
const dir = mkdtempSync(join(tmpdir(), 'wgd-prove-test-'));
const fixture = (name: string) => new URL(`../../engine/__fixtures__/${name}.json`, import.meta.url).pathname;
const XSD = new URL('./__fixtures__/junit.xsd', import.meta.url).pathname;
const root = new URL('../../../', import.meta.url).pathname;

beforeAll(() => {
  const missing = missingText(missingPrerequisites(process.getuid?.() ?? 0, process.env.PATH ?? '', false));
  if (missing) throw new Error(`these tests bring bundles up for real: ${missing}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The design exported with the CLI and unzipped, as a user does before editing a host's files by hand. */
async function exportedBundle(name: string): Promise<string> {
  const work = mkdtempSync(join(dir, `${name}-`));
  copyFileSync(fixture(name), join(work, 'design.json'));
  const exported = await cli('export', join(work, 'design.json'), '-o', join(work, 'bundle.zip'));
  expect(exported.code).toBe(0);
  execFileSync('unzip', ['-q', join(work, 'bundle.zip'), '-d', join(work, 'bundle')]);
  const [top] = readdirSync(join(work, 'bundle'));
  return join(work, 'bundle', top as string);
}

async function runNamespaces(runId: string): Promise<string[]> {
  const r = await runCommand('ip', ['netns', 'list']);
  return r.stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith(`wgd-prove-${runId}-`));
}

describe('wg-designer prove on real WireGuard', () => {
  it('finds exactly the cell a hand-removed firewall rule changes, names the host, in the table, TAP and valid JUnit', async () => {
    const bundle = await exportedBundle('hub-and-spoke');
    const nft = join(bundle, 'pg-primary', 'firewall.nft');
    const rules = readFileSync(nft, 'utf8').split('\n');
    const kept = rules.filter((l) => !l.includes('comment "flow f-app-2-pg"'));
    expect(rules.length - kept.length).toBe(1);
    writeFileSync(nft, kept.join('\n'));
    const junit = join(dir, 'report.xml');

    const r = await cli('prove', bundle, '--tap', '--junit', junit);

    expect(r.code).toBe(1);
    const tap = r.out.split('\n');
    expect(tap.slice(0, 2)).toEqual(['TAP version 14', '1..20']);
    expect(tap.filter((l) => l.startsWith('not ok'))).toEqual([expect.stringMatching(/^not ok \d+ - app-2 -> pg-primary:5432 reaches$/)]);
    expect(tap.filter((l) => /^ok \d+ - /.test(l))).toHaveLength(19);
    expect(tap).toContain('  host: "pg-primary"');
    expect(r.err).toMatch(/^MISMATCH app-2 -> pg-primary:5432: expected reach \(admitted at pg-primary by the rule of flow f-app-2-pg .*; look at pg-primary$/m);
    expect(r.err.match(/^MISMATCH/gm)).toHaveLength(1);
    expect(r.err).toMatch(/prove orders hub-and-spoke: 20 cells, 19 as the design says, 1 MISMATCH \(look at pg-primary\), 0 not probed/);
    expect(execFileSync('xmllint', ['--noout', '--schema', XSD, junit], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
    expect(readFileSync(junit, 'utf8')).toContain('tests="20" failures="1" errors="0" skipped="0"');
    const runId = /run (\w+):/.exec(r.err)?.[1] ?? '';
    expect(await runNamespaces(runId)).toEqual([]);
  }, 300_000);

  it('on SIGINT mid-run removes every namespace of its run and every process in them, and exits 130', async () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const child = spawn(process.execPath, [join(root, 'bin/wg-designer.mjs'), 'prove', fixture('hub-and-spoke')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until hosts are coming up: namespaces exist and at least one wireguard-go runs in them.
    const seen = new Set<number>();
    let runId = '';
    for (let i = 0; i < 1200 && seen.size === 0; i++) {
      await new Promise((res) => setTimeout(res, 100));
      runId = /run (\w+):/.exec(stderr)?.[1] ?? '';
      if (!runId) continue;
      for (const ns of await runNamespaces(runId)) for (const p of await pidsIn(ns)) seen.add(p);
    }
    expect(seen.size).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('SIGINT: stopping');
    expect(await runNamespaces(runId)).toEqual([]);
    expect([...seen].filter(alive)).toEqual([]);
  }, 300_000);
});
