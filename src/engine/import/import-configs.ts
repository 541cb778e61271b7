import { DESIGN_FORMAT } from '../model/design';
import type { Design, Host, Tunnel } from '../model/design';
import { DEFAULT_POOLS } from '../model/schema';
import { formatFieldError, parseDesign } from '../model/parse-design';
import { visibleText } from '../model/visible-text';
import { formatEndpoint, formatPrefix, hostPrefix, isHostPrefix, networkOf, parseEndpoint, parsePrefix } from '../net';
import { decodeKey, publicKeyOf } from '../keys';
import { buildPlan } from '../plan/build-plan';
import { ConfigParseError, parseWgQuick } from './wg-quick-parse';
import type { ParsedConfig } from './wg-quick-parse';
import { hostIdFor, uniqueId } from './host-id';

/** One config to import: its text and a name that hints at the host (`hub.conf`, `hub/wg0.conf`). */
export interface ConfigFile {
  name: string;
  text: string;
}

export interface ImportResult {
  /** The design, private keys included (from the configs): the caller keeps them apart from the design. */
  design: Design;
  warnings: string[];
}

/** An import that cannot be done, naming the file and, where it can, the line. File names and values show visibly. */
export class ImportError extends Error {
  constructor(message: string) {
    super(visibleText(message, 2000));
  }
}

interface Side {
  allowed: string[];
  psk: string | null;
  keepalive: number | null;
}

/**
 * Existing wg-quick configs -> a design. Hosts are matched by public key (derived from each config's PrivateKey);
 * peers whose key no config holds become external hosts. Every key, address and AllowedIPs is kept: where the
 * engine's own routing would give other AllowedIPs, the tunnel keeps the imported ones explicitly.
 */
export function importConfigs(files: readonly ConfigFile[], designName = 'imported'): ImportResult {
  const warnings: string[] = [];
  const parsed = files.map((f) => ({ file: f, config: parseOne(f) }));
  const byKey = new Map<string, Host>();
  const taken = new Set<string>();
  const hosts: Host[] = [];
  for (const { file, config } of parsed) {
    const priv = config.iface.privateKey;
    if (priv === null) throw new ImportError(`${file.name}: [Interface] has no PrivateKey, so the host cannot be identified`);
    const publicKey = keyOrThrow(file.name, 'PrivateKey', priv, true);
    if (byKey.has(publicKey)) throw new ImportError(`${file.name}: the same PrivateKey as ${byKey.get(publicKey)?.id}`);
    const id = uniqueId(hostIdFor(file.name), taken);
    const host = newHost(id, publicKey);
    host.privateKey = priv;
    host.addresses = config.iface.addresses.map((a) => formatPrefix(prefixOrThrow(file.name, 'Address', a)));
    host.listenPort = config.iface.listenPort;
    host.mtu = config.iface.mtu;
    byKey.set(publicKey, host);
    hosts.push(host);
    const dropped = [
      ...config.iface.hooks.map((h) => h.key),
      ...(config.iface.dns.length ? ['DNS'] : []),
      ...(config.iface.table !== null ? ['Table'] : []),
      ...(config.iface.fwMark !== null ? ['FwMark'] : []),
    ];
    if (dropped.length) warnings.push(`${file.name}: ${[...new Set(dropped)].join(', ')} not imported: bundles set up routing and firewall themselves`);
  }

  const sides = new Map<string, Side>();
  const tunnels = new Map<string, Tunnel>();
  for (const { file, config } of parsed) {
    const self = byKey.get(publicKeyOf(config.iface.privateKey ?? '')) as Host;
    for (const peer of config.peers) {
      const key = keyOrThrow(file.name, 'PublicKey', peer.publicKey, false);
      let other = byKey.get(key);
      if (!other) {
        other = newHost(uniqueId(`peer-${hostIdFor(key.slice(0, 8)) || 'x'}`, taken), key);
        other.external = true;
        other.role = 'client';
        other.addresses = peer.allowedIPs.map((a) => prefixOrThrow(file.name, 'AllowedIPs', a)).filter(isHostPrefix).map(formatPrefix);
        byKey.set(key, other);
        hosts.push(other);
        warnings.push(`${file.name}: peer ${key} is in no imported config: added as external host ${other.id}`);
      }
      if (peer.endpoint !== null) setEndpoint(other, peer.endpoint, file.name, warnings);
      const allowed = peer.allowedIPs.map((a) => formatPrefix(prefixOrThrow(file.name, 'AllowedIPs', a)));
      const psk = peer.presharedKey === null ? null : (keyOrThrow(file.name, 'PresharedKey', peer.presharedKey, false), peer.presharedKey);
      sides.set(`${self.id} ${other.id}`, { allowed, psk, keepalive: peer.persistentKeepalive });
      const pair = self.id < other.id ? `${self.id} ${other.id}` : `${other.id} ${self.id}`;
      if (!tunnels.has(pair)) {
        const [a, b] = pair.split(' ') as [string, string];
        tunnels.set(pair, { id: uniqueId(`t-${a}-${b}`.slice(0, 63).replace(/-+$/, ''), taken), a, b, presharedKey: null, keepalive: null, allowedIPs: null });
      }
    }
  }
  for (const t of tunnels.values()) finishTunnel(t, sides.get(`${t.a} ${t.b}`), sides.get(`${t.b} ${t.a}`), warnings);
  for (const h of hosts) if (routesForOthers(h, tunnels, sides)) h.role = 'gateway';

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
  warnings.push('no flows are declared yet: exported firewalls drop every new connection on the tunnel until flows are added');
  const checked = parseDesign(JSON.parse(JSON.stringify(design)));
  if (!checked.ok) throw new ImportError(`the imported design does not check: ${checked.errors.map(formatFieldError).join('; ')}`);
  return { design: checked.value, warnings: warnings.map((w) => visibleText(w, 2000)) };
}

