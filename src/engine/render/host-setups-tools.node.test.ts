import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import type { BundleFile } from '../bundle/bundle-file';
import type { Design } from '../model/design';
import { parsePrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { FREE_TEXT } from '../testing/adversarial-payloads';
import { fixtureDesign, parsed } from '../testing/fixture-design';
import { renderNetdev, renderNetwork } from './networkd';

// The host setups of issue 22 against the real tools: cloud-init's own schema check and its YAML reader (PyYAML),
// shellcheck, and systemd-networkd itself reading the .netdev/.network (systemd-analyze verify takes units only:
// "Failed to prepare filename wg0.netdev"). A missing tool fails: scripts/system-deps.sh installs them.

function run(cmd: string, args: string[], input?: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: 60_000 });
  if (r.error) return { ok: false, out: `${cmd}: ${r.error.message} (install it: scripts/system-deps.sh)` };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

const root = mkdtempSync(join(tmpdir(), 'wgd-setups-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** hub-and-spoke with every host keeping its own key, none enrolled: user-data then holds no key. */
function hostCustody(): Design {
  const d = parsed('hub-and-spoke');
  return { ...d, hosts: d.hosts.map((h) => ({ ...h, keys: 'host' as const, publicKey: null, privateKey: null })) };
}

const VARIANTS: Array<[string, Design, 'nftables' | 'iptables']> = [
  ...Object.keys(FIXTURES).map((name) => [name, fixtureDesign(name), 'nftables'] as [string, Design, 'nftables']),
  ['site-to-site with iptables', fixtureDesign('site-to-site'), 'iptables'],
  ['hub-and-spoke in host custody', hostCustody(), 'nftables'],
];

// PyYAML, as cloud-init reads user-data: write_files path -> content and the runcmd entries, as JSON.
const READ_USER_DATA = [
  'import json, sys, yaml',
  'd = yaml.safe_load(open(sys.argv[1]))',
  'print(json.dumps({"files": {f["path"]: f["content"] for f in d["write_files"]}, "runcmd": d["runcmd"], "packages": d["packages"]}))',
].join('\n');

describe.each(VARIANTS)('host setups of %s', (label, design, firewall) => {
  const plan = buildPlan(design);
  const files = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, firewall, hostSetups: ['networkd', 'cloud-init'] });
  const dir = join(root, label.replace(/[^a-z0-9-]/g, '-'));
  for (const f of files) {
    mkdirSync(join(dir, f.path, '..'), { recursive: true });
    writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
  }
  const hosts = plan.hosts.filter((h) => !h.external).map((h) => h.id);
  const file = (path: string): BundleFile => files.find((f) => f.path === path)!;

  it.each(hosts)('%s: cloud-init schema accepts the user-data', (host) => {
    const r = run('cloud-init', ['schema', '--config-file', join(dir, host, 'cloud-init/user-data')]);
    expect(r.ok && r.out.includes('Valid cloud-config'), r.out).toBe(true);
  });

  it.each(hosts)('%s: PyYAML reads back every file byte for byte, and the runcmd shell line passes shellcheck', (host) => {
    const r = run('python3', ['-c', READ_USER_DATA, join(dir, host, 'cloud-init/user-data')]);
    expect(r.ok, r.out).toBe(true);
    const data = JSON.parse(r.out) as { files: Record<string, string>; runcmd: Array<string | string[]>; packages: string[] };
    expect(data.files['/etc/wireguard/wg0.conf']).toBe(file(`${host}/wg0.conf`).content);
    const byName: Record<string, string> = {
      '/etc/wg-designer/firewall.nft': 'firewall.nft', '/etc/wg-designer/firewall.iptables': 'firewall.iptables',
      '/etc/wg-designer/firewall.ip6tables': 'firewall.ip6tables', '/etc/sysctl.d/90-wg-designer.conf': 'sysctl.conf',
      '/etc/systemd/system/wg-designer-firewall.service': 'wg-designer-firewall.service',
      '/etc/systemd/system/wg-quick@wg0.service.d/wg-designer.conf': 'wg0-requires-firewall.conf',
    };
    for (const [target, content] of Object.entries(data.files)) {
      if (target === '/etc/wireguard/wg0.conf') continue;
      expect(content, target).toBe(file(`${host}/${byName[target]}`).content);
    }
    expect(Object.keys(data.files).length).toBe(1 + files.filter((f) => f.path.startsWith(`${host}/`) && Object.values(byName).includes(f.path.slice(host.length + 1))).length);
    expect(data.packages).toEqual(['wireguard-tools', firewall]);
    expect(data.runcmd.at(-1)).toEqual(['systemctl', 'enable', '--now', 'wg-quick@wg0']);
    const shell = data.runcmd.filter((c): c is string => typeof c === 'string');
    expect(shell.length).toBe(plan.byId.get(host)!.privateKey === null ? 1 : 0);
    for (const line of shell) {
      const lint = run('shellcheck', ['--severity=style', '-s', 'sh', '-'], `${line}\n`);
      expect(lint.ok, `${line}\n${lint.out}`).toBe(true);
    }
  });

  it('install-networkd.sh passes bash -n and shellcheck', () => {
    const scripts = hosts.map((h) => join(dir, h, 'networkd/install-networkd.sh'));
    for (const s of scripts) expect(run('bash', ['-n', s]).ok, s).toBe(true);
    const lint = run('shellcheck', ['--severity=style', ...scripts]);
    expect(lint.ok, lint.out).toBe(true);
  });

  it.each(hosts)('%s: systemd-networkd reads wg0.netdev and wg0.network without a complaint', (host) => {
    const r = networkdReads(join(dir, host, 'networkd'), file(`${host}/networkd/wg0.netdev`).content, file(`${host}/networkd/wg0.network`).content);
    expect(r.loaded && r.complaints.length === 0, r.out).toBe(true);
  });
});

