import { parseProbeTarget, parseSelector, portText, selectHosts } from '../../model/policy-test';
import type { PolicyTest, ProbeTarget } from '../../model/policy-test';
import type { Finding } from '../finding';
import { probe, verdictText } from '../probe';
import type { Probe, Verdict } from '../probe';
import type { Rule, RuleContext } from '../rule';

/**
 * Probes a validation walks for the design's tests at most: `*` to `*:5432` on 20,000 hosts would be 400 million
 * walks. Past it the rest are not checked and a warning says so.
 */
export const TEST_PROBE_LIMIT = 20_000;

/**
 * The design's policy tests (`tests`), each pair of hosts they name walked through the plan like a flow (see probe):
 * a `reach` that is blocked is an error naming the hop and why; a `never` that gets through is an error naming the
 * host whose firewall admits it, the flow whose rule does, and the path. A host is not probed against itself (that
 * traffic never enters the tunnel). One finding per failing entry, naming its first failing pair and counting the rest.
 */
export const policyTests: Rule = {
  id: 'policy-tests',
  codes: ['test-reach-blocked', 'test-never-reached', 'test-too-large'],
  run(ctx) {
    const out: Finding[] = [];
    const budget = { left: TEST_PROBE_LIMIT, skipped: 0 };
    (ctx.design.tests ?? []).forEach((t, i) => {
      for (const list of ['reach', 'never'] as const) {
        t[list].forEach((text, j) => {
          const target = parseProbeTarget(text);
          if (typeof target === 'string') return;
          const failed = failures(ctx, probesOf(ctx, t, target), list === 'reach', budget);
          if (failed.length > 0) out.push(finding(ctx, `tests[${i}].${list}[${j}]`, t.from, text, list, failed));
        });
      }
    });
    if (budget.skipped > 0) {
      out.push({
        code: 'test-too-large',
        severity: 'warning',
        message: `The tests name more host pairs than one validation walks (${TEST_PROBE_LIMIT.toLocaleString('en-US')}): ${budget.skipped.toLocaleString('en-US')} were not checked. Name hosts or roles instead of "*".`,
        subjects: {},
      });
    }
    return out;
  },
};

/** Every probe an entry names: each `from` host to each target host (or the service), itself left out. */
export function probesOf({ design }: RuleContext, t: PolicyTest, target: ProbeTarget): Probe[] {
  const from = parseSelector(t.from);
  if (typeof from === 'string') return [];
  const tos = selectHosts(target.hosts, design.hosts);
  const out: Probe[] = [];
  for (const a of selectHosts(from, design.hosts)) {
    for (const b of tos) {
      if (a !== b) out.push({ from: a, to: target.serviceId === null ? b : `${b}/${target.serviceId}`, port: target.port, proto: target.proto });
    }
  }
  return out;
}

function failures(ctx: RuleContext, probes: readonly Probe[], mustReach: boolean, budget: { left: number; skipped: number }) {
  const failed: Array<{ p: Probe; v: Verdict }> = [];
  for (const p of probes) {
    if (budget.left === 0) {
      budget.skipped++;
      continue;
    }
    budget.left--;
    const v = probe(ctx, p);
    if (v.reachable !== mustReach) failed.push({ p, v });
  }
  return failed;
}

function finding(ctx: RuleContext, path: string, from: string, text: string, list: 'reach' | 'never', failed: ReadonlyArray<{ p: Probe; v: Verdict }>): Finding {
  const [{ p, v }] = failed as [{ p: Probe; v: Verdict }];
  const pair = `${ctx.label(p.from)} -> ${p.to}`;
  const why = v.reachable ? `${pair} gets through on ${portText(p)}, ${verdictText(ctx, v)}` : `${pair} on ${portText(p)} is ${verdictText(ctx, v)}`;
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more pair${failed.length > 2 ? 's' : ''}: ${failed.slice(1, 4).map((x) => `${x.p.from} -> ${x.p.to}`).join(', ')}${failed.length > 4 ? ', ...' : ''})` : '';
  const hosts = new Set<string>();
  const flows = new Set<string>();
  for (const x of failed) {
    hosts.add(x.p.from).add(x.p.to.split('/')[0] as string);
    if (x.v.reachable && x.v.viaFlow !== null && ctx.index.flow(x.v.viaFlow)) flows.add(x.v.viaFlow);
  }
  return {
    code: list === 'reach' ? 'test-reach-blocked' : 'test-never-reached',
    severity: 'error',
    message: `Test ${path} (${from} must ${list === 'reach' ? 'reach' : 'never reach'} ${text}) fails: ${why}${more}.`,
    subjects: { hosts: [...hosts], ...(flows.size > 0 ? { flows: [...flows] } : {}) },
  };
}
