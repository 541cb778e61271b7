import type { Design, Proto } from '../model/design';
import { parseProbeTarget, parseSelector, selectHosts } from '../model/policy-test';

/** What one entry of the design's tests says of a cell: it must get through (`reach`) or must not (`never`). */
export interface CellExpectation {
  expect: 'reach' | 'never';
  /** The entry, as findings name it: `tests[0].never[1]`. */
  test: string;
}

/** The key of a cell (or a probe): `app-1 pg-1:5432/tcp`. */
export function matrixCellKey(c: { from: string; to: string; port: number; proto: Proto }): string {
  return `${c.from} ${c.to}:${c.port}/${c.proto}`;
}

/**
 * What the design's tests expect of each cell, by matrixCellKey: every pair an entry names (as the policy-tests rule
 * probes them, a host never against itself). A cell no test names is absent. Entries that do not read are left to
 * the schema's message.
 */
export function testExpectations(design: Design): Map<string, CellExpectation[]> {
  const out = new Map<string, CellExpectation[]>();
  (design.tests ?? []).forEach((t, i) => {
    const from = parseSelector(t.from);
    if (typeof from === 'string') return;
    const sources = selectHosts(from, design.hosts);
    for (const list of ['reach', 'never'] as const) {
      t[list].forEach((text, j) => {
        const target = parseProbeTarget(text);
        if (typeof target === 'string') return;
        const tos = selectHosts(target.hosts, design.hosts);
        for (const a of sources) {
          for (const b of tos) {
            if (a === b) continue;
            const to = target.serviceId === null ? b : `${b}/${target.serviceId}`;
            const key = matrixCellKey({ from: a, to, port: target.port, proto: target.proto });
            const entry = { expect: list, test: `tests[${i}].${list}[${j}]` };
            out.set(key, [...(out.get(key) ?? []), entry]);
          }
        }
      });
    }
  });
  return out;
}
