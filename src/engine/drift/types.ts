// Types only: the type-check and detect-drift.test.ts cover them.

/** What differs between the design's bundle and a host as collect.sh found it. */
export type DriftWhat =
  | 'host-unknown'
  | 'interface-missing'
  | 'interface-down'
  | 'interface-key'
  | 'listen-port'
  | 'mtu'
  | 'address'
  | 'peer-missing'
  | 'peer-unknown'
  | 'peer-key'
  | 'allowed-ips'
  | 'route-missing'
  | 'endpoint'
  | 'keepalive'
  | 'preshared-key'
  | 'handshake-stale'
  | 'firewall-missing'
  | 'firewall-chain'
  | 'firewall-rule-missing'
  | 'firewall-rule-extra';

/** One difference: on which host, about which peer (and its tunnel), what the design expects and what is live. */
export interface DriftFinding {
  host: string;
  /** The design's peer host, or null for the interface or the firewall; a peer the design does not know has none either. */
  peer: string | null;
  /** The tunnel to that peer, when the design has one: the edge the designer marks. */
  tunnel: string | null;
  what: DriftWhat;
  expected: string;
  actual: string;
}

/** The files of one host's collected folder by name (`wg-dump.txt`...), as text: the browser reads them the same way. */
export type CollectedHost = Readonly<Record<string, string>>;

/** Every collected folder by its name, which is the host id collect.sh named it for. */
export type CollectedFleet = Readonly<Record<string, CollectedHost>>;
