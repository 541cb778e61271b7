// Bundles the lab runner (e2e/lab/run-lab.ts with the engine it reads designs with) into one ES module, as
// scripts/build-cli.mjs does for the CLI: `npm run test:lab` then runs it with plain node.
import { build } from 'esbuild';

await build({
  entryPoints: ['e2e/lab/run-lab.ts'],
  outfile: '.tmp/lab/run-lab.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
