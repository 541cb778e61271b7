/**
 * Where an export's memory goes (issue 25: a 400-host full mesh peaks at about 450 MiB of RSS): the CLI's export
 * steps one at a time, with Node's X25519 and zlib as the CLI has them, printing after each what the process holds
 * once the garbage is collected (V8 heap, buffers outside it, RSS) and what the step's result weighs. The files are
 * rendered all at once here (as the page's exportBundle does) so their weight shows; the CLI streams them into the zip.
 *
 *   npx esbuild bench/export-memory.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=.tmp/export-memory.mjs && node --expose-gc .tmp/export-memory.mjs [hosts] [shape]
 */
import { NODE_ZIP_CODEC, useNodeCrypto } from '../src/cli/node-codecs';
import { bundleFiles } from '../src/engine/bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../src/engine/bundle/bundle-options';
import { zipBundle } from '../src/engine/bundle/zip';
import { completeDesign, hostsNeedingKeys } from '../src/engine/complete/complete-design';
import { cryptoRandom, generateKeypairsFast } from '../src/engine/keys';
import { buildPlan } from '../src/engine/plan/build-plan';
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { validateDesign } from '../src/engine/validate/validate-design';

const hosts = Number(process.argv[2] ?? 400);
const shape = (process.argv[3] ?? 'full-mesh') as GeneratedShape;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => { throw new Error('run with --expose-gc'); });
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

let heapBefore = 0;
/** After a full collection: what is live now, and how much the step's retained result added to the heap. */
function held(step: string, extra = ''): void {
  gc();
  const m = process.memoryUsage();
  console.log(`${step.padEnd(34)} heap ${mib(m.heapUsed).padStart(8)} (+${mib(m.heapUsed - heapBefore).padStart(8)})  outside ${mib(m.external).padStart(8)}  rss ${mib(m.rss).padStart(8)}  peak rss ${mib(process.resourceUsage().maxRSS * 1024).padStart(8)}  ${extra}`);
  heapBefore = m.heapUsed;
}

useNodeCrypto();
held('start');
const design = generateDesign({ shape, hosts });
held(`design: ${shape} ${hosts} hosts`);
const keypairs = await generateKeypairsFast(cryptoRandom, hostsNeedingKeys(design).length);
const completion = completeDesign(design, { random: cryptoRandom, keys: true, keypairs });
held('completed (keys, PSKs, addresses)', `${completion.generatedPresharedKeys.length} PSKs`);
const plan = buildPlan(completion.design);
held('plan');
const findings = validateDesign(completion.design, plan);
held('validation findings', `${findings.length} findings`);
const files = bundleFiles(plan, { ...DEFAULT_BUNDLE_OPTIONS, findings });
const chars = files.reduce((n, f) => n + f.content.length, 0);
const largest = [...files].sort((a, b) => b.content.length - a.content.length).slice(0, 3).map((f) => `${f.path} ${mib(f.content.length)}`);
const byName = new Map<string, number>();
for (const f of files) byName.set(f.path.split('/').at(-1)!, (byName.get(f.path.split('/').at(-1)!) ?? 0) + f.content.length);
const kinds = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, c]) => `${n} ${mib(c)}`);
held('files rendered', `${files.length} files, ${mib(chars)} of text; by name: ${kinds.join(', ')}; largest: ${largest.join(', ')}`);
const zip = await zipBundle(files, 'bundle', NODE_ZIP_CODEC);
held('zip made', `zip ${mib(zip.length)}`);
