import { DESIGN_FORMAT } from '../model/design';
import type { Design, Host, Tunnel } from '../model/design';
import { DEFAULT_POOLS } from '../model/schema';
import { formatFieldError, parseDesign } from '../model/parse-design';
import { visibleText } from '../model/visible-text';
import { formatEndpoint, formatPrefix, isHostPrefix, parseEndpoint, parsePrefix } from '../net';
import { decodeKey, publicKeyOf } from '../keys';
import { buildPlan } from '../plan/build-plan';
import { hostIdFor, listed, uniqueId } from './host-id';
import { ImportError } from './import-error';
import { importDifferences } from './import-diff';
import { interfaceReport } from './import-report';
import { readSources } from './import-sources';
import type { ConfigFile, ImportSource } from './import-sources';
import { inferRoles } from './infer-roles';
import type { ImportedSide } from './infer-roles';
import { nameFromComments } from './peer-names';

export { ImportError } from './import-error';
export type { ConfigFile } from './import-sources';

export interface ImportResult {
  /** The design, private keys included (from the configs): the caller keeps them apart from the design. */
  design: Design;
  /** What was not kept or needs the user: each names the file and says what the bundle does instead. */
  warnings: string[];
  /** Roles and lans read from how the configs route, for the user to confirm. */
  guesses: string[];
}

/** What the files cannot say. */
export interface ImportOptions {
  /**
   * `host:port` by host id, for hosts that no imported file dials: a server whose clients' configs are not at hand
   * (the usual wg-quick server file) has no endpoint otherwise, and its clients could not dial it.
   */
  endpoints?: Readonly<Record<string, string>>;
}

interface Side {
  allowed: string[];
  psk: string | null;
  keepalive: number | null;
}

/**
 * Existing wg-quick configs, `wg showconf` output or `wg show all dump` output -> a design. Hosts are matched by
 * public key (derived from each interface's PrivateKey); peers whose key no file holds become external hosts, and
 * those that no file gives an Endpoint dial in (Host.dialsIn). Every key, address, AllowedIPs, PSK, MTU, keepalive
 * and ListenPort is kept: where the engine's own routing would give other AllowedIPs, the tunnel keeps the imported
 * ones explicitly. Pure; throws ImportError before anything is made when any file has a problem.
 */
