import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateKeypair, seededRandom } from '../keys';
import type { Design } from '../model/design';
import { parsed } from '../testing/fixture-design';
import { exportBundle } from './export-bundle';

// A WireGuard key's text, standing alone: 43 base64 digits and "=", not inside a longer base64 run.
const KEY_TOKEN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=/g;

/** hub-and-spoke with every host in host custody, each enrolled; the first also still holds a private key. */
function enrolledDesign(): { design: Design; held: string } {
  const d = parsed('hub-and-spoke');
  const pairs = d.hosts.map((_, i) => generateKeypair(seededRandom(100 + i)));
  const hosts = d.hosts.map((h, i) => ({ ...h, keys: 'host' as const, publicKey: pairs[i]?.publicKey ?? null, privateKey: i === 0 ? pairs[0]?.privateKey ?? null : null }));
  return { design: { ...d, network: { ...d.network, presharedKeys: true }, hosts }, held: pairs[0]?.privateKey as string };
}

describe('export of a design in host custody', () => {
  it.each([
    ['', {}],
    [' with networkd and cloud-init', { hostSetups: ['networkd', 'cloud-init'] as const }],
  ])('holds no private or preshared key in any file of the zip%s: the only keys are the design\'s public keys', async (_, options) => {
    const { design, held } = enrolledDesign();
    const r = await exportBundle(design, seededRandom(1), options);
    expect(r.files.some((f) => f.path.endsWith('/cloud-init/user-data'))).toBe('hostSetups' in options);
    const allowed = new Set(design.hosts.map((h) => h.publicKey));
    const zip = await JSZip.loadAsync(r.zip);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names.length).toBe(r.files.length);
    const seen = new Set<string>();
    for (const name of names) {
      const text = (await zip.file(name)?.async('string')) ?? '';
      for (const token of text.match(KEY_TOKEN) ?? []) {
        expect(allowed.has(token), `${name} holds ${token}, which is no host's public key`).toBe(true);
        seen.add(token);
      }
      expect(text, name).not.toContain(held);
      expect(text, name).not.toMatch(/^\s*(PrivateKey|PresharedKey)\s*=/m);
    }
    // The scan did look at keys: every host's public key reaches some peer.
    expect(seen).toEqual(allowed);
    expect(r.completion.generatedKeys).toEqual([]);
    expect(r.completion.generatedPresharedKeys).toEqual([]);
  });

  it('would catch a private key: the same design in bundle custody ships tokens that are no public key', async () => {
    const { design } = enrolledDesign();
    const bundled = { ...design, hosts: design.hosts.map((h) => ({ ...h, keys: 'bundle' as const })) };
    const r = await exportBundle(bundled, seededRandom(1));
    const allowed = new Set(design.hosts.map((h) => h.publicKey));
    const tokens = r.files.flatMap((f) => f.content.match(KEY_TOKEN) ?? []);
    expect(tokens.some((t) => !allowed.has(t))).toBe(true);
  });

  it('says that a private key the design held was left out, and why the tunnels have no preshared key', async () => {
    const { design } = enrolledDesign();
    const r = await exportBundle(design, seededRandom(1));
    const codes = r.findings.map((f) => f.code);
    expect(r.findings.filter((f) => f.code === 'private-key-host-custody').map((f) => f.subjects.hosts)).toEqual([[design.hosts[0]?.id]]);
    expect(codes).toContain('psk-host-custody');
    expect(codes).not.toContain('psk-missing');
    expect(r.files.find((f) => f.path === 'README.md')?.content).toContain('private-key-host-custody');
  });
});
