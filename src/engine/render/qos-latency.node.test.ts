import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startPostgres } from '../testing/pg-in-netns.node';
import { QosLab } from '../testing/qos-lab.node';

const LINK_MBIT = 20;
const BULK_MBIT = 10;
const ROUNDS = 2;
const QUERY_SECONDS = 6;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/**
 * The Done-when: PostgreSQL query latency under a saturating bulk stream on a rate-limited underlay, with
 * the bundle's QoS on and off. app-1 queries pg-primary (SELECT 1, one client, back to back, pgbench) through the
 * tunnel while a backup stream to pg-primary:5433 fills the same tunnel; the router's 20 Mbit/s link has a modem's
 * 250 ms buffer. Off and on alternate; the figures are printed, and on must beat off by a wide margin.
 */
describe('QoS under a saturating bulk stream', () => {
  it('keeps query p95 low where the modem queue makes it high', async () => {
    const lab = new QosLab(`wgd-qlat-${process.pid}`, { linkRateMbit: LINK_MBIT, bulkRateMbit: BULK_MBIT }, true);
    const procs: ChildProcess[] = [];
    // Its own folder: the lab's is root's (mode 700), and PostgreSQL runs as postgres.
    const pgDir = mkdtempSync(join(tmpdir(), 'wgd-qlat-pg-'));
    try {
      await lab.start();
      procs.push(await startPostgres(lab.pg, pgDir, '10.10.0.1'));
      procs.push(lab.pg.spawn('socat -u TCP-LISTEN:5433,bind=10.10.0.1,reuseaddr,fork OPEN:/dev/null'));
      await new Promise((r) => setTimeout(r, 300));
      // CUBIC (TCP_CONGESTION = 13), the distributions' default; this machine's is BBR, which by itself keeps a
      // modem's queue short, so a bulk stream of most real hosts would be hidden here.
      procs.push(lab.app.spawn('socat -u OPEN:/dev/zero TCP:10.10.0.1:5433,setsockopt-string=6:13:cubic'));
      const results: Array<{ qos: boolean; p50: number; p95: number; n: number; linkMbit: number }> = [];
      for (let round = 0; round < ROUNDS * 2; round++) {
        const qos = round % 2 === 1;
        const apply = lab.app.run(`bash ${lab.qosPath} ${qos ? 'start' : 'stop'}`);
        expect(apply.ok, apply.out).toBe(true);
        await new Promise((r) => setTimeout(r, 3000));
        const logDir = join(lab.dir, `round-${round}`);
        mkdirSync(logDir);
        const txBefore = Number(lab.router.run('cat /sys/class/net/eth1/statistics/tx_bytes').out);
        const t0 = Date.now();
        const bench = lab.app.run(`cd ${logDir} && printf 'SELECT 1;\\n' > q.sql && pgbench -n -c 1 -T ${QUERY_SECONDS} -f q.sql -l -h 10.10.0.1 -U postgres postgres`);
        const txAfter = Number(lab.router.run('cat /sys/class/net/eth1/statistics/tx_bytes').out);
        const seconds = (Date.now() - t0) / 1000;
        expect(bench.ok, bench.out).toBe(true);
        const log = readdirSync(logDir).find((f) => f.startsWith('pgbench_log'));
        const ms = readFileSync(join(logDir, log ?? 'none'), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000).sort((a, b) => a - b);
        results.push({ qos, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), n: ms.length, linkMbit: ((txAfter - txBefore) * 8) / (seconds * 1e6) });
      }
      for (const r of results) {
        console.info(`qos-latency: QoS ${r.qos ? 'on ' : 'off'}  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  (${r.n} queries; router to pg ${r.linkMbit.toFixed(1)} Mbit/s)`);
      }
      const worst = (qos: boolean) => Math.max(...results.filter((r) => r.qos === qos).map((r) => r.p95));
      const best = (qos: boolean) => Math.min(...results.filter((r) => r.qos === qos).map((r) => r.p95));
      // A wide margin: every QoS-on round's p95 at least 3 times better than the best QoS-off round.
      expect(worst(true) * 3, JSON.stringify(results)).toBeLessThan(best(false));
    } finally {
      for (const p of procs) if (p.pid && p.exitCode === null) p.kill('SIGKILL');
      lab.stop();
      rmSync(pgDir, { recursive: true, force: true });
    }
  }, 180_000);
});
