import type { StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../store/app-state';
import { needsLayout } from '../layout/auto-layout';
import { fleetOfFiles } from './collected-folder';
import type { FolderFile } from './collected-folder';
import { readImportFiles } from './import-files';
import { openDesignFile } from './open-design-file';

/**
 * Files picked with Import or dropped on the canvas: offered to the store, which asks before a design with hosts is
 * replaced or merged (ImportDialog). A file that cannot be read is named in an error toast and nothing changes.
 */
export async function offerImportedFiles(store: StoreApi<AppStore>, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const r = await readImportFiles(files);
  const s = store.getState();
  if ('error' in r) s.toast('error', `Import failed: ${r.error}. The current design was not changed.`);
  else s.offerImport(r);
}

/** A design JSON picked with Open (Ctrl+O): offered like an import. */
export async function offerOpenedFile(store: StoreApi<AppStore>, file: File | undefined): Promise<void> {
  if (!file) return;
  const r = await openDesignFile(file);
  const s = store.getState();
  if ('error' in r) {
    s.toast('error', `${r.error}. The current design was not changed.`);
    return;
  }
  s.offerImport({ design: r.design, layout: needsLayout(r.design), source: file.name, done: `Opened ${file.name}.`, warnings: [] });
}

/**
 * A folder of collected host folders (collect.sh's), dropped or picked: compared with the design, its differences
 * shown as findings. A folder that is not one is named in an error toast and nothing changes.
 */
export async function offerCollectedFolder(store: StoreApi<AppStore>, files: readonly FolderFile[]): Promise<void> {
  if (files.length === 0) return;
  const r = await fleetOfFiles(files);
  if ('error' in r) store.getState().toast('error', `Live comparison failed: ${r.error}.`);
  else store.getState().compareLive(r.fleet, r.source);
}
