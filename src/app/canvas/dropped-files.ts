import { plural } from '../../engine';
import type { ImportRequest } from '../store/app-state';
import { openDesignFile } from '../files/open-design-file';
import { needsLayout } from '../layout/auto-layout';
import { importDroppedConfigs } from './file-drop';

/**
 * Files dropped on the canvas -> what to import: one design JSON, or wg-quick configs. The store then asks before
 * it replaces a design that has hosts (offerImport).
 */
export async function droppedImport(files: readonly File[]): Promise<ImportRequest | { error: string }> {
  const json = files.filter((f) => /\.json$/i.test(f.name));
  if (json.length > 0 && !files.some((f) => /\.conf$/i.test(f.name))) {
    const [file] = json;
    if (!file || json.length > 1) return { error: 'Drop one design JSON at a time.' };
    const r = await openDesignFile(file);
    if ('error' in r) return r;
    return { design: r.design, layout: needsLayout(r.design), source: file.name, done: `Opened ${file.name}.`, warnings: [] };
  }
  const r = await importDroppedConfigs(files);
  if ('error' in r) return r;
  const confs = files.filter((f) => /\.conf$/i.test(f.name)).length;
  const what = `${plural(r.design.hosts.length, 'host')} from ${plural(confs, 'config')}`;
  return { design: r.design, layout: true, source: plural(confs, 'config'), done: `Imported ${what}.`, warnings: r.warnings };
}
