import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QosLab } from '../testing/qos-lab.node';

/** What tc holds on app-1's wg0 and underlay, without counters (which move between two reads). */
function tcState(lab: QosLab): string {
  return lab.app.run('for d in wg0 eth0; do tc qdisc show dev $d; tc class show dev $d; tc filter show dev $d; done').out;
}

/**
 * app-1's qos.sh on real WireGuard: one tunnel to pg-primary carries queries (5432) and a backup stream (5433).
 * The script shapes wg0 and eth0, the route to the peer's endpoint; runs again without change; `stop` removes it.
 */
describe('qos.sh on real WireGuard', () => {
  const lab = new QosLab(`wgd-qos-${process.pid}`, { linkRateMbit: 20, bulkRateMbit: 5 }, false);
  beforeAll(() => lab.start(), 60_000);
  afterAll(() => lab.stop());

  it('puts HTB with fq_codel leaves on wg0 and the underlay, classed by port inside and by peer outside', () => {
    const run = lab.app.run(`bash ${lab.qosPath}`);
    expect(run.ok, run.out).toBe(true);
    expect(run.out).toContain('qos.sh: 2 wg0 filters; underlay eth0 with 1 peer filters; shaped at 19000 kbit/s');
    const wg0 = lab.app.run('tc qdisc show dev wg0; tc class show dev wg0; tc filter show dev wg0').out;
    expect(wg0).toMatch(/qdisc htb 77: root .*default 0x20/);
    // fq_codel, or pfifo where the kernel lacks it (this lab's does).
    expect(wg0).toMatch(/qdisc (fq_codel|pfifo) 7710: parent 77:10/);
    expect(wg0).toContain('class htb 77:30 parent 77:1 leaf 7730: prio 2 rate 4750Kbit ceil 5Mbit');
    expect(wg0).toMatch(/flowid 77:30[^]*match 00001539\/0000ffff at 20/); // dport 5433
    expect(wg0).toMatch(/flowid 77:10[^]*match 00001538\/0000ffff at 20/); // dport 5432
    expect(lab.app.run('tc -d qdisc show dev wg0 root').out).toMatch(/overhead 74/);
    const eth0 = lab.app.run('tc class show dev eth0; tc filter show dev eth0').out;
    expect(eth0).toContain('class htb 77:1 root rate 19Mbit ceil 19Mbit');
    // The outer flow to the peer: UDP from 51820 to 203.0.113.10:51820, in the database class.
    expect(eth0).toMatch(/flowid 77:10[^]*match cb00710a\/ffffffff at 16/);
  });

  it('counts a query in the database class on wg0 and its WireGuard packet in the database class outside', () => {
    const before = lab.app.run('tc -s class show dev wg0 classid 77:10; tc -s class show dev eth0 classid 77:10').out;
    lab.app.run('timeout 3 bash -c "echo > /dev/tcp/10.10.0.1/5432" 2>/dev/null; true');
    const after = lab.app.run('tc -s class show dev wg0 classid 77:10; tc -s class show dev eth0 classid 77:10').out;
    const sent = (s: string) => [...s.matchAll(/Sent \d+ bytes (\d+) pkt/g)].map((m) => Number(m[1]));
    const [w0, e0] = sent(before);
    const [w1, e1] = sent(after);
    expect(w1! - w0!, after).toBeGreaterThan(0);
    expect(e1! - e0!, after).toBeGreaterThan(0);
  });

  it('changes nothing when run again, and stop removes every qdisc it added', () => {
    const first = tcState(lab);
    const again = lab.app.run(`bash ${lab.qosPath} start`);
    expect(again.ok, again.out).toBe(true);
    expect(tcState(lab)).toBe(first);
    const stop = lab.app.run(`bash ${lab.qosPath} stop`);
    expect(stop.ok, stop.out).toBe(true);
    const left = tcState(lab);
    expect(left).not.toContain('77:');
    expect(left).not.toContain('htb');
    const third = lab.app.run(`bash ${lab.qosPath} stop`);
    expect(third.ok, third.out).toBe(true);
  });
});
