import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from './testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'wgd-prove-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());
const fixture = new URL('../engine/__fixtures__/point-to-point.json', import.meta.url).pathname;

describe('prove: bad input and missing prerequisites, one line each, exit 2, nothing started', () => {
  it('a design file that does not exist', async () => {
    const r = await cli('prove', join(dir, 'nope.json'));
    expect(r).toEqual({ code: 2, out: '', err: `wg-designer: cannot read ${join(dir, 'nope.json')}: no such file or folder` });
  });

  it('a design that does not parse, and a folder without design.json', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"format": "wg-designer/1", "hosts": 3}');
    const bad = await cli('prove', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^wg-designer: .*bad\.json is not a valid design:/);
    mkdirSync(join(dir, 'empty'));
    expect(await cli('prove', join(dir, 'empty'))).toMatchObject({
      code: 2, err: `wg-designer: ${join(dir, 'empty')} holds no design.json: give a design file or the folder of an exported bundle`,
    });
  });

  it('a bundle zip: says to unzip it', async () => {
    writeFileSync(join(dir, 'b.zip'), 'PK');
    expect(await cli('prove', join(dir, 'b.zip'))).toEqual({
      code: 2, out: '', err: `wg-designer: ${join(dir, 'b.zip')} is a zip: unzip it (unzip keeps the scripts' modes) and give the folder it holds`,
    });
  });

  it('a JUnit report into a folder that does not exist, before anything runs', async () => {
    const r = await cli('prove', fixture, '--junit', join(dir, 'no-such', 'r.xml'));
    expect(r).toEqual({ code: 2, out: '', err: `wg-designer: cannot write ${join(dir, 'no-such', 'r.xml')}: the folder ${join(dir, 'no-such')} does not exist (create it first)` });
  });

  it('not root', async () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000);
    const r = await cli('prove', fixture);
    expect(r).toEqual({ code: 2, out: '', err: 'wg-designer: prove needs root (it makes network namespaces and TUN devices): run it with sudo' });
  });

  it('missing Debian packages: names them, says how to install, installs nothing', async () => {
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    const path = process.env.PATH;
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    process.env.PATH = bin;
    try {
      const r = await cli('prove', fixture);
      const pkgs = 'diffutils, iproute2, iputils-ping, mawk, netcat-openbsd, nftables, procps, util-linux, wireguard-go, wireguard-tools';
      expect(r).toEqual({ code: 2, out: '', err: `wg-designer: prove needs Debian packages that are missing: ${pkgs} (apt-get install ${pkgs.replace(/, /g, ' ')}, or run prove with --install)` });
    } finally {
      process.env.PATH = path;
    }
  });

  it('--install runs apt-get update and install of exactly the missing packages, and still refuses if they are not there after', async () => {
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    const path = process.env.PATH;
    const bin = join(dir, 'apt-bin');
    const log = join(dir, 'apt.log');
    mkdirSync(bin, { recursive: true });
    // A stand-in apt-get that records its arguments and installs nothing.
    writeFileSync(join(bin, 'apt-get'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n`, { mode: 0o755 });
    process.env.PATH = bin;
    try {
      const r = await cli('prove', fixture, '--install');
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(/^prove: installing diffutils, iproute2, .*wireguard-tools with apt-get$/);
      expect(r.err.split('\n')[1]).toMatch(/^wg-designer: prove needs Debian packages that are missing: /);
      expect(readFileSync(log, 'utf8').split('\n')).toEqual(['update -qq',
        'install -y -qq --no-install-recommends diffutils iproute2 iputils-ping mawk netcat-openbsd nftables procps util-linux wireguard-go wireguard-tools', '']);
    } finally {
      process.env.PATH = path;
    }
  });
});
