import type { CollectedFleet } from '../../engine';

/** A file of a dropped or picked folder, with its path inside what was dropped (`collected/app-1/wg-dump.txt`). */
export interface FolderFile {
  path: string;
  file: File;
}

/** collect.sh writes a few small files per host; a folder with more, or bigger ones, is not a collected fleet. */
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The files of the folders in a drop, read through `webkitGetAsEntry` (the only way a page sees a dropped folder's
 * contents); null when nothing dropped is a folder, so the drop is an import of files as before.
 */
export async function droppedFolderFiles(dt: DataTransfer): Promise<FolderFile[] | null> {
  const entries = Array.from(dt.items).map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (!entries.some((e) => e.isDirectory)) return null;
  const out: FolderFile[] = [];
  for (const e of entries) await walk(e, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: FolderFile[]): Promise<void> {
  if (out.length > MAX_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries gives a directory's entries in batches (100 in Chromium) until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out);
  }
}

/** The files an `<input webkitdirectory>` gave, with the path the browser gives each (`webkitRelativePath`). */
export function pickedFolderFiles(files: readonly File[]): FolderFile[] {
  return files.map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * The files as `wg-designer drift` reads them: each by the folder it sits in, which collect.sh named for its host.
 * Files not in a folder are left out. Returns an error naming the file when one cannot be a collected file.
 */
export async function fleetOfFiles(files: readonly FolderFile[]): Promise<{ fleet: CollectedFleet; source: string } | { error: string }> {
  if (files.length > MAX_FILES) return { error: `more than ${MAX_FILES} files: that is not a folder collect.sh wrote` };
  const fleet: Record<string, Record<string, string>> = {};
  for (const { path, file } of files) {
    const parts = path.split('/').filter(Boolean);
    const name = parts.at(-1);
    const host = parts.at(-2);
    if (name === undefined || host === undefined) continue;
    if (file.size > MAX_FILE_BYTES) return { error: `${path} is ${file.size} bytes: not a file collect.sh writes` };
    (fleet[host] ??= {})[name] = await file.text();
  }
  const hosts = Object.keys(fleet).length;
  if (hosts === 0) return { error: 'no host folders in it: drop the folder that holds one folder per host, as collect.sh writes them' };
  const top = files[0]?.path.split('/')[0] ?? 'the folder';
  return { fleet, source: hosts === 1 && fleet[top] ? top : `${top}/ (${hosts} hosts)` };
}
