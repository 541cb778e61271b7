import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { reexport } from './bundle';
import type { LabBundle } from './bundle';
import { overlayAddresses } from './db-endpoints';
import { etcDirOf, tail } from '../../src/cli/prove/deploy-host';
import type { LabHost } from './handshakes';
import { trackPid } from '../../src/cli/prove/leftovers';
import { commOf, must, pidsIn } from '../../src/cli/prove/netns';
import type { CheckResult } from './results';
import { runCommand } from '../../src/cli/prove/run-command';
import type { CommandResult } from '../../src/cli/prove/run-command';
import type { VariantDeploy } from './custody-deploy';

/** Tags the lab skips: there is no package mirror inside a host's namespace, and the tools are installed already. */
const SKIP_PACKAGES = 'packages';

/**
 * The bundle's own `ansible/site.yml`, run with the real ansible-playbook against the lab's hosts. Each host is a
 * local connection whose Python runs inside that host's namespaces (a wrapper given as its interpreter): those of
 * its running wireguard-go, or, before wg0 is up, its network namespace with its private /run and /etc overlay,
 * as install.sh gets from the lab's own deploy. Ansible's temp files stay in the run's folder.
 */
export class AnsibleLab {
  private readonly dir: string;

  constructor(private readonly hostNs: ReadonlyMap<string, string>, private readonly workDir: string) {
    this.dir = `${workDir}/ansible`;
    mkdirSync(`${this.dir}/tmp`, { recursive: true });
    const lines = ['[wireguard]'];
    for (const [id, ns] of hostNs) {
      const wrapper = `${this.dir}/python-${id}.sh`;
      writeFileSync(wrapper, pythonIn(ns, etcDirOf(workDir, id)), { mode: 0o755 });
      lines.push(`${id} ansible_connection=local ansible_python_interpreter=${wrapper} ansible_become=false`);
    }
    writeFileSync(`${this.dir}/inventory.ini`, `${lines.join('\n')}\n`);
  }

  /** `ansible-playbook -i <lab inventory> <bundle>/ansible/<playbook> --skip-tags packages[,more]`. */
  play(bundle: LabBundle, skipTags: readonly string[] = [], playbook = 'site.yml'): Promise<CommandResult> {
    return runCommand('env', [
      'ANSIBLE_NOCOLOR=1', 'ANSIBLE_RETRY_FILES_ENABLED=0', `ANSIBLE_LOCAL_TEMP=${this.dir}/tmp`, `ANSIBLE_REMOTE_TMP=${this.dir}/tmp`,
      'ansible-playbook', '-i', `${this.dir}/inventory.ini`, `${bundle.root}/ansible/${playbook}`,
      '--skip-tags', [SKIP_PACKAGES, ...skipTags].join(','),
    ], '', 300_000);
  }
}

function pythonIn(ns: string, etcDir: string): string {
  const env = 'env WG_DESIGNER_NO_SYSTEMD=1 WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go';
  return [
    '#!/bin/sh',
    `# python3 on lab host ${ns}: Ansible's modules for this host run here.`,
    `for p in $(ip netns pids '${ns}'); do`,
    `  if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = wireguard-go ]; then exec nsenter -t "$p" -m -n ${env} python3 "$@"; fi`,
    'done',
    `mkdir -p '${etcDir}/upper' '${etcDir}/work'`,
    `exec ip netns exec '${ns}' ${env} unshare -m --propagation private sh -c 'mount -t tmpfs wgd-lab /run && mount -t overlay wgd-lab -o lowerdir=/etc,upperdir=${etcDir}/upper,workdir=${etcDir}/work /etc && exec python3 "$@"' python3 "$@"`,
    '',
  ].join('\n');
}

/**
 * Host custody rolled out with the bundle's playbook, as a fleet would be: the first run makes each host's key,
 * gathers the `enroll:` lines into enroll.txt and stops before the check, with no wg0 anywhere; the CLI enrolls
 * the file; the second run, with the re-exported bundle, installs every host.
 */
