// Timing helpers for the benchmark: medians after warm-up, in-process and for whole processes.
import { spawnSync } from 'node:child_process';
import type { SpawnSyncOptions } from 'node:child_process';

/** The median of `xs` (the upper one of an even count); NaN when empty. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export interface RunTime {
  /** Median wall-clock milliseconds. */
  ms: number;
  /**
   * Median CPU milliseconds of this process (GC threads and the thread pool included): on a shared machine wall time
   * includes waiting for a core and CPU time does not, so both are printed.
   */
  cpuMs: number;
}

/**
 * Median times of `run` over `runs` runs after `warmup` runs. With `collect`, what earlier figures left behind is
 * collected first, so it is not this figure's cost (`npm run bench` passes --expose-gc). Without it, V8's young
 * generation keeps the size the earlier work grew it to: a forced full collection shrinks it, and a run that
 * allocates several megabytes then pays for scavenges a long-running process would not (validation of 1,000 hosts:
 * 18 ms after one, 8 ms without).
 */
export async function timeRuns(run: () => unknown, { warmup = 2, runs = 7, collect = true } = {}): Promise<RunTime> {
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) await run();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(ms), cpuMs: median(cpu) };
}

export interface ProcessTime {
  /** Median wall-clock milliseconds, node or bash startup included; the time limit when it ran out. */
  wallMs: number;
  /** Median CPU milliseconds of the process and its children (user + system). */
  cpuMs: number;
  /** The run was stopped at `timeoutS`: wallMs is then a lower bound. */
  timedOut: boolean;
  /**
   * The largest peak resident set of the runs, in MiB: GNU time's %M, the kernel's ru_maxrss of the waited-for
   * child (for a script, its largest single process, not their sum). NaN when the run was stopped.
   */
  peakRssMiB: number;
}

/**
 * Times `cmd args` as a whole process, `runs` times (after `before`, e.g. deleting a keys file so every run makes
 * new keys). With `timeoutS`, `timeout` stops the process group at that many seconds and the result says so.
 * Throws with the command's stderr when it fails: a failed run has no time worth printing.
 */
export function timeProcess(
  cmd: string, args: readonly string[],
  { runs = 5, before = () => {}, timeoutS = 0, options = {} as SpawnSyncOptions } = {},
): ProcessTime {
  const wall: number[] = [];
  const cpu: number[] = [];
  let peakRssMiB = 0;
  const limited = timeoutS > 0 ? ['timeout', String(timeoutS), cmd, ...args] : [cmd, ...args];
  for (let i = 0; i < runs; i++) {
    before();
    // `time -f` reports the children's CPU and peak RSS, which process.cpuUsage and resourceUsage cannot see.
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S rss %M', ...limited], { ...options, encoding: 'utf8', maxBuffer: 1 << 26 });
    wall.push(performance.now() - t);
    const stderr = String(r.stderr ?? '');
    if (timeoutS > 0 && r.status === 124) return { wallMs: timeoutS * 1000, cpuMs: NaN, timedOut: true, peakRssMiB: NaN };
    if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}): ${stderr.slice(-500)}`);
    const m = /cpu ([\d.]+) ([\d.]+) rss (\d+)\s*$/.exec(stderr);
    cpu.push(m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN);
    peakRssMiB = Math.max(peakRssMiB, m ? Number(m[3]) / 1024 : NaN);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), timedOut: false, peakRssMiB };
}
