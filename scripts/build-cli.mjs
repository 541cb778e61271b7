// Bundles the CLI (src/cli/bin.ts and the engine) into one ES module, so `npx wg-designer` starts fast and needs
// no TypeScript at run time. Runs on `npm install` (prepare) and before the tests.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist-cli/wg-designer.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
