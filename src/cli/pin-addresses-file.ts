import { statSync } from 'node:fs';
import type { Design } from '../engine';
import { readText, writeAtomic } from './io';

/**
 * Writes the addresses the export allocated into the design file, and nothing else: only the `addresses` of hosts
 * listed in `allocated` that the file leaves out or empty. Allocation follows host order, so without this the next
 * export after a host is added in front, removed or moved would renumber the others (pg_hba.conf, grants and
 * monitoring name those addresses). Written through a temp file and a rename, keeping the file's mode.
 * Returns the ids written.
 */
export function pinAddressesInFile(path: string, design: Design, allocated: readonly string[]): string[] {
  if (allocated.length === 0) return [];
  const wanted = new Set(allocated);
  const byId = new Map(design.hosts.map((h) => [h.id, h.addresses]));
  const raw = JSON.parse(readText(path)) as { hosts?: Array<{ id?: unknown; addresses?: unknown }> };
  const written: string[] = [];
  for (const h of raw.hosts ?? []) {
    if (typeof h.id !== 'string' || !wanted.has(h.id)) continue;
    if (Array.isArray(h.addresses) && h.addresses.length > 0) continue;
    const addresses = byId.get(h.id);
    if (!addresses || addresses.length === 0) continue;
    h.addresses = [...addresses];
    written.push(h.id);
  }
  if (written.length > 0) writeAtomic(path, `${JSON.stringify(raw, null, 2)}\n`, statSync(path).mode & 0o777);
  return written;
}
