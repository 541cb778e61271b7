import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { generateKeypair, seededRandom } from '../keys';
import { rotateKeys } from '../rotate/rotate-keys';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { bundleFiles } from './bundle-files';
import type { BundleFile } from './bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';
import type { BundleOptions } from './bundle-options';

/** Every fixture in both firewall flavours, and hub-and-spoke with monitoring and QoS on: what the tools must accept. */
const variants: Array<{ name: string; files: BundleFile[] }> = [];
for (const name of Object.keys(FIXTURES)) {
  for (const firewall of ['nftables', 'iptables'] as const) {
    variants.push({ name: `${name}-${firewall}`, files: bundleFiles(buildPlan(fixtureDesign(name)), { ...DEFAULT_BUNDLE_OPTIONS, firewall }) });
  }
}
const ops = fixtureDesign('hub-and-spoke');
ops.network.monitoring = { host: 'hub', exporterPort: 9586 };
const opsOptions: BundleOptions = { ...DEFAULT_BUNDLE_OPTIONS, qos: { bulkRateMbit: 200, linkRateMbit: 1000 } };
variants.push({ name: 'hub-and-spoke-ops', files: bundleFiles(buildPlan(ops), opsOptions) });
// Rotations: every host rotated (mesh-3), and one host with peers that only follow it (hub-and-spoke).
const at = new Date('2026-12-06T10:00:00Z');
variants.push({ name: 'mesh-3-rotation', files: rotateKeys(fixtureDesign('mesh-3'), ['pg-1', 'pg-2', 'pg-3'], seededRandom(5), at).files });
variants.push({ name: 'hub-and-spoke-rotation', files: rotateKeys(fixtureDesign('hub-and-spoke'), ['pg-primary'], seededRandom(6), at).files });
// Host custody: every host keeps its own key (install.sh's key file path, next-key.sh), and rotates to a next key it made.
const own = fixtureDesign('hub-and-spoke');
own.network.keys = 'host';
own.hosts = own.hosts.map((h) => ({ ...h, privateKey: null }));
variants.push({ name: 'hub-and-spoke-host-keys', files: bundleFiles(buildPlan(own), DEFAULT_BUNDLE_OPTIONS) });
const next = new Map(own.hosts.map((h, i) => [h.id, generateKeypair(seededRandom(100 + i)).publicKey]));
variants.push({ name: 'hub-and-spoke-host-keys-rotation', files: rotateKeys(own, [...next.keys()], seededRandom(7), at, next).files });

const root = mkdtempSync(join(tmpdir(), 'wgd-tools-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const written = variants.map((v) => {
  const dir = join(root, v.name);
  for (const f of v.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
  }
  return { ...v, dir };
});

function run(cmd: string, args: string[], cwd?: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error) return { ok: false, out: `${cmd}: ${r.error.message} (install it: scripts/system-deps.sh)` };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}
const paths = (suffix: string) => written.flatMap((v) => v.files.filter((f) => f.path.endsWith(suffix)).map((f) => join(v.dir, f.path)));

describe('generated bundles against the real tools', () => {
  it('writes every kind of file somewhere', () => {
    for (const s of ['.sh', '.nft', '.iptables', '.ip6tables', 'site.yml', 'prometheus.yml', 'qos.sh', '.service']) {
      expect(paths(s).length, s).toBeGreaterThan(0);
    }
  });

  it('every script passes bash -n and shellcheck', () => {
    for (const p of paths('.sh')) {
      const syntax = run('bash', ['-n', p]);
      expect(syntax.ok, `${p}\n${syntax.out}`).toBe(true);
    }
    const lint = run('shellcheck', ['--severity=style', ...paths('.sh')]);
    expect(lint.ok, lint.out).toBe(true);
    // shellcheck over every script of every variant: ~35 s on an idle 2-core machine, over 70 s under load. The
    // timeout only catches a hang, so it is sized to the work, not to an idle machine.
  }, 600_000);

  it('every nftables ruleset passes nft -c -f (in a throwaway network namespace)', () => {
    for (const p of paths('.nft')) {
      const r = run('unshare', ['--net', 'nft', '-c', '-f', p]);
      expect(r.ok, `${p}\n${r.out}`).toBe(true);
    }
  });

  it('every iptables file passes iptables-restore --test (in a throwaway network namespace)', () => {
    for (const [suffix, tool] of [['.iptables', 'iptables-restore'], ['.ip6tables', 'ip6tables-restore']] as const) {
      for (const p of paths(suffix)) {
        const r = run('unshare', ['--net', tool, '--test', '-n', p]);
        expect(r.ok, `${p}\n${r.out}`).toBe(true);
      }
    }
  });

  it('every playbook passes ansible-playbook --syntax-check with its inventory', () => {
    for (const v of written.filter((w) => w.files.some((f) => f.path === 'ansible/site.yml'))) {
      for (const play of ['ansible/site.yml', 'ansible/collect.yml']) {
        const r = run('ansible-playbook', ['--syntax-check', '-i', 'ansible/inventory.ini', play], v.dir);
        expect(r.ok, `${v.name} ${play}\n${r.out}`).toBe(true);
      }
    }
    // Each ansible-playbook run starts Python and Ansible (2-4 s idle): 64 s for them all on a loaded machine.
  }, 300_000);
});
