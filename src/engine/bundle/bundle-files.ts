import type { Plan } from '../plan/types';
import type { BundleFile } from './bundle-file';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';
import type { BundleOptions } from './bundle-options';
import { OUTPUTS } from './outputs';
import type { BundleContext, Output } from './outputs';

export type { BundleFile };

/**
 * Every file of the bundle: each output's network-wide files, then `<host-id>/...` per host the design manages.
 * Paths are built from ids only, which the schema allow-lists as `[a-z0-9-]`: no entry can leave its folder.
 * `outputs` is the registry (outputs/index.ts); tests pass their own to show an output is one file and one line.
 */
export function bundleFiles(plan: Plan, options: BundleOptions = DEFAULT_BUNDLE_OPTIONS, outputs: readonly Output[] = OUTPUTS): BundleFile[] {
  return [...bundleFileStream(plan, options, outputs)];
}

/**
 * The same files in the same order, each host's rendered only when the reader gets to it: the CLI zips them as
 * they come, so a large bundle's text is never all held at once (a 400-host mesh renders 81 MiB of it).
 */
export function* bundleFileStream(plan: Plan, options: BundleOptions = DEFAULT_BUNDLE_OPTIONS, outputs: readonly Output[] = OUTPUTS): Generator<BundleFile> {
  const ctx: BundleContext = { plan, options, secrets: options.secrets.mode === 'plain' ? 'inline' : 'external' };
  const chosen = outputs.filter((o) => o.when?.(options) ?? true);
  for (const o of chosen) yield* o.network?.(ctx) ?? [];
  const perHost = chosen.flatMap((o) => (o.host ? [o.host(ctx)] : []));
  for (const hp of plan.hosts) {
    if (hp.external) continue;
    for (const write of perHost) yield* write(hp);
  }
}
