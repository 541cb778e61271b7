import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatrixCell } from '../../engine';
import { judgeCell } from './cell-outcome';
import { junitReport } from './junit-report';
import type { ProveReport } from './prove-report';
import { tapReport } from './tap-report';
import { truthTable } from './truth-table';

const XSD = new URL('./__fixtures__/junit.xsd', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wgd-prove-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cell = (from: string, to: string, reachable: boolean, proto: 'tcp' | 'udp' = 'tcp'): MatrixCell => ({
  from, to, port: proto === 'udp' ? 53 : 5432, proto,
  verdict: reachable ? { reachable, path: [from, to], at: to, viaFlow: 'f<1>&"' } : { reachable, path: [from, to], at: to, reason: 'no flow' },
});
const up = { ok: true, detail: 'connected' };
const down = { ok: false, detail: 'timed out after 1 s' };

/** app-1 reaches pg-1 as designed; pg-1 -> app-1 is blocked as designed; app-2 -> pg-1 should reach and does not. */
const report: ProveReport = {
  design: 'orders & "prod"',
  rows: ['app-1', 'app-2', 'pg-1'],
  columns: [{ to: 'pg-1', port: 5432, proto: 'tcp' }, { to: 'app-1', port: 5432, proto: 'tcp' }, { to: 'pg-1', port: 53, proto: 'udp' }],
  outcomes: [
    judgeCell({ cell: cell('app-1', 'pg-1', true), addresses: ['10.10.0.1'], skip: null }, [up]),
    judgeCell({ cell: cell('app-1', 'pg-1', false, 'udp'), addresses: [], skip: 'UDP is not probed' }, []),
    judgeCell({ cell: cell('app-2', 'pg-1', true), addresses: ['10.10.0.1'], skip: null }, [down]),
    judgeCell({ cell: cell('app-2', 'app-1', false), addresses: ['10.10.1.1'], skip: null }, [down]),
    judgeCell({ cell: cell('pg-1', 'app-1', false), addresses: ['10.10.1.1'], skip: null }, [down]),
  ],
  startedAt: new Date('2026-12-07T17:00:00.250Z'),
  seconds: 12.5,
  hostname: 'ci-runner',
};

describe('prove reports', () => {
  it('prints the truth table with a ! on the mismatch, a MISMATCH line naming the host, and a summary', () => {
    const text = truthTable(report);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'from   pg-1:5432  app-1:5432  pg-1:53/udp',
      'app-1  ✓          ·           ?',
      'app-2  !✗         ✗           ·',
      'pg-1   ·          ✗           ·',
    ]);
    expect(text).toContain('MISMATCH app-2 -> pg-1:5432: expected reach (admitted at pg-1 by the rule of flow f<1>&" (path app-2 -> pg-1)), got deny (10.10.0.1: timed out after 1 s); look at pg-1');
    expect(text.split('\n').at(-1)).toBe('prove orders & "prod": 5 cells, 3 as the design says, 1 MISMATCH (look at pg-1), 1 not probed, in 12.5 s');
  });

  it('writes TAP 14: version, plan, ok / not ok with a YAML block, SKIP for cells not probed', () => {
    const lines = tapReport(report).split('\n');
    expect(lines.slice(0, 4)).toEqual(['TAP version 14', '1..5', 'ok 1 - app-1 -> pg-1:5432 reaches', 'ok 2 - app-1 -> pg-1:53/udp is blocked # SKIP UDP is not probed']);
    expect(lines[4]).toBe('not ok 3 - app-2 -> pg-1:5432 reaches');
    expect(lines.slice(5, 12)).toEqual(['  ---', '  expected: reach', '  actual: deny',
      '  why: "admitted at pg-1 by the rule of flow f<1>&\\" (path app-2 -> pg-1)"', '  probes: "10.10.0.1: timed out after 1 s"', '  host: "pg-1"', '  ...']);
    expect(lines.filter((l) => /^(not )?ok \d+ - /.test(l))).toHaveLength(5);
  });

  it('writes JUnit XML that the Apache Ant schema (the one Jenkins and GitLab read) accepts, with the counts', () => {
    const xml = junitReport(report);
    const file = join(dir, 'report.xml');
    writeFileSync(file, xml);
    // xmllint (libxml2-utils, scripts/system-deps.sh) exits non-zero on an invalid document: the test then fails.
    const r = execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r).toBe('');
    expect(xml).toContain('tests="5" failures="1" errors="0" skipped="1" time="12.500"');
    expect(xml).toContain('timestamp="2026-12-07T17:00:00"');
    expect(xml).toContain('<failure type="mismatch" message="expected reach, got deny; look at pg-1">');
    expect(xml).toContain('<testsuite name="prove.orders &amp; &quot;prod&quot;"');
  });

  it('has a schema check that refuses a broken report, so its pass above means something', () => {
    const file = join(dir, 'broken.xml');
    writeFileSync(file, junitReport(report).replace(/ hostname="[^"]*"/, ''));
    expect(() => execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' })).toThrow(/hostname/);
  });
});
