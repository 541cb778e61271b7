import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INSTALL_SCRIPT } from './deploy-host';

describe('the script each host installs under', () => {
  it('passes shellcheck and takes every path as an argument, none in its text', () => {
    // shellcheck (scripts/system-deps.sh) exits non-zero on any finding: the test then fails with its report.
    expect(execFileSync('shellcheck', ['-s', 'sh', '-'], { input: INSTALL_SCRIPT, encoding: 'utf8' })).toBe('');
    expect(INSTALL_SCRIPT).not.toMatch(/\/tmp|wgd-prove-|\$\{/);
    expect(INSTALL_SCRIPT).toContain('upperdir=$2/upper,workdir=$2/work" /etc');
  });
});
