import type { BundleFile } from './bundle-files';

/** A fixed timestamp, so exporting the same design twice gives byte-identical zips. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** Zips the files under one top folder, keeping Unix modes (0600 configs stay private when unzipped). */
export async function zipBundle(files: readonly BundleFile[], folder: string): Promise<Uint8Array> {
  // Loaded on first use: the page's first load does without the zip code (about 30 KB gzipped) until an export.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const f of files) {
    zip.file(`${folder}/${f.path}`, f.content, {
      date: FIXED_DATE,
      unixPermissions: f.mode,
      createFolders: false,
    });
  }
  return zip.generateAsync({
    type: 'uint8array',
    platform: 'UNIX',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
