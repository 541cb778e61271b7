import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { buildPlan } from '../plan/build-plan';
import { NFT_TABLE, renderNftables } from '../render/nftables';
import { fixtureDesign } from '../testing/fixture-design';
import { rulesOfNftJson, rulesOfNftText } from './nft-rules';

/** Loads a firewall.nft into a throwaway network namespace and returns `nft -j list ruleset` then. */
function loadedAndListed(text: string): unknown {
  const r = spawnSync('unshare', ['--net', 'bash', '-c', 'nft -f - && nft -j list ruleset'], { input: text, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

describe('nftables rules as drift reads them', () => {
  // Every fixture: named sets (long source lists), masquerade and MSS clamping on gateways, IPv6, database drops.
  it('reads every fixture host\'s table from nft -j as from its firewall.nft', () => {
    for (const name of Object.keys(FIXTURES)) {
      for (const hp of buildPlan(fixtureDesign(name)).hosts.filter((h) => !h.external)) {
        const text = renderNftables(hp);
        const live = rulesOfNftJson(loadedAndListed(text), 'x', 'inet', NFT_TABLE);
        expect(live, `${name} ${hp.id}`).toEqual(rulesOfNftText(text));
        expect([...(live?.values() ?? [])].flat().length).toBeGreaterThan(10);
      }
    }
  }, 120_000);
});
