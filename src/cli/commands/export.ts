import { existsSync } from 'node:fs';
import { SecretsError, bundleFolderName, cryptoRandom, exportBundleZip, plural } from '../../engine';
import type { Completion, HostSetup, QosOptions } from '../../engine';
import { ansibleVaultSeal } from '../ansible-vault-seal';
import { CliError, requireFolderOf, writeAtomic } from '../io';
import { keysOf, keysPathFor, mergeKeys } from '../keys-file';
import { readKeysSealed, writeKeysSealed } from '../keys-file-sealed';
import { SECRETS_FLAGS, readVaultPassword, secretsOf } from '../secrets-args';
import type { SecretsArgs } from '../secrets-args';
import { writeSecretsFolder } from '../secrets-folder';
import { loadDesign } from '../load-design';
import { NODE_ZIP_CODEC } from '../node-codecs';
import { pinAddressesInFile } from '../pin-addresses-file';

export interface ExportArgs {
  design: string;
  output: string;
  keys?: string;
  /** Write the bundle even when validation finds errors. */
  force: boolean;
  firewall: 'nftables' | 'iptables';
  qos: QosOptions | null;
  /** `--host-setup`: networkd and cloud-init files beside wg-quick's (none when left out). */
  hostSetups?: readonly HostSetup[];
  /** `--secrets` and its parameters; `--age-recipient` also encrypts the keys file (`<keys>.age`). */
  secrets?: SecretsArgs;
  /** `--age-identity`: reads an encrypted keys file. */
  ageIdentity?: string;
}

/** `rotate --finish` exports with the keys in clear, as before. */
const PLAIN_ARGS: SecretsArgs = { secrets: 'plain', ageRecipients: [], vaultPasswordFile: undefined, vaultPath: undefined };

/**
 * `export design.json -o bundle.zip`: fills in missing keys and addresses, writes the zip, and keeps every secret
 * in the keys file beside the design (mode 600) so the next export reuses them and changes no key. A pending
 * rotation's new keys stay pending: the bundle has the keys in use until `rotate --finish`. Addresses it
 * allocated are written into the design file, so the next export keeps them when hosts are added, removed or
 * reordered. A design with errors is not exported unless forced: a bundle that cannot work is worse than none.
 * With `--age-recipient` the keys file is written encrypted (`<keys>.age`, read back with `--age-identity`), in
 * Ansible Vault mode as `<keys>.vault` with the same password (read back with `--vault-password-file`);
 * `--secrets vault` writes each host's secrets to `<output>.secrets/` for the bundle's vault/put-secrets.sh.
 */
export async function runExport(args: ExportArgs, log: (s: string) => void): Promise<number> {
  requireFolderOf(args.output);
  const keysPath = args.keys ?? keysPathFor(args.design);
  const loaded = loadDesign(args.design);
  const secretsArgs = args.secrets ?? PLAIN_ARGS;
  const secrets = secretsOf(secretsArgs, bundleFolderName(loaded.name));
  const password = secretsArgs.vaultPasswordFile === undefined ? undefined : readVaultPassword(secretsArgs.vaultPasswordFile);
  const { keys, encrypted } = await readKeysSealed(keysPath, { ageIdentity: args.ageIdentity, vaultPassword: password });
  // age recipients encrypt the keys file in any mode; Ansible Vault mode keeps it in Ansible Vault too.
  const lock = { ageRecipients: secretsArgs.ageRecipients, vaultPassword: secrets.mode === 'ansible-vault' ? password : undefined };
  // Keys read encrypted are never written back in clear.
  if (encrypted && lock.ageRecipients.length === 0 && lock.vaultPassword === undefined) {
    throw new CliError('the keys file was encrypted: give --age-recipient (or --secrets ansible-vault) to write it back encrypted', 2);
  }
  const design = mergeKeys(loaded, keys, (m) => log(`warning: ${m}`));
  let keptIn = keysPath;
  // The keys file is written as soon as the keys exist, before the bundle is made: if rendering or zipping fails,
  // the next export reuses these keys instead of making others.
  const keepKeys = async ({ design: completed }: Completion) => {
    keptIn = await writeKeysSealed(keysPath, keysOf(completed, keys.rotation ?? null), lock);
  };
  let result;
  try {
    result = await exportBundleZip(design, cryptoRandom, { firewall: args.firewall, qos: args.qos, hostSetups: args.hostSetups ?? [], secrets }, NODE_ZIP_CODEC, { ansibleVault: ansibleVaultSeal }, keepKeys);
  } catch (e) {
    if (e instanceof SecretsError) throw new CliError(`${SECRETS_FLAGS[e.field]}: ${e.message}`, 2);
    throw e;
  }
  const c = result.completion;
  // The export validated the completed design already (its README lists the findings): no second pass.
  const errors = result.findings.filter((f) => f.severity === 'error');
  for (const e of errors) log(`error: ${e.code}: ${e.message}`);
  if (errors.length > 0 && !args.force) {
    log(`not exported: ${plural(errors.length, 'error')} (run validate for details, or --force to export anyway)`);
    return 1;
  }
  if (keptIn !== keysPath && existsSync(keysPath)) {
    log(`warning: ${keysPath} still holds the keys in clear: delete it once ${keptIn} opens (--age-identity or --vault-password-file)`);
  }
  writeAtomic(args.output, result.zipParts, 0o600);
  if (secrets.mode === 'vault') {
    const dir = writeSecretsFolder(args.output, result.secrets);
    log(`wrote ${dir}: each host's keys for Vault; run vault/put-secrets.sh ${dir} from the bundle, then delete the folder`);
  }
  log(`wrote ${args.output}: ${plural(result.fileCount, 'file')} for ${plural(c.design.hosts.filter((h) => !h.external).length, 'host')} (${result.zipBytes} bytes)`);
  if (keys.rotation) {
    log(`a rotation is pending (cut-over at ${keys.rotation.at}): this bundle has the current keys; after the cut-over and step 3, run rotate --finish`);
  }
  if (c.generatedKeys.length + c.generatedPresharedKeys.length > 0) {
    log(`generated ${plural(c.generatedKeys.length, 'keypair')} and ${plural(c.generatedPresharedKeys.length, 'preshared key')}; kept in ${keptIn} (mode 600)`);
  }
  const pinned = pinAddressesInFile(args.design, c.design, c.allocated);
  if (pinned.length > 0) {
    log(`allocated overlay addresses for ${plural(pinned.length, 'host')} (${pinned.join(', ')}) and pinned them in ${args.design} (only their "addresses" fields), so later exports keep them`);
  }
  return 0;
}