/**
 * Runs the real systemd-networkd for a second in a new network and mount namespace whose /etc/systemd/network
 * holds only these two files and whose /etc/wireguard holds a key, installed as install-networkd.sh installs them.
 * networkd logs every key it cannot parse, a key file it cannot read and a too open .netdev, naming the file; the
 * kernel of this machine has no WireGuard module, so the netdev then fails to be created, which is not a complaint.
 */
function networkdReads(at: string, netdev: string, network: string): { loaded: boolean; complaints: string[]; out: string } {
  const conf = join(at, 'ns-conf');
  const keys = join(at, 'ns-wireguard');
  mkdirSync(conf, { recursive: true });
  mkdirSync(keys, { recursive: true });
  writeFileSync(join(conf, 'wg0.netdev'), netdev, { mode: 0o640 });
  writeFileSync(join(conf, 'wg0.network'), network, { mode: 0o644 });
  const key = run('wg', ['genkey']);
  if (!key.ok) return { loaded: false, complaints: [key.out], out: key.out };
  writeFileSync(join(keys, 'wg0.key'), key.out, { mode: 0o640 });
  const own = run('chown', ['root:systemd-network', keys, join(keys, 'wg0.key'), join(conf, 'wg0.netdev')]);
  if (!own.ok) return { loaded: false, complaints: [own.out], out: own.out };
  run('chmod', ['750', keys]);
  const script = [
    'set -e',
    'mount -t tmpfs tmpfs /run/systemd',
    'mkdir -p /run/systemd/netif && chown systemd-network:systemd-network /run/systemd/netif',
    `mount --bind ${conf} /etc/systemd/network`,
    'mkdir -p /etc/wireguard',
    `mount --bind ${keys} /etc/wireguard`,
    'SYSTEMD_LOG_LEVEL=debug SYSTEMD_LOG_TARGET=console timeout 1 /lib/systemd/systemd-networkd || true',
  ].join('\n');
  const r = run('unshare', ['--mount', '--net', '--propagation', 'private', 'bash', '-c', script]);
  const lines = r.out.split('\n');
  return {
    loaded: r.ok && lines.includes('wg0: loaded "wireguard"'),
    complaints: lines.filter((l) => l.includes('/etc/systemd/network/') || /ignoring network device|too permissive|Failed to read (private|preshared) key/.test(l)),
    out: r.out,
  };
}

describe('user-data of hostile names', () => {
  // Free text that attacks line breaks, quotes and escapes, as design name and host name: cloud-init must still
  // accept the file and read wg0.conf back exactly, the text only on its # lines.
  const cases = FREE_TEXT.map((p) => {
    const text = p.value('/tmp/wgd-canary');
    return [p.label, typeof text === 'string' ? text : text.json] as const;
  });

  it.each(cases)('%s', (label, text) => {
    const d = fixtureDesign('point-to-point');
    const design = { ...d, name: text, hosts: d.hosts.map((h) => ({ ...h, name: text })) };
    const plan = buildPlan(design);
    const host = plan.hosts.find((h) => !h.external)!;
    const files = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, hostSetups: ['cloud-init'] });
    const userData = join(mkdtempSync(join(root, `hostile-${label}-`)), 'user-data');
    writeFileSync(userData, files.find((f) => f.path === `${host.id}/cloud-init/user-data`)!.content);
    const schema = run('cloud-init', ['schema', '--config-file', userData]);
    expect(schema.ok && schema.out.includes('Valid cloud-config'), schema.out).toBe(true);
    const read = run('python3', ['-c', READ_USER_DATA, userData]);
    expect(read.ok, read.out).toBe(true);
    const data = JSON.parse(read.out) as { files: Record<string, string> };
    expect(data.files['/etc/wireguard/wg0.conf']).toBe(files.find((f) => f.path === `${host.id}/wg0.conf`)!.content);
  });
});

