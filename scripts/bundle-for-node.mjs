// One esbuild set-up for everything we run with plain node: a single ES module for Node 20, with a linked source map.
import { build } from 'esbuild';

/** Bundles `entry` (TypeScript and the engine it imports) into `outfile`. */
export function bundleForNode(entry, outfile) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
