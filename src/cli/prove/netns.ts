import { readFileSync } from 'node:fs';
import { runCommand } from './run-command';
import type { CommandResult } from './run-command';

/** Every namespace the lab makes starts with this, then the run's tag: leftovers are found by it. */
export const LAB_NETNS_PREFIX = 'wgd-lab-';
/** Every namespace `wg-designer prove` makes starts with this, then the run's id. */
export const PROVE_NETNS_PREFIX = 'wgd-prove-';

/**
 * The network namespaces of one run (of the lab, or of `prove`). Each is named `<prefix><tag>-<name>`, so nothing
 * of anyone else's is touched; `removeAll` kills every process left inside them (by PID, from `ip netns pids`)
 * and deletes them.
 */
export class Namespaces {
  private readonly made: string[] = [];
  private closed = false;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(readonly tag: string, readonly prefix: string = LAB_NETNS_PREFIX) {}

  /** Creates `<prefix><tag>-<name>` with loopback up and IPv6 duplicate address detection off (no 2 s wait). */
  async add(name: string): Promise<string> {
    if (this.closed) throw new Error(`${this.prefix}${this.tag}: stopped, no new namespace`);
    const made = this.create(`${this.prefix}${this.tag}-${name}`);
    this.pending.add(made);
    try {
      return await made;
    } finally {
      this.pending.delete(made);
    }
  }

  /**
   * Refuses new namespaces and waits for those being made: a signal handler's first step, so that removeAll, which
   * follows, sees every namespace of the run.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.pending]);
  }

  private async create(ns: string): Promise<string> {
    await must(runCommand('ip', ['netns', 'add', ns]), `ip netns add ${ns}`);
    this.made.push(ns);
    await must(this.exec(ns, 'sysctl', ['-q', '-w', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0']), `${ns}: sysctl`);
    await must(runCommand('ip', ['-n', ns, 'link', 'set', 'lo', 'up']), `${ns}: lo up`);
    return ns;
  }

  /** Runs a command inside a namespace (no shell). */
  exec(ns: string, cmd: string, args: readonly string[], timeoutMs?: number): Promise<CommandResult> {
    return runCommand('ip', ['netns', 'exec', ns, cmd, ...args], '', timeoutMs);
  }

  /** `ip -n <ns> ...`, failing loudly. */
  async ip(ns: string, args: readonly string[]): Promise<void> {
    await must(runCommand('ip', ['-n', ns, ...args]), `${ns}: ip ${args.join(' ')}`);
  }

  list(): readonly string[] {
    return this.made;
  }

  /** Takes over namespaces of this run found by name (`ip netns list`), e.g. by a signal handler, so removeAll deletes them. */
  adopt(names: readonly string[]): void {
    for (const n of names) if (!this.made.includes(n)) this.made.push(n);
  }

  /** The namespaces of this run that exist now, by name: also those made by a step still under way. */
  async existing(): Promise<string[]> {
    const list = await runCommand('ip', ['netns', 'list']);
    return list.stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith(`${this.prefix}${this.tag}-`));
  }

  /** Kills what runs inside each namespace (SIGTERM, SIGKILL after 3 s) and deletes them; returns what failed. */
  async removeAll(): Promise<string[]> {
    const problems: string[] = [];
    for (const ns of [...this.made].reverse()) {
      const left = await killInside(ns);
      if (left.length > 0) problems.push(`${ns}: processes ${left.join(', ')} did not exit`);
      const del = await runCommand('ip', ['netns', 'del', ns]);
      if (del.code !== 0) problems.push(`${ns}: ip netns del: ${del.stderr.trim()}`);
    }
    this.made.length = 0;
    return problems;
  }
}

/** PIDs of the processes inside a namespace that are still running (zombies excluded: they are already dead). */
export async function pidsIn(ns: string): Promise<number[]> {
  const r = await runCommand('ip', ['netns', 'pids', ns]);
  return r.stdout.split('\n').map(Number).filter((p) => Number.isInteger(p) && p > 0 && alive(p));
}

/** The command name of a PID, or null once it is gone. */
export function commOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** True while a PID runs (a zombie has exited: only its parent has not collected it yet). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function killInside(ns: string): Promise<number[]> {
  const signal = (pids: number[], sig: NodeJS.Signals) => {
    for (const p of pids) {
      try {
        process.kill(p, sig);
      } catch {
        // Exited meanwhile.
      }
    }
  };
  let pids = await pidsIn(ns);
  signal(pids, 'SIGTERM');
  for (let waited = 0; pids.length > 0 && waited < 3000; waited += 100) {
    await sleep(100);
    pids = pids.filter(alive);
  }
  signal(pids, 'SIGKILL');
  for (let waited = 0; pids.length > 0 && waited < 2000; waited += 100) {
    await sleep(100);
    pids = pids.filter(alive);
  }
  return pids;
}

export async function must(run: Promise<CommandResult>, what: string): Promise<CommandResult> {
  const r = await run;
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim()}`);
  return r;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