describe('cloud-init in host custody', () => {
  it('makes the key once at first boot, puts it in wg0.conf for wg-quick, and prints the enroll line', () => {
    const plan = buildPlan(hostCustody());
    const host = plan.hosts.find((h) => !h.external)!;
    const files = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, hostSetups: ['cloud-init'] });
    const at = mkdtempSync(join(root, 'first-boot-'));
    const userData = join(at, 'user-data');
    writeFileSync(userData, files.find((f) => f.path === `${host.id}/cloud-init/user-data`)!.content);
    const read = run('python3', ['-c', READ_USER_DATA, userData]);
    expect(read.ok, read.out).toBe(true);
    const data = JSON.parse(read.out) as { files: Record<string, string>; runcmd: Array<string | string[]> };
    const line = data.runcmd.find((c): c is string => typeof c === 'string')!;
    const etc = join(at, 'wireguard');
    mkdirSync(etc, { mode: 0o700 });
    writeFileSync(join(etc, 'wg0.conf'), data.files['/etc/wireguard/wg0.conf']!, { mode: 0o600 });
    // As runcmd runs it (sh), twice (a re-run of the module must not add a second key), with /etc/wireguard
    // replaced by this folder in a private mount namespace.
    const boot = [
      `mount --bind ${etc} /etc/wireguard`,
      `sh -c '${line.replace(/'/g, "'\\''")}'`,
      `sh -c '${line.replace(/'/g, "'\\''")}'`,
      'stat -c %a /etc/wireguard/wg0.key',
      'wg pubkey < /etc/wireguard/wg0.key',
      'wg-quick strip /etc/wireguard/wg0.conf > /dev/null && echo strip-ok',
      'grep -c "^PrivateKey = " /etc/wireguard/wg0.conf',
    ].join(' && ');
    const r = run('unshare', ['--mount', '--propagation', 'private', 'bash', '-c', boot]);
    expect(r.ok, r.out).toBe(true);
    const [enroll1, enroll2, mode, pub, strip, count] = r.out.trim().split('\n');
    expect(enroll1).toBe(`enroll: ${host.id} ${pub}`);
    expect(enroll2).toBe(enroll1);
    expect(mode).toBe('600');
    expect(strip).toBe('strip-ok');
    expect(count).toBe('1');
  });
});

describe('the systemd-networkd check', () => {
  const hp = buildPlan(fixtureDesign('hub-and-spoke')).hosts.find((h) => h.routes)!;

  it('sees a key networkd does not know, an unreadable key file and a bad route (so silence means something)', () => {
    const at = mkdtempSync(join(root, 'control-'));
    const netdev = renderNetdev(hp, 'd').replace('[WireGuard]\n', '[WireGuard]\nBogusKey=1\n');
    const network = `${renderNetwork(hp, 'd')}\n[Route]\nDestination=not-a-prefix\n`;
    const r = networkdReads(at, netdev, network);
    expect(r.complaints.some((l) => l.includes("Unknown key 'BogusKey'")), r.out).toBe(true);
    expect(r.complaints.some((l) => l.includes("Invalid Destination='not-a-prefix'")), r.out).toBe(true);
    const unreadable = networkdReads(mkdtempSync(join(root, 'control-')), renderNetdev(hp, 'd').replace('/etc/wireguard/wg0.key', '/etc/wireguard/missing.key'), renderNetwork(hp, 'd'));
    expect(unreadable.complaints.some((l) => l.includes('Failed to read private key')), unreadable.out).toBe(true);
  });

  it('reads a default route through the tunnel: the fwmark, table 51820 and both policy rules', () => {
    const [first, ...rest] = hp.peers;
    const routed: HostPlan = { ...hp, peers: [{ ...first!, allowedIPs: [parsePrefix('0.0.0.0/0'), parsePrefix('::/0')] }, ...rest] };
    const r = networkdReads(mkdtempSync(join(root, 'default-')), renderNetdev(routed, 'd'), renderNetwork(routed, 'd'));
    expect(r.loaded && r.complaints.length === 0, r.out).toBe(true);
  });
});
