import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan, Plan } from '../plan/types';
import type { Design } from '../model/design';
import { qosIndex, renderQos } from '../render/qos';
import { renderWgQuick } from '../render/wg-quick';
import { fixtureDesign } from './fixture-design';
import { NetnsHost, link } from './wg-netns-host.node';

/** point-to-point with a backup stream from app-1 to pg-primary:5433 beside the queries: one tunnel carries both. */
export function mixedTunnelDesign(): Design {
  const d = fixtureDesign('point-to-point');
  return { ...d, flows: [...d.flows, { id: 'b-app-1-pg', from: 'app-1', to: 'pg-primary', port: 5433, proto: 'tcp', kind: 'backup' }] };
}

/**
 * app-1 and pg-primary of `mixedTunnelDesign` on real WireGuard (wireguard-go), with a router between them whose
 * link toward pg-primary is `tbf` at `linkMbit` with a deep buffer: the modem of a real uplink, where a bulk stream
 * builds a queue when nothing shapes below it. app-1's qos.sh is written to `qosPath` (its own folder).
 */
export class QosLab {
  readonly plan: Plan = buildPlan(mixedTunnelDesign());
  readonly app: NetnsHost;
  readonly router: NetnsHost;
  readonly pg: NetnsHost;
  readonly dir = mkdtempSync(join(tmpdir(), 'wgd-qos-'));
  readonly qosPath = join(this.dir, 'qos.sh');

  constructor(tag: string, readonly rates: { linkRateMbit: number; bulkRateMbit: number }, readonly modem: boolean) {
    this.app = new NetnsHost(`${tag}-a`);
    this.router = new NetnsHost(`${tag}-r`);
    this.pg = new NetnsHost(`${tag}-p`);
  }

  host(id: string): HostPlan {
    return this.plan.byId.get(id) as HostPlan;
  }

  /** Namespaces, the routed underlay, wg0 on both ends, and app-1's qos.sh written (not run). */
  async start(): Promise<void> {
    await this.app.start();
    await this.router.start({ wg0: false });
    await this.pg.start();
    link(this.app, this.router, '198.51.100.21', '198.51.100.1', 0);
    link(this.router, this.pg, '203.0.113.1', '203.0.113.10', 1);
    // The modem: 250 ms of buffer at the link rate, as cable and DSL uplinks have.
    const tbf = this.modem ? ` && tc qdisc replace dev eth1 root tbf rate ${this.rates.linkRateMbit}mbit burst 16kb latency 250ms` : '';
    const steps = [
      this.app.run('ip route add 203.0.113.10/32 via 198.51.100.1 dev eth0'),
      this.pg.run('ip route add 198.51.100.21/32 via 203.0.113.1 dev eth1'),
      this.router.run(`sysctl -q -w net.ipv4.ip_forward=1${tbf}`),
    ];
    for (const s of steps) if (!s.ok) throw new Error(s.out);
    for (const [host, id] of [[this.app, 'app-1'], [this.pg, 'pg-primary']] as const) {
      const hp = this.host(id);
      const up = host.up(hp, renderWgQuick(hp, { privateKey: 'include', designName: this.plan.design.name }));
      if (!up.ok) throw new Error(`${id}: ${up.out}`);
    }
    writeFileSync(this.qosPath, renderQos(this.host('app-1'), qosIndex(this.plan), this.rates), { mode: 0o755 });
  }

  /** Stops every process and namespace it made (by PID and name) and removes its folder. */
  stop(): void {
    this.app.stop();
    this.router.stop();
    this.pg.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
