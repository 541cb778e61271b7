import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import { ROLES } from '../model/design';
import type { Design } from '../model/design';
import { formatFieldError, parseDesign } from '../model/parse-design';
import { parseProbeTarget } from '../model/policy-test';
import type { DesignInput } from '../model/schema';
import { designInputArbitrary } from '../testing/design-arbitrary';
import { walkFlow } from '../validate/packet-walk';
import { flowReachability } from '../validate/rules/flow-reachability';
import { policyTests, probesOf } from '../validate/rules/policy-tests';
import { ruleContext } from '../validate/validate-design';
import { reachabilityMatrix } from './reachability-matrix';
import type { MatrixCell } from './reachability-matrix';

/** Issue 24: the matrix says what the packet walk of every declared flow and every test says. */

/** A random design with random tests over its hosts, roles, `*` and the ports its flows use. */
const withTests: fc.Arbitrary<DesignInput> = designInputArbitrary.chain((input) => {
  const ids = input.hosts.map((h) => h.id);
  const selector = fc.oneof(fc.constant('*'), fc.constantFrom(...ROLES.map((r) => `role:${r}`)), fc.constantFrom(...ids));
  const ports = [22, 5432, ...(input.flows ?? []).flatMap((f) => (typeof f.port === 'number' ? [f.port] : []))];
  const target = fc.tuple(selector, fc.constantFrom(...ports), fc.constantFrom('', '/udp')).map(([s, p, u]) => `${s}:${p}${u}`);
  const test = fc.record({ from: selector, reach: fc.array(target, { maxLength: 2 }), never: fc.array(target, { maxLength: 2 }) });
  return fc.array(test, { maxLength: 3 }).map((tests) => ({ ...input, tests }));
});

function complete(input: unknown): Design {
  const r = parseDesign(input);
  if (!r.ok) throw new Error(`the arbitrary made an invalid design: ${r.errors.slice(0, 3).map(formatFieldError).join('; ')}`);
  return completeDesign(r.value, { random: seededRandom(1), keys: false }).design;
}

const key = (from: string, to: string, port: number, proto: string) => `${from} ${to} ${proto}/${port}`;

describe('reachability matrix properties', () => {
  it('agrees with the packet walk of every declared flow, with flow-reachability, and with the policy tests', () => {
    // What the runs saw, so the property cannot pass on designs where nothing gets through or no test fails.
    const seen = { reachableFlows: 0, blockedFlows: 0, failingTests: 0, passingTests: 0 };
    fc.assert(fc.property(withTests, (input) => {
      const design = complete(input);
      const ctx = ruleContext(design);
      const m = reachabilityMatrix(ctx);
      const cells = new Map<string, MatrixCell>(m.cells.map((c) => [key(c.from, c.to, c.port, c.proto), c]));

      // Each declared flow's plan (both halves of replication, every port) has a cell that says what its walk says.
      const reachableByFlow = new Map<string, boolean>();
      for (const f of ctx.plan.resolvedFlows) {
        if (!ctx.index.flow(f.flowId) || f.from === f.to) continue;
        // flow-reachability leaves flows to or from an address two hosts claim to address-duplicate.
        if ([...f.sources, ...f.destinations].some((p) => ctx.index.isSharedHostRoute(p))) {
          reachableByFlow.set(f.flowId, true);
          continue;
        }
        const to = f.serviceId === null ? f.to : `${f.to}/${f.serviceId}`;
        const cell = cells.get(key(f.from, to, f.port, f.proto));
        expect(cell, `no cell for flow ${f.flowId}`).toBeDefined();
        const walks = f.path !== null && walkFlow(ctx, f) === null;
        expect(cell?.verdict.reachable, `flow ${f.flowId} ${f.from} -> ${to}`).toBe(walks);
        reachableByFlow.set(f.flowId, (reachableByFlow.get(f.flowId) ?? true) && walks);
        seen[walks ? 'reachableFlows' : 'blockedFlows']++;
      }
      const reported = new Set(flowReachability.run(ctx).flatMap((x) => x.subjects.flows ?? []));
      for (const [id, reachable] of reachableByFlow) expect(reported.has(id), `flow-reachability on ${id}`).toBe(!reachable);

      // Each test entry fails exactly when one of its pairs' cells says otherwise.
      const failing = new Set(policyTests.run(ctx).map((x) => /^Test (\S+)/.exec(x.message)?.[1]));
      (design.tests ?? []).forEach((t, i) => {
        for (const list of ['reach', 'never'] as const) {
          t[list].forEach((text, j) => {
            const target = parseProbeTarget(text);
            if (typeof target === 'string') throw new Error(target);
            const wrong = probesOf(ctx, t, target).some((p) => cells.get(key(p.from, p.to, p.port, p.proto))?.verdict.reachable !== (list === 'reach'));
            expect(failing.has(`tests[${i}].${list}[${j}]`), `tests[${i}].${list}[${j}] ${t.from} -> ${text}`).toBe(wrong);
            seen[wrong ? 'failingTests' : 'passingTests']++;
          });
        }
      });
    }), { numRuns: 60, seed: 24 });
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(5);
  });
});
