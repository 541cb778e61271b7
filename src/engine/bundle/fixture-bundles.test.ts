import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { parseWgQuick } from '../import/wg-quick-parse';
import { normalisePrefixText } from '../testing/prefix-text';
import { fixtureDesign } from '../testing/fixture-design';
import { buildPlan } from '../plan/build-plan';
import { validateDesign } from '../validate/validate-design';
import { bundleFiles } from './bundle-files';

const names = Object.keys(FIXTURES);

describe.each(names)('bundle of fixture %s', (name) => {
  const design = fixtureDesign(name);
  const files = bundleFiles(buildPlan(design));
  const configs = files.filter((f) => f.path.endsWith('/wg0.conf'));

  it('has no error findings (the fixtures are correct designs)', () => {
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('has a wg0.conf, firewall.nft and install.sh for every host, and paths from ids only', () => {
    for (const h of design.hosts) {
      for (const f of ['wg0.conf', 'firewall.nft', 'install.sh']) {
        expect(files.some((x) => x.path === `${h.id}/${f}`), `${h.id}/${f}`).toBe(true);
      }
    }
    // Folders are ids or fixed names (`failover/promote-<id>/`, nested), never dots: no entry can leave its folder.
    // As security/bundle-invariants.ts: folders are ids, file names add `_` and `.` (pg_hba.conf).
    for (const f of files) expect(f.path).toMatch(/^([a-z0-9-]+\/)*[A-Za-z0-9._-]+$/);
  });

  it('never puts one AllowedIPs range under two peers of one interface', () => {
    for (const c of configs) {
      const seen = new Map<string, string>();
      for (const peer of parseWgQuick(c.content, c.path).peers) {
        for (const range of peer.allowedIPs.map(normalisePrefixText)) {
          expect(seen.get(range), `${c.path}: ${range}`).toBeUndefined();
          seen.set(range, peer.publicKey);
        }
      }
      expect(seen.size).toBeGreaterThan(0);
    }
  });

  it('keeps private keys out of design.json and in the configs (0600)', () => {
    const json = files.find((f) => f.path === 'design.json')?.content ?? '';
    for (const h of design.hosts) {
      expect(json).not.toContain(h.privateKey as string);
      const conf = files.find((f) => f.path === `${h.id}/wg0.conf`);
      expect(conf?.content).toContain(`PrivateKey = ${h.privateKey}`);
      expect(conf?.mode).toBe(0o600);
    }
  });
});
