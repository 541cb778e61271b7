import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NETNS_PREFIX, checkConfigsWithRealWg, realWgAvailable } from './real-wg';
import { runCommand } from '../../src/cli/prove/run-command';
import { wgKeypair } from './wg-keys';

/** The lab must fail loudly, never skip, when the machine cannot run it: a silent skip hides a broken CI image. */
function requireRealWg(): void {
  const available = realWgAvailable();
  if (!available.ok) throw new Error(`real WireGuard lab cannot run; missing: ${available.missing.join(', ')}`);
}

/** PIDs of wireguard-go processes whose parent is this test process: the only ones the harness may start. */
function ourWireguardGo(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised comm: state, ppid, ...; comm itself may contain spaces.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm.startsWith('wireguard-go') && ppid === process.pid) pids.push(Number(entry));
    } catch {
      // The process exited between readdir and read.
    }
  }
  return pids;
}

async function ourNamespaces(): Promise<string[]> {
  const list = await runCommand('ip', ['netns', 'list']);
  return list.stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith(`${NETNS_PREFIX}${process.pid}-`));
}

describe('checkConfigsWithRealWg', () => {
  it('accepts a valid config, refuses a bad prefix, and leaves no namespace or wireguard-go behind', async () => {
    requireRealWg();
    const hub = wgKeypair();
    const spoke = wgKeypair();
    const valid = ['[Interface]', `PrivateKey = ${hub.privateKey}`, 'Address = 10.0.0.1/24', 'ListenPort = 51820',
      'PostUp = echo up', '', '# db-1', '[Peer]', `PublicKey = ${spoke.publicKey}`, 'AllowedIPs = 10.0.0.2/32, 10.20.0.0/16',
      'PersistentKeepalive = 25', ''].join('\n');
    const bad = ['[Interface]', `PrivateKey = ${hub.privateKey}`, '[Peer]', `PublicKey = ${spoke.publicKey}`,
      'AllowedIPs = 10.0.0.0/33', ''].join('\n');

    const [ok, refused] = await checkConfigsWithRealWg([{ name: 'hub', text: valid }, { name: 'bad', text: bad }]);

    expect(ok).toMatchObject({ name: 'hub', ok: true, error: null });
    expect(ok?.shown).toContain(`PublicKey = ${spoke.publicKey}`);
    expect(ok?.shown).toContain('AllowedIPs = 10.0.0.2/32, 10.20.0.0/16');
    expect(ok?.shown).toContain('ListenPort = 51820');
    expect(refused).toMatchObject({ name: 'bad', ok: false, shown: null });
    expect(refused?.error).toContain('10.0.0.0/33');
    expect(await ourNamespaces()).toEqual([]);
    expect(ourWireguardGo()).toEqual([]);
  });

  it('reports a file wg-quick strip itself refuses, and still cleans up', async () => {
    requireRealWg();
    const [r] = await checkConfigsWithRealWg([{ name: 'bool', text: '[Interface]\nSaveConfig = maybe\n' }]);
    expect(r).toMatchObject({ ok: false, shown: null });
    expect(r?.error).toMatch(/^wg-quick strip: .*neither true nor false/);
    expect(await ourNamespaces()).toEqual([]);
    expect(ourWireguardGo()).toEqual([]);
  });

  it('is seen by the leftover checks while it runs, so their empty results above mean something', async () => {
    requireRealWg();
    const { privateKey } = wgKeypair();
    const configs = Array.from({ length: 5 }, (_, i) => ({ name: `c${i}`, text: `[Interface]\nPrivateKey = ${privateKey}\n` }));
    const running = checkConfigsWithRealWg(configs);
    let seen = { daemons: 0, namespaces: 0 };
    for (let i = 0; i < 200 && seen.daemons === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      seen = { daemons: ourWireguardGo().length, namespaces: (await ourNamespaces()).length };
    }
    const results = await running;
    expect(seen).toEqual({ daemons: 1, namespaces: 1 });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await ourNamespaces()).toEqual([]);
    expect(ourWireguardGo()).toEqual([]);
  });
});
