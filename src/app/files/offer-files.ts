import type { StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../store/app-state';
import { needsLayout } from '../layout/auto-layout';
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
