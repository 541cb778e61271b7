import type { Address } from './address';
import { readAddress } from './address';
import type { Endpoint } from './endpoint';
import type { Prefix } from './prefix';
import type { SpecialKind, SpecialRange } from './special-ranges';
import { specialRangeHolding, specialRangeOf, specialRangesOverlapping } from './special-ranges';

// Why each kind cannot be used; documentation ranges are usable (the lab runs on them) and only warned about.
const WHY: Record<Exclude<SpecialKind, 'documentation'>, string> = {
  unspecified: 'means "no address"; the kernel never sends to it',
  loopback: 'never leaves the host',
  'link-local': 'is the kernel\'s own per-link range, not routed',
  multicast: 'is not a unicast address, and WireGuard carries unicast only',
  broadcast: 'is not a unicast address, and WireGuard carries unicast only',
};

function describe(r: SpecialRange, what: string): string {
  return `${what} ${r.kind} (${r.text}), which ${WHY[r.kind as keyof typeof WHY]}`;
}

const NEVER: ReadonlySet<SpecialKind> = new Set(['unspecified', 'loopback', 'multicast', 'broadcast']);
const NOT_OVERLAY: ReadonlySet<SpecialKind> = new Set([...NEVER, 'link-local']);

/** Why `a` cannot be a host's overlay address (loopback, multicast, broadcast, unspecified, link-local), or null. */
export function overlayAddressProblem(a: Address): string | null {
  const r = specialRangeOf(a);
  return r && NOT_OVERLAY.has(r.kind) ? describe(r, 'is') : null;
}

/**
 * Why `p` cannot be an overlay pool, or null: it may not overlap any range an overlay address may not be in
 * (0.0.0.0/0 would hand out 0.0.0.1 first).
 */
export function poolProblem(p: Prefix): string | null {
  const r = specialRangesOverlapping(p).find((x) => NOT_OVERLAY.has(x.kind));
  return r ? describe(r, p.len < r.prefix.len ? 'overlaps' : 'is') : null;
}

/**
 * Why `p` cannot be a lan a host routes for, or null: one that lies wholly in loopback, multicast, broadcast or
 * unspecified space. A wider lan that merely covers them (0.0.0.0/0 through a gateway) is a route, not an error.
 */
export function lanProblem(p: Prefix): string | null {
  const r = specialRangeHolding(p);
  return r && NEVER.has(r.kind) ? describe(r, 'is') : null;
}

/** Why a peer cannot be dialled at `e` (an address literal that is loopback, multicast, broadcast or unspecified), or null. */
export function endpointProblem(e: Endpoint): string | null {
  if (e.kind === 'dns') return null;
  const a = readAddress(e.host);
  if (typeof a === 'string') return null;
  const r = specialRangeOf(a);
  return r && NEVER.has(r.kind) ? describe(r, 'is') : null;
}

/** The documentation range (RFC 5737, RFC 3849) an endpoint address lies in, or null. */
export function documentationRangeOf(e: Endpoint): string | null {
  if (e.kind === 'dns') return null;
  const a = readAddress(e.host);
  if (typeof a === 'string') return null;
  const r = specialRangeOf(a);
  return r?.kind === 'documentation' ? r.text : null;
}
