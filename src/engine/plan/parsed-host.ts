import type { Host } from '../model/design';
import { addressOf, containsAddress, hostPrefix } from '../net';
import type { Address, Endpoint, Prefix } from '../net';
import { ParsedTexts } from '../net';

/** A host's address texts, parsed: what the plan reads per flow, per peer and per route. */
export interface ParsedHost {
  /** The interface addresses as written (`10.0.0.2/24` keeps its length). */
  addresses: readonly Prefix[];
  /** The same addresses as host routes (`/32`, `/128`): what peers route to the host and firewalls name. */
  hostRoutes: readonly Prefix[];
  /** The lans as networks. */
  lans: readonly Prefix[];
  /** The endpoint in canonical form, its host (IPv6 without brackets), kind, port and (unless a DNS name) address. */
  endpoint: string | null;
  endpointHost: string | null;
  endpointKind: Endpoint['kind'] | null;
  endpointPort: number | null;
  endpointAddress: Address | null;
  /** Each service's address as a host route, by service id. */
  services: ReadonlyMap<string, Prefix>;
  /**
   * By service id, what flows to it name and route: its address, and the lan that holds it (one AllowedIPs entry
   * serves every service in a lan). Shared by every flow to the service.
   */
  serviceTargets: ReadonlyMap<string, ServiceTarget>;
}

/** What a flow to a service names (its address) and routes (the gateway lan that holds it, else the address). */
export interface ServiceTarget {
  destinations: readonly Prefix[];
  routeDestinations: readonly Prefix[];
}

/** The empty maps every host without services shares: a plan's own (see ParsedHosts), never written to. */
export interface NoServices {
  services: ReadonlyMap<string, Prefix>;
  targets: ReadonlyMap<string, ServiceTarget>;
}

/** Parses a host's texts through `texts` (a plan's). The design was checked before planning: a bad text throws. */
export function parseHost(host: Host, none: NoServices = { services: new Map(), targets: new Map() }, texts = new ParsedTexts()): ParsedHost {
  const addresses = host.addresses.map((a) => texts.prefix(a));
  const endpoint = host.endpoint === null ? null : texts.endpoint(host.endpoint);
  const lans = host.lans.map((l) => texts.network(l));
  // Most hosts have no services: no two empty Maps each (a megabyte per plan of 5,000 hosts).
  const services = host.services.length === 0 ? none.services : new Map(host.services.map((s) => [s.id, hostPrefix(texts.address(s.address))]));
  const serviceTargets = host.services.length === 0 ? none.targets : new Map([...services].map(([id, address]) => {
    const lan = lans.find((p) => containsAddress(p, addressOf(address)));
    return [id, { destinations: [address], routeDestinations: [lan ?? address] }];
  }));
  return {
    addresses,
    hostRoutes: host.addresses.map((a) => texts.hostRoute(a)),
    lans,
    endpoint: endpoint?.text ?? null,
    endpointHost: endpoint?.host ?? null,
    endpointKind: endpoint?.kind ?? null,
    endpointPort: endpoint?.port ?? null,
    endpointAddress: endpoint?.address ?? null,
    services,
    serviceTargets,
  };
}

/**
 * Each host's texts parsed once per plan (a plan asks per host, per peer and per flow), by host object. A plan owns
 * one, and validation reads the same one through the plan. Host objects are treated as immutable, as the design
 * model makes them: a caller that edits a host in place must plan with a new ParsedHosts. `texts` are the plan's
 * parsed texts, which may read through the previous plan's (see ParsedTexts).
 */
export class ParsedHosts {
  private readonly byHost = new Map<Host, ParsedHost>();
  private readonly none: NoServices = { services: new Map(), targets: new Map() };

  constructor(readonly texts: ParsedTexts = new ParsedTexts()) {}

  of(host: Host): ParsedHost {
    let parsed = this.byHost.get(host);
    if (!parsed) this.byHost.set(host, (parsed = parseHost(host, this.none, this.texts)));
    return parsed;
  }
}