export async function deployWithAnsible(first: LabBundle, hostNs: ReadonlyMap<string, string>, workDir: string, cli: string): Promise<VariantDeploy & { ansible: AnsibleLab }> {
  const ansible = new AnsibleLab(hostNs, workDir);
  const results: CheckResult[] = [];
  const r1 = await ansible.play(first);
  const enrollFile = `${first.root}/enroll.txt`;
  const gathered = existsSync(enrollFile) ? readFileSync(enrollFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  const ids = [...first.hosts.keys()];
  const modes = ids.map((id) => {
    const f = `${etcDirOf(workDir, id)}/upper/wireguard/wg0.key`;
    return existsSync(f) ? (statSync(f).mode & 0o777).toString(8) : 'missing';
  });
  const up = await hostsWithWg0(hostNs);
  const stopped = r1.code !== 0 && r1.stdout.includes(`Not enrolled yet: ${ids.join(', ')}`);
  results.push({
    group: 'keys', label: 'ansible-playbook, first run: each host makes its key (mode 600), enroll.txt gathers one line per host, the play stops before the check, no wg0 is up',
    ok: stopped && gathered.length === ids.length && ids.every((id) => gathered.some((l) => l.startsWith(`${id} `))) && modes.every((m) => m === '600') && up.length === 0,
    detail: `exit ${r1.code}; ${gathered.length} lines in enroll.txt; key modes ${modes.join(', ')}; wg0 up on ${up.length} hosts${stopped ? '' : `; ${tail(r1.stdout + r1.stderr)}`}`,
  });
  await must(runCommand('node', [cli, 'enroll', first.designPath, '--file', enrollFile], '', 30_000), 'wg-designer enroll --file enroll.txt');
  const bundle = await reexport(workDir, cli, 'enrolled');
  const r2 = await ansible.play(bundle, ['check']);
  results.push({ group: 'keys', label: 'ansible-playbook, second run with the enrolled bundle: every host installs', ok: r2.code === 0, detail: r2.code === 0 ? recap(r2.stdout) : tail(r2.stdout + r2.stderr) });
  if (r2.code !== 0) throw new Error(`ansible-playbook did not install the enrolled bundle (exit ${r2.code}):\n${tail(r2.stdout + r2.stderr)}`);
  const hosts = new Map<string, LabHost>();
  for (const [id, b] of bundle.hosts) {
    const h = bundle.design.hosts.find((x) => x.id === id);
    const ns = hostNs.get(id);
    if (!h || !ns || b.publicKey === null) continue;
    const daemons = (await pidsIn(ns)).filter((p) => commOf(p) === 'wireguard-go');
    if (daemons.length !== 1 || daemons[0] === undefined) throw new Error(`${id}: expected one wireguard-go after the play, found ${daemons.length}`);
    trackPid(daemons[0], 'wireguard-go');
    hosts.set(id, { deployed: { id, ns, wgPid: daemons[0] }, publicKey: b.publicKey, addresses: overlayAddresses(h) });
  }
  return { bundle, hosts, results, ansible };
}

/**
 * The whole play again once the databases listen: nothing to copy, so nothing installs or changes, and every
 * host's check.sh (run by the play's last play) passes.
 */
export async function replayWithCheck(ansible: AnsibleLab, bundle: LabBundle): Promise<CheckResult> {
  const r = await ansible.play(bundle);
  const unchanged = [...bundle.hosts.keys()].every((id) => new RegExp(`^${id}\\s+: ok=\\d+\\s+changed=0 `, 'm').test(r.stdout));
  const passed = (r.stdout.match(/all checks passed/g) ?? []).length;
  return {
    group: 'keys', label: 'ansible-playbook, third run: nothing changes and every host\'s check.sh passes',
    ok: r.code === 0 && unchanged && passed === bundle.hosts.size,
    detail: `exit ${r.code}; ${unchanged ? 'changed=0 on every host' : 'some host changed'}; check.sh passed on ${passed} of ${bundle.hosts.size}${r.code === 0 ? '' : `; ${tail(r.stdout + r.stderr)}`}`,
  };
}

/**
 * The bundle's `ansible/collect.yml` gathers every host's collect.sh output into `collected/` beside the bundle, and
 * `wg-designer drift` on that folder finds the network as designed: the Ansible way to read a fleet back.
 */
export async function collectWithAnsible(ansible: AnsibleLab, bundle: LabBundle, cli: string): Promise<CheckResult> {
  const r = await ansible.play(bundle, [], 'collect.yml');
  const drift = r.code === 0
    ? await runCommand('node', [cli, 'drift', bundle.designPath, '--live', `${bundle.root}/collected`], '', 30_000)
    : null;
  return {
    group: 'drift', label: 'ansible-playbook collect.yml, then wg-designer drift: no drift',
    ok: drift?.code === 0,
    detail: drift === null ? `collect.yml: exit ${r.code}; ${tail(r.stdout + r.stderr)}` : `drift exit ${drift.code}: ${tail(drift.stdout + drift.stderr)}`,
  };
}

async function hostsWithWg0(hostNs: ReadonlyMap<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const [id, ns] of hostNs) if ((await pidsIn(ns)).some((p) => commOf(p) === 'wireguard-go')) out.push(id);
  return out;
}

function recap(stdout: string): string {
  return stdout.slice(stdout.lastIndexOf('PLAY RECAP')).split('\n').slice(1).filter(Boolean).map((l) => l.replace(/\s+/g, ' ').trim()).join('; ');
}
