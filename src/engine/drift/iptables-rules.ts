import { formatPrefix, tryParsePrefix } from '../net';
import type { ChainRules } from './nft-rules';

/**
 * The rules of our chains (`WGD-*`) in iptables-restore text, the bundle's firewall.iptables or the live
 * `iptables-save`, each reduced as nft-rules.ts does: verdict, comment, addresses, ports. iptables-restore turns
 * `-s a,b -d c` into one rule per address pair, and iptables-save prints them so: the bundle's lines are expanded
 * the same way. Built-in chains (the jumps install.sh inserts) and other people's chains are left out.
 */
export function rulesOfIptables(text: string): ChainRules {
  const chains: ChainRules = new Map();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const declared = /^:(WGD-[A-Z-]+) /.exec(line);
    if (declared?.[1] && !chains.has(declared[1])) chains.set(declared[1], []);
    const appended = /^-A (WGD-[A-Z-]+) (.*)$/.exec(line);
    if (!appended?.[1]) continue;
    const rules = chains.get(appended[1]) ?? [];
    rules.push(...keysOf(appended[2] ?? ''));
    chains.set(appended[1], rules);
  }
  return chains;
}

function keysOf(rest: string): string[] {
  const comment = /--comment (?:"([^"]*)"|(\S+))/.exec(rest);
  const words = rest.replace(/--comment (?:"[^"]*"|\S+)/, '').split(/\s+/).filter(Boolean);
  let verdict = '';
  let src: string[] = [];
  let dst: string[] = [];
  const ports: string[] = [];
  words.forEach((w, i) => {
    const next = words[i + 1] ?? '';
    if (w === '-j') verdict = next.toLowerCase();
    else if (w === '-s') src = addresses(next);
    else if (w === '-d') dst = addresses(next);
    else if (w === '--dport' || w === '--dports') ports.push(...next.split(',').map((p) => `:${p}`));
  });
  const pairs = (src.length ? src : [null]).flatMap((s) => (dst.length ? dst : [null]).map((d) => [s, d]));
  const label = comment ? ` "${comment[1] ?? comment[2] ?? ''}"` : '';
  return pairs.map((pair) => {
    const atoms = [...pair.filter((a): a is string => a !== null), ...ports].sort();
    return `${verdict || '(no verdict)'}${label} [${atoms.join(' ')}]`;
  });
}

function addresses(list: string): string[] {
  return list.split(',').flatMap((t) => {
    const p = tryParsePrefix(t);
    return p ? [formatPrefix(p)] : [];
  });
}
