import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { bundleFiles } from '../bundle/bundle-files';
import { DEFAULT_BUNDLE_OPTIONS } from '../bundle/bundle-options';
import type { Design } from '../model/design';
import { addressOf, formatAddress } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan } from '../plan/types';
import { fixtureDesign } from '../testing/fixture-design';
import { NetnsHost, link } from '../testing/wg-netns-host.node';
import { METRICS_SCRIPT_PATH, METRICS_SERVICE, METRICS_SERVICE_FILE, METRICS_SOCKET } from './metrics-exporter';
import { renderWgQuick } from './wg-quick';

/** Every fixture with monitoring on its first host: the files Prometheus, promtool and systemd read. */
function monitored(name: string): Design {
  const design = fixtureDesign(name);
  const first = design.hosts.find((h) => !h.external);
  design.network.monitoring = { host: first!.id, exporterPort: 9586 };
  return design;
}

function run(cmd: string, args: string[], input?: string): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input });
  if (r.error) return { ok: false, out: `${cmd}: ${r.error.message} (install it: scripts/system-deps.sh)` };
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

const root = mkdtempSync(join(tmpdir(), 'wgd-monitoring-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(Object.keys(FIXTURES))('monitoring files of %s against promtool and systemd', (name) => {
  const dir = join(root, name);
  const files = bundleFiles(buildPlan(monitored(name)), DEFAULT_BUNDLE_OPTIONS);
  for (const f of files) {
    mkdirSync(join(dir, f.path, '..'), { recursive: true });
    writeFileSync(join(dir, f.path), f.content, { mode: f.mode });
  }
  const monitoring = join(dir, 'monitoring');

  it('prometheus.yml and alerts.yml pass promtool check, and the rule tests pass', () => {
    for (const [args, what] of [
      [['check', 'config', join(monitoring, 'prometheus.yml')], 'check config'],
      [['check', 'rules', join(monitoring, 'alerts.yml')], 'check rules'],
      [['test', 'rules', join(monitoring, 'alerts.test.yml')], 'test rules'],
    ] as const) {
      const r = run('promtool', [...args]);
      expect(r.ok, `promtool ${what}: ${r.out}`).toBe(true);
    }
  });

  it('every host gets the exporter, and systemd-analyze verify reads its units without a word', () => {
    const hosts = files.filter((f) => f.path.endsWith(`/${METRICS_SOCKET}`)).map((f) => f.path.split('/')[0]!);
    expect(hosts.length).toBe(buildPlan(monitored(name)).hosts.filter((h) => !h.external).length);
    for (const host of hosts) {
      // verify insists that ExecStart exists: point it at the bundle's copy of the script.
      const service = join(dir, host, METRICS_SERVICE);
      const text = files.find((f) => f.path === `${host}/${METRICS_SERVICE_FILE}`)!.content as string;
      writeFileSync(service, text.replace(METRICS_SCRIPT_PATH, join(dir, host, 'wg-metrics.sh')));
      const r = run('systemd-analyze', ['verify', join(dir, host, METRICS_SOCKET), service]);
      expect(r.ok && r.out.trim() === '', `${host}: ${r.out}`).toBe(true);
    }
  });
});

describe('the exporter on real WireGuard', () => {
  it('answers a scrape with what wg shows, in a format promtool accepts, and says when wg0 is down', async () => {
    const design = monitored('point-to-point');
    const plan = buildPlan(design);
    const files = bundleFiles(plan, DEFAULT_BUNDLE_OPTIONS);
    const tag = `wgd-mon-${process.pid}`;
    const app = new NetnsHost(`${tag}-a`);
    const pg = new NetnsHost(`${tag}-p`);
    const dir = mkdtempSync(join(root, 'exporter-'));
    try {
      await app.start();
      await pg.start();
      link(app, pg, '198.51.100.21', '203.0.113.10', 0);
      for (const [host, id] of [[app, 'app-1'], [pg, 'pg-primary']] as const) {
        const hp = plan.byId.get(id) as HostPlan;
        const up = host.up(hp, renderWgQuick(hp, { privateKey: 'include', designName: design.name }));
        expect(up.ok, up.out).toBe(true);
      }
      const pgPlan = plan.byId.get('pg-primary') as HostPlan;
      const pgAddress = pgPlan.addresses[0]!;
      expect(app.ping(formatAddress(addressOf(pgAddress)))).toBe(true);
      const script = join(dir, 'wg-metrics.sh');
      writeFileSync(script, files.find((f) => f.path === 'app-1/wg-metrics.sh')!.content, { mode: 0o755 });

      const answer = app.run(`${script}`, 'GET /metrics HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n');
      expect(answer.ok, answer.out).toBe(true);
      const [head, body] = answer.out.split('\r\n\r\n') as [string, string];
      expect(head).toMatch(/^HTTP\/1\.0 200 OK\r\nContent-Type: text\/plain; version=0\.0\.4\r\nContent-Length: (\d+)\r\nConnection: close$/);
      expect(Number(/Content-Length: (\d+)/.exec(head)![1])).toBe(Buffer.byteLength(body));
      const lint = run('promtool', ['check', 'metrics'], body);
      expect(lint.ok, `${lint.out}\n${body}`).toBe(true);
      const key = pgPlan.publicKey!;
      const labels = `{interface="wg0",public_key="${key}",peer="pg-primary"}`;
      expect(body).toContain('wireguard_interface_up{interface="wg0"} 1\n');
      const sample = (metric: string) => Number(new RegExp(`^${metric}${labels.replace(/[+/{}.]/g, '\\$&')} (\\d+)$`, 'm').exec(body)?.[1]);
      expect(sample('wireguard_latest_handshake_seconds')).toBeGreaterThan(Date.now() / 1000 - 120);
      expect(sample('wireguard_sent_bytes_total')).toBeGreaterThan(0);
      expect(sample('wireguard_received_bytes_total')).toBeGreaterThan(0);
      // The tunnel carries the app's flow to the database: watched.
      expect(sample('wireguard_peer_watched')).toBe(1);

      const down = app.run('ip link delete wg0 && ' + script, 'GET / HTTP/1.0\r\n\r\n');
      expect(down.out).toContain('\r\n\r\n# HELP wireguard_interface_up');
      expect(down.out).toContain('wireguard_interface_up{interface="wg0"} 0\n');
      expect(run('promtool', ['check', 'metrics'], down.out.split('\r\n\r\n')[1]).ok).toBe(true);
    } finally {
      app.stop();
      pg.stop();
    }
  }, 120_000);
});
