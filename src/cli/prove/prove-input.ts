import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cryptoRandom, exportBundle, formatFieldError, parseDesignText } from '../../engine';
import type { Design } from '../../engine';
import { CliError } from '../io';
import { loadDesign } from '../load-design';

/** A bundle on disk to bring up, and the design it was made from. */
export interface ProveInput {
  /** The design as the bundle's design.json has it: addresses allocated. */
  design: Design;
  /** host id -> its folder (install.sh, wg0.conf, firewall.*). */
  folders: Map<string, string>;
  /** True when a host's firewall is iptables-restore files: prove then also needs iptables. */
  iptables: boolean;
}

/**
 * Reads what the user gave: an exported bundle's folder (its design.json and one folder per host, used as they
 * are, hand edits included), or a design file, exported here into `workDir` with keys made for this run only
 * (they never leave `workDir`). Bad input is exit 2, in one line.
 */
export async function proveInput(path: string, workDir: string): Promise<ProveInput> {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    throw new CliError(`cannot read ${path}: no such file or folder`, 2);
  }
  if (!folder && path.endsWith('.zip')) throw new CliError(`${path} is a zip: unzip it (unzip keeps the scripts' modes) and give the folder it holds`, 2);
  const root = folder ? path : await exportInto(path, workDir);
  const designPath = join(root, 'design.json');
  if (!existsSync(designPath)) throw new CliError(`${path} holds no design.json: give a design file or the folder of an exported bundle`, 2);
  const parsed = parseDesignText(readFileSync(designPath, 'utf8'));
  if (!parsed.ok) throw new CliError(`${designPath} is not a valid design: ${parsed.errors.slice(0, 3).map(formatFieldError).join('; ')}`, 2);
  const folders = new Map<string, string>();
  let iptables = false;
  for (const h of parsed.value.hosts) {
    if (h.external) continue;
    const dir = join(root, h.id);
    const conf = join(dir, 'wg0.conf');
    if (!existsSync(join(dir, 'install.sh')) || !existsSync(conf)) throw new CliError(`${root} has no ${h.id}/install.sh and wg0.conf: is it the folder of an exported bundle?`, 2);
    if (!/^\s*PrivateKey\s*=/m.test(readFileSync(conf, 'utf8'))) {
      throw new CliError(`${h.id}/wg0.conf holds no PrivateKey (host keys or encrypted secrets): prove needs a bundle with its keys, e.g. prove the design file`, 2);
    }
    if (existsSync(join(dir, 'firewall.iptables'))) iptables = true;
    folders.set(h.id, dir);
  }
  return { design: parsed.value, folders, iptables };
}

/** `export` of a design file into `workDir/bundle/<folder>`, with fresh keys; returns the bundle's folder. */
async function exportInto(path: string, workDir: string): Promise<string> {
  let design: Design;
  try {
    design = loadDesign(path);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.message, 2);
    throw e;
  }
  const result = await exportBundle(design, cryptoRandom, { firewall: 'nftables' });
  const root = join(workDir, 'bundle', result.folder);
  for (const f of result.files) {
    const file = join(root, f.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, f.content, { mode: f.mode });
  }
  return root;
}
