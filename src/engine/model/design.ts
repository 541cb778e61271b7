/**
 * The design file `wg-designer/1`: the one source of truth that the share link, the JSON download/upload and
 * the CLI carry. These are the *parsed* types; `schema.ts` turns unknown JSON into them or names the bad field.
 */

export const DESIGN_FORMAT = 'wg-designer/1';

/** What a host is for; decides its overlay pool and whether it routes. */
export type Role = 'db' | 'app' | 'gateway' | 'client';
export const ROLES: readonly Role[] = ['db', 'app', 'gateway', 'client'];

export type DatabaseEngine = 'postgresql' | 'mysql' | 'mariadb' | 'mongodb' | 'redis' | 'mssql' | 'other';

export interface DatabaseSpec {
  engine: DatabaseEngine;
  port: number;
}

/** A managed database (RDS, Cloud SQL...) inside a lan that a gateway routes for. */
export interface Service {
  id: string;
  name: string;
  address: string;
  port: number;
}

export interface Underlay {
  mtu: number;
  family: 'ipv4' | 'ipv6';
}

export interface Position {
  x: number;
  y: number;
}

export interface Host {
  /** `[a-z0-9-]`, unique; names the host's bundle folder. */
  id: string;
  /** Free display text. Untrusted: reaches generated files only as a sanitised comment. */
  name: string;
  role: Role;
  /**
   * Overlay addresses, as wg-quick's Address: usually host prefixes (`/32`, `/128`); `10.0.0.1/24` is kept as
   * written (imported configs use it). Allocated from the pools when empty.
   */
  addresses: string[];
  /** `host:port` that peers dial; null when nobody can dial this host. */
  endpoint: string | null;
  /** ListenPort; null uses the endpoint's port, else the network's. */
  listenPort: number | null;
  behindNat: boolean;
  underlay: Underlay | null;
  /** Interface MTU; null lets the engine choose from the underlay. */
  mtu: number | null;
  database: DatabaseSpec | null;
  /** Networks this host routes for (a site's lan, a VPC). */
  lans: string[];
  services: Service[];
  /** Masquerade overlay traffic into the lans, for lans that cannot route back to the overlay. */
  masquerade: boolean;
  /** A peer that exists outside this design (e.g. imported with an unknown key): no bundle is made for it. */
  external: boolean;
  publicKey: string | null;
  privateKey: string | null;
  position: Position;
  notes: string;
}

export interface Tunnel {
  id: string;
  a: string;
  b: string;
  presharedKey: string | null;
  /** PersistentKeepalive seconds; null lets the engine choose (25 on a side behind NAT); 0 turns it off. */
  keepalive: number | null;
  /**
   * Explicit AllowedIPs, as imported from hand-written configs: what `a` sends to `b` (`ab`) and what `b` sends to
   * `a` (`ba`). Null means the engine computes them from the routing.
   */
  allowedIPs: { ab: string[] | null; ba: string[] | null } | null;
}

export type Proto = 'tcp' | 'udp';

export interface Flow {
  id: string;
  from: string;
  /** A host id, or `gateway-id/service-id` for a service inside a gateway's lan. */
  to: string;
  port: number;
  proto: Proto;
  /**
   * `replication` flows between database nodes are allowed both ways; `replication` and `backup` are bulk streams
   * that QoS caps, so they never starve client queries.
   */
  kind: 'client' | 'replication' | 'backup';
}

export interface Pools {
  db: string;
  app: string;
  gateway: string;
  client: string;
  /** Optional IPv6 overlay; when set every host also gets an address from it. */
  ipv6: string | null;
}

export interface Network {
  pools: Pools;
  listenPort: number;
  managementPort: number;
  /** Generate a preshared key for every tunnel (post-quantum hardening, as WireGuard recommends). */
  presharedKeys: boolean;
  /** The host that scrapes a WireGuard exporter on every host's overlay address; its flows are implied. */
  monitoring: { host: string; exporterPort: number } | null;
}

/**
 * A floating overlay address for "the primary" of a primary-replica pair. `primary` holds it now; promoting the
 * replica moves it (the bundle's failover scripts). Flows to either member also reach the floating address.
 */
export interface FailoverGroup {
  id: string;
  address: string;
  primary: string;
  replica: string;
}

export interface Design {
  format: typeof DESIGN_FORMAT;
  name: string;
  network: Network;
  hosts: Host[];
  tunnels: Tunnel[];
  flows: Flow[];
  failover: FailoverGroup[];
}

/** Default ports of the database engines the palette offers. */
export const DEFAULT_DB_PORTS: Readonly<Record<DatabaseEngine, number>> = {
  postgresql: 5432,
  mysql: 3306,
  mariadb: 3306,
  mongodb: 27017,
  redis: 6379,
  mssql: 1433,
  other: 5432,
};

/**
 * The port replication uses between two nodes of each engine, where it differs from the client port:
 * MySQL group replication's XCom port, and Redis Cluster's bus (client port + 10000).
 */
export const REPLICATION_PORTS: Readonly<Partial<Record<DatabaseEngine, (clientPort: number) => number>>> = {
  mysql: () => 33061,
  mariadb: () => 33061,
  redis: (p) => p + 10_000,
};

/** The WireGuard interface every bundle configures. */
export const WG_INTERFACE = 'wg0';
