import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Namespaces } from './netns';
import type { NatPlan } from './underlay-plan';

/**
 * The ruleset of a home or carrier-grade NAT: everything leaving `out0` is masqueraded; nothing comes in unless
 * it belongs to a mapping, or is the one UDP port forwarded to a host that peers dial anyway.
 */
export function natRuleset(nat: NatPlan): string {
  const ip = nat.family === 6 ? 'ip6' : 'ip';
  const dnat = nat.forwardPort === null
    ? []
    : [
      '  chain prerouting {',
      '    type nat hook prerouting priority dstnat; policy accept;',
      `    iifname "out0" udp dport ${nat.forwardPort} dnat ${ip} to ${nat.family === 6 ? `[${nat.host}]` : nat.host}`,
      '  }',
    ];
  return [
    'table inet wgd_nat {',
    ...dnat,
    '  chain postrouting {',
    '    type nat hook postrouting priority srcnat; policy accept;',
    '    oifname "out0" masquerade',
    '  }',
    '  chain forward {',
    '    type filter hook forward priority filter; policy drop;',
    '    iifname "in0" accept',
    '    ct state established,related accept',
    '    ct status dnat accept',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Turns a namespace into the NAT router: forwarding, the ruleset, and UDP mappings that expire after `timeout` s. */
export async function startNatRouter(nss: Namespaces, ns: string, nat: NatPlan, timeout: number): Promise<void> {
  const forward = nat.family === 6 ? 'net.ipv6.conf.all.forwarding=1' : 'net.ipv4.ip_forward=1';
  await ok(nss.exec(ns, 'sysctl', ['-q', '-w', forward]), `${ns}: forwarding`);
  // nft -f needs a file: Node's stdin pipe cannot be reopened as /dev/stdin (see real-wg.ts).
  const dir = mkdtempSync(`${tmpdir()}/wgd-nat-`);
  try {
    writeFileSync(`${dir}/nat.nft`, natRuleset(nat));
    await ok(nss.exec(ns, 'nft', ['-f', `${dir}/nat.nft`]), `${ns}: nft`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Conntrack (loaded by the NAT rules) keeps its timeouts per namespace: these shorten only this router's.
  await ok(nss.exec(ns, 'sysctl', ['-q', '-w', `net.netfilter.nf_conntrack_udp_timeout=${timeout}`,
    `net.netfilter.nf_conntrack_udp_timeout_stream=${timeout}`]), `${ns}: conntrack timeouts`);
}

async function ok(run: ReturnType<Namespaces['exec']>, what: string): Promise<void> {
  const r = await run;
  if (r.code !== 0) throw new Error(`${what}: ${r.stderr.trim()}`);
}