function parseOne(f: ConfigFile): ParsedConfig {
  try {
    return parseWgQuick(f.text, f.name);
  } catch (e) {
    if (e instanceof ConfigParseError) throw new ImportError(e.message);
    throw e;
  }
}

function newHost(id: string, publicKey: string): Host {
  return {
    id, name: id, role: 'app', addresses: [], endpoint: null, listenPort: null, behindNat: false, underlay: null,
    mtu: null, database: null, lans: [], services: [], masquerade: true, external: false, keys: null, publicKey,
    privateKey: null, position: { x: 0, y: 0 }, notes: '',
  };
}

function keyOrThrow(file: string, field: string, key: string, isPrivate: boolean): string {
  try {
    decodeKey(key);
    return isPrivate ? publicKeyOf(key) : key;
  } catch (e) {
    throw new ImportError(`${file}: ${field}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function prefixOrThrow(file: string, field: string, text: string) {
  try {
    return parsePrefix(text);
  } catch (e) {
    throw new ImportError(`${file}: ${field}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function setEndpoint(host: Host, text: string, file: string, warnings: string[]): void {
  let canonical: string;
  try {
    canonical = formatEndpoint(parseEndpoint(text));
  } catch (e) {
    throw new ImportError(`${file}: Endpoint: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (host.endpoint === null) host.endpoint = canonical;
  else if (host.endpoint !== canonical) warnings.push(`${file}: ${host.id} is dialed at ${canonical} here and at ${host.endpoint} elsewhere; kept ${host.endpoint}`);
}

function finishTunnel(t: Tunnel, ab: Side | undefined, ba: Side | undefined, warnings: string[]): void {
  t.allowedIPs = { ab: ab?.allowed ?? null, ba: ba?.allowed ?? null };
  if (ab?.psk && ba?.psk && ab.psk !== ba.psk) warnings.push(`tunnel ${t.a} - ${t.b}: the two sides have different PresharedKeys; the handshake fails until they match (kept ${t.a}'s)`);
  t.presharedKey = ab?.psk ?? ba?.psk ?? null;
  const ka = Math.max(ab?.keepalive ?? 0, ba?.keepalive ?? 0);
  t.keepalive = ka > 0 ? ka : 0;
}

/** A host that others route more than its own addresses to forwards for them: it is a gateway. */
function routesForOthers(h: Host, tunnels: ReadonlyMap<string, Tunnel>, sides: ReadonlyMap<string, Side>): boolean {
  const own = new Set(h.addresses.map((a) => {
    const p = parsePrefix(a);
    return formatPrefix(hostPrefix({ family: p.family, value: p.addr }));
  }));
  for (const t of tunnels.values()) {
    if (t.a !== h.id && t.b !== h.id) continue;
    const other = t.a === h.id ? t.b : t.a;
    const toward = sides.get(`${other} ${h.id}`)?.allowed ?? [];
    if (toward.some((p) => !own.has(formatPrefix(networkOf(parsePrefix(p)))))) return true;
  }
  return false;
}

/** Keeps explicit AllowedIPs only on the sides where the engine's routing would give something else. */
function dropComputedAllowedIPs(design: Design): void {
  const bare = { ...design, tunnels: design.tunnels.map((t) => ({ ...t, allowedIPs: null })) };
  const plan = buildPlan(bare);
  const computed = (self: string, peer: string) =>
    plan.byId.get(self)?.peers.find((p) => p.hostId === peer)?.allowedIPs.map(formatPrefix).sort().join(',');
  for (const t of design.tunnels) {
    if (!t.allowedIPs) continue;
    const same = (list: string[] | null, self: string, peer: string) =>
      list !== null && [...list].sort().join(',') === computed(self, peer);
    const ab = same(t.allowedIPs.ab, t.a, t.b) ? null : t.allowedIPs.ab;
    const ba = same(t.allowedIPs.ba, t.b, t.a) ? null : t.allowedIPs.ba;
    t.allowedIPs = ab === null && ba === null ? null : { ab, ba };
  }
}
