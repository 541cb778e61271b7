import { describe, expect, it } from 'vitest';
import { generateKeypair, nobleX25519Base, resetX25519, seededRandom, useX25519 } from '../keys';
import { publicDesign } from '../model/public-design';
import { parsed } from '../testing/fixture-design';
import { exportBundle, exportBundleZip } from './export-bundle';

describe('exportBundle', () => {
  it('returns the findings its README lists, and still checks keys that came with the design', async () => {
    const design = parsed('hub-and-spoke');
    const [first, ...rest] = design.hosts;
    if (!first) throw new Error('fixture without hosts');
    // A private key with somebody else's public key: the export must report it, not trust it.
    const mismatched = { ...first, privateKey: generateKeypair(seededRandom(8)).privateKey, publicKey: generateKeypair(seededRandom(9)).publicKey };
    const r = await exportBundle({ ...design, hosts: [mismatched, ...rest] }, seededRandom(1));
    expect(r.findings.map((f) => f.code)).toContain('key-mismatch');
    expect(r.findings.filter((f) => f.code === 'key-mismatch').flatMap((f) => f.subjects.hosts ?? [])).toEqual([first.id]);
    expect(r.files.find((f) => f.path === 'README.md')?.content).toContain('key-mismatch');
  });

  it('finds no key problem in the keys it generated itself', async () => {
    const r = await exportBundle(parsed('hub-and-spoke'), seededRandom(2));
    expect(r.completion.generatedKeys.length).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.code.startsWith('key-'))).toEqual([]);
  });

  it('derives each key it generated once: validation takes the pairs it has just made as given', async () => {
    let derived = 0;
    useX25519((k) => { derived++; return nobleX25519Base(k); });
    try {
      derived = 0;
      const r = await exportBundle(parsed('hub-and-spoke'), seededRandom(5));
      expect(derived).toBe(r.completion.generatedKeys.length);
    } finally {
      resetX25519();
    }
  });

  it('reports hosts whose private keys were dropped as an error (the CLI then refuses without --force), not as keys to make', async () => {
    const full = (await exportBundle(parsed('hub-and-spoke'), seededRandom(3))).completion.design;
    const r = await exportBundle(publicDesign(full), seededRandom(4));
    const orphaned = r.findings.filter((f) => f.code === 'key-orphaned');
    expect(orphaned.map((f) => f.severity)).toEqual(['error']);
    expect(orphaned[0]?.subjects.hosts).toEqual(full.hosts.filter((h) => !h.external).map((h) => h.id));
    expect(r.completion.generatedKeys).toEqual([]);
  });

  it('streams the same zip as it collects: exportBundleZip (the CLI) and exportBundle (the page) give the same bytes and file count', async () => {
    const vault = { secrets: { mode: 'vault', path: 'secret/wg-designer/test' } } as const;
    for (const [name, options] of [['hub-and-spoke', {}], ['mesh-3', vault]] as const) {
      const collected = await exportBundle(parsed(name), seededRandom(6), options);
      const streamed = await exportBundleZip(parsed(name), seededRandom(6), options);
      expect(Buffer.concat(streamed.zipParts)).toEqual(Buffer.from(collected.zip));
      expect(streamed.zipBytes).toBe(collected.zip.length);
      expect(streamed.fileCount).toBe(collected.files.length);
    }
  });
});
