import { bundleFiles } from '../bundle/bundle-files';
import type { BundleFile } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import { bundleFolderName } from '../bundle/folder-name';
import { completeDesign } from '../complete/complete-design';
import { importConfigs, ImportError } from '../import/import-configs';
import { seededRandom } from '../keys';
import type { Design } from '../model/design';
import { formatFieldError, parseDesignText } from '../model/parse-design';
import type { ParseResult } from '../model/parse-design';
import { buildPlan } from '../plan/build-plan';
import type { FirewallBackend } from '../render/install-script';
import { decodeShareFragment } from '../share/share-link';
import { validateDesign } from '../validate/validate-design';
import type { CaseInput } from './adversarial-case';

export const BACKENDS: readonly FirewallBackend[] = ['nftables', 'iptables'];

/** What became of one input: refused with a message, or accepted and exported with both firewall backends. */
export type CaseOutcome =
  | { kind: 'rejected'; message: string }
  | { kind: 'exported'; design: Design; folder: string; bundles: Record<FirewallBackend, BundleFile[]>; warnings: string[] };

/**
 * Runs one input the way the product does: parse (design text, share link) or import (configs); if accepted,
 * complete (seeded keys, allocated addresses), plan, validate, and render every bundle file with nftables and with
 * iptables, QoS on. Only ImportError is caught: any other exception is a crash the tests must see.
 */
export function runAdversarialInput(input: CaseInput): CaseOutcome {
  let design: Design;
  let warnings: string[] = [];
  if (input.kind === 'configs') {
    try {
      ({ design, warnings } = importConfigs(input.files, 'imported'));
    } catch (e) {
      if (e instanceof ImportError) return { kind: 'rejected', message: e.message };
      throw e;
    }
  } else {
    const parsed: ParseResult<Design> = input.kind === 'link' ? decodeShareFragment(input.fragment) : parseDesignText(input.text);
    if (!parsed.ok) return { kind: 'rejected', message: parsed.errors.map(formatFieldError).join('; ') };
    design = parsed.value;
  }
  return { kind: 'exported', ...exportBoth(design), warnings };
}

/** complete -> plan -> validate -> files, for both firewall backends, with every optional output on (qos, networkd, cloud-init). */
export function exportBoth(design: Design, seed = 1): { design: Design; folder: string; bundles: Record<FirewallBackend, BundleFile[]> } {
  const completed = completeDesign(design, { random: seededRandom(seed), keys: true }).design;
  const plan = buildPlan(completed);
  const findings = validateDesign(completed, plan);
  const files = (firewall: FirewallBackend) =>
    bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, firewall, qos: { bulkRateMbit: 100, linkRateMbit: 1000 }, hostSetups: ['networkd', 'cloud-init'], findings });
  return { design: completed, folder: bundleFolderName(design.name), bundles: { nftables: files('nftables'), iptables: files('iptables') } };
}
