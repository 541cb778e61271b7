import { completeDesign, plural, seededRandom, validateDesign } from '../../engine';
import type { Finding } from '../../engine';
import { loadDesign } from '../load-design';

/** `validate design.json [--json]`: prints the findings; exit code 1 when any is an error. */
export function runValidate(path: string, json: boolean, out: (s: string) => void): number {
  const design = loadDesign(path);
  // Validation needs addresses but no real keys: completion without keys allocates only.
  const complete = completeDesign(design, { random: seededRandom(0), keys: false }).design;
  const findings = validateDesign(complete);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const summary = { errors: count('error'), warnings: count('warning'), info: count('info') };
  if (json) {
    out(JSON.stringify({ design: design.name, ok: summary.errors === 0, summary, findings }, null, 2));
  } else {
    for (const f of findings) out(`${f.severity.toUpperCase().padEnd(7)} ${f.code}: ${f.message}${f.fix ? `\n        fix: ${f.fix.label}` : ''}`);
    out(`${path}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.info} info`);
  }
  return summary.errors > 0 ? 1 : 0;
}
