import type { Host } from '../model/design';
import { formatEndpoint, hostPrefix, networkOf, parseAddress, parseEndpoint, parsePrefix } from '../net';
import type { Address, Endpoint, Prefix } from '../net';

/** A host's address texts, parsed: what the plan reads per flow, per peer and per route. */
export interface ParsedHost {
  /** The interface addresses as written (`10.0.0.2/24` keeps its length). */
  addresses: readonly Prefix[];
  /** The same addresses as host routes (`/32`, `/128`): what peers route to the host and firewalls name. */
  hostRoutes: readonly Prefix[];
  /** The lans as networks. */
  lans: readonly Prefix[];
  /** The endpoint in canonical form, its kind, port and (unless a DNS name) address; null without one. */
  endpoint: string | null;
  endpointKind: Endpoint['kind'] | null;
  endpointPort: number | null;
  endpointAddress: Address | null;
  /** Each service's address as a host route, by service id. */
  services: ReadonlyMap<string, Prefix>;
}

interface Entry {
  addresses: readonly string[];
  lans: readonly string[];
  endpoint: string | null;
  /** Service ids and addresses, alternating. */
  services: readonly string[];
  parsed: ParsedHost;
  /** The steady span (see withSteadyHosts) in which the texts were last compared, 0 for none. */
  checked: number;
}

// Parsing is most of what a plan of thousands of hosts costs, and an edit in the designer leaves every other host
// object as it was: so the parse is kept per host object, and used again only while its texts are unchanged.
const cache = new WeakMap<Host, Entry>();

/** The current steady span's number (0: none), how deeply spans are nested, and how many were opened. */
let steady = 0;
let depth = 0;
let spans = 0;

/**
 * Runs `work` as one steady span: the design does not change while it runs (the engine is synchronous), so each
 * host's texts are compared with its cached parse once in the span rather than on every call. A plan asks for a
 * host's parse several times per host, per peer and per flow; at 4,000 hosts the comparisons, each reading five
 * arrays spread over the heap, cost more than the rest of the lookup. Spans nest; the outermost one counts.
 */
export function withSteadyHosts<T>(work: () => T): T {
  if (depth++ === 0) steady = ++spans;
  try {
    return work();
  } finally {
    if (--depth === 0) steady = 0;
  }
}

/** The parsed texts of `host`, computed once per host object and its current texts. Treat the result as read-only. */
export function parsedHost(host: Host): ParsedHost {
  const hit = cache.get(host);
  if (hit && steady !== 0 && hit.checked === steady) return hit.parsed;
  if (hit && hit.endpoint === host.endpoint && same(hit.addresses, host.addresses) && same(hit.lans, host.lans)
    && sameServices(hit.services, host.services)) {
    hit.checked = steady;
    return hit.parsed;
  }
  const addresses = host.addresses.map(parsePrefix);
  const endpoint = host.endpoint === null ? null : parseEndpoint(host.endpoint);
  const parsed: ParsedHost = {
    addresses,
    hostRoutes: addresses.map((p) => hostPrefix({ family: p.family, value: p.addr })),
    lans: host.lans.map((l) => networkOf(parsePrefix(l))),
    endpoint: endpoint === null ? null : formatEndpoint(endpoint),
    endpointKind: endpoint?.kind ?? null,
    endpointPort: endpoint?.port ?? null,
    endpointAddress: endpoint === null || endpoint.kind === 'dns' ? null : parseAddress(endpoint.host),
    services: new Map(host.services.map((s) => [s.id, hostPrefix(parseAddress(s.address))])),
  };
  const services = host.services.flatMap((s) => [s.id, s.address]);
  cache.set(host, { addresses: [...host.addresses], lans: [...host.lans], endpoint: host.endpoint, services, parsed, checked: steady });
  return parsed;
}

// Plain loops: this check runs on every call, many times per host, and must not allocate.
function same(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameServices(seen: readonly string[], services: Host['services']): boolean {
  if (seen.length !== services.length * 2) return false;
  for (let i = 0; i < services.length; i++) {
    const s = services[i] as Host['services'][number];
    if (seen[2 * i] !== s.id || seen[2 * i + 1] !== s.address) return false;
  }
  return true;
}
