import type { z } from 'zod';
import { designSchema, LIMITS } from './schema';
import { issueMessage } from './issue-messages';
import { checkPoolRoom } from './pool-room';
import { checkAddressUse } from './address-use';
import type { Design, Flow } from './design';
import { checkReferences } from './references';
import { visibleText } from './visible-text';
import type { FieldError } from './field-error';

export type { FieldError };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The largest design file accepted, in characters: far above a 20,000-host design, far below what hurts a tab. */
export const MAX_DESIGN_CHARS = 32 * 1024 * 1024;
/** JSON nesting deeper than a design ever needs is refused before it can exhaust the stack. */
export const MAX_DEPTH = 16;

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
    // A UTF-8 byte order mark (Windows editors write one) is not JSON, but it is not part of the design either.
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
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
  const oversized = oversizedList(json as Record<string, unknown>);
  if (oversized) return fail(oversized.path, oversized.message);
  const parsed = designSchema.safeParse(json, { error: issueMessage });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => toFieldError(i, json)) };
  const design = parsed.data as Design & { flows: Array<Omit<Flow, 'port'> & { port?: number }> };
  const errors = [...checkReferences(design), ...checkAddressUse(design)];
  if (errors.length > 0) return { ok: false, errors };
  const full = checkPoolRoom(design);
  if (full.length > 0) return { ok: false, errors: full };
  return { ok: true, value: design as Design };
}

/**
 * A list longer than the schema allows, found before any of its items is parsed: 25,000 hosts would otherwise
 * each go through the host schema (and could each give an error) before the length was judged.
 */
function oversizedList(json: Record<string, unknown>): FieldError | null {
  const limits = { hosts: LIMITS.hosts, tunnels: LIMITS.tunnels, flows: LIMITS.flows, failover: LIMITS.listItems, tests: LIMITS.tests } as const;
  for (const [list, limit] of Object.entries(limits)) {
    const items = json[list];
    if (Array.isArray(items) && items.length > limit) {
      return { path: list, message: `has ${items.length.toLocaleString('en-US')} items; a design holds at most ${limit.toLocaleString('en-US')}` };
    }
  }
  return null;
}

function fail(path: string, message: string): ParseResult<never> {
  return { ok: false, errors: [{ path, message }] };
}

export function tooDeep(value: unknown, depth: number): boolean {
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

export function toFieldError(issue: z.core.$ZodIssue, root: unknown): FieldError {
  const path = formatPath(issue.path, root);
  return { path, message: issue.message };
}