export function importConfigs(files: readonly ConfigFile[], designName = 'imported', options: ImportOptions = {}): ImportResult {
  const warnings: string[] = [];
  const sources = readSources(files);
  const byKey = new Map<string, Host>();
  const taken = new Set<string>();
  const hosts: Host[] = [];
  const hostOf = new Map<ImportSource, Host>();
  for (const src of sources) {
    const priv = src.config.iface.privateKey;
    if (priv === null) throw new ImportError(`${src.where}: [Interface] has no PrivateKey, so the host cannot be identified`);
    const publicKey = checkedKey(src, 'PrivateKey', priv, true);
    const same = byKey.get(publicKey);
    if (same) throw new ImportError(`${src.where}: the same PrivateKey as ${same.id}`);
    const host = newHost(uniqueId(src.idHint, taken), publicKey);
    host.name = nameFromComments([src.config.iface.comment]) ?? host.id;
    host.privateKey = priv;
    host.addresses = src.config.iface.addresses.map((a) => formatPrefix(checkedPrefix(src, 'Address', a)));
    host.listenPort = src.config.iface.listenPort;
    // No ListenPort line: wg-quick lets the kernel pick one; the bundle writes none either (unless peers dial it).
    host.randomListenPort = host.listenPort === null;
    host.mtu = src.config.iface.mtu;
    byKey.set(publicKey, host);
    hosts.push(host);
    hostOf.set(src, host);
    warnings.push(...interfaceReport(src.where, src.config.iface));
  }

  const sides = new Map<string, Side>();
  const tunnels = new Map<string, Tunnel>();
  const dialled = new Set<string>();
  for (const src of sources) {
    const self = hostOf.get(src) as Host;
    // Peers no file holds, reported once per file: a server with 10,000 clients is one line, not 10,000.
    const unknown: string[] = [];
    for (const peer of src.config.peers) {
      const key = checkedKey(src, 'PublicKey', peer.publicKey, false);
      const allowed = peer.allowedIPs.map((a) => formatPrefix(checkedPrefix(src, 'AllowedIPs', a)));
      const named = nameFromComments([peer.comment, peer.innerComment]);
      let other = byKey.get(key);
      if (!other) {
        other = newHost(uniqueId(hostIdFor(named ?? '') || `peer-${hostIdFor(key.slice(0, 8)) || 'x'}`, taken), key);
        other.name = named ?? other.id;
        other.external = true;
        other.addresses = allowed.filter((a) => isHostPrefix(parsePrefix(a)));
        byKey.set(key, other);
        hosts.push(other);
        unknown.push(other.id);
      } else if (named !== null && other.name === other.id && named !== other.id) {
        other.name = named;
      }
      if (peer.endpoint !== null && src.runtime && !other.external && other.randomListenPort) {
        // wg shows where a peer last sent from; a host with no ListenPort listens on no fixed port to dial.
        warnings.push(`${src.where}: Endpoint ${peer.endpoint} of ${other.id} not kept: it is where ${other.id} was last seen, and its own config has no ListenPort to dial`);
      } else if (peer.endpoint !== null) {
        setEndpoint(other, peer.endpoint, at(src, 'Endpoint', peer.endpoint), src.where, warnings);
        dialled.add(other.id);
      }
      const psk = peer.presharedKey === null ? null : (checkedKey(src, 'PresharedKey', peer.presharedKey, false), peer.presharedKey);
      sides.set(`${self.id} ${other.id}`, { allowed, psk, keepalive: peer.persistentKeepalive });
      const pair = self.id < other.id ? `${self.id} ${other.id}` : `${other.id} ${self.id}`;
      if (!tunnels.has(pair)) {
        const [a, b] = pair.split(' ') as [string, string];
        tunnels.set(pair, { id: uniqueId(`t-${a}-${b}`.slice(0, 63).replace(/-+$/, ''), taken), a, b, presharedKey: null, keepalive: null, allowedIPs: null });
      }
    }
    if (unknown.length > 0) {
      warnings.push(unknown.length === 1
        ? `${src.where}: peer ${unknown[0]} is in no imported file: added as an external host, which gets no bundle`
        : `${src.where}: ${unknown.length} peers (${listed(unknown)}) are in no imported file: added as external hosts, which get no bundle`);
    }
  }
  for (const [id, endpoint] of Object.entries(options.endpoints ?? {})) {
    const host = hosts.find((h) => h.id === id);
    if (!host) throw new ImportError(`endpoint for ${id}: no such host (the imported hosts are ${listed(hosts.map((h) => h.id))})`);
    host.endpoint = null;
    setEndpoint(host, endpoint, `endpoint for ${id}`, 'the given endpoint', warnings);
    dialled.add(id);
  }
  for (const t of tunnels.values()) finishTunnel(t, sides.get(`${t.a} ${t.b}`), sides.get(`${t.b} ${t.a}`), warnings);
  finishHosts(hosts, sources, hostOf, sides, dialled, warnings);
  const sideList: ImportedSide[] = [...sides].map(([k, s]) => {
    const [self, peer] = k.split(' ') as [string, string];
    return { self, peer, allowed: s.allowed };
  });
  const guesses = inferRoles(hosts, [...tunnels.values()], sideList);

  const design: Design = {
    format: DESIGN_FORMAT,
    name: designName,
    network: { pools: { ...DEFAULT_POOLS }, listenPort: 51_820, managementPort: 22, presharedKeys: false, keys: 'bundle', monitoring: null },
    hosts,
    tunnels: [...tunnels.values()],
    flows: [],
    failover: [],
  };
  dropComputedAllowedIPs(design);
  warnings.push(...importDifferences(sources, hostOf, buildPlan(design)));
  warnings.push('no flows are declared yet: exported firewalls drop every new connection on the tunnel until flows are added');
  const checked = parseDesign(JSON.parse(JSON.stringify(design)));
  if (!checked.ok) throw new ImportError(`the imported design does not check: ${checked.errors.map(formatFieldError).join('; ')}`);
  const shown = (list: string[]) => list.map((w) => visibleText(w, 2000));
  return { design: checked.value, warnings: shown(warnings), guesses: shown(guesses) };
}

/**
 * After every file is read: external hosts nobody dials dial in; hosts from dumps and `wg showconf` (which carry
 * no Address) take the address their peers route to them; a host dialled at a port but with no ListenPort gets one.
 */
