import { mkdirSync } from 'node:fs';
import { exportBundle, knownKey } from './bundle';
import type { LabBundle } from './bundle';
import { overlayAddresses } from './db-endpoints';
import type { Where } from './db-endpoints';
import { deployHost } from '../../src/cli/prove/deploy-host';
import { checkAddHost } from './add-host-check';
import { DRIFT_DESIGN, checkDrift } from './drift-check';
import type { RunningDesign } from './day-two-context';
import { checkFailover, failBack } from './failover';
import { planChecks } from './expectations';
import type { LabChecks, Probe } from './expectations';
import { checkHandshakes, warmUp } from './handshakes';
import { checkRotation } from './key-rotation';
import { deployHostKeys, deploySecrets, secretsSetup } from './custody-deploy';
import { collectWithAnsible, deployWithAnsible, replayWithCheck } from './ansible-deploy';
import type { AnsibleLab } from './ansible-deploy';
import type { CustodyVariant } from './custody-variants';
import type { LabHost } from './handshakes';
import { LabServers } from './lab-servers';
import { checkProve } from './prove-check';
import { checkPgHba, hbaOf } from './pg-hba';
import { checkPairReplication, replicatingGroups } from './pair-replication';
import { checkNat, watchNat } from './nat-keepalive';
import type { NatWatch } from './nat-keepalive';
import { Namespaces } from '../../src/cli/prove/netns';
import type { CheckResult, DesignResult } from './results';
import { inBatches, runDenial, runFlow, runMtu } from './run-probes';
import { buildUnderlay, routeThrough } from '../../src/cli/prove/underlay';
import type { Underlay } from '../../src/cli/prove/underlay';
import { planUnderlay } from '../../src/cli/prove/underlay-plan';
import type { UnderlayPlan } from '../../src/cli/prove/underlay-plan';

/** Probes run side by side, at most this many: a dropped probe waits 2 s, and the machine has two cores. */
const PARALLEL_PROBES = 6;

export interface DesignRun {
  name: string;
  json: unknown;
  /** `wgd-lab-<tag>-...`: unique to this run and design. */
  tag: string;
  workDir: string;
  cli: string;
  pgTemplate: string;
  /** Deploy with another key custody (host keys, encrypted secrets): day-1 checks only. */
  variant?: CustodyVariant;
}

/**
 * One design, start to end: export with the CLI, build the underlay, install every host from its folder, start
 * the databases, run the checks, promote each failover group's replica, rotate every key with the CLI's staged
 * scripts and check again, and always tear everything down (also when a step throws).
 */
