import type { Design, Position } from '../design';

/** Moves hosts to new canvas positions (rounded: positions are saved in the design file). */
export function moveHosts(design: Design, positions: ReadonlyMap<string, Position>): Design {
  if (positions.size === 0) return design;
  return {
    ...design,
    hosts: design.hosts.map((h) => {
      const p = positions.get(h.id);
      return p ? { ...h, position: { x: Math.round(p.x), y: Math.round(p.y) } } : h;
    }),
  };
}
