import { cellName } from './cell-outcome';
import type { ProveReport } from './prove-report';

/** YAML's double-quoted scalar: JSON's escaping is a subset of it. */
const yamlString = (s: string) => JSON.stringify(s);

/**
 * TAP version 14 (testanything.org): the plan, then one `ok`/`not ok` line per cell, a skipped cell as
 * `ok ... # SKIP why`, and under each failure a YAML block with what was expected and seen and the host to look at.
 */
export function tapReport(r: ProveReport): string {
  const lines = ['TAP version 14', `1..${r.outcomes.length}`];
  r.outcomes.forEach((o, i) => {
    const name = `${cellName(o.cell)} ${o.expected === 'reach' ? 'reaches' : 'is blocked'}`.replace(/#/g, '\\#');
    if (o.actual === 'skipped') {
      lines.push(`ok ${i + 1} - ${name} # SKIP ${o.detail}`);
      return;
    }
    lines.push(`${o.ok ? 'ok' : 'not ok'} ${i + 1} - ${name}`);
    if (!o.ok) {
      lines.push('  ---', `  expected: ${o.expected}`, `  actual: ${o.actual}`, `  why: ${yamlString(o.why)}`,
        `  probes: ${yamlString(o.detail)}`, `  host: ${yamlString(o.host ?? '')}`, '  ...');
    }
  });
  return lines.join('\n');
}
