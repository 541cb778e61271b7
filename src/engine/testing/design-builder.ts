import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import type { Design } from '../model/design';
import { formatFieldError, parseDesign } from '../model/parse-design';
import type { DesignInput } from '../model/schema';

type Loose = Record<string, unknown>;

/** A design for a test, written tersely: hosts default to role `app`, tunnels are `[a, b, extra?]`, ids are derived. */
export interface DesignSketch {
  network?: Loose;
  hosts: Array<Loose & { id: string }>;
  tunnels?: Array<[string, string] | [string, string, Loose]>;
  flows?: Array<Loose & { from: string; to: string }>;
  failover?: Loose[];
  tests?: Loose[];
}

/**
 * Parses and completes a sketch the way the CLI's `validate` does (addresses allocated; keys only when asked, from a
 * fixed seed). Throws with every schema error, so a test never runs on a design it did not mean.
 */
export function sketchDesign(sketch: DesignSketch, options: { keys?: boolean } = {}): Design {
  return completeDesign(parseSketch(sketch), { random: seededRandom(7), keys: options.keys ?? false }).design;
}

/** The sketch parsed but not completed. */
export function parseSketch(sketch: DesignSketch): Design {
  const flowIds = new Map<string, number>();
  const input = {
    format: 'wg-designer/1',
    name: 'test',
    network: sketch.network ?? {},
    failover: sketch.failover ?? [],
    ...(sketch.tests ? { tests: sketch.tests } : {}),
    hosts: sketch.hosts.map((h) => ({ role: 'app', ...h })),
    tunnels: (sketch.tunnels ?? []).map(([a, b, extra]) => ({ id: `t-${a}-${b}`, a, b, ...extra })),
    flows: (sketch.flows ?? []).map((f) => {
      const base = `f-${f.from}-${f.to.replace('/', '-')}`;
      const n = (flowIds.get(base) ?? 0) + 1;
      flowIds.set(base, n);
      return { id: n === 1 ? base : `${base}-${n}`, ...f };
    }),
  } as unknown as DesignInput;
  const r = parseDesign(input);
  if (!r.ok) throw new Error(`sketch does not parse: ${r.errors.map(formatFieldError).join('; ')}`);
  return r.value;
}

/** Endpoint helpers for sketches: documentation addresses (RFC 5737). */
export const ep = (n: number, port = 51820): string => `203.0.113.${n}:${port}`;
export const v4 = (mtu = 1500) => ({ mtu, family: 'ipv4' as const });
export const v6 = (mtu = 1500) => ({ mtu, family: 'ipv6' as const });
