// Tests: plan/parsed-host.test.ts (a plan's texts read through the previous plan's, and the same plan either way).
import { parseAddress } from './address';
import type { Address } from './address';
import { formatEndpoint, parseEndpoint } from './endpoint';
import type { Endpoint } from './endpoint';
import { addressOf, hostPrefix, networkOf, parsePrefix } from './prefix';
import type { Prefix } from './prefix';

/** An endpoint text, parsed: canonical `host:port`, its host, kind, port, and its address unless a DNS name. */
export interface ParsedEndpoint {
  text: string;
  host: string;
  kind: Endpoint['kind'];
  port: number;
  address: Address | null;
}

/**
 * The address, prefix and endpoint texts of a plan's hosts, each parsed once, by text. A table may read through the
 * table of the plan before it (`next`): the designer plans again after every edit, and all but the edited host's
 * texts are the same strings, so an analysis then parses only what changed (in the engine worker, 14 of a routed
 * 5,000-host analysis's some 200 ms in Chromium went to parsing the same texts again). Only the one table before is
 * read, and a text neither plan used is gone with it. What it hands out is read-only, shared by both plans.
 */
export class ParsedTexts {
  private readonly own: Tables = {
    prefixes: new Map(), networks: new Map(), hostRoutes: new Map(), addresses: new Map(), endpoints: new Map(),
  };
  /** The tables of the plan before, or null: its maps only, so no chain of plans is kept alive. */
  private readonly earlier: Tables | null;

  constructor(earlier: ParsedTexts | null = null) {
    this.earlier = earlier === null ? null : earlier.own;
  }

  /** A table for the next plan, reading through this one. */
  next(): ParsedTexts {
    return new ParsedTexts(this);
  }

  /** An interface address as written ("10.0.0.5/24" keeps its host bits). */
  prefix(text: string): Prefix {
    return memo(this.own.prefixes, this.earlier?.prefixes, text, parsePrefix);
  }

  /** A lan: the network of the text. */
  network(text: string): Prefix {
    return memo(this.own.networks, this.earlier?.networks, text, (t) => networkOf(this.prefix(t)));
  }

  /** The host route (/32, /128) of an interface address text. */
  hostRoute(text: string): Prefix {
    return memo(this.own.hostRoutes, this.earlier?.hostRoutes, text, (t) => {
      const p = this.prefix(t);
      return hostPrefix(addressOf(p));
    });
  }

  address(text: string): Address {
    return memo(this.own.addresses, this.earlier?.addresses, text, parseAddress);
  }

  endpoint(text: string): ParsedEndpoint {
    return memo(this.own.endpoints, this.earlier?.endpoints, text, (t) => {
      const e = parseEndpoint(t);
      return { text: formatEndpoint(e), host: e.host, kind: e.kind, port: e.port, address: e.kind === 'dns' ? null : this.address(e.host) };
    });
  }
}

/** One plan's parsed texts, by kind. */
interface Tables {
  prefixes: Map<string, Prefix>;
  networks: Map<string, Prefix>;
  hostRoutes: Map<string, Prefix>;
  addresses: Map<string, Address>;
  endpoints: Map<string, ParsedEndpoint>;
}

/** `text`'s value from `own`, else from `earlier`, else parsed; kept in `own` either way. */
function memo<T>(own: Map<string, T>, earlier: ReadonlyMap<string, T> | undefined, text: string, parse: (text: string) => T): T {
  let value = own.get(text);
  if (value === undefined) {
    value = earlier?.get(text) ?? parse(text);
    own.set(text, value);
  }
  return value;
}
