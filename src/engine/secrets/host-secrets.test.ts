import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan';
import { fixtureDesign } from '../testing/fixture-design';
import { hostSecretsText } from './host-secrets';

describe('hostSecretsText', () => {
  it('holds the private key and each tunnel\'s preshared key by peer, and nothing else', () => {
    const plan = buildPlan(fixtureDesign('hub-and-spoke'));
    for (const hp of plan.hosts) {
      const lines = hostSecretsText(hp).trimEnd().split('\n');
      expect(lines[0]).toBe(`private ${hp.host.privateKey}`);
      const psks = hp.peers.filter((p) => p.presharedKey !== null).map((p) => `psk ${p.hostId} ${p.presharedKey}`);
      expect(lines.slice(1)).toEqual(psks);
      expect(psks.length).toBeGreaterThan(0);
    }
  });
});
