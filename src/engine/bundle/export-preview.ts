import type { RandomSource } from '../keys';
import type { Design } from '../model/design';
import type { SecretsSealers } from '../secrets/seal-secrets';
import type { BundleFile } from './bundle-file';
import type { BundleOptions } from './bundle-options';
import { prepareExport, writeBundleZip } from './export-bundle';
import type { ExportResult } from './export-bundle';
import { concat } from './zip';
import type { ZipCodec } from './zip';

/**
 * Text the designer's export dialog keeps to preview: the whole bundle up to about 700 hub-and-spoke hosts. Past it
 * the dialog lists the first files only (a 20,000-host bundle is 444 MB of text in 143,000 files, which neither a
 * tab's memory nor a file list on screen should hold); the zip always holds every file.
 */
export const PREVIEW_BYTES = 16 * 1024 * 1024;

/** An export as the designer shows it: the whole zip, and its files from the first up to `previewBytes` of text. */
export interface PreviewedExport extends ExportResult {
  /** Files in the zip; `files` holds the first ones only when this is larger. */
  fileCount: number;
}

/**
 * The export of exportBundle, with the zip written file by file as it renders (see writeBundleZip) and only a
 * preview of the files kept: memory holds the zip and at most `previewBytes` of text, not the whole bundle twice.
 */
export async function exportWithPreview(
  design: Design, random: RandomSource, options: Partial<BundleOptions> = {}, previewBytes = PREVIEW_BYTES,
  codec?: ZipCodec, sealers: SecretsSealers = {},
): Promise<PreviewedExport> {
  const { files: render, ...prepared } = await prepareExport(design, random, options, sealers);
  const shown: BundleFile[] = [];
  let text = 0;
  let full = false;
  const previewed = function* previewed(): Generator<BundleFile> {
    for (const f of render()) {
      // A prefix of the bundle: once one file does not fit, none after it is kept.
      if (!full && text + f.content.length <= previewBytes) {
        shown.push(f);
        text += f.content.length;
      } else {
        full = true;
      }
      yield f;
    }
  };
  const chunks: Uint8Array[] = [];
  const written = writeBundleZip({ ...prepared, files: previewed }, (c) => chunks.push(c), codec);
  return { ...prepared, files: shown, fileCount: written.files, zip: concat(chunks, written.bytes) };
}
