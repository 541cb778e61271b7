import { existsSync } from 'node:fs';
import type { Design } from '../../src/engine';
import type { LabBundle } from './bundle';
import { plainAddress } from './db-endpoints';
import { onHost } from '../../src/cli/prove/deploy-host';
import type { LabHost } from './handshakes';
import type { Probe } from './expectations';
import { watchFlows } from './flow-watch';
import { longestOutage, outageResults } from './outages';
import type { CheckResult } from './results';
import { serverName } from './server-name';
import type { NsOf } from './run-probes';

export interface FailoverContext {
  bundle: LabBundle;
  hosts: ReadonlyMap<string, LabHost>;
  nsOf: NsOf;
  /** The design's flows, probed through the promotion: none may be down for more than a second. */
  flows: readonly Probe[];
}

/**
 * A failover group's promotion scripts (`<host>/failover/promote-<replica>.sh`), run in the order the group's
 * README gives: the old primary first, then the other hosts, the replica last. They claim that the floating
 * address then reaches the replica: before, every client of the pair asks which server it is through it
 * (`show cluster_name`, Redis's `CONFIG GET dir`, MariaDB's `@@report_host`) and must get the primary; after, the replica. Probes run through the promotion, on every flow and on each client's
 * connection to the floating address. `present` is false when the bundle has no promotion script at all.
 */
export async function checkFailover(ctx: FailoverContext): Promise<{ present: boolean; results: CheckResult[]; figures: Record<string, number> }> {
  const design = ctx.bundle.design;
  const results: CheckResult[] = [];
  const figures: Record<string, number> = {};
  if (design.failover.length === 0 && !ctx.bundle.files.some((f) => /\/failover\/promote-[^/]+\.sh$/.test(f))) {
    return { present: false, results, figures };
  }
  for (const g of design.failover) {
    const floating = plainAddress(g.address);
    const clients = clientsOf(design, g.primary, g.replica);
    results.push(...await answers(ctx, clients, floating, g.primary, `before promoting ${g.replica}`));
    const port = design.hosts.find((h) => h.id === g.primary)?.database?.port ?? 5432;
    const moving: Probe[] = clients.map((c) => ({ label: `${c} -> ${floating}:${port} (the floating address of ${g.id})`, from: { kind: 'host', id: c }, address: floating, port, kind: 'tcp', hosts: [c] }));
    const watch = await watchFlows([...ctx.flows, ...moving], ctx.nsOf);
    const order = [g.primary, ...[...ctx.hosts.keys()].filter((id) => id !== g.primary && id !== g.replica), g.replica];
    const ran: string[] = [];
    for (const id of order) {
      const script = `${ctx.bundle.root}/${id}/failover/promote-${g.replica}.sh`;
      const host = ctx.hosts.get(id);
      if (!host || !existsSync(script)) continue;
      const r = await onHost(host.deployed, 'bash', [script]);
      ran.push(id);
      if (r.code !== 0) results.push({ group: 'failover', label: `${id}: promote-${g.replica}.sh`, ok: false, detail: (r.stderr || r.stdout).trim() });
    }
    results.push({ group: 'failover', label: `group ${g.id}: a promotion script for both members`, ok: ran.includes(g.primary) && ran.includes(g.replica), detail: `ran on ${ran.join(', ')}` });
    results.push(...await answers(ctx, clients, floating, g.replica, `after promoting ${g.replica}`));
    const outages = await watch.stop();
    const change = `promote ${g.replica} (group ${g.id})`;
    // The floating address is down from the old primary's script to the replica's: measured, not limited.
    const floats = outages.filter((o) => o.probe.address === floating);
    results.push(...outageResults('failover', change, outages.filter((o) => o.probe.address !== floating)));
    results.push(...outageResults('failover', change, floats, null));
    figures[`${change}: other flows`] = longestOutage(outages.filter((o) => o.probe.address !== floating));
    figures[`${change}: the floating address`] = longestOutage(floats);
  }
  return { present: true, results, figures };
}

/** Hosts with a client flow to either member of the pair (the members' own replication is not failover traffic). */
function clientsOf(design: Design, primary: string, replica: string): string[] {
  const members = new Set([primary, replica]);
  return [...new Set(design.flows.filter((f) => members.has(f.to) && !members.has(f.from)).map((f) => f.from))];
}

async function answers(ctx: FailoverContext, clients: readonly string[], floating: string, expected: string, when: string): Promise<CheckResult[]> {
  const db = ctx.bundle.design.hosts.find((h) => h.id === expected)?.database;
  const port = db?.port ?? 5432;
  const kind = db?.engine === 'redis' || db?.engine === 'mariadb' ? db.engine : 'postgresql';
  return Promise.all(clients.map(async (c) => {
    const ns = ctx.nsOf({ kind: 'host', id: c });
    let r = await serverName(kind, ns, floating, port);
    // The route moves to another peer: its first packet may wait for a handshake.
    if (!r.ok || r.detail !== expected) r = await serverName(kind, ns, floating, port);
    return { group: 'failover' as const, label: `${when}: ${c} -> ${floating}:${port} is answered by ${expected}`, ok: r.ok && r.detail === expected, detail: r.ok ? `answered by ${r.detail}` : r.detail };
  }));
}

/**
 * Back to the design's primary, with the way-back scripts the bundle ships (`promote-<primary>.sh`), mirrored: the
 * replica gives the floating address up first, the primary takes it last. Afterwards every client is answered by
 * the primary again and each host's failover state names it, so day 2 re-installs bundles of the same design, which
 * install.sh would refuse on a host still recording the replica. (`wg-designer promote`, the other way forward,
 * has its own tests: cli and install-failover.)
 */
export async function failBack(ctx: FailoverContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const g of ctx.bundle.design.failover) {
    const order = [g.replica, ...[...ctx.hosts.keys()].filter((id) => id !== g.primary && id !== g.replica), g.primary];
    for (const id of order) {
      const script = `${ctx.bundle.root}/${id}/failover/promote-${g.primary}.sh`;
      const host = ctx.hosts.get(id);
      if (!host || !existsSync(script)) continue;
      const r = await onHost(host.deployed, 'bash', [script]);
      results.push({ group: 'failover', label: `fail back: ${id} runs promote-${g.primary}.sh`, ok: r.code === 0, detail: (r.code === 0 ? r.stdout : r.stderr || r.stdout).trim() });
    }
    const clients = clientsOf(ctx.bundle.design, g.primary, g.replica);
    results.push(...await answers(ctx, clients, plainAddress(g.address), g.primary, `after failing back to ${g.primary}`));
  }
  return results;
}
