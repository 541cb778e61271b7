import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { trackPid } from '../../src/cli/prove/leftovers';
import type { Probe } from './expectations';
import type { NsOf } from './run-probes';

/** A TCP connect per flow this often, as the day-2 issue asks: the outage is known to within this. */
export const PROBE_INTERVAL_MS = 100;
/** An attempt that has not connected by then failed: a SYN lost to a down tunnel is retried only after 1 s. */
const ATTEMPT_TIMEOUT_MS = 1000;
/**
 * After the change, a flow whose last attempt failed is probed this much longer for one that connects: a connect
 * begun in the change's gap waits for the SYN's 1 s retransmission, so a flow back 10 ms after the change would
 * otherwise end "still down". Still down after this is a real failure.
 */
const SETTLE_MS = 3000;
/** How long every flow gets to answer once before the change starts (a first handshake may wait 5 s). */
const BASELINE_MS = 12_000;

/** One connect attempt as the prober saw it, in ms since it started. */
export interface Attempt {
  start: number;
  end: number;
  ok: boolean;
  /** Why a failed attempt failed: the socket's error code, or no answer in time. */
  error?: string;
}

/** What the probes of one flow saw through a change. */
export interface FlowOutage {
  probe: Probe;
  attempts: number;
  failed: number;
  /** The longest outage: from the start of the first failed attempt of a run to the end of the next good one. */
  longestMs: number;
  /** The last attempts failed: the flow was still down when the change was over. */
  downAtEnd: boolean;
  /** Why attempts failed, most common first (`ETIMEDOUT x3, ECONNREFUSED x1`); empty when none did. */
  errors: string;
  /** When the longest outage began and ended, in ms since the epoch (to line it up with a change); null if none. */
  window: { from: number; to: number } | null;
}

/**
 * The longest outage in a flow's attempts, taken in the order they started. A run of failed attempts is an
 * outage from the first one's start until the next attempt that connected has connected: an upper bound, at
 * most one interval more than the truth, never less.
 */
export function outageOf(attempts: readonly Attempt[]): { longestMs: number; failed: number; downAtEnd: boolean; from: number; to: number } {
  const sorted = [...attempts].sort((a, b) => a.start - b.start);
  let longest = { from: 0, to: 0 };
  let failed = 0;
  let downSince: number | null = null;
  const close = (from: number, to: number) => {
    if (to - from > longest.to - longest.from) longest = { from, to };
  };
  for (const a of sorted) {
    if (!a.ok) {
      failed += 1;
      downSince ??= a.start;
      continue;
    }
    if (downSince !== null) close(downSince, a.end);
    downSince = null;
  }
  const last = sorted.at(-1);
  if (downSince !== null && last) close(downSince, last.end);
  return { longestMs: Math.round(longest.to - longest.from), failed, downAtEnd: downSince !== null, ...longest };
}

function errorsOf(attempts: readonly Attempt[]): string {
  const count = new Map<string, number>();
  for (const a of attempts) if (!a.ok) count.set(a.error ?? 'failed', (count.get(a.error ?? 'failed') ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1]).map(([e, n]) => `${e} x${n}`).join(', ');
}

interface Prober {
  child: ChildProcess;
  probes: Probe[];
  out: string;
  up: Set<number>;
  /** How it ended: its exit code, or the signal that ended it (SIGKILL: it did not report in time). */
  exited: Promise<string>;
}

/**
 * One probe per flow and direction, on the first family it has (a dual-stack flow's IPv4 and IPv6 probes take the
 * same tunnels). Every connect forks a PostgreSQL backend: with both families of every flow at 10 Hz, one server
 * took 80-100 connects a second and left 25-30% of them unanswered on this 2-core machine, with no network change.
 */
export function onePerFlow(flows: readonly Probe[]): Probe[] {
  const seen = new Set<string>();
  return flows.filter((f) => {
    const key = f.label.replace(/ \(IPv[46]\)$/, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Probes running through a change; `stop()` ends them and measures each flow. */
export interface FlowWatch {
  stop(): Promise<FlowOutage[]>;
}

/**
 * Starts one prober per source namespace (e2e/lab/prober.mjs) connecting to every flow's address and port every
 * 100 ms, and waits until each flow has answered once, so that what follows measures the change and not the
 * start. A flow that never answers makes it throw: the change would be measured against a flow already down.
 */
export async function watchFlows(flows: readonly Probe[], nsOf: NsOf): Promise<FlowWatch> {
  const byNs = new Map<string, Probe[]>();
  for (const f of onePerFlow(flows)) {
    const ns = nsOf(f.from);
    byNs.set(ns, [...(byNs.get(ns) ?? []), f]);
  }
  const probers = [...byNs].map(([ns, probes]) => startProber(ns, probes));
  const deadline = Date.now() + BASELINE_MS;
  while (probers.some((p) => p.up.size < p.probes.length) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (probers.some((p) => p.up.size < p.probes.length)) {
    const silent = await Promise.all(probers.map(async (p) => {
      const { attempts } = await stopProber(p);
      return p.probes.flatMap((f, i) => (p.up.has(i) ? [] : [`${f.label} (${attempts[i]?.at(-1)?.error ?? 'no attempt'})`]));
    }));
    throw new Error(`flows down before the change started: ${silent.flat().join('; ')}`);
  }
  return {
    stop: async () => (await Promise.all(probers.map(async (p) => {
      const { attempts, origin } = await stopProber(p);
      return p.probes.map((probe, i): FlowOutage => {
        const { from, to, ...o } = outageOf(attempts[i] ?? []);
        const window = o.longestMs > 0 ? { from: origin + from, to: origin + to } : null;
        return { probe, attempts: attempts[i]?.length ?? 0, ...o, errors: errorsOf(attempts[i] ?? []), window };
      });
    }))).flat(),
  };
}

function startProber(ns: string, probes: Probe[]): Prober {
  const config = { intervalMs: PROBE_INTERVAL_MS, timeoutMs: ATTEMPT_TIMEOUT_MS, settleMs: SETTLE_MS, targets: probes.map((p) => ({ address: p.address, port: p.port })) };
  // `ip netns exec` execs node, so the child's PID is the prober's own.
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, 'e2e/lab/prober.mjs', JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
  trackPid(child.pid, 'node');
  const p: Prober = { child, probes, out: '', up: new Set(), exited: new Promise((r) => child.once('close', (code, signal) => r(signal ?? `exit ${code}`))) };
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    p.out += d;
    for (const m of d.matchAll(/^up (\d+)$/gm)) p.up.add(Number(m[1]));
  });
  child.stdin?.on('error', () => undefined);
  return p;
}

/** Asks the prober to stop, and reads every attempt it made. Kills it if it has not answered 5 s after settling. */
async function stopProber(p: Prober): Promise<{ attempts: Attempt[][]; origin: number }> {
  p.child.stdin?.end('stop\n');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), SETTLE_MS + 5000);
  const ended = await p.exited;
  clearTimeout(timer);
  const line = p.out.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the prober for ${p.probes.map((f) => f.label).join('; ')} reported nothing (${ended})`);
  return JSON.parse(line) as { attempts: Attempt[][]; origin: number };
}
