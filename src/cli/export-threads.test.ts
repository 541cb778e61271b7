import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInput } from '../engine/testing/generate-design';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'wgd-export-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export of a design large enough to compress on threads', () => {
  it('writes a zip that holds every host\'s files, with the keys each host was given', async () => {
    const design = join(dir, 'fleet.json');
    writeFileSync(design, JSON.stringify(generateInput({ shape: 'hub-and-spoke', hosts: 1000 })));
    const err: string[] = [];
    const code = await main(['export', design, '-o', join(dir, 'fleet.zip')], () => {}, (s) => err.push(s));
    expect(code, err.join('\n')).toBe(0);
    const files = unzipSync(readFileSync(join(dir, 'fleet.zip')));
    const confs = Object.keys(files).filter((p) => p.endsWith('/wg0.conf'));
    expect(confs).toHaveLength(1000);
    const keys = JSON.parse(readFileSync(join(dir, 'fleet.keys.json'), 'utf8')) as { hosts: Record<string, { privateKey: string }> };
    const text = new TextDecoder().decode(files[confs.find((p) => p.endsWith('/app-948/wg0.conf')) ?? ''] ?? new Uint8Array());
    expect(text).toContain(`PrivateKey = ${keys.hosts['app-948']?.privateKey}`);
    expect(err.join('\n')).toMatch(/wrote .*fleet\.zip: [\d,]+ files for 1000 hosts/);
  }, 120_000);
});
