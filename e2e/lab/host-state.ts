import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { pidsIn, commOf } from '../../src/cli/prove/netns';
import { runCommand } from '../../src/cli/prove/run-command';

/**
 * What "changed nothing" compares on a lab host: every file install.sh may have written under its /etc (the
 * overlay's upper folder: path, mode, sha256), its network links, its nftables and iptables rules and the
 * programs running in its namespace. `ignore` leaves out paths under /etc that a step is meant to write.
 */
export async function hostState(ns: string, etcUpper: string, ignore: readonly string[] = []): Promise<string[]> {
  const files = existsSync(etcUpper) ? walk(etcUpper, '').filter((f) => !ignore.some((i) => f.startsWith(`/etc/${i} `))) : [];
  const links = await runCommand('ip', ['-n', ns, '-o', 'link', 'show']);
  const nft = await runCommand('ip', ['netns', 'exec', ns, 'nft', 'list', 'ruleset']);
  const ipt = await runCommand('ip', ['netns', 'exec', ns, 'iptables-save']);
  const programs = (await pidsIn(ns)).map(commOf).sort();
  return [
    ...files,
    ...links.stdout.split('\n').filter(Boolean).map((l) => `link ${l.split(':')[1]?.trim() ?? l}`),
    ...nft.stdout.split('\n').filter((l) => l.trim()).map((l) => `nft ${l}`),
    ...ipt.stdout.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => `iptables ${l}`),
    ...programs.map((p) => `program ${p}`),
  ];
}

/** The lines that differ between two states, for a check's detail ("+" after only, "-" before only). */
export function stateDiff(before: readonly string[], after: readonly string[]): string[] {
  const a = new Set(after);
  const b = new Set(before);
  return [...before.filter((l) => !a.has(l)).map((l) => `- ${l}`), ...after.filter((l) => !b.has(l)).map((l) => `+ ${l}`)];
}

function walk(root: string, sub: string): string[] {
  return readdirSync(`${root}${sub}`).sort().flatMap((name) => {
    const rel = `${sub}/${name}`;
    const st = lstatSync(`${root}${rel}`);
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isDirectory()) return [`/etc${rel} dir ${mode}`, ...walk(root, rel)];
    const hash = st.isFile() ? createHash('sha256').update(readFileSync(`${root}${rel}`)).digest('hex').slice(0, 16) : 'special';
    return [`/etc${rel} ${mode} ${hash}`];
  });
}
