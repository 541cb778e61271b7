import { describe, expect, it } from 'vitest';
import { seededRandom } from '../keys';
import { parsed } from '../testing/fixture-design';
import { exportBundle, prepareExport, writeBundleZip } from './export-bundle';
import type { BundleFile } from './bundle-files';

describe('prepareExport + writeBundleZip (the CLI streams its zip)', () => {
  it.each(['hub-and-spoke', 'site-to-site', 'mesh-3', 'primary-replica'])('writes the bytes exportBundle zips, chunk by chunk (%s)', async (name) => {
    const whole = await exportBundle(parsed(name), seededRandom(3));
    const prepared = await prepareExport(parsed(name), seededRandom(3));
    const chunks: Uint8Array[] = [];
    const written = writeBundleZip(prepared, (c) => chunks.push(c));
    expect(Buffer.compare(Buffer.concat(chunks), whole.zip)).toBe(0);
    expect(written).toEqual({ files: whole.files.length, bytes: whole.zip.length });
    // Several chunks per file (header, data): nothing waited for the whole bundle.
    expect(chunks.length).toBeGreaterThan(2 * whole.files.length);
  });

  it('renders each file as the zip asks for it: never more than one file made and not yet written', async () => {
    const prepared = await prepareExport(parsed('hub-and-spoke'), seededRandom(4));
    let made = 0;
    let written = 0;
    let most = 0;
    const traced = {
      ...prepared,
      *files(): Generator<BundleFile> {
        for (const f of prepared.files()) {
          made++;
          most = Math.max(most, made - written);
          yield f;
        }
      },
    };
    // A local file header starts with PK\x03\x04: one per file written.
    const isHeader = (c: Uint8Array) => c[0] === 0x50 && c[1] === 0x4b && c[2] === 3 && c[3] === 4;
    writeBundleZip(traced, (c) => { if (isHeader(c)) written++; });
    expect(made).toBeGreaterThan(20);
    expect(written).toBe(made);
    expect(most).toBe(1);
  });
});