export async function runDesign(run: DesignRun, log: (s: string) => void): Promise<DesignResult> {
  const started = Date.now();
  const nss = new Namespaces(run.tag);
  mkdirSync(run.workDir, { recursive: true });
  const servers = new LabServers(run.pgTemplate, run.workDir);
  const results: CheckResult[] = [];
  let error: string | null = null;
  let hostCount = 0;
  const notPresent: DesignResult['notPresent'] = [];
  const outages: DesignResult['outages'] = {};
  try {
    const setup = run.variant ? await secretsSetup(run.variant, run.workDir) : null;
    const exported = await exportBundle(run.json, run.workDir, run.cli, 'bundle', setup?.exportArgs ?? []);
    let bundle = exported;
    hostCount = bundle.hosts.size;
    log(`${run.name}: exported ${hostCount} hosts with the CLI`);
    // wg-designer prove's comparison first, in namespaces of its own: the engine's whole matrix, probed.
    if (!run.variant) {
      const proved = await checkProve(bundle, run.tag, run.workDir, (s) => log(`${run.name}: prove: ${s}`));
      results.push(...proved.results);
      const bad = proved.results.filter((r) => !r.ok).length;
      log(`${run.name}: prove: ${proved.results.length} cells, ${bad === 0 ? 'all as the engine says' : `${bad} MISMATCH`}, in ${proved.seconds.toFixed(1)} s`);
    }
    const plan = planUnderlay(bundle.design);
    const checks = planChecks(bundle.design, plan, new Map([...bundle.hosts].map(([id, h]) => [id, h.mtu])));
    const hostNs = new Map<string, string>();
    for (const id of bundle.hosts.keys()) hostNs.set(id, await nss.add(`h-${id}`));
    const underlay = await buildUnderlay(nss, plan, hostNs);
    let hosts: Map<string, LabHost>;
    let ansible: AnsibleLab | null = null;
    if (run.variant?.ansible) {
      const v = await deployWithAnsible(exported, hostNs, run.workDir, run.cli);
      ({ bundle, hosts, ansible } = v);
      results.push(...v.results);
    } else if (run.variant && setup) {
      const v = run.variant.hostKeys
        ? await deployHostKeys(exported, hostNs, run.workDir, run.cli)
        : await deploySecrets(exported, setup, hostNs, run.workDir, run.cli);
      ({ bundle, hosts } = v);
      results.push(...v.results);
    } else {
      hosts = await deployAll(bundle, hostNs, run.workDir);
    }
    log(`${run.name}: installed every host with ${ansible ? 'the bundle\'s Ansible play' : 'its install.sh'}`);
    const nsOf = resolver(hostNs, underlay);
    for (const s of checks.servers) await servers.start(s, nsOf(s.where), hbaOf(bundle, s));
    await prepareUnderlayProbes(nss, checks, plan, nsOf);
    await warmUp(checks.tunnels, hosts);
    results.push(...await checkHandshakes(checks.tunnels, hosts));
    results.push(...await runProbes(checks, hosts, nsOf, log));
    results.push(...await checkPgHba(bundle, checks.servers, nsOf));
    if (ansible) results.push(await replayWithCheck(ansible, bundle), await collectWithAnsible(ansible, bundle, run.cli));
    // One design checks wg-designer drift against the running network (changes it, puts it back) before day 2.
    if (!run.variant && run.name === DRIFT_DESIGN) {
      const started = Date.now();
      results.push(...await checkDrift({ cli: run.cli, workDir: run.workDir, bundle, hosts, tunnels: checks.tunnels }, (s) => log(`${run.name}: ${s}`)));
      log(`${run.name}: drift check took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    // The custody variants run the day-1 checks only, but host custody also rotates: its keys are made on the hosts.
    if (run.variant?.hostKeys && !run.variant.ansible) {
      const running: RunningDesign = { cli: run.cli, workDir: run.workDir, nss, bundle, plan, underlay, hostNs, hosts, checks, nsOf, servers, log: (s) => log(`${run.name}: ${s}`) };
      const rotation = await checkRotation(running, true);
      results.push(...rotation.results);
      Object.assign(outages, rotation.figures);
    }
    if (!run.variant) {
      // Failover before rotation: promotion scripts carry the configs of export time, keys included. A Redis or
      // MariaDB pair replicates over the tunnel before it, and the other way round after it, as an operator turns the roles.
      const pairs = replicatingGroups(bundle.design);
      for (const g of pairs) results.push(...await checkPairReplication(bundle.design, nsOf, g, g.primary, g.replica));
      const failover = await checkFailover({ bundle, hosts, nsOf, flows: checks.flows });
      results.push(...failover.results);
      for (const g of pairs) results.push(...await checkPairReplication(bundle.design, nsOf, g, g.replica, g.primary));
      Object.assign(outages, failover.figures);
      if (!failover.present) notPresent.push('failover');
      else results.push(...await failBack({ bundle, hosts, nsOf, flows: checks.flows }));
      // Day 2: each change runs with probes on every flow, on the design as the change before left it.
      const running: RunningDesign = { cli: run.cli, workDir: run.workDir, nss, bundle, plan, underlay, hostNs, hosts, checks, nsOf, servers, log: (s) => log(`${run.name}: ${s}`) };
      const added = await checkAddHost(running);
      results.push(...added.results);
      Object.assign(outages, added.figures);
      if (!added.present) notPresent.push('reinstall');
      const rotation = await checkRotation(running);
      results.push(...rotation.results);
      Object.assign(outages, rotation.figures);
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    await servers.stopAll();
    const problems = await nss.removeAll();
    if (problems.length > 0) error = [error, ...problems].filter(Boolean).join('\n');
  }
  return { design: run.name, hosts: hostCount, seconds: (Date.now() - started) / 1000, results, error, notPresent, outages };
}

async function deployAll(bundle: LabBundle, hostNs: ReadonlyMap<string, string>, workDir: string): Promise<Map<string, LabHost>> {
  const hosts = new Map<string, LabHost>();
  for (const [id, b] of bundle.hosts) {
    const h = bundle.design.hosts.find((x) => x.id === id);
    const ns = hostNs.get(id);
    if (!h || !ns) continue;
    const deployed = await deployHost(id, ns, b.folder, workDir);
    hosts.set(id, { deployed, publicKey: knownKey(id, b), addresses: overlayAddresses(h) });
  }
  return hosts;
}

function resolver(hostNs: ReadonlyMap<string, string>, underlay: Underlay): (w: Where) => string {
  return (w) => {
    const ns = w.kind === 'host' ? hostNs.get(w.id)
      : w.kind === 'lan' ? underlay.lans.get(`${w.gatewayId}|${w.prefix}`)
        : underlay.neighbour.get(w.of);
    if (!ns) throw new Error(`no namespace for ${JSON.stringify(w)}`);
    return ns;
  };
}

/** The underlay neighbour routes each probed address through the host's underlay address, as an attacker would. */
async function prepareUnderlayProbes(nss: Namespaces, checks: LabChecks, plan: UnderlayPlan, nsOf: (w: Where) => string): Promise<void> {
  for (const p of checks.denials) {
    if (p.from.kind !== 'underlay') continue;
    const of = p.from.of;
    const link = plan.hosts.find((u) => u.hostId === of);
    if (link) await routeThrough(nss, nsOf(p.from), p.address, link);
  }
}

/**
 * Flows, denials and MTU pings. Those that touch a host behind NAT go first; then its idle window starts, the
 * rest run during it, and the NAT check ends it.
 */
async function runProbes(checks: LabChecks, hosts: ReadonlyMap<string, LabHost>, nsOf: (w: Where) => string, log: (s: string) => void): Promise<CheckResult[]> {
  const natHosts = new Set(checks.nat.map((n) => n.hostId));
  const touches = (ids: readonly string[]) => ids.some((id) => natHosts.has(id));
  const split = <T>(list: readonly T[], ids: (x: T) => string[]) => [list.filter((x) => touches(ids(x))), list.filter((x) => !touches(ids(x)))];
  const probeIds = (p: Probe) => [...p.hosts, ...(p.from.kind === 'host' ? [p.from.id] : [])];
  const [flowsNat = [], flowsRest = []] = split(checks.flows, probeIds);
  const [denialsNat = [], denialsRest = []] = split(checks.denials, probeIds);
  const [mtuNat = [], mtuRest = []] = split(checks.mtu, (m) => [m.from, m.to]);
  const batch = async (flows: Probe[], denials: Probe[], mtu: typeof checks.mtu) => [
    ...await inBatches(flows, PARALLEL_PROBES, (p) => runFlow(p, nsOf)),
    ...await inBatches(denials, PARALLEL_PROBES, (p) => runDenial(p, nsOf)),
    ...(await inBatches(mtu, PARALLEL_PROBES, (m) => runMtu(m, nsOf))).flat(),
  ];
  const results = await batch(flowsNat, denialsNat, mtuNat);
  const watches: NatWatch[] = [];
  for (const n of checks.nat) watches.push(await watchNat(n.hostId, n.peerId, hosts));
  results.push(...await batch(flowsRest, denialsRest, mtuRest));
  if (watches.length > 0) log(`waiting out the NAT timeout for ${watches.map((w) => w.hostId).join(', ')}`);
  for (const w of watches) results.push(await checkNat(w, hosts));
  return results;
}
