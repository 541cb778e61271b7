import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importConfigs, ImportError } from '../import/import-configs';
import { ConfigParseError, parseWgQuick } from '../import/wg-quick-parse';
import { formatFieldError, parseDesignText } from '../model/parse-design';
import type { ParseResult } from '../model/parse-design';
import { hasSecrets } from '../model/public-design';
import { decodeShareFragment } from '../share/share-link';
import { honestConfigs, malformedConfig, malformedDesignText, malformedLink } from '../testing/adversarial-mutations';
import { exportBoth } from '../testing/adversarial-pipeline';

/**
 * 10,000 malformed inputs to each importer: each gives a typed error with a clear, one-line message, or a design
 * the export then handles; nothing throws anything else (no TypeError, RangeError, stack overflow).
 */
const RUNS = 10_000;
/** Accepted inputs exported per importer: the first ones only, so the suite stays fast (each export is ~20 ms). */
const EXPORTS = 150;
const LINE_BREAKING = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const accepted = { design: 0, link: 0, config: 0, imported: 0 };

function expectClear(message: string): void {
  expect(message.length).toBeGreaterThan(0);
  expect(message.length).toBeLessThan(4_000);
  expect(message).not.toMatch(LINE_BREAKING);
}

/** A result-returning parser's verdict: a refusal with clear messages, or a design (exported, to prove it usable). */
function checkResult(r: ParseResult<Parameters<typeof exportBoth>[0]>, acceptedSoFar: number): boolean {
  if (!r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors.slice(0, 20)) expectClear(formatFieldError(e));
    return false;
  }
  if (acceptedSoFar < EXPORTS) exportBoth(r.value);
  return true;
}

describe('importers under 10,000 malformed inputs each', () => {
  it('parseDesignText', () => {
    fc.assert(fc.property(malformedDesignText, (text) => {
      if (checkResult(parseDesignText(text), accepted.design)) accepted.design++;
    }), { numRuns: RUNS });
  });

  it('the share-link decoder', () => {
    fc.assert(fc.property(malformedLink, (link) => {
      const r = decodeShareFragment(link);
      if (r.ok) expect(hasSecrets(r.value)).toBe(false);
      if (checkResult(r, accepted.link)) accepted.link++;
    }), { numRuns: RUNS });
  });

  it('parseWgQuick', () => {
    fc.assert(fc.property(malformedConfig, (text) => {
      try {
        parseWgQuick(text, 'fuzz.conf');
        accepted.config++;
      } catch (e) {
        if (!(e instanceof ConfigParseError)) throw e;
        expectClear(e.message);
        expect(e.line).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: RUNS });
  });

  it('importConfigs', () => {
    fc.assert(fc.property(malformedConfig, (text) => {
      try {
        const { design, warnings } = importConfigs([{ name: 'fuzz.conf', text }, { name: 'app.conf', text: honestConfigs.app }]);
        for (const w of warnings) expectClear(w);
        if (accepted.imported < EXPORTS) exportBoth(design);
        accepted.imported++;
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        expectClear(e.message);
      }
    }), { numRuns: RUNS });
  });

  afterAll(() => {
    console.info(`importer fuzz: ${RUNS} inputs each; accepted design ${accepted.design}, link ${accepted.link}, `
      + `config ${accepted.config} parsed, ${accepted.imported} imported (the first ${EXPORTS} of each exported)`);
  });
});
