import { readFileSync } from 'node:fs';
import { ADDED_HOST, addAppHost, addedUnderlay } from './added-host';
import { exportBundle, knownKey } from './bundle';
import { overlayAddresses } from './db-endpoints';
import { deployHost } from '../../src/cli/prove/deploy-host';
import type { DayTwoResult, RunningDesign } from './day-two-context';
import { planChecks } from './expectations';
import { watchFlows } from './flow-watch';
import { warmUp } from './handshakes';
import { longestOutage, outageResults } from './outages';
import { reinstallHost, restarts, wg0State } from './reinstall';
import type { CheckResult } from './results';
import { hbaOf } from './pg-hba';
import { runFlow } from './run-probes';
import { linkToInternet } from '../../src/cli/prove/underlay';
import { planUnderlay } from '../../src/cli/prove/underlay-plan';

/**
 * Day 2, adding a host: the user's design file gets one more app host (inserted first), the CLI exports it
 * beside the old keys, every running host re-installs from the new bundle with `install.sh --yes`, then the new
 * host is brought up. Probes run through all of it: no existing flow may be down for more than a second, every
 * existing host keeps its overlay addresses, and the new host's flow works. Then every host re-installs the same
 * bundle again, which must restart nothing. Changes `d` to the new design.
 */
export async function checkAddHost(d: RunningDesign): Promise<DayTwoResult> {
  const results: CheckResult[] = [];
  const figures: Record<string, number> = {};
  const file = JSON.parse(readFileSync(d.bundle.designPath, 'utf8')) as Record<string, unknown>;
  const addition = addAppHost(file, d.bundle.design);
  if (!addition) return { results, figures, present: false };

  const watch = await watchFlows(d.checks.flows, d.nsOf);
  const before = d.bundle;
  d.bundle = await exportBundle(addition.json, d.workDir, d.cli, 'bundle-added');
  for (const [id, host] of d.hosts) {
    const folder = d.bundle.hosts.get(id)?.folder;
    if (!folder) throw new Error(`the new bundle has no folder for ${id}`);
    d.hosts.set(id, { ...host, deployed: await reinstallHost(host.deployed, folder) });
  }
  // The operator's step after an export that adds a client: the new pg_hba.conf lines, then a reload.
  const fresh = d.bundle;
  await d.servers.reloadHba((s) => hbaOf(fresh, s));
  const next = planUnderlay(d.bundle.design);
  const u = addedUnderlay(d.plan, next, ADDED_HOST);
  const ns = await d.nss.add(`h-${ADDED_HOST}`);
  d.hostNs.set(ADDED_HOST, ns);
  await linkToInternet(d.nss, d.underlay, u, ns, 'radd');
  d.plan = { ...d.plan, hosts: [...d.plan.hosts, u] };
  const added = d.bundle.hosts.get(ADDED_HOST);
  const addedHost = d.bundle.design.hosts.find((h) => h.id === ADDED_HOST);
  if (!added || !addedHost) throw new Error(`the new bundle has no ${ADDED_HOST}`);
  d.hosts.set(ADDED_HOST, { deployed: await deployHost(ADDED_HOST, ns, added.folder, d.workDir), publicKey: knownKey(ADDED_HOST, added), addresses: overlayAddresses(addedHost) });
  d.checks = planChecks(d.bundle.design, d.plan, new Map([...d.bundle.hosts].map(([id, h]) => [id, h.mtu])));
  await warmUp(d.checks.tunnels.filter((t) => t.a === ADDED_HOST || t.b === ADDED_HOST), d.hosts);
  const outages = await watch.stop();
  const change = `re-install every host with ${ADDED_HOST} added`;
  results.push(...outageResults('reinstall', change, outages));
  figures[change] = longestOutage(outages);
  d.log(`${change}: longest flow outage ${figures[change]} ms over ${outages.length} flows`);

  for (const h of before.design.hosts) {
    const now = d.bundle.design.hosts.find((x) => x.id === h.id);
    const same = now !== undefined && now.addresses.join() === h.addresses.join();
    results.push({ group: 'reinstall', label: `${h.id} keeps its overlay addresses with ${ADDED_HOST} inserted first`, ok: same, detail: `${h.addresses.join(', ')} -> ${now?.addresses.join(', ') ?? 'gone'}` });
  }
  for (const f of d.checks.flows.filter((p) => p.hosts.includes(ADDED_HOST))) {
    const r = await runFlow(f, d.nsOf);
    results.push({ ...r, group: 'reinstall', label: `the added host's flow: ${r.label}` });
  }
  try {
    results.push(...await reinstallSame(d, figures));
  } catch (e) {
    // Keep what the add itself showed: the reason the network was broken before the re-run is usually in it.
    results.push({ group: 'reinstall', label: 'install.sh again with the same bundle on every host', ok: false, detail: e instanceof Error ? e.message : String(e) });
  }
  return { results, figures, present: true };
}

/** Every host re-installs the bundle it runs: nothing may restart, and no session may be renewed. */
async function reinstallSame(d: RunningDesign, figures: Record<string, number>): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const watch = await watchFlows(d.checks.flows, d.nsOf);
  for (const [id, host] of d.hosts) {
    const folder = d.bundle.hosts.get(id)?.folder;
    if (!folder) continue;
    const takenAt = Date.now() / 1000;
    const before = await wg0State(host.deployed);
    const deployed = await reinstallHost(host.deployed, folder);
    d.hosts.set(id, { ...host, deployed });
    const changed = restarts(before, await wg0State(deployed), takenAt);
    results.push({ group: 'reinstall', label: `${id}: install.sh again with the same bundle restarts nothing`, ok: changed.length === 0, detail: changed.length === 0 ? 'same wireguard-go, same wg0, same sessions' : changed.join('; ') });
  }
  const outages = await watch.stop();
  const change = 're-install every host with the same bundle';
  results.push(...outageResults('reinstall', change, outages));
  figures[change] = longestOutage(outages);
  d.log(`${change}: longest flow outage ${figures[change]} ms`);
  return results;
}
