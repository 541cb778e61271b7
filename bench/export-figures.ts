// export: design -> keys -> plan -> validate -> render -> zip, in process, with the engine's own crypto and zip
// (what the page's worker runs) and with the CLI's Node-native ones; and the share link of a 50-host design.
import { NODE_ZIP_CODEC, nodeX25519Base } from '../src/cli/node-codecs';
import { exportBundle } from '../src/engine/bundle/export-bundle';
import { PORTABLE_CODEC } from '../src/engine/bundle/zip';
import type { ZipCodec } from '../src/engine/bundle/zip';
import { cryptoRandom, resetX25519, useX25519 } from '../src/engine/keys';
import { encodeShareFragment } from '../src/engine/share';
import { formatFieldError } from '../src/engine/model/parse-design';
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { timeRuns } from './measure';
import type { Budget, Row } from './table';

const CASES: Array<[GeneratedShape, number]> = [
  ['hub-and-spoke', 100], ['hub-and-spoke', 1000], ['hub-and-spoke', 5000],
  ['routed-sites', 100], ['routed-sites', 1000], ['routed-sites', 5000],
  ['full-mesh', 100],
];

/** Fewer runs for the big designs, so the whole bench stays under 5 minutes (a 5,000-host export takes seconds). */
const RUNS: Record<number, { warmup: number; runs: number }> = { 1000: { warmup: 1, runs: 3 }, 5000: { warmup: 0, runs: 1 } };

function budgetOf(shape: GeneratedShape, hosts: number): Budget | undefined {
  if (shape === 'hub-and-spoke' && hosts === 1000) return { max: 1500 };
  if (shape === 'full-mesh' && hosts === 100) return { max: 2000 };
  return undefined;
}

const BACKENDS: Array<{ name: string; install: () => void; codec: ZipCodec; note: string }> = [
  { name: 'engine', install: resetX25519, codec: PORTABLE_CODEC, note: 'noble + fflate, as the page worker runs it' },
  { name: 'CLI', install: () => useX25519(nodeX25519Base), codec: NODE_ZIP_CODEC, note: 'node:crypto + zlib, in process' },
];

/** Every export makes new keypairs and preshared keys (the designs have none), as a first export does. */
export async function exportFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [shape, hosts] of CASES) {
    const design = generateDesign({ shape, hosts });
    const budget = budgetOf(shape, hosts);
    for (const backend of BACKENDS) {
      backend.install();
      let zipBytes = 0;
      const { ms, cpuMs } = await timeRuns(async () => {
        zipBytes = (await exportBundle(design, cryptoRandom, {}, backend.codec)).zip.length;
      }, RUNS[hosts] ?? { warmup: 2, runs: 5 });
      rows.push({
        section: 'export', figure: `${backend.name}: ${shape} ${hosts.toLocaleString('en-US')} hosts`, value: ms, unit: 'ms',
        ...(budget ? { budget } : {}), note: `${cpuMs.toFixed(0)} ms CPU; zip ${(zipBytes / 1e6).toFixed(2)} MB; ${backend.note}${hosts >= 5000 ? '; 1 run' : ''}`,
      });
    }
  }
  resetX25519();
  const link = encodeShareFragment(generateDesign({ shape: 'hub-and-spoke', hosts: 50 }));
  rows.push(link.ok
    ? { section: 'export', figure: 'share link, hub-and-spoke 50 hosts', value: link.value.length, unit: 'chars', note: 'no keys in a link; the limit is 200,000' }
    : { section: 'export', figure: 'share link, hub-and-spoke 50 hosts', value: null, unit: 'chars', note: link.errors.map(formatFieldError).join('; ') });
  return rows;
}
