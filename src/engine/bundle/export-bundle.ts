import { completeDesign } from '../complete/complete-design';
import type { Completion } from '../complete/complete-design';
import { droppedKeyFindings } from '../complete/dropped-keys';
import { withKnownKeypairs } from '../keys';
import type { Keypair, RandomSource } from '../keys';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { validateDesign } from '../validate/validate-design';
import { bundleFiles } from './bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';
import type { BundleOptions } from './bundle-options';
import type { BundleFile } from './bundle-files';
import { bundleFolderName } from './folder-name';
import { zipBundle } from './zip';
import type { ZipCodec } from './zip';
import type { Finding } from '../validate/finding';

export interface ExportResult {
  /** The completed design, secrets included: the caller decides where those go (never a share link). */
  completion: Completion;
  /** The findings of the completed design, as the bundle's README lists them. */
  findings: readonly Finding[];
  files: BundleFile[];
  folder: string;
  zip: Uint8Array;
}

/**
 * design -> keys and addresses -> plan -> files -> zip: the whole export, as the CLI and the worker run it. `codec`
 * is the zip's compression (the CLI passes Node's native zlib).
 */
export async function exportBundle(
  design: Design, random: RandomSource, options: Partial<BundleOptions> = {}, codec?: ZipCodec,
): Promise<ExportResult> {
  const completion = completeDesign(design, { random, keys: true });
  const plan = buildPlan(completion.design);
  // The keypairs completion just made are right by construction: validation need not derive them again.
  const fresh = new Set(completion.generatedKeys);
  const made: Keypair[] = [];
  for (const h of completion.design.hosts) {
    if (fresh.has(h.id) && h.privateKey !== null && h.publicKey !== null) made.push({ privateKey: h.privateKey, publicKey: h.publicKey });
  }
  // A private key left out for host custody is not in the completed design, so validation cannot see it: say so here.
  const findings = options.findings ?? [
    ...withKnownKeypairs(made, () => validateDesign(completion.design, plan)),
    ...droppedKeyFindings(completion.droppedPrivateKeys),
  ];
  const files = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, ...options, findings });
  const folder = bundleFolderName(design.name);
  return { completion, findings, files, folder, zip: await zipBundle(files, folder, codec) };
}
