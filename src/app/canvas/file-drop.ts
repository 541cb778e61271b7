import type { Design } from '../../engine';
import { ImportError, importConfigs } from '../../engine';

/** True when a drag carries files from the desktop (not a palette item or text). */
export function carriesFiles(dt: DataTransfer | null): boolean {
  return dt !== null && Array.from(dt.types).includes('Files');
}

/** Largest config file read; a wg-quick config is a few kilobytes, a `wg show all dump` of 10,000 peers about 1.5 MB. */
const MAX_CONF_BYTES = 8 * 1024 * 1024;

/** Files the importer reads: wg-quick configs, and saved `wg showconf` and `wg show all dump` output. */
export const isWireGuardFile = (f: File): boolean => /\.(conf|showconf|dump)$/i.test(f.name);

/**
 * Dropped wg-quick configs -> a design (private keys included: they stay in this tab, and leave only in an
 * export). Returns an error message instead when the files cannot be imported.
 */
export async function importDroppedConfigs(files: readonly File[]): Promise<{ design: Design; warnings: string[] } | { error: string }> {
  const confs = files.filter(isWireGuardFile);
  if (confs.length === 0) return { error: 'choose wg-quick configs (files ending in .conf) or saved wg output (.showconf, .dump)' };
  const big = confs.find((f) => f.size > MAX_CONF_BYTES);
  if (big) return { error: `${big.name} is ${big.size} bytes: that is not a wg-quick config.` };
  const texts = await Promise.all(confs.map(async (f) => ({ name: f.name, text: await f.text() })));
  try {
    const r = importConfigs(texts, 'imported');
    // Roles and lans read from the routing are guesses the user confirms: shown with the other notices.
    return { design: r.design, warnings: [...r.warnings, ...r.guesses.map((g) => `guess: ${g}`)] };
  } catch (e) {
    if (e instanceof ImportError || e instanceof Error) return { error: e.message };
    return { error: String(e) };
  }
}
