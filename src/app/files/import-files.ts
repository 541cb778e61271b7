import type { Design } from '../../engine';
import { mergeDesign, plural } from '../../engine';
import type { ImportRequest } from '../store/app-state';
import { autoLayout, needsLayout } from '../layout/auto-layout';
import { importDroppedConfigs, isWireGuardFile } from '../canvas/file-drop';
import { openDesignFile } from './open-design-file';

const isJson = (f: File) => /\.json$/i.test(f.name);
const isConf = isWireGuardFile;

/** One part of an import: a design file, or every config at once (their peers name each other). */
interface Part {
  design: Design;
  layout: boolean;
  label: string;
  warnings: string[];
}

/** Reads each design JSON and the configs together; every file that cannot be read is named, with the parser's line. */
async function readParts(files: readonly File[]): Promise<{ parts: Part[]; confs: number } | { error: string }> {
  const others = files.filter((f) => !isJson(f) && !isConf(f));
  const errors = others.map((f) => `${f.name} is neither a wg-quick config (.conf), saved wg output (.showconf, .dump) nor a design (.json)`);
  const parts: Part[] = [];
  for (const file of files.filter(isJson)) {
    const r = await openDesignFile(file);
    if ('error' in r) errors.push(r.error);
    else parts.push({ design: r.design, layout: needsLayout(r.design), label: file.name, warnings: [] });
  }
  const confs = files.filter(isConf);
  if (confs.length > 0) {
    const r = await importDroppedConfigs(confs);
    if ('error' in r) errors.push(r.error);
    else parts.push({ design: r.design, layout: true, label: plural(confs.length, 'config'), warnings: r.warnings });
  }
  if (errors.length > 0) return { error: errors.join(' · ') };
  if (parts.length === 0) return { error: 'no files were chosen' };
  return { parts, confs: confs.length };
}

/**
 * Files picked with Import or dropped on the canvas -> one import: design JSONs and wg-quick configs, in any mix.
 * Several parts are merged as new hosts of the first (ids that clash get a suffix); a part without positions is laid
 * out before it is placed beside the others. A file that cannot be read refuses the whole import, naming the file
 * (and line), so nothing half-imported lands on the canvas; the store then asks before replacing a design with hosts.
 */
export async function readImportFiles(files: readonly File[]): Promise<ImportRequest | { error: string }> {
  const read = await readParts(files);
  if ('error' in read) return read;
  const { parts, confs } = read;
  const [first, ...rest] = parts;
  if (!first) return { error: 'no files were chosen' };
  const source = parts.map((p) => p.label).join(' and ');
  const done = (d: Design) => (confs > 0 ? `Imported ${plural(d.hosts.length, 'host')} from ${source}.` : `Opened ${source}.`);
  const warnings = parts.flatMap((p) => p.warnings);
  if (rest.length === 0) return { design: first.design, layout: first.layout, source, done: done(first.design), warnings };
  // Hand-picked files are small: laying out a part here, on the main thread, takes milliseconds.
  const placed = (p: Part) => (p.layout ? autoLayout(p.design) : p.design);
  let design = placed(first);
  for (const part of rest) {
    const r = mergeDesign(design, placed(part));
    if ('error' in r) return { error: `${part.label} cannot be imported together with ${first.label}: ${r.error}` };
    design = r.design;
  }
  return { design, layout: false, source, done: done(design), warnings };
}
