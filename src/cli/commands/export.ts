import { cryptoRandom, exportBundle } from '../../engine';
import { writeAtomic } from '../io';
import { keysPathFor, mergeKeys, readKeys, writeKeys } from '../keys-file';
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
}

/**
 * `export design.json -o bundle.zip`: fills in missing keys and addresses, writes the zip, and keeps every secret
 * in the keys file beside the design (mode 600) so the next export reuses them and changes no key. A pending
 * rotation's new keys stay pending: the bundle has the keys in use until `rotate --finish`. Addresses it
 * allocated are written into the design file, so the next export keeps them when hosts are added, removed or
 * reordered. A design with errors is not exported unless forced: a bundle that cannot work is worse than none.
 */
export async function runExport(args: ExportArgs, log: (s: string) => void): Promise<number> {
  const keysPath = args.keys ?? keysPathFor(args.design);
  const keys = readKeys(keysPath);
  const design = mergeKeys(loadDesign(args.design), keys, (m) => log(`warning: ${m}`));
  const result = await exportBundle(design, cryptoRandom, { firewall: args.firewall, qos: args.qos }, NODE_ZIP_CODEC);
  const c = result.completion;
  // The export validated the completed design already (its README lists the findings): no second pass.
  const errors = result.findings.filter((f) => f.severity === 'error');
  for (const e of errors) log(`error: ${e.code}: ${e.message}`);
  if (errors.length > 0 && !args.force) {
    log(`not exported: ${errors.length} errors (run validate for details, or --force to export anyway)`);
    return 1;
  }
  writeKeys(keysPath, c.design, keys.rotation ?? null);
  writeAtomic(args.output, result.zip, 0o600);
  log(`wrote ${args.output}: ${result.files.length} files for ${c.design.hosts.filter((h) => !h.external).length} hosts (${result.zip.length} bytes)`);
  if (keys.rotation) {
    log(`a rotation is pending (cut-over at ${keys.rotation.at}): this bundle has the current keys; after the cut-over and step 3, run rotate --finish`);
  }
  if (c.generatedKeys.length + c.generatedPresharedKeys.length > 0) {
    log(`generated ${c.generatedKeys.length} keypairs and ${c.generatedPresharedKeys.length} preshared keys; kept in ${keysPath} (mode 600)`);
  }
  const pinned = pinAddressesInFile(args.design, c.design, c.allocated);
  if (pinned.length > 0) {
    log(`allocated overlay addresses for ${pinned.length} hosts (${pinned.join(', ')}) and pinned them in ${args.design} (only their "addresses" fields), so later exports keep them`);
  }
  return 0;
}
