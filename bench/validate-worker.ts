// Bundled by bench/validate-figures.ts and run as a dedicated Web Worker in headless Chromium: the designer's engine
// worker's own analysis (analyseDesign: plan + every rule, with the validation context the worker keeps for its
// life), timed on a generated design after a warm-up. One worker per case, so each has a heap of its own, as the
// designer's worker holds one design.
import { generateDesign } from '../src/engine/testing/generate-design';
import type { GeneratedShape } from '../src/engine/testing/generate-design';
import { analyseDesign } from '../src/engine/worker/analyse-design';
import { newValidationContext } from '../src/engine/validate/validation-context';
import { warmUpValidation } from './validate-warmup';

/** What the page asks: one case. */
export interface ValidateCase { shape: GeneratedShape; hosts: number; warmup: number; runs: number }

self.onmessage = (event: MessageEvent<ValidateCase>) => {
  const { shape, hosts, warmup, runs } = event.data;
  warmUpValidation(['hub-and-spoke', 'routed-sites', 'full-mesh']);
  const design = generateDesign({ shape, hosts });
  const validation = newValidationContext();
  for (let i = 0; i < warmup; i++) analyseDesign(design, validation);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const { findings } = analyseDesign(design, validation);
    ms.push(performance.now() - t);
    if (findings.some((f) => f.severity === 'error')) throw new Error(`${shape} ${hosts}: ${findings[0]?.message ?? ''}`);
  }
  postMessage(ms);
};
