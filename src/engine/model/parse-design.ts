import type { z } from 'zod';
import { designSchema } from './schema';
import { issueMessage } from './issue-messages';
import { REPLICATION_PORTS } from './design';
import { flowTarget } from './flow-target';
import { checkPoolRoom } from './pool-room';
import { checkAddressUse } from './address-use';
import type { Design, Flow, Host } from './design';
import { visibleText } from './visible-text';

/** One problem with an input, naming the field: `hosts[2] (pg-primary).endpoint: is not host:port ...`. */
export interface FieldError {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The largest design file accepted, in characters: far above a 20,000-host design, far below what hurts a tab. */
export const MAX_DESIGN_CHARS = 32 * 1024 * 1024;
/** JSON nesting deeper than a design ever needs is refused before it can exhaust the stack. */
const MAX_DEPTH = 16;

/** Renders one error as a single line for a terminal or a toast. */
export function formatFieldError(e: FieldError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** Parses design text (a file, a decoded share link). Never throws: bad input gives errors that name the field. */
export function parseDesignText(text: string): ParseResult<Design> {
  if (text.length > MAX_DESIGN_CHARS) {
    return fail('', `the design is ${text.length} characters; the limit is ${MAX_DESIGN_CHARS}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // The parser quotes the input around the error; shown as-is it could carry ESC sequences or a fake new line.
    return fail('', `not valid JSON: ${visibleText(e instanceof Error ? e.message : String(e), 200)}`);
  }
  return parseDesign(json);
}

/** Checks unknown JSON against `wg-designer/1` and the design's cross-references; returns a fresh object. */
export function parseDesign(json: unknown): ParseResult<Design> {
  if (tooDeep(json, 0)) return fail('', `the JSON is nested deeper than ${MAX_DEPTH} levels`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('', 'a design must be a JSON object with "format": "wg-designer/1"');
  }
  const parsed = designSchema.safeParse(json, { error: issueMessage });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => toFieldError(i, json)) };
  const design = parsed.data as Design & { flows: Array<Omit<Flow, 'port'> & { port?: number }> };
  const errors = [...checkReferences(design), ...checkAddressUse(design)];
  if (errors.length > 0) return { ok: false, errors };
  const full = checkPoolRoom(design);
  if (full.length > 0) return { ok: false, errors: full };
  return { ok: true, value: design as Design };
}

function fail(path: string, message: string): ParseResult<never> {
  return { ok: false, errors: [{ path, message }] };
}

function tooDeep(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= MAX_DEPTH) return true;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    if (tooDeep(v, depth + 1)) return true;
  }
  return false;
}

/** `['hosts', 2, 'endpoint']` -> `hosts[2] (pg-primary).endpoint`, naming the host when its id is readable. */
export function formatPath(path: ReadonlyArray<PropertyKey>, root: unknown): string {
  let out = '';
  let node: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
      node = Array.isArray(node) ? node[seg] : undefined;
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && id.length <= 63 && /^[a-z0-9-]+$/.test(id)) out += ` (${id})`;
    } else {
      out += out ? `.${String(seg)}` : String(seg);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(seg)] : undefined;
    }
  }
  return out;
}

function toFieldError(issue: z.core.$ZodIssue, root: unknown): FieldError {
  const path = formatPath(issue.path, root);
  return { path, message: issue.message };
}

type LooseFlow = Omit<Flow, 'port'> & { port?: number };

/** Ids must be unique and every reference must name something that exists; flows get their default port. */
function checkReferences(design: Omit<Design, 'flows'> & { flows: LooseFlow[] }): FieldError[] {
  const errors: FieldError[] = [];
  const hosts = new Map<string, Host>();
  design.hosts.forEach((h, i) => {
    if (hosts.has(h.id)) errors.push({ path: `hosts[${i}].id`, message: `"${h.id}" is used by another host` });
    else hosts.set(h.id, h);
    const serviceIds = new Set<string>();
    h.services.forEach((s, j) => {
      if (serviceIds.has(s.id)) {
        errors.push({ path: `hosts[${i}] (${h.id}).services[${j}].id`, message: `"${s.id}" is used twice on this host` });
      }
      serviceIds.add(s.id);
    });
  });
  const tunnelIds = new Set<string>();
  const pairs = new Set<string>();
  design.tunnels.forEach((t, i) => {
    const at = `tunnels[${i}] (${t.id})`;
    if (tunnelIds.has(t.id)) errors.push({ path: `${at}.id`, message: `"${t.id}" is used by another tunnel` });
    tunnelIds.add(t.id);
    for (const side of ['a', 'b'] as const) {
      if (!hosts.has(t[side])) errors.push({ path: `${at}.${side}`, message: `no host has the id "${t[side]}"` });
    }
    if (t.a === t.b) errors.push({ path: `${at}.b`, message: 'a tunnel joins two different hosts' });
    const pair = t.a < t.b ? `${t.a} ${t.b}` : `${t.b} ${t.a}`;
    if (pairs.has(pair)) {
      errors.push({ path: `${at}.b`, message: `${t.a} and ${t.b} are already joined by another tunnel (one peer entry each side)` });
    }
    pairs.add(pair);
  });
  const monitor = design.network.monitoring?.host;
  if (monitor !== undefined && !hosts.has(monitor)) {
    errors.push({ path: 'network.monitoring.host', message: `no host has the id "${monitor}"` });
  }
  const flowIds = new Set<string>();
  design.flows.forEach((f, i) => {
    const at = `flows[${i}] (${f.id})`;
    if (flowIds.has(f.id)) errors.push({ path: `${at}.id`, message: `"${f.id}" is used by another flow` });
    flowIds.add(f.id);
    if (!hosts.has(f.from)) errors.push({ path: `${at}.from`, message: `no host has the id "${f.from}"` });
    const target = resolveTargetPort(f.to, hosts, f.kind === 'replication');
    if (typeof target === 'string') {
      errors.push({ path: `${at}.to`, message: target });
    } else if (f.port === undefined) {
      if (target === null) errors.push({ path: `${at}.port`, message: `is required: "${f.to}" runs no database or service` });
      else if (target > MAX_PORT) {
        // Redis Cluster's bus is the client port + 10000: a client port above 55535 has none by default.
        errors.push({ path: `${at}.port`, message: `is required: the replication port of "${f.to}" would be ${target}, above ${MAX_PORT} (give the flow the bus port the nodes use)` });
      } else f.port = target;
    }
  });
  design.failover.forEach((g, i) => {
    const at = `failover[${i}] (${g.id})`;
    for (const side of ['primary', 'replica'] as const) {
      if (!hosts.has(g[side])) errors.push({ path: `${at}.${side}`, message: `no host has the id "${g[side]}"` });
    }
    if (g.primary === g.replica) errors.push({ path: `${at}.replica`, message: 'the replica must be another host than the primary' });
  });
  return errors;
}

const MAX_PORT = 65535;

/** The default port of a flow's target (its replication port for a replication flow), null when it has none, or an error message when the target is unknown. */
function resolveTargetPort(to: string, hosts: Map<string, Host>, replication: boolean): number | null | string {
  const { hostId, serviceId } = flowTarget(to);
  const host = hosts.get(hostId);
  if (!host) return `no host has the id "${hostId}"`;
  if (serviceId === null) {
    if (!host.database) return null;
    const replicationPort = replication ? REPLICATION_PORTS[host.database.engine] : undefined;
    return replicationPort ? replicationPort(host.database.port) : host.database.port;
  }
  const service = host.services.find((s) => s.id === serviceId);
  if (!service) return `host "${hostId}" has no service "${serviceId}"`;
  return service.port;
}
