import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { onePerFlow, outageOf } from './flow-watch';
import type { Probe } from './expectations';
import type { Attempt } from './flow-watch';

const ok = (start: number, end = start + 1): Attempt => ({ start, end, ok: true });
const bad = (start: number, end = start + 1): Attempt => ({ start, end, ok: false });

describe('outageOf', () => {
  it('is zero when every attempt connected', () => {
    expect(outageOf([ok(0), ok(100), ok(200)])).toEqual({ longestMs: 0, failed: 0, downAtEnd: false, from: 0, to: 0 });
  });

  it('runs from the first failed start to the end of the next good attempt, the longest run winning', () => {
    const r = outageOf([ok(0), bad(100), bad(200), ok(300, 305), ok(400), bad(500), ok(600, 602)]);
    expect(r).toEqual({ longestMs: 205, failed: 3, downAtEnd: false, from: 100, to: 305 });
  });

  it('takes attempts in the order they started, whatever order they ended in', () => {
    // The attempt started at 100 hung until its timeout at 1100; the one at 200 connected at 201.
    expect(outageOf([ok(200, 201), bad(100, 1100), ok(0)]).longestMs).toBe(101);
  });

  it('says the flow was down at the end, measured to the last attempt', () => {
    expect(outageOf([ok(0), bad(100), bad(200, 1200)])).toEqual({ longestMs: 1100, failed: 2, downAtEnd: true, from: 100, to: 1200 });
  });
});

describe('onePerFlow', () => {
  it('keeps the first family of each flow and direction', () => {
    const p = (label: string): Probe => ({ label, from: { kind: 'host', id: 'a' }, address: '10.0.0.1', port: 5432, kind: 'tcp', hosts: [] });
    const kept = onePerFlow([p('a -> b:5432 (flow f) (IPv4)'), p('a -> b:5432 (flow f) (IPv6)'), p('b -> a:5432 (flow f) (IPv6)')]);
    expect(kept.map((k) => k.label)).toEqual(['a -> b:5432 (flow f) (IPv4)', 'b -> a:5432 (flow f) (IPv6)']);
  });
});

describe('prober.mjs', () => {
  it('measures a listener that is gone for 600 ms as an outage of at least 500 ms and under 2 s', async () => {
    let server = await listen(0);
    const port = (server.address() as { port: number }).port;
    const config = { intervalMs: 100, timeoutMs: 1000, targets: [{ address: '127.0.0.1', port }] };
    const child = spawn(process.execPath, ['e2e/lab/prober.mjs', JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    let closedAt = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    try {
      await waitFor(() => out.includes('up 0'));
      await sleep(300);
      await new Promise<void>((r) => server.close(() => r()));
      closedAt = Date.now();
      await sleep(600);
      server = await listen(port);
      await sleep(400);
    } finally {
      child.stdin.end('stop\n');
      await closed;
      server.close();
    }
    const line = out.split('\n').find((l) => l.startsWith('{')) ?? '{}';
    const { attempts, origin } = JSON.parse(line) as { attempts: Attempt[][]; origin: number };
    const r = outageOf(attempts[0] ?? []);
    // The outage, put on the wall clock by the prober's origin, begins within an interval (and a busy moment) of the close.
    expect(Math.abs(origin + r.from - closedAt)).toBeLessThan(400);
    expect(r.downAtEnd).toBe(false);
    expect(r.failed).toBeGreaterThanOrEqual(4);
    // Closed for 600 ms of wall time: the measure may add up to one interval and the scheduler's delays, never less.
    expect(r.longestMs).toBeGreaterThanOrEqual(500);
    expect(r.longestMs).toBeLessThan(2000);
  });
});

describe('prober.mjs settling after stop', () => {
  it('keeps probing a target that is down when told to stop, and reports it back once it connects', async () => {
    let server = await listen(0);
    const port = (server.address() as { port: number }).port;
    const run = startProber({ intervalMs: 100, timeoutMs: 1000, settleMs: 3000, targets: [{ address: '127.0.0.1', port }] });
    try {
      await waitFor(() => run.out().includes('up 0'));
      await new Promise<void>((r) => server.close(() => r()));
      await sleep(400);
      run.stop();
      await sleep(500);
      server = await listen(port);
      const r = outageOf((await run.report()).attempts[0] ?? []);
      expect(r.downAtEnd).toBe(false);
      expect(r.longestMs).toBeGreaterThanOrEqual(800);
    } finally {
      run.kill();
      server.close();
    }
  });

  it('reports, as down at the end, a target whose attempts in flight at stop fail after it', async () => {
    // A listener that never accepts, with a backlog of one: the first connect fills the queue, later SYNs are dropped.
    const listener = spawn('python3', ['-c', [
      'import socket, sys, time',
      's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)',
      'print(s.getsockname()[1], flush=True)',
      'time.sleep(60)',
    ].join('\n')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve) => listener.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
      // The settling time outlasts the attempts in flight: they fail while it runs, after the stop found all well.
      const run = startProber({ intervalMs: 100, timeoutMs: 1000, settleMs: 2000, targets: [{ address: '127.0.0.1', port }] });
      await waitFor(() => run.out().includes('up 0'));
      // The first attempt connected; the next ones hang in the full queue and fail after the stop.
      await sleep(250);
      run.stop();
      const r = outageOf((await run.report()).attempts[0] ?? []);
      expect(r.downAtEnd).toBe(true);
      expect(r.failed).toBeGreaterThanOrEqual(2);
    } finally {
      listener.kill('SIGKILL');
    }
  }, 20_000);

  it('reports a target still down after the settling time as down at the end', async () => {
    const server = await listen(0);
    const port = (server.address() as { port: number }).port;
    const run = startProber({ intervalMs: 100, timeoutMs: 1000, settleMs: 600, targets: [{ address: '127.0.0.1', port }] });
    try {
      await waitFor(() => run.out().includes('up 0'));
      await new Promise<void>((r) => server.close(() => r()));
      await sleep(300);
      run.stop();
      const { attempts } = await run.report();
      const r = outageOf(attempts[0] ?? []);
      expect(r.downAtEnd).toBe(true);
      // It went on probing while settling: the outage runs past the stop by about the settling time.
      expect(r.longestMs).toBeGreaterThanOrEqual(700);
    } finally {
      run.kill();
    }
  });
});

/** The prober as a child process: its output so far, stop, and the report it prints on stopping. */
function startProber(config: object) {
  const child = spawn(process.execPath, ['e2e/lab/prober.mjs', JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const closed = new Promise<void>((r) => child.once('close', () => r()));
  return {
    out: () => out,
    stop: () => child.stdin.end('stop\n'),
    kill: () => child.kill('SIGKILL'),
    report: async () => {
      await closed;
      const line = out.split('\n').find((l) => l.startsWith('{')) ?? '{}';
      return JSON.parse(line) as { attempts: Attempt[][]; origin: number };
    },
  };
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer((c) => c.destroy());
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await sleep(25);
  if (!cond()) throw new Error('the prober never saw the listener');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
