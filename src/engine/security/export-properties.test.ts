import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundleFile } from '../bundle/bundle-files';
import { importConfigs } from '../import/import-configs';
import { parseWgQuick } from '../import/wg-quick-parse';
import type { Design } from '../model/design';
import { formatFieldError, parseDesign } from '../model/parse-design';
import { publicDesign } from '../model/public-design';
import { decodeShareFragment, encodeShareFragment } from '../share/share-link';
import { BACKENDS, exportBoth } from '../testing/adversarial-pipeline';
import { designInputArbitrary } from '../testing/design-arbitrary';
import { normalisePrefixText } from '../testing/prefix-text';
import { bundleBreaches } from './bundle-invariants';

/** Property tests of issue 8: export is total on schema-valid designs, configs survive re-import, links round-trip. */
function parsed(input: unknown): Design {
  const r = parseDesign(input);
  if (!r.ok) throw new Error(`the arbitrary made an invalid design: ${r.errors.slice(0, 3).map(formatFieldError).join('; ')}`);
  return r.value;
}

const hostConfigs = (files: readonly BundleFile[]) => files.filter((f) => /^[a-z0-9-]+\/wg0\.conf$/.test(f.path));

/** What an imported and re-exported config must keep: keys, addresses and each peer's AllowedIPs, as sets. */
function essence(text: string) {
  const c = parseWgQuick(text);
  const set = (list: readonly string[]) => [...new Set(list.map(normalisePrefixText))].sort();
  return {
    privateKey: c.iface.privateKey,
    addresses: [...c.iface.addresses].sort(),
    peers: Object.fromEntries(c.peers.map((p) => [p.publicKey, { allowedIPs: set(p.allowedIPs), presharedKey: p.presharedKey, endpoint: p.endpoint }])),
  };
}

describe('export properties', () => {
  it('export never throws on a schema-valid design, and its bundles hold user text only in comments', () => {
    fc.assert(fc.property(designInputArbitrary, (input) => {
      const { bundles } = exportBoth(parsed(input));
      for (const backend of BACKENDS) expect(bundleBreaches(bundles[backend], '\u0000no-marker')).toEqual([]);
    }), { numRuns: 150 });
  });

  it('every emitted wg0.conf re-imports and re-exports with the same keys, addresses and AllowedIPs', () => {
    fc.assert(fc.property(designInputArbitrary, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
      const configs = hostConfigs(exportBoth(parsed(input), seed).bundles.nftables);
      if (configs.length === 0) return;
      const { design } = importConfigs(configs.map((f) => ({ name: f.path, text: f.content })), 'round-trip');
      const again = hostConfigs(exportBoth(design, seed + 1).bundles.nftables).map((f) => essence(f.content));
      expect(again.length).toBe(configs.length);
      for (const f of configs) {
        const before = essence(f.content);
        expect(again.find((e) => e.privateKey === before.privateKey), f.path).toEqual(before);
      }
    }), { numRuns: 100 });
  });

  it('the share link round-trips every design to its public form', () => {
    fc.assert(fc.property(designInputArbitrary, fc.boolean(), (input, complete) => {
      // With keys filled in, the link must still carry none of the secrets.
      const design = complete ? exportBoth(parsed(input)).design : parsed(input);
      const link = encodeShareFragment(design);
      if (!link.ok) throw new Error(link.errors[0]?.message);
      // The compact form (wgd2) for every design: a design whose compact form did not read back would fall back to wgd1.
      expect(link.value).toMatch(/^wgd2\.[A-Za-z0-9_-]+$/);
      expect(decodeShareFragment(`#${link.value}`)).toEqual({ ok: true, value: publicDesign(design) });
    }), { numRuns: 200 });
  });
});
