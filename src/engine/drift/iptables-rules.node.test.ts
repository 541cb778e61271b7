import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { renderIptables } from '../render/iptables';
import { fixtureDesign } from '../testing/fixture-design';
import { rulesOfIptables } from './iptables-rules';

/** Loads a bundle's iptables file into a throwaway network namespace and returns what iptables-save prints then. */
function loadedAndSaved(text: string, family: 4 | 6): string {
  const tool = family === 4 ? 'iptables' : 'ip6tables';
  const r = spawnSync('unshare', ['--net', 'bash', '-c', `${tool}-restore -n && ${tool}-save`], { input: text, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('iptables rules as drift reads them', () => {
  // site-to-site has a gateway: forwarding, masquerade and MSS clamping; ipv6-pppoe has both families.
  for (const name of ['site-to-site', 'ipv6-pppoe', 'hub-and-spoke']) {
    it(`reads ${name}'s rules from iptables-save as from the bundle's files`, () => {
      for (const hp of buildPlan(fixtureDesign(name)).hosts.filter((h) => !h.external)) {
        for (const family of [4, 6] as const) {
          const file = renderIptables(hp, family);
          const saved = rulesOfIptables(loadedAndSaved(file, family));
          expect(saved, `${hp.id} IPv${family}`).toEqual(rulesOfIptables(file));
          expect([...saved.values()].flat().length).toBeGreaterThan(0);
        }
      }
    });
  }
});
