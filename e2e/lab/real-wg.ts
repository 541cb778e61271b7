import { stopChild } from '../../src/cli/prove/stop-child';
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCommand } from '../../src/cli/prove/run-command';

/** One config's verdict from the real tools: `shown` is `wg showconf` after a successful `wg setconf`. */
export interface RealWgResult {
  name: string;
  ok: boolean;
  error: string | null;
  shown: string | null;
}

/** Every namespace this harness creates starts with this, then this process's PID: tests look for leftovers by it. */
export const NETNS_PREFIX = 'wgd-parse-';
const TOOLS = ['ip', 'wg', 'wg-quick', 'wireguard-go'] as const;
/** wireguard-go puts its UAPI socket here, in the host's /run, whatever network namespace it runs in. */
const SOCKET_DIR = '/run/wireguard';

/** Whether this machine can run the check: root (netns, TUN) and the WireGuard userspace tools on PATH. */
export function realWgAvailable(): { ok: true } | { ok: false; missing: string[] } {
  const missing: string[] = TOOLS.filter((t) => !onPath(t));
  if (process.getuid?.() !== 0) missing.unshift('root');
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}

/**
 * Checks wg-quick configs with the real tools: `wg-quick strip`, then `wg setconf` on a userspace wireguard-go
 * interface inside a throwaway network namespace, then `wg showconf` to read back what WireGuard accepted.
 */
export async function checkConfigsWithRealWg(configs: ReadonlyArray<{ name: string; text: string }>): Promise<RealWgResult[]> {
  const available = realWgAvailable();
  if (!available.ok) throw new Error(`real WireGuard check unavailable; missing: ${available.missing.join(', ')}`);
  const tag = randomHex(4);
  // /run/wireguard is shared by all namespaces, so the interface name itself must be unique: 3 + 8 = 11 <= 15 chars.
  const iface = `wgp${tag}`;
  const netns = `${NETNS_PREFIX}${process.pid}-${tag}`;
  const dir = mkdtempSync(`${tmpdir()}/wgd-parse-`);
  let daemon: ChildProcess | null = null;
  try {
    await must(runCommand('ip', ['netns', 'add', netns]), 'ip netns add');
    daemon = await startWireguardGo(netns, iface);
    const results: RealWgResult[] = [];
    for (const config of configs) results.push(await checkOne(config, netns, iface, dir));
    return results;
  } finally {
    if (daemon) await stop(daemon);
    await runCommand('ip', ['netns', 'del', netns]);
    rmSync(`${SOCKET_DIR}/${iface}.sock`, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkOne(config: { name: string; text: string }, netns: string, iface: string, dir: string): Promise<RealWgResult> {
  const fail = (error: string): RealWgResult => ({ name: config.name, ok: false, error, shown: null });
  // wg-quick takes the interface name from the file name and warns about a world-readable file, hence 0600.
  const path = `${dir}/${iface}.conf`;
  writeFileSync(path, config.text, { mode: 0o600 });
  const stripped = await runCommand('wg-quick', ['strip', path]);
  if (stripped.code !== 0) return fail(`wg-quick strip: ${stripped.stderr.trim()}`);
  // Not /dev/stdin: Node's child stdin is a socketpair, and opening /proc/self/fd/0 on a socket fails with ENXIO.
  const strippedPath = `${dir}/stripped.conf`;
  writeFileSync(strippedPath, stripped.stdout, { mode: 0o600 });
  // A refused setconf leaves the previous config in place, so showconf is read only after a success.
  const set = await runCommand('ip', ['netns', 'exec', netns, 'wg', 'setconf', iface, strippedPath]);
  if (set.code !== 0) return fail(`wg setconf: ${set.stderr.trim() || `exit code ${set.code}`}`);
  const shown = await runCommand('ip', ['netns', 'exec', netns, 'wg', 'showconf', iface]);
  if (shown.code !== 0) return fail(`wg showconf: ${shown.stderr.trim()}`);
  return { name: config.name, ok: true, error: null, shown: shown.stdout };
}

/** Starts wireguard-go in the foreground (so the PID is its own, not a daemonized child) and waits for its socket. */
async function startWireguardGo(netns: string, iface: string): Promise<ChildProcess> {
  // `ip netns exec` execs the command without forking, so the child's PID is wireguard-go's.
  const child = spawn('ip', ['netns', 'exec', netns, 'wireguard-go', iface], {
    env: { ...process.env, WG_PROCESS_FOREGROUND: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.on('error', (e) => (stderr += e.message));
  const socket = `${SOCKET_DIR}/${iface}.sock`;
  for (let waited = 0; waited < 5000; waited += 20) {
    if (existsSync(socket)) return child;
    if (child.exitCode !== null || child.signalCode !== null) break;
    await sleep(20);
  }
  await stop(child);
  throw new Error(`wireguard-go ${iface} did not start: ${stderr.trim() || 'no UAPI socket after 5 s'}`);
}

/** SIGTERM lets wireguard-go remove its socket; SIGKILL after 2 s if it hangs. Resolves once it has exited. */
async function stop(child: ChildProcess): Promise<void> {
  await stopChild(child, 'SIGTERM', 2000);
}

async function must(run: ReturnType<typeof runCommand>, what: string): Promise<void> {
  const r = await run;
  if (r.code !== 0) throw new Error(`${what} failed: ${r.stderr.trim()}`);
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => {
    try {
      accessSync(`${d}/${tool}`, constants.X_OK);
      return d !== '';
    } catch {
      return false;
    }
  });
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
