import { existsSync } from 'node:fs';
import { SecretsError, bundleFolderName, cryptoRandom, exportBundle } from '../../engine';
import { ansibleVaultSeal } from '../ansible-vault-seal';
import { CliError, writeAtomic } from '../io';
import { keysOf, keysPathFor, mergeKeys, writeKeysFile } from '../keys-file';
import { readKeysAny, writeKeysAge } from '../keys-file-age';
import { SECRETS_FLAGS, secretsOf } from '../secrets-args';
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
  qos: { bulkRateMbit: number } | null;
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
 * With `--age-recipient` the keys file is written encrypted (`<keys>.age`), and read back with `--age-identity`;
 * `--secrets vault` writes each host's secrets to `<output>.secrets/` for the bundle's vault/put-secrets.sh.
 */
export async function runExport(args: ExportArgs, log: (s: string) => void): Promise<number> {
  const keysPath = args.keys ?? keysPathFor(args.design);
  const loaded = loadDesign(args.design);
  const secretsArgs = args.secrets ?? PLAIN_ARGS;
  const secrets = secretsOf(secretsArgs, bundleFolderName(loaded.name));
  const { keys, encrypted } = await readKeysAny(keysPath, args.ageIdentity);
  const recipients = secretsArgs.ageRecipients;
  // Keys read encrypted are never written back in clear.
  if (encrypted && recipients.length === 0) throw new CliError(`the keys file was encrypted: give --age-recipient to write it back encrypted`, 2);
  const design = mergeKeys(loaded, keys, (m) => log(`warning: ${m}`));
  let result;
  try {
    result = await exportBundle(design, cryptoRandom, { firewall: args.firewall, qos: args.qos, secrets }, NODE_ZIP_CODEC, { ansibleVault: ansibleVaultSeal });
  } catch (e) {
    if (e instanceof SecretsError) throw new CliError(`${SECRETS_FLAGS[e.field]}: ${e.message}`, 2);
    throw e;
  }
  const c = result.completion;
  // The export validated the completed design already (its README lists the findings): no second pass.
  const errors = result.findings.filter((f) => f.severity === 'error');
  for (const e of errors) log(`error: ${e.code}: ${e.message}`);
  if (errors.length > 0 && !args.force) {
    log(`not exported: ${errors.length} errors (run validate for details, or --force to export anyway)`);
    return 1;
  }
  const keysFile = keysOf(c.design, keys.rotation ?? null);
  let keptIn = keysPath;
  if (recipients.length > 0) {
    keptIn = await writeKeysAge(keysPath, keysFile, recipients);
    if (existsSync(keysPath)) log(`warning: ${keysPath} still holds the keys in clear: delete it once ${keptIn} opens with your --age-identity`);
  } else {
    writeKeysFile(keysPath, keysFile);
  }
  writeAtomic(args.output, result.zip, 0o600);
  if (secrets.mode === 'vault') {
    const dir = writeSecretsFolder(args.output, result.secrets);
    log(`wrote ${dir}: each host's keys for Vault; run vault/put-secrets.sh ${dir} from the bundle, then delete the folder`);
  }
  log(`wrote ${args.output}: ${result.files.length} files for ${c.design.hosts.filter((h) => !h.external).length} hosts (${result.zip.length} bytes)`);
  if (keys.rotation) {
    log(`a rotation is pending (cut-over at ${keys.rotation.at}): this bundle has the current keys; after the cut-over and step 3, run rotate --finish`);
  }
  if (c.generatedKeys.length + c.generatedPresharedKeys.length > 0) {
    log(`generated ${c.generatedKeys.length} keypairs and ${c.generatedPresharedKeys.length} preshared keys; kept in ${keptIn} (mode 600)`);
  }
  const pinned = pinAddressesInFile(args.design, c.design, c.allocated);
  if (pinned.length > 0) {
    log(`allocated overlay addresses for ${pinned.length} hosts (${pinned.join(', ')}) and pinned them in ${args.design} (only their "addresses" fields), so later exports keep them`);
  }
  return 0;
}
