import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { zipBundle } from '../bundle/zip';
import { parseWgQuick } from '../import/wg-quick-parse';
import { publicDesign } from '../model/public-design';
import { parseDesignText } from '../model/parse-design';
import { adversarialCorpus } from '../testing/adversarial-corpus';
import { BACKENDS, runAdversarialInput } from '../testing/adversarial-pipeline';
import { bundleBreaches, plainJsonBreaches, ZIP_PATH } from './bundle-invariants';

/**
 * Issue 8, without the system tools: every hostile input is refused naming its field, or exported into bundles in
 * which user text sits only in comments, no config has a hook, every path comes from ids, nothing merged a
 * prototype. `adversarial-export.node.test.ts` runs the same bundles through wg, nft, iptables and bash.
 */
const CANARY = '/wgd-canary';
const corpus = adversarialCorpus(CANARY);
const tally = { rejected: 0, exported: 0 };

describe('the adversarial corpus', () => {
  it('has at least 200 inputs, each labelled with the field it attacks', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    for (const c of corpus) expect(c.field, c.id).not.toBe('');
    const kinds = new Set(corpus.map((c) => c.input.kind));
    expect([...kinds].sort()).toEqual(['configs', 'design-text', 'link']);
  });

  it.each(corpus.map((c) => [c.id, c] as const))('%s', async (_, c) => {
    const outcome = runAdversarialInput(c.input);
    if (outcome.kind === 'rejected') {
      tally.rejected++;
      expect(c.expect, `refused: ${outcome.message.slice(0, 300)}`).not.toBe('export');
      expect(outcome.message).toMatch(c.names);
      // A refusal is one readable line: nothing from the input may move a terminal's cursor or fake a new line.
      expect(outcome.message).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
      return;
    }
    tally.exported++;
    expect(c.expect, 'was accepted').not.toBe('reject');
    expect(plainJsonBreaches(outcome.design)).toEqual([]);
    for (const backend of BACKENDS) {
      const files = outcome.bundles[backend];
      // Every payload carries the canary path: wherever it shows up in a config, ruleset or script, it is a comment.
      expect(bundleBreaches(files, CANARY), backend).toEqual([]);
      for (const conf of files.filter((f) => f.path.endsWith('wg0.conf'))) {
        expect(() => parseWgQuick(conf.content, conf.path), conf.path).not.toThrow();
      }
      // design.json leaves fields at their default out (designFileText): read back, it is the public design.
      const json = parseDesignText(files.find((f) => f.path === 'design.json')?.content ?? 'null');
      expect(json.ok && json.value).toEqual(JSON.parse(JSON.stringify(publicDesign(outcome.design))));
      const zip = await JSZip.loadAsync(await zipBundle(files, outcome.folder));
      const names = Object.keys(zip.files);
      expect(names.length).toBe(files.length);
      for (const name of names) {
        expect(name).toMatch(ZIP_PATH);
        expect(name).not.toContain('..');
      }
    }
  });

  afterAll(() => {
    // Prototype merging anywhere in the run would show here, on every object of the process.
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.info(`adversarial corpus: ${corpus.length} inputs, ${tally.rejected} refused, ${tally.exported} exported`);
  });
});
