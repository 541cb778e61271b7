// Bundles the lab runner (e2e/lab/run-lab.ts with the engine it reads designs with) into one ES module, as
// scripts/build-cli.mjs does for the CLI: `npm run test:lab` then runs it with plain node.
import { bundleForNode } from '../../scripts/bundle-for-node.mjs';

await bundleForNode('e2e/lab/run-lab.ts', '.tmp/lab/run-lab.mjs');