function finishHosts(
  hosts: Host[], sources: readonly ImportSource[], hostOf: ReadonlyMap<ImportSource, Host>,
  sides: ReadonlyMap<string, Side>, dialled: ReadonlySet<string>, warnings: string[],
): void {
  for (const h of hosts) {
    if (h.external && !dialled.has(h.id)) h.dialsIn = true;
    if (!h.external && h.randomListenPort && h.endpoint !== null) {
      warnings.push(`${h.id} has no ListenPort but is dialled at ${h.endpoint}: the bundle sets ListenPort to that port, since a random one could not be reached`);
    }
  }
  for (const src of sources) {
    const h = hostOf.get(src) as Host;
    if (h.addresses.length > 0) continue;
    const routed = [...sides].filter(([k]) => k.endsWith(` ${h.id}`)).flatMap(([, s]) => s.allowed)
      .filter((a) => isHostPrefix(parsePrefix(a)));
    h.addresses = [...new Set(routed)];
    warnings.push(h.addresses.length > 0
      ? `${src.where}: no Address (${src.format === 'dump' ? 'a dump' : '`wg showconf` output'} has none): took ${h.addresses.join(', ')} from what its peers route to it; check the prefix length`
      : `${src.where}: no Address and no peer routes one to it: the designer allocates one from the pools; set the address the host really has`);
  }
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const diallers = new Map<string, number>();
  for (const key of sides.keys()) {
    const [self, peer] = key.split(' ') as [string, string];
    if (byId.get(peer)?.dialsIn) diallers.set(self, (diallers.get(self) ?? 0) + 1);
  }
  for (const [id, n] of diallers) {
    const h = byId.get(id);
    if (h && !h.external && h.endpoint === null) {
      warnings.push(`${h.id} has no endpoint, but ${n} external peer(s) dial in to it: set its endpoint (host:port, as its clients' configs say; the CLI's --endpoint ${h.id}=host:port) before export`);
    }
  }
}

function newHost(id: string, publicKey: string): Host {
  return {
    id, name: id, role: 'app', addresses: [], endpoint: null, listenPort: null, randomListenPort: false, behindNat: false,
    underlay: null, mtu: null, database: null, lans: [], services: [], masquerade: true, external: false, dialsIn: false,
    keys: null, publicKey, privateKey: null, position: { x: 0, y: 0 }, notes: '',
  };
}

/** `file line N: Field` for a value found bad after parsing (keys, prefixes, endpoints): the line that holds it. */
function at(src: ImportSource, field: string, value: string): string {
  const line = src.lineOf(value);
  return `${line > 0 ? `${src.file} line ${line}` : src.where}: ${field}`;
}

function checkedKey(src: ImportSource, field: string, key: string, isPrivate: boolean): string {
  try {
    decodeKey(key);
    return isPrivate ? publicKeyOf(key) : key;
  } catch (e) {
    throw new ImportError(`${at(src, field, key)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function checkedPrefix(src: ImportSource, field: string, text: string) {
  try {
    return parsePrefix(text);
  } catch (e) {
    throw new ImportError(`${at(src, field, text)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Sets the endpoint others dial `host` at; `field` names the value in an error, `where` the file in a warning. */
function setEndpoint(host: Host, text: string, field: string, where: string, warnings: string[]): void {
  let canonical: string;
  try {
    canonical = formatEndpoint(parseEndpoint(text));
  } catch (e) {
    throw new ImportError(`${field}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (host.endpoint === null) host.endpoint = canonical;
  else if (host.endpoint !== canonical) warnings.push(`${where}: ${host.id} is dialed at ${canonical} here and at ${host.endpoint} elsewhere; kept ${host.endpoint}`);
}

function finishTunnel(t: Tunnel, ab: Side | undefined, ba: Side | undefined, warnings: string[]): void {
  t.allowedIPs = { ab: ab?.allowed ?? null, ba: ba?.allowed ?? null };
  if (ab?.psk && ba?.psk && ab.psk !== ba.psk) warnings.push(`tunnel ${t.a} - ${t.b}: the two sides have different PresharedKeys; the handshake fails until they match (kept ${t.a}'s)`);
  t.presharedKey = ab?.psk ?? ba?.psk ?? null;
  const ka = Math.max(ab?.keepalive ?? 0, ba?.keepalive ?? 0);
  t.keepalive = ka > 0 ? ka : 0;
}

/** Keeps explicit AllowedIPs only on the sides where the engine's routing would give something else. */
function dropComputedAllowedIPs(design: Design): void {
  const bare = { ...design, tunnels: design.tunnels.map((t) => ({ ...t, allowedIPs: null })) };
  const plan = buildPlan(bare);
  // Indexed once: a hub with 10,000 peers would otherwise search its peer list once per tunnel.
  const lists = new Map(plan.hosts.map((hp) => [hp.id, new Map(hp.peers.map((p) => [p.hostId, p.allowedIPs.map(formatPrefix).sort().join(',')]))]));
  const computed = (self: string, peer: string) => lists.get(self)?.get(peer);
  for (const t of design.tunnels) {
    if (!t.allowedIPs) continue;
    const same = (list: string[] | null, self: string, peer: string) =>
      list !== null && [...list].sort().join(',') === computed(self, peer);
    const ab = same(t.allowedIPs.ab, t.a, t.b) ? null : t.allowedIPs.ab;
    const ba = same(t.allowedIPs.ba, t.b, t.a) ? null : t.allowedIPs.ba;
    t.allowedIPs = ab === null && ba === null ? null : { ab, ba };
  }
}
