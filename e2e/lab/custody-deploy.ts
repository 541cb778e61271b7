import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { publicKeyOf } from '../../src/engine';
import { knownKey, reexport } from './bundle';
import type { LabBundle } from './bundle';
import type { CustodyVariant } from './custody-variants';
import { overlayAddresses } from './db-endpoints';
import { deployHost, etcDirOf, runInstall } from '../../src/cli/prove/deploy-host';
import type { LabHost } from './handshakes';
import { hostState, stateDiff } from './host-state';
import { must } from '../../src/cli/prove/netns';
import type { CheckResult } from './results';
import { runCommand } from '../../src/cli/prove/run-command';
import { wgKeypair } from './wg-keys';

/** A variant's hosts running, and the custody checks on the way there. */
export interface VariantDeploy {
  bundle: LabBundle;
  hosts: Map<string, LabHost>;
  results: CheckResult[];
}

/** The secrets material of a variant: the CLI's export flags, and what each host holds to decrypt. */
export interface LabSecretsSetup {
  exportArgs: string[];
  /** Flags that let a later export read (and keep) the encrypted keys file, for a plain bundle of the same keys. */
  keysArgs: string[];
  env: string[];
  /** Puts the host's identity (age key, vault password) into its /etc before install.sh runs. */
  place: (id: string) => void;
}

