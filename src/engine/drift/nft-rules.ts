import { formatPrefix, tryParsePrefix } from '../net';
import { DriftInputError } from './drift-input-error';
import { asRecord } from './json-text';

/**
 * A table's rules by chain, each rule reduced to what decides it: its verdict, its comment and the addresses and
 * ports it matches (`accept "flow app-pg" [10.0.0.1/32 10.0.0.2/32 :5432]`). The bundle's firewall.nft text and the
 * kernel's `nft -j` listing print the same rule differently (sets, spacing, counters, canonical IPv6); both reduce
 * to the same line, so a rule that differs in an address, a port or a verdict shows, and formatting does not.
 */
export type ChainRules = Map<string, string[]>;

// A frozen list, not a Set: the engine keeps no module-level collection a caller could change (issue 21).
const VERDICTS: readonly string[] = Object.freeze(['accept', 'drop', 'reject', 'masquerade', 'return']);

function ruleKey(verdict: string, comment: string | null, atoms: string[]): string {
  return [verdict || '(no verdict)', ...(comment === null ? [] : [`"${comment}"`]), `[${atoms.sort().join(' ')}]`].join(' ');
}

/** An address or prefix as `addr/len`, or null for anything else (an interface name, an ICMP type, a number). */
function addressAtom(text: string): string | null {
  if (!text.includes('.') && !text.includes(':')) return null;
  const p = tryParsePrefix(text);
  return p ? formatPrefix(p) : null;
}

/** The rules of the bundle's own `firewall.nft` (render/nftables.ts writes it: one rule per line, sets first). */
export function rulesOfNftText(text: string): ChainRules {
  const sets = new Map<string, string[]>();
  const chains: ChainRules = new Map();
  let chain: string | null = null;
  let set: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const opens = /^(chain|set) ([a-z0-9_]+) \{$/.exec(line);
    if (opens) {
      if (opens[1] === 'chain') chains.set((chain = opens[2] ?? ''), []);
      else set = opens[2] ?? '';
      continue;
    }
    if (line === '}') {
      chain = set = null;
      continue;
    }
    if (set !== null && line.startsWith('elements = ')) {
      sets.set(set, tokens(line).flatMap((t) => addressAtom(t) ?? []));
      continue;
    }
    if (chain === null || line === '' || line.startsWith('type ')) continue;
    const comment = /comment "([^"]*)"/.exec(line)?.[1] ?? null;
    const words = tokens(line.replace(/comment "[^"]*"/, ''));
    let verdict = '';
    const atoms: string[] = [];
    let inPorts = false;
    words.forEach((w, i) => {
      if (w === 'dport') return void (inPorts = true);
      if (inPorts && /^[0-9]+$/.test(w)) return void atoms.push(`:${w}`);
      inPorts = false;
      if (VERDICTS.includes(w) && verdict === '') verdict = w;
      else if ((w === 'jump' || w === 'goto') && verdict === '') verdict = `${w} ${words[i + 1] ?? ''}`;
      else if (w.startsWith('@')) atoms.push(...(sets.get(w.slice(1)) ?? [w]));
      else {
        const a = addressAtom(w);
        if (a) atoms.push(a);
      }
    });
    chains.get(chain)?.push(ruleKey(verdict, comment, atoms));
  }
  return chains;
}

function tokens(line: string): string[] {
  return line.replace(/[{},=]/g, ' ').split(/\s+/).filter(Boolean);
}

/**
 * The rules of one table in `nft -j list ruleset` output, or null when the table is not there. `file` names the
 * file in errors.
 */
export function rulesOfNftJson(raw: unknown, file: string, family: string, table: string): ChainRules | null {
  const list = asRecord(raw)?.['nftables'];
  if (!Array.isArray(list)) throw new DriftInputError(file, 1, 'has no "nftables" list: is it the output of nft -j list ruleset?');
  const ours = (o: Record<string, unknown> | null) => o !== null && o['family'] === family && o['table'] === table;
  const items = list.map((x: unknown) => asRecord(x) ?? {});
  if (!items.some((x) => asRecord(x['table'])?.['name'] === table && asRecord(x['table'])?.['family'] === family)) return null;
  const sets = new Map<string, string[]>();
  for (const x of items) {
    const s = asRecord(x['set']);
    if (ours(s) && typeof s?.['name'] === 'string') sets.set(s['name'], Array.isArray(s['elem']) ? s['elem'].flatMap((e) => atomsOf(e, sets)) : []);
  }
  const chains: ChainRules = new Map();
  for (const x of items) {
    const c = asRecord(x['chain']);
    if (ours(c) && typeof c?.['name'] === 'string') chains.set(c['name'], []);
  }
  for (const x of items) {
    const r = asRecord(x['rule']);
    if (!ours(r) || typeof r?.['chain'] !== 'string') continue;
    let verdict = '';
    const atoms: string[] = [];
    for (const e of Array.isArray(r['expr']) ? r['expr'] : []) {
      const ex = asRecord(e) ?? {};
      const match = asRecord(ex['match']);
      if (match) {
        const isPort = asRecord(asRecord(match['left'])?.['payload'])?.['field'] === 'dport';
        atoms.push(...(isPort ? portsOf(match['right']) : atomsOf(match['right'], sets)));
      }
      for (const v of VERDICTS) if (v in ex && verdict === '') verdict = v;
      for (const v of ['jump', 'goto']) {
        const target = asRecord(ex[v])?.['target'];
        if (typeof target === 'string' && verdict === '') verdict = `${v} ${target}`;
      }
    }
    const comment = typeof r['comment'] === 'string' ? r['comment'] : null;
    const rules = chains.get(r['chain']) ?? [];
    rules.push(ruleKey(verdict, comment, atoms));
    chains.set(r['chain'], rules);
  }
  return chains;
}

/** Addresses in a match's right side: a string, a prefix, an anonymous set, a named set (`@name`), an element. */
function atomsOf(v: unknown, sets: ReadonlyMap<string, string[]>): string[] {
  if (typeof v === 'string') {
    if (v.startsWith('@')) return sets.get(v.slice(1)) ?? [v];
    const a = addressAtom(v);
    return a ? [a] : [];
  }
  if (Array.isArray(v)) return v.flatMap((x) => atomsOf(x, sets));
  const o = asRecord(v);
  if (!o) return [];
  const prefix = asRecord(o['prefix']);
  if (prefix) {
    const a = typeof prefix['addr'] === 'string' ? addressAtom(`${prefix['addr']}/${String(prefix['len'])}`) : null;
    return a ? [a] : [];
  }
  if ('set' in o) return atomsOf(o['set'], sets);
  const elem = asRecord(o['elem']);
  if (elem) return atomsOf(elem['val'], sets);
  return [];
}

function portsOf(v: unknown): string[] {
  if (typeof v === 'number') return [`:${v}`];
  if (Array.isArray(v)) return v.flatMap(portsOf);
  const o = asRecord(v);
  return o && 'set' in o ? portsOf(o['set']) : [];
}
