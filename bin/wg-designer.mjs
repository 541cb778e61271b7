#!/usr/bin/env node
// The CLI is bundled by `npm install` (scripts/build-cli.mjs); this shim only loads it.
try {
  await import('../dist-cli/wg-designer.mjs');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist-cli')) {
    process.stderr.write('wg-designer: the CLI is not built yet: run `npm install` (or `npm run build:cli`)\n');
    process.exit(2);
  }
  throw e;
}
