import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/engine/__fixtures__';
import { bundleFiles, buildPlan, parseWgQuick } from '../../src/engine';
import { fixtureDesign } from '../../src/engine/testing/fixture-design';
import { checkConfigsWithRealWg, realWgAvailable } from './real-wg';

/** Every wg0.conf of every fixture bundle, as the bundle holds it. */
const configs = Object.keys(FIXTURES).flatMap((name) =>
  bundleFiles(buildPlan(fixtureDesign(name)))
    .filter((f) => f.path.endsWith('/wg0.conf'))
    .map((f) => ({ name: `${name}/${f.path}`, text: f.content })));

describe('fixture bundles on real WireGuard', () => {
  it('are accepted by wg-quick strip and wg setconf on a wireguard-go interface, which then holds every peer', async () => {
    const tools = realWgAvailable();
    expect(tools, 'this test needs root, iproute2, wireguard-tools and wireguard-go (scripts/system-deps.sh)').toEqual({ ok: true });
    expect(configs.length).toBeGreaterThanOrEqual(13);
    const results = await checkConfigsWithRealWg(configs);
    for (const r of results) {
      expect(r.error, r.name).toBeNull();
      expect(r.ok, r.name).toBe(true);
      const ours = parseWgQuick(configs.find((c) => c.name === r.name)?.text ?? '', r.name);
      for (const peer of ours.peers) {
        expect(r.shown, `${r.name}: WireGuard holds peer ${peer.publicKey}`).toContain(`PublicKey = ${peer.publicKey}`);
        for (const a of peer.allowedIPs) expect(r.shown, `${r.name}: AllowedIPs ${a}`).toContain(a);
      }
    }
  });
});