/** Makes the variant's identity with the real tools: `age-keygen`, or a random Ansible Vault password file. */
export async function secretsSetup(v: CustodyVariant, workDir: string): Promise<LabSecretsSetup> {
  if (v.secrets === null) return { exportArgs: [], keysArgs: [], env: [], place: () => undefined };
  const file = `${workDir}/${v.secrets === 'age' ? 'age.key' : 'vault-pass'}`;
  let exportArgs: string[];
  let keysArgs: string[];
  if (v.secrets === 'age') {
    await must(runCommand('age-keygen', ['-o', file]), 'age-keygen');
    const recipient = /# public key: (age1[0-9a-z]+)/.exec(readFileSync(file, 'utf8'))?.[1];
    if (!recipient) throw new Error('age-keygen wrote no public key');
    exportArgs = ['--secrets', 'age', '--age-recipient', recipient];
    keysArgs = ['--age-recipient', recipient, '--age-identity', file];
  } else {
    writeFileSync(file, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
    exportArgs = ['--secrets', 'ansible-vault', '--vault-password-file', file];
    // The CLI writes a vault keys file back only for an ansible-vault bundle: no plain bundle of it here.
    keysArgs = [];
  }
  const onHost = `/etc/wg-designer/${v.secrets === 'age' ? 'age.key' : 'vault-pass'}`;
  const env = [v.secrets === 'age' ? `WG_DESIGNER_AGE_IDENTITY=${onHost}` : `WG_DESIGNER_VAULT_PASSWORD_FILE=${onHost}`];
  const place = (id: string) => {
    const dir = `${etcDirOf(workDir, id)}/upper/wg-designer`;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    copyFileSync(file, `${dir}/${onHost.split('/').pop() ?? ''}`);
    chmodSync(`${dir}/${onHost.split('/').pop() ?? ''}`, 0o600);
  };
  return { exportArgs, keysArgs, env, place };
}

/**
 * Every host keeps its own key, as an operator deploys that: install.sh on each host generates the key, prints its
 * public key and changes nothing else; the keys go into the design with `wg-designer enroll --file`; the
 * re-exported bundle holds no private key; a host whose key is not the enrolled one is refused with nothing
 * changed; then every host installs the bundle.
 */
export async function deployHostKeys(first: LabBundle, hostNs: ReadonlyMap<string, string>, workDir: string, cli: string): Promise<VariantDeploy> {
  const results: CheckResult[] = [];
  const lines: string[] = [];
  const generated = new Map<string, string>();
  for (const [id, b] of first.hosts) {
    const ns = nsOf(hostNs, id);
    const upper = `${etcDirOf(workDir, id)}/upper`;
    const before = await hostState(ns, upper);
    const r = await runInstall(id, ns, b.folder, workDir);
    const keyFile = `${upper}/wireguard/wg0.key`;
    const privateKey = readFileSync(keyFile, 'utf8').trim();
    const publicKey = publicKeyOf(privateKey);
    const mode = (statSync(keyFile).mode & 0o777).toString(8);
    const changed = stateDiff(before, await hostState(ns, upper, ['wireguard', 'wireguard/wg0.key']));
    results.push({
      group: 'keys', label: `${id}: install.sh before enrollment makes its own key (mode 600), prints its public key, refuses and changes nothing else`,
      ok: r.code !== 0 && mode === '600' && r.stdout.concat(r.stderr).includes(publicKey) && changed.length === 0,
      detail: `exit ${r.code}, key mode ${mode}, ${changed.length === 0 ? 'nothing else changed' : `changed: ${changed.join('; ')}`}; ${lastLine(r.stderr || r.stdout)}`,
    });
    generated.set(id, privateKey);
    lines.push(`${id} ${publicKey}`);
  }
  // As Ansible would gather them: one "host-id public-key" line per host.
  writeFileSync(`${workDir}/enroll.txt`, `# gathered from each host's install.sh\n${lines.join('\n')}\n`);
  await must(runCommand('node', [cli, 'enroll', first.designPath, '--file', `${workDir}/enroll.txt`], '', 30_000), 'wg-designer enroll --file');
  const bundle = await reexport(workDir, cli, 'enrolled');
  results.push(noSecretIn(bundle, [...generated.values()], 'the bundle of hosts that keep their own keys'));
  results.push(noSecretIn({ ...bundle, root: workDir, files: ['design.json', 'design.keys.json'].filter((f) => existsSync(`${workDir}/${f}`)) }, [...generated.values()], 'the design and its keys file'));
  results.push(onlyPublicKeys(bundle));
  const [firstId] = bundle.hosts.keys();
  if (firstId !== undefined) results.push(await wrongKeyRefused(firstId, bundle, hostNs, workDir, `${etcDirOf(workDir, firstId)}/upper/wireguard/wg0.key`));
  return { bundle, hosts: await deployAllOf(bundle, hostNs, workDir, []), results };
}

/**
 * Bundle keys encrypted to the hosts (age, Ansible Vault): the zip holds none of the design's secrets, a plain
 * bundle with a wrong private key is refused with nothing changed, and every host decrypts with the real tool.
 */
export async function deploySecrets(bundle: LabBundle, setup: LabSecretsSetup, hostNs: ReadonlyMap<string, string>, workDir: string, cli: string): Promise<VariantDeploy> {
  for (const id of bundle.hosts.keys()) setup.place(id);
  // What the encrypted zip must not hold: the same keys in a plain bundle (age), or the keys file opened with the
  // real ansible-vault.
  const plain = setup.keysArgs.length > 0 ? await reexport(workDir, cli, 'plain', setup.keysArgs) : null;
  const secrets = plain
    ? [...plain.hosts.values()].flatMap((h) => tokens(readFileSync(`${h.folder}/wg0.conf`, 'utf8'))
      .filter((t) => !plain.design.hosts.some((d) => d.publicKey === t)))
    : tokens((await must(runCommand('ansible-vault', ['view', '--vault-password-file', `${workDir}/vault-pass`, `${bundle.keysPath}.vault`], '', 30_000), 'ansible-vault view')).stdout);
  const results: CheckResult[] = [{ ...noSecretIn(bundle, secrets, 'the encrypted bundle'), ok: secrets.length > 0 && noSecretIn(bundle, secrets, '').ok, detail: `${secrets.length} private and preshared keys looked for in ${bundle.files.length} files` }];
  const [firstId, firstHost] = plain ? [...plain.hosts][0] ?? [] : [];
  if (plain && firstId !== undefined && firstHost !== undefined) {
    const conf = `${firstHost.folder}/wg0.conf`;
    writeFileSync(conf, readFileSync(conf, 'utf8').replace(/^PrivateKey = .*$/m, `PrivateKey = ${wgKeypair().privateKey}`));
    results.push(await wrongKeyRefused(firstId, plain, hostNs, workDir, null));
  }
  return { bundle, hosts: await deployAllOf(bundle, hostNs, workDir, setup.env), results };
}

/** install.sh with a private key that is not the one the design expects: refused, and the host is as before. */
async function wrongKeyRefused(id: string, bundle: LabBundle, hostNs: ReadonlyMap<string, string>, workDir: string, hostKeyFile: string | null): Promise<CheckResult> {
  const ns = nsOf(hostNs, id);
  const upper = `${etcDirOf(workDir, id)}/upper`;
  const saved = hostKeyFile === null ? null : readFileSync(hostKeyFile);
  if (hostKeyFile !== null) writeFileSync(hostKeyFile, `${wgKeypair().privateKey}\n`, { mode: 0o600 });
  const before = await hostState(ns, upper);
  const folder = bundle.hosts.get(id)?.folder ?? '';
  const r = await runInstall(id, ns, folder, workDir);
  const changed = stateDiff(before, await hostState(ns, upper));
  if (hostKeyFile !== null && saved !== null) writeFileSync(hostKeyFile, saved, { mode: 0o600 });
  const expected = knownKey(id, bundle.hosts.get(id) ?? { folder, mtu: 0, publicKey: null });
  const said = r.stdout + r.stderr;
  return {
    group: 'keys', label: `${id}: install.sh with a wrong private key (${hostKeyFile === null ? 'in wg0.conf' : 'on the host'}) refuses, names the expected key, and changes nothing`,
    ok: r.code !== 0 && changed.length === 0 && said.includes(expected.slice(0, 8)),
    detail: `exit ${r.code}; ${changed.length === 0 ? 'nothing changed' : `changed: ${changed.join('; ')}`}; ${lastLine(said)}`,
  };
}

function noSecretIn(bundle: Pick<LabBundle, 'root' | 'files'>, secrets: readonly string[], what: string): CheckResult {
  const found = bundle.files.filter((f) => {
    const text = readFileSync(`${bundle.root}/${f}`, 'latin1');
    return secrets.some((s) => text.includes(s));
  });
  return { group: 'keys', label: `${what} holds none of the private keys`, ok: found.length === 0, detail: found.length === 0 ? `${bundle.files.length} files scanned` : `found in ${found.join(', ')}` };
}

/** Host custody with preshared keys left out: every 44-character key in the zip is one of the design's public keys. */
function onlyPublicKeys(bundle: LabBundle): CheckResult {
  const publicKeys = new Set(bundle.design.hosts.map((h) => h.publicKey).filter((k): k is string => k !== null));
  const others = bundle.files.flatMap((f) => tokens(readFileSync(`${bundle.root}/${f}`, 'latin1')).filter((t) => !publicKeys.has(t)).map((t) => `${f}: ${t.slice(0, 8)}...`));
  return { group: 'keys', label: 'every 44-character key in the bundle is a public key of the design', ok: others.length === 0, detail: others.length === 0 ? `${publicKeys.size} public keys` : others.join(', ') };
}

async function deployAllOf(bundle: LabBundle, hostNs: ReadonlyMap<string, string>, workDir: string, env: readonly string[]): Promise<Map<string, LabHost>> {
  const hosts = new Map<string, LabHost>();
  for (const [id, b] of bundle.hosts) {
    const h = bundle.design.hosts.find((x) => x.id === id);
    if (!h) continue;
    hosts.set(id, { deployed: await deployHost(id, nsOf(hostNs, id), b.folder, workDir, env), publicKey: knownKey(id, b), addresses: overlayAddresses(h) });
  }
  return hosts;
}

/** WireGuard keys in a text: 32 bytes in base64 are 43 characters and one "=". */
function tokens(text: string): string[] {
  return [...text.matchAll(/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=(?![A-Za-z0-9+/=])/g)].map((m) => m[0]);
}

function nsOf(hostNs: ReadonlyMap<string, string>, id: string): string {
  const ns = hostNs.get(id);
  if (!ns) throw new Error(`no namespace for ${id}`);
  return ns;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
