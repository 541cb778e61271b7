import type { Design, Proto } from '../model/design';
import { parseProbeTarget } from '../model/policy-test';
import { probe } from '../validate/probe';
import type { Verdict } from '../validate/probe';
import type { RuleContext } from '../validate/rule';
import { ruleContext } from '../validate/validate-design';

/** Cells one matrix computes at most: 250,000 packet walks take seconds; a 20,000-host design has billions. */
export const MATRIX_CELL_LIMIT = 250_000;

/** A column of the matrix: a target (a host id or `gateway-id/service-id`) on one port. */
export interface MatrixColumn {
  to: string;
  port: number;
  proto: Proto;
}

/** One cell: `from` to a column, and the packet walk's verdict (see validate/probe.ts). */
export interface MatrixCell extends MatrixColumn {
  from: string;
  verdict: Verdict;
}

export interface ReachabilityMatrix {
  /** Host ids, in design order. */
  rows: string[];
  columns: MatrixColumn[];
  /** Row by row, column by column; a host against itself (or its own service) is left out. */
  cells: MatrixCell[];
}

/**
 * The ports the matrix probes: those the plan's flows open (declared, replication's engine ports, monitoring,
 * failover), the tests name, and services and databases listen on. Only ports that appear, so the matrix grows
 * with hosts² times ports in use, not 65,535.
 */
export function matrixPorts(ctx: RuleContext): Array<{ port: number; proto: Proto }> {
  const seen = new Map<string, { port: number; proto: Proto }>();
  const add = (port: number, proto: Proto) => seen.set(`${proto}/${port}`, { port, proto });
  for (const f of ctx.plan.resolvedFlows) add(f.port, f.proto);
  for (const t of ctx.design.tests ?? []) {
    for (const text of [...t.reach, ...t.never]) {
      const target = parseProbeTarget(text);
      if (typeof target !== 'string') add(target.port, target.proto);
    }
  }
  for (const h of ctx.design.hosts) {
    if (h.database) add(h.database.port, 'tcp');
    for (const s of h.services) add(s.port, 'tcp');
  }
  return [...seen.values()].sort((a, b) => (a.proto === b.proto ? a.port - b.port : a.proto < b.proto ? -1 : 1));
}

/** The matrix's rows and columns, and how many cells it has, before any walk. */
export function matrixAxes(ctx: RuleContext): { rows: string[]; columns: MatrixColumn[]; cellCount: number } {
  const rows = ctx.design.hosts.map((h) => h.id);
  const ports = matrixPorts(ctx);
  const columns = targetsOf(ctx.design).flatMap((to) => ports.map((p) => ({ to, ...p })));
  return { rows, columns, cellCount: rows.length * columns.length };
}

/**
 * Every ordered pair of hosts (and every host to every service) on every port in use, each walked through the plan
 * as a flow would be: reachable or not, and why. Throws when it would exceed `limit` cells, naming the size.
 */
export function reachabilityMatrix(ctx: RuleContext, limit: number = MATRIX_CELL_LIMIT): ReachabilityMatrix {
  const { rows, columns, cellCount } = matrixAxes(ctx);
  if (cellCount > limit) {
    throw new Error(`the matrix would have ${cellCount.toLocaleString('en-US')} cells (${rows.length} hosts x ${columns.length} columns); the limit is ${limit.toLocaleString('en-US')}`);
  }
  const cells: MatrixCell[] = [];
  for (const from of rows) {
    for (const c of columns) {
      if (c.to.split('/')[0] === from) continue;
      cells.push({ from, ...c, verdict: probe(ctx, { from, ...c }) });
    }
  }
  return { rows, columns, cells };
}

/** The matrix of a complete design (addresses allocated), planned here. */
export function designMatrix(design: Design, limit: number = MATRIX_CELL_LIMIT): ReachabilityMatrix {
  return reachabilityMatrix(ruleContext(design), limit);
}

function targetsOf(design: Design): string[] {
  return design.hosts.flatMap((h) => [h.id, ...h.services.map((s) => `${h.id}/${s.id}`)]);
}
