import { cellName } from './cell-outcome';
import type { CellOutcome } from './cell-outcome';
import { mismatches } from './prove-report';
import type { ProveReport } from './prove-report';
import { summary } from './truth-table';

/** XML text and attribute escaping; characters XML 1.0 cannot hold at all (controls) become U+FFFD. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The Ant schema's timestamp: ISO 8601 without a zone or fraction (UTC here). */
const antTimestamp = (d: Date) => d.toISOString().slice(0, 19);

function testcase(o: CellOutcome, design: string): string {
  const name = `${cellName(o.cell)} ${o.expected === 'reach' ? 'reaches' : 'is blocked'}`;
  const open = `    <testcase name="${xmlEscape(name)}" classname="${xmlEscape(`prove.${design}.${o.cell.from}`)}" time="0">`;
  if (o.actual === 'skipped') return `${open}<skipped message="${xmlEscape(o.detail)}"/></testcase>`;
  if (o.ok) return `${open}</testcase>`;
  const message = `expected ${o.expected}, got ${o.actual}; look at ${o.host ?? '?'}`;
  const body = `engine: ${o.why}\nprobes: ${o.detail}`;
  return `${open}<failure type="mismatch" message="${xmlEscape(message)}">${xmlEscape(body)}</failure></testcase>`;
}

/**
 * JUnit XML as the Apache Ant schema has it (the one Jenkins, GitLab CI and the GitHub test-report actions read):
 * one `<testsuites>` with one `<testsuite>` per design (its required `id`, `package`, `hostname`, `timestamp`,
 * `properties`, `system-out`, `system-err`), one `<testcase>` per cell, a `<failure>` for each mismatch and
 * `<skipped>` for each cell not probed.
 */
export function junitReport(r: ProveReport): string {
  const skipped = r.outcomes.filter((o) => o.actual === 'skipped').length;
  const failures = mismatches(r).length;
  const suite = [
    `  <testsuite name="${xmlEscape(`prove.${r.design}`)}" package="wg-designer" id="0" hostname="${xmlEscape(r.hostname || 'localhost')}"`
      + ` timestamp="${antTimestamp(r.startedAt)}" tests="${r.outcomes.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${r.seconds.toFixed(3)}">`,
    `    <properties><property name="design" value="${xmlEscape(r.design)}"/></properties>`,
    ...r.outcomes.map((o) => testcase(o, r.design)),
    `    <system-out>${xmlEscape(summary(r))}</system-out>`,
    '    <system-err></system-err>',
    '  </testsuite>',
  ];
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', ...suite, '</testsuites>', ''].join('\n');
}
