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
import { zipBundle, zipBundleParts } from './zip';
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

/**
 * What the CLI keeps of an export: the files were zipped as they were rendered, so only their count is left, and the
 * zip comes as its parts in order (write them one after the other), never copied into one buffer.
 */
export type ExportZipResult = Omit<ExportResult, 'files' | 'zip'> & { fileCount: number; zipParts: Uint8Array[]; zipBytes: number };

/**
 * design -> keys and addresses -> plan -> files -> zip: the whole export, as the worker runs it (the page shows the
 * files). `codec` is the zip's compression; `sealers` the encryptions only the caller has. Bad secrets options throw
 * SecretsError before anything is made.
 */
export async function exportBundle(
  design: Design, random: RandomSource, options: Partial<BundleOptions> = {}, codec?: ZipCodec, sealers: SecretsSealers = {},
  onCompleted?: OnCompleted,
): Promise<ExportResult> {
  const { files, ...prepared } = await prepareExport(design, random, options, sealers, onCompleted);
  const all = [...files(), ...prepared.sealed];
  return { ...prepared.result, files: all, zip: await zipBundle(all, prepared.result.folder, codec) };
}

/**
 * The same export and the same zip, byte for byte, with each host's files rendered as the zip reaches them and
 * dropped once compressed, as the CLI runs it (the CLI passes Node's native zlib): a 400-host mesh's 81 MiB of text
 * is never all held.
 */
export async function exportBundleZip(
  design: Design, random: RandomSource, options: Partial<BundleOptions> = {}, codec?: ZipCodec, sealers: SecretsSealers = {},
  onCompleted?: OnCompleted,
): Promise<ExportZipResult> {
  const { files, ...prepared } = await prepareExport(design, random, options, sealers, onCompleted);
  let fileCount = 0;
  function* counted(): Generator<BundleFile> {
    for (const f of files()) { fileCount++; yield f; }
    for (const f of prepared.sealed) { fileCount++; yield f; }
  }
  const zipParts = await zipBundleParts(counted(), prepared.result.folder, codec);
  return { ...prepared.result, fileCount, zipParts, zipBytes: zipParts.reduce((n, p) => n + p.length, 0) };
}

/** Everything up to the files: keys, completion, plan, findings, sealed secrets; the files as a stream to render. */
async function prepareExport(
  design: Design, random: RandomSource, options: Partial<BundleOptions>, sealers: SecretsSealers, onCompleted?: OnCompleted,
): Promise<{ result: Omit<ExportResult, 'files' | 'zip'>; sealed: BundleFile[]; files: () => Iterable<BundleFile> }> {
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
  return {
    result: { completion, findings, secrets: sealed.secrets, folder: bundleFolderName(design.name) },
    sealed: sealed.files,
    files: () => bundleFileStream(plan, { ...all, findings }),
  };
}
