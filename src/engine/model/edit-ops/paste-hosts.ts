import type { Design, Position } from '../design';
import { formatFieldError } from '../parse-design';
import { checkPoolRoom } from '../pool-room';
import { mergeDesign } from './merge-design';

/** How far each paste lands from the hosts it copies, in canvas pixels: off their cards, still beside them. */
export const PASTE_STEP = 40;

/**
 * Adds a copy (copy-hosts.ts) as new hosts: fresh ids where the originals' are taken (references follow), a
 * name that was the id follows it, addresses from the pools, and each copy PASTE_STEP to the lower right of where
 * it was copied from, further when a paste already sits there (Ctrl+V twice makes a staircase, not a pile).
 * Returns the new design and the new hosts' ids, or why not (a pool with no room, a schema error).
 */
export function pasteHosts(design: Design, clip: Design): { design: Design; ids: string[] } | { error: string } {
  const room = checkPoolRoom({ ...design, hosts: [...design.hosts, ...clip.hosts] });
  if (room.length > 0) return { error: room.map(formatFieldError).join('; ') };
  const r = mergeDesign(design, clip, freeOffset(design, clip));
  if ('error' in r) return r;
  const added = r.design.hosts.slice(design.hosts.length);
  const renamed = new Map(added.map((h, i) => [h.id, clip.hosts[i]?.id ?? h.id]));
  const hosts = r.design.hosts.map((h) => (renamed.has(h.id) && h.name === renamed.get(h.id) ? { ...h, name: h.id } : h));
  return { design: { ...r.design, hosts }, ids: added.map((h) => h.id) };
}

/** The first step k*PASTE_STEP down and right at which no copied card lands exactly on a card already there. */
function freeOffset(design: Design, clip: Design): Position {
  const at = new Set(design.hosts.map((h) => `${h.position.x},${h.position.y}`));
  for (let k = 1; ; k++) {
    const d = k * PASTE_STEP;
    if (!clip.hosts.some((h) => at.has(`${h.position.x + d},${h.position.y + d}`))) return { x: d, y: d };
  }
}
