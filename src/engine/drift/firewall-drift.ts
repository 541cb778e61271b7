import { renderIptables } from '../render/iptables';
import { NFT_TABLE, renderNftables } from '../render/nftables';
import { COLLECTED_FILES } from '../render/collect-script';
import type { HostPlan } from '../plan/types';
import type { CollectedHost, DriftFinding } from './types';
import { DriftInputError } from './drift-input-error';
import { parseJsonFile } from './json-text';
import { rulesOfIptables } from './iptables-rules';
import { rulesOfNftJson, rulesOfNftText } from './nft-rules';
import type { ChainRules } from './nft-rules';

/**
 * The host's firewall as collected against the one its bundle installs: nftables when collect.sh wrote
 * `nft-ruleset.json`, iptables when it wrote the `*tables-save.txt` pair (collect.sh follows the bundle's choice).
 */
export function firewallDrift(hp: HostPlan, files: CollectedHost, folder: string): DriftFinding[] {
  const f = COLLECTED_FILES;
  const nft = files[f.nft];
  if (nft !== undefined) {
    const file = `${folder}/${f.nft}`;
    const live = rulesOfNftJson(parseJsonFile(nft, file), file, 'inet', NFT_TABLE);
    return chainDrift(hp.id, rulesOfNftText(renderNftables(hp)), live, `table inet ${NFT_TABLE}`);
  }
  const v4 = files[f.iptables4];
  const v6 = files[f.iptables6];
  if (v4 === undefined || v6 === undefined) {
    const missing = v4 === undefined && v6 !== undefined ? f.iptables4 : v6 === undefined && v4 !== undefined ? f.iptables6 : f.nft;
    throw new DriftInputError(`${folder}/${missing}`, 0, 'is missing: run the bundle\'s collect.sh on the host again');
  }
  const expected = merged(rulesOfIptables(renderIptables(hp, 4)), rulesOfIptables(renderIptables(hp, 6)));
  const live = merged(rulesOfIptables(v4), rulesOfIptables(v6));
  return chainDrift(hp.id, expected, live.size === 0 ? null : live, 'the WGD-* chains');
}

function merged(v4: ChainRules, v6: ChainRules): ChainRules {
  return new Map([...[...v4].map(([c, r]) => [`${c} (IPv4)`, r] as const), ...[...v6].map(([c, r]) => [`${c} (IPv6)`, r] as const)]);
}

/** Chains and rules the bundle has and the host does not, and the other way round; a missing table is one finding. */
export function chainDrift(host: string, expected: ChainRules, live: ChainRules | null, table: string): DriftFinding[] {
  const finding = (what: DriftFinding['what'], exp: string, actual: string): DriftFinding =>
    ({ host, peer: null, tunnel: null, what, expected: exp, actual });
  if (live === null) return [finding('firewall-missing', `${table} as firewall.nft/firewall.iptables has it`, 'not in the live ruleset')];
  const out: DriftFinding[] = [];
  for (const [chain, rules] of expected) {
    const have = live.get(chain);
    if (!have) {
      out.push(finding('firewall-chain', `chain ${chain}`, 'missing'));
      continue;
    }
    const left = [...have];
    for (const rule of rules) {
      const i = left.indexOf(rule);
      if (i >= 0) left.splice(i, 1);
      else out.push(finding('firewall-rule-missing', `chain ${chain}: ${rule}`, 'missing'));
    }
    for (const rule of left) out.push(finding('firewall-rule-extra', 'nothing', `chain ${chain}: ${rule}`));
  }
  for (const chain of live.keys()) {
    if (!expected.has(chain)) out.push(finding('firewall-chain', 'nothing', `chain ${chain}`));
  }
  return out;
}
