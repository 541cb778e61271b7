// Bundles the CLI (src/cli/bin.ts and the engine) into one ES module, so `npx wg-designer` starts fast and needs
// no TypeScript at run time. Runs on `npm install` (prepare) and before the tests.
import { bundleForNode } from './bundle-for-node.mjs';

await bundleForNode('src/cli/bin.ts', 'dist-cli/wg-designer.mjs');
