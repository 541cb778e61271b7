import { completeDesign, hostsNeedingKeys } from '../complete/complete-design';
import { generateKeypairsFast } from '../keys';
import type { Completion } from '../complete/complete-design';
import { droppedKeyFindings } from '../complete/dropped-keys';
import type { RandomSource } from '../keys';
import type { Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { validateDesign } from '../validate/validate-design';
import { newValidationContext } from '../validate/validation-context';
import { bundleFileStream } from './bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';
import type { BundleOptions } from './bundle-options';
import type { BundleFile } from './bundle-files';
import { bundleFolderName } from './folder-name';
import { PORTABLE_CODEC, ZipWriter, zipBundle } from './zip';
import type { ZipCodec } from './zip';
import type { Finding } from '../validate/finding';
import { assertSecretsOptions, sealSecrets } from '../secrets/seal-secrets';
import type { HostSecrets, SecretsSealers } from '../secrets/seal-secrets';

export interface ExportResult {
  /** The completed design, secrets included: the caller decides where those go (never a share link). */
  completion: Completion;
  /** The findings of the completed design, as the bundle's README lists them. */
  findings: readonly Finding[];
  files: BundleFile[];
  /** Each managed host's secrets in clear when the mode keeps them out of wg0.conf; empty in plain mode. */
  secrets: HostSecrets[];
  folder: string;
  zip: Uint8Array;
}

/**
 * Called with the completed design, keys made, before anything is planned or rendered: the CLI writes its keys file
 * here, so no failure later in the export (a zip the format cannot hold, memory) loses a key it just made.
 */
export type OnCompleted = (completion: Completion) => void | Promise<void>;

/** An export up to its files: keys made (and handed to onCompleted), the plan built and validated, secrets sealed. */
export interface PreparedExport {
  completion: Completion;
  findings: readonly Finding[];
  secrets: HostSecrets[];
  folder: string;
  /** The bundle's files, rendered one host at a time as they are read; each read renders them again. */
  files(): Iterable<BundleFile>;
}

/**
 * design -> keys and addresses -> plan -> files -> zip: the whole export, as the worker runs it (the dialog shows
 * every file). `codec` is the zip's compression (the CLI passes Node's native zlib); `sealers` the encryptions only
 * the caller has. Bad secrets options throw SecretsError before anything is made.
 */
export async function exportBundle(
  design: Design, random: RandomSource, options: Partial<BundleOptions> = {}, codec?: ZipCodec, sealers: SecretsSealers = {},
  onCompleted?: OnCompleted,
): Promise<ExportResult> {
  const { files, ...prepared } = await prepareExport(design, random, options, sealers, onCompleted);
  const all = [...files()];
  return { ...prepared, files: all, zip: await zipBundle(all, prepared.folder, codec) };
}

/**
 * Everything of an export but its files, which `files()` renders on demand: the CLI looks at the findings first
 * (a design with errors is not exported unless forced) and then streams the zip to disk with writeBundleZip, so a
 * 20,000-host bundle is never held uncompressed.
 */
export async function prepareExport(
  design: Design, random: RandomSource, options: Partial<BundleOptions> = {}, sealers: SecretsSealers = {},
  onCompleted?: OnCompleted,
): Promise<PreparedExport> {
  const all = { ...DEFAULT_BUNDLE_OPTIONS, ...options };
  assertSecretsOptions(all.secrets, sealers);
  // Keypairs first, from the same random draw completion would make (Web Crypto's X25519 where the page has it).
  const keypairs = await generateKeypairsFast(random, hostsNeedingKeys(design).length);
  const completion = completeDesign(design, { random, keys: true, keypairs });
  await onCompleted?.(completion);
  const plan = buildPlan(completion.design);
  // The keypairs completion just made are right by construction: validation need not derive them again (1,000
  // hosts' keys with @noble/curves take about 0.5 s). The map is this call's, so no private key outlives it.
  const fresh = new Set(completion.generatedKeys);
  const validation = newValidationContext();
  for (const h of completion.design.hosts) {
    if (fresh.has(h.id) && h.privateKey !== null && h.publicKey !== null) validation.publicKeys.set(h.privateKey, h.publicKey);
  }
  // A private key left out for host custody is not in the completed design, so validation cannot see it: say so here.
  const findings = options.findings ?? [
    ...validateDesign(completion.design, plan, validation),
    ...droppedKeyFindings(completion.droppedPrivateKeys),
  ];
  const sealed = await sealSecrets(plan, all.secrets, sealers);
  const withFindings = { ...all, findings };
  return {
    completion, findings, secrets: sealed.secrets, folder: bundleFolderName(design.name),
    files: function* files() {
      yield* bundleFileStream(plan, withFindings);
      yield* sealed.files;
    },
  };
}

/**
 * Writes the prepared bundle's zip to `emit` chunk by chunk, each file compressed as soon as it is rendered and
 * then dropped: memory holds the plan and one host's files, not the bundle. The same bytes as exportBundle's zip.
 */
export function writeBundleZip(prepared: PreparedExport, emit: (chunk: Uint8Array) => void, codec?: ZipCodec): { files: number; bytes: number } {
  const writer = new ZipWriter(codec ?? PORTABLE_CODEC, emit);
  for (const f of prepared.files()) writer.add(`${prepared.folder}/${f.path}`, f.content, f.mode);
  writer.finish();
  return { files: writer.count, bytes: writer.size };
}
