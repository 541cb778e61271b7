import { hostname } from 'node:os';
import { completeDesign, designMatrix, seededRandom } from '../../engine';
import { judgeCell } from './cell-outcome';
import { deployHost } from './deploy-host';
import { inBatches } from './in-batches';
import { tcpProbe } from './net-probes';
import type { ProbeResult } from './net-probes';
import type { Namespaces } from './netns';
import { planProbes } from './probe-plan';
import type { ProbeSite } from './probe-plan';
import type { ProveInput } from './prove-input';
import type { ProveReport } from './prove-report';
import { startTcpListener } from './tcp-listener';
import { buildUnderlay } from './underlay';
import { planUnderlay } from './underlay-plan';
import { warmUpTunnels } from './warm-up';

/** Connects side by side, at most this many: a dropped one waits its timeout out, and CI machines have few cores. */
const PARALLEL = 8;
/** Seconds a connect waits: through veth links a SYN is answered in well under a millisecond once tunnels are up. */
const WAIT_SECONDS = 1;

/**
 * Brings the bundle up in `nss` (underlay, NAT routers, lans, each host's own install.sh), starts a listener on
 * every probed address and port, warms the tunnels up, probes every cell of the engine's matrix and compares.
 * Tears nothing down: the caller owns `nss` and removes it, also when this throws. `workDir` holds each host's
 * private /etc.
 */
export async function proveBundle(input: ProveInput, nss: Namespaces, workDir: string, log: (s: string) => void): Promise<ProveReport> {
  const started = Date.now();
  const startedAt = new Date(started);
  // The walk needs addresses but no keys, as `matrix` does; the bundle's design.json has its addresses already.
  const design = completeDesign(input.design, { random: seededRandom(0), keys: false }).design;
  const matrix = designMatrix(design);
  const plan = planProbes(design, matrix);
  const underlayPlan = planUnderlay(design);
  const hostNs = new Map<string, string>();
  for (const id of input.folders.keys()) hostNs.set(id, await nss.add(`h-${id}`));
  const underlay = await buildUnderlay(nss, underlayPlan, hostNs);
  for (const [id, folder] of input.folders) await deployHost(id, hostNs.get(id) as string, folder, workDir);
  const upSeconds = (Date.now() - started) / 1000;
  log(`${input.folders.size} hosts up (install.sh of each) in ${upSeconds.toFixed(1)} s; ${plan.listeners.length} listeners, ${plan.cells.length} cells to probe`);
  const siteNs = (s: ProbeSite): string => {
    const ns = s.kind === 'host' ? hostNs.get(s.id) : underlay.lans.get(`${s.gatewayId}|${s.prefix}`);
    if (!ns) throw new Error(`no namespace for ${JSON.stringify(s)}`);
    return ns;
  };
  for (const l of plan.listeners) await startTcpListener(siteNs(l.site), l.address, l.port);
  await warmUpTunnels(design, hostNs);
  const outcomes = await inBatches(plan.cells, PARALLEL, async (c) => {
    const ns = hostNs.get(c.cell.from);
    if (c.skip !== null || !ns) return judgeCell(c, []);
    const results: ProbeResult[] = [];
    for (const address of c.addresses) results.push(await connectTwice(ns, address, c.cell.port));
    return judgeCell(c, results);
  });
  log(`probed in ${((Date.now() - started) / 1000 - upSeconds).toFixed(1)} s (listeners, warm-up, connects)`);
  return {
    design: design.name, rows: matrix.rows, columns: matrix.columns, outcomes,
    startedAt, seconds: (Date.now() - started) / 1000, hostname: hostname(),
  };
}

/**
 * A connect, and a second one if the first failed: a late handshake cannot pass for a block, and a second try of
 * a connection that must be blocked can only find a leak, never hide one.
 */
async function connectTwice(ns: string, address: string, port: number): Promise<ProbeResult> {
  const r = await tcpProbe(ns, address, port, WAIT_SECONDS);
  return r.ok ? r : tcpProbe(ns, address, port, WAIT_SECONDS);
}
