import type { Design } from '../../engine';
import { isKeyOrphaned } from '../../engine';

/** Hosts whose bundle should ship a private key the design no longer holds (see the `key-orphaned` rule). */
export function orphanedHostIds(design: Design): string[] {
  return design.hosts.filter((h) => isKeyOrphaned(design.network, h)).map((h) => h.id);
}
