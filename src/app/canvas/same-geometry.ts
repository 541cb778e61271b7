import type { Node } from '@xyflow/react';
import type { HostBox } from './edge-layout';

/**
 * True when two lists of cards are in the same places at the same sizes. Routing edges around 5,000 cards takes
 * tens of ms; comparing the boxes takes well under one, and an edit that moves nothing (a name typed, a port
 * changed) then keeps the routes it had.
 */
export function sameBoxes(a: readonly HostBox[], b: readonly HostBox[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.id !== y.id || x.x !== y.x || x.y !== y.y || x.width !== y.width || x.height !== y.height) return false;
  }
  return true;
}

/** The same for React Flow's own nodes: the same ids, positions and measured sizes (other data may differ). */
export function sameNodeGeometry(a: readonly Node[], b: readonly Node[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.id !== y.id || x.position.x !== y.position.x || x.position.y !== y.position.y
      || x.measured?.width !== y.measured?.width || x.measured?.height !== y.measured?.height) return false;
  }
  return true;
}
