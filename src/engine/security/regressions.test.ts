import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importConfigs, ImportError } from '../import/import-configs';
import { ConfigParseError, parseWgQuick } from '../import/wg-quick-parse';
import { formatFieldError, parseDesignText } from '../model/parse-design';
import { commentText } from '../render/safe-text';
import { encodeBase64Url } from '../share/base64url';
import { decodeShareFragment, MAX_SHARE_CHARS, MAX_SHARE_INFLATED, SHARE_PREFIX } from '../share/share-link';
import { designText, setPath } from '../testing/adversarial-base';
import { honestConfigs } from '../testing/adversarial-mutations';
import { exportBoth } from '../testing/adversarial-pipeline';

/** One test per defect the adversarial corpus and the property tests found (issue 8). */
describe('security regressions', () => {
  it('commentText drops lone surrogates and never cuts a surrogate pair in half', () => {
    expect(commentText('db\uD800x\uDC00y')).toBe('db x y');
    const cut = commentText(`${'a'.repeat(118)}${'\u{1F600}'.repeat(40)}`);
    expect(cut).toBe(`${'a'.repeat(118)}\u{1F600}…`);
    expect(cut).not.toMatch(/\p{Cs}/u);
  });

  it('commentText always gives one well-formed line of the safe alphabet, at most 120 code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      const c = commentText(text);
      expect(c).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Co}\p{Cn}"'`\\$;|&<>{}]/u);
      expect(Array.from(c).length).toBeLessThanOrEqual(120);
    }), { numRuns: 2000 });
  });

  it('a JSON syntax error shows the input around it visibly, on one line', () => {
    // V8 quotes the text around an unexpected token: here an ESC sequence and a newline.
    const r = parseDesignText('{"name": \u001b[2J\nPostUp = x}');
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : formatFieldError(r.errors[0] ?? { path: '', message: '' });
    expect(message).toMatch(/^not valid JSON: /);
    expect(message).not.toMatch(/\p{Cc}/u);
    expect(message).toContain('\\u{1b}');
    // A BOM before the JSON is not part of it (read as intended); one inside it is shown visibly.
    expect(parseDesignText('\uFEFF{}')).toEqual(parseDesignText('{}'));
    const bom = parseDesignText('{"name": \uFEFF1}');
    expect(bom.ok ? '' : bom.errors[0]?.message).toContain('\\u{feff}');
  });

  it('a config error shows invisible characters, so Post\\u200bUp cannot pass for PostUp', () => {
    const e = (() => {
      try {
        parseWgQuick('[Interface]\nPost\u200BUp = touch x\n', 'hub\u202E.conf');
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(ConfigParseError);
    expect((e as Error).message).toBe('hub\\u{202e}.conf line 2: Post\\u{200b}Up: unknown key in [Interface]');
  });

  it('import errors and warnings show a hostile file name on one line', () => {
    expect(() => importConfigs([{ name: 'x\nPostUp = y.conf', text: '' }])).toThrow(ImportError);
    expect(() => importConfigs([{ name: 'x\nPostUp = y.conf', text: '' }])).toThrow(/^x\\u\{a\}PostUp = y\.conf: no \[Interface\] section$/);
    const hooked = honestConfigs.hub.replace('MTU = 1420', 'MTU = 1420\nPostUp = touch /x');
    const { warnings } = importConfigs([{ name: 'h\u2028ub.conf', text: hooked }, { name: 'app.conf', text: honestConfigs.app }]);
    expect(warnings.join(' ')).toContain('h\\u{2028}ub.conf: PostUp not kept (touch /x)');
  });

  it('a share link that unpacks past the limit is refused as too large, before it is unpacked whole', () => {
    // All zeros deflate about 1000:1: this 87 KB link unpacks to 64 MiB (one at the length limit, to ~150 MB).
    const bomb = SHARE_PREFIX + encodeBase64Url(deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    const before = process.memoryUsage().arrayBuffers;
    const r = decodeShareFragment(bomb);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(r).toEqual({ ok: false, errors: [{ path: '', message: expect.stringMatching(new RegExp(`unpacks to more than ${MAX_SHARE_INFLATED} bytes`)) as unknown }] });
    // Unpacked in 1 KiB steps, it stops soon after the 8 MiB limit: about 30 MiB allocated, garbage included, where
    // unpacking whole held all 64 MiB at once (~130 MiB allocated). A garbage collection can only lower the figure.
    expect(grown).toBeLessThan(48 * 1024 * 1024);
  });

  it('a peer whose public key is not known is written commented out, since wg refuses a [Peer] without one', () => {
    const r = parseDesignText(designText((d) => setPath(d, ['hosts', 4, 'publicKey'], null)));
    if (!r.ok) throw new Error('a keyless external peer is a valid design');
    const hub = exportBoth(r.value).bundles.nftables.find((f) => f.path === 'hub/wg0.conf')?.content ?? '';
    expect(hub).toMatch(/^# Peer partner \(tunnel t-hub-partner\)\n# PublicKey of partner is not known yet: .*\n# \[Peer\]\n# PresharedKey = .*\n# AllowedIPs = 10\.10\.3\.50\/32$/m);
    // The other peers stay live, so the hub's tunnels come up.
    expect(parseWgQuick(hub).peers.map((p) => p.comment).sort()).toEqual(['Peer app-1 (tunnel t-hub-app-1)', 'Peer pg-1 (tunnel t-hub-pg-1)', 'Peer pg-2 (tunnel t-hub-pg-2)']);
  });

  it('a peer with no AllowedIPs gets no empty AllowedIPs line, which wg refuses', () => {
    const r = parseDesignText(designText((d) => setPath(d, ['tunnels', 2, 'allowedIPs'], { ab: [], ba: [] })));
    if (!r.ok) throw new Error('explicitly empty AllowedIPs are a valid design');
    for (const f of exportBoth(r.value).bundles.nftables.filter((x) => x.path.endsWith('wg0.conf'))) {
      expect(f.content, f.path).not.toMatch(/^AllowedIPs =\s*$/m);
      expect(() => parseWgQuick(f.content, f.path)).not.toThrow();
    }
  });

  it('check.sh exits with at most 125, so 256 failures cannot read as success', () => {
    const r = parseDesignText(designText(() => undefined));
    if (!r.ok) throw new Error('the base design parses');
    const check = exportBoth(r.value).bundles.nftables.find((f) => f.path === 'app-1/check.sh')?.content ?? '';
    expect(check.trimEnd().split('\n').at(-1)).toBe('exit "$((fails > 125 ? 125 : fails))"');
  });

  it('no iptables parameter reaches the 1024 characters iptables-restore refuses', () => {
    const r = parseDesignText(designText((d) => setPath(d, ['hosts', 3, 'addresses'],
      Array.from({ length: 256 }, (_, i) => `fd10:10:ffff:ffff:ffff:ffff:ffff:${i.toString(16)}/128`))));
    if (!r.ok) throw new Error(r.errors.map(formatFieldError).join('; '));
    const files = exportBoth(r.value).bundles.iptables.filter((f) => /firewall\.ip6?tables$/.test(f.path));
    const params = files.flatMap((f) => f.content.split('\n')).flatMap((l) => l.split(' '));
    expect(Math.max(...params.map((p) => p.length))).toBeLessThan(1024);
    expect(files.some((f) => f.path === 'pg-1/firewall.ip6tables' && /-s (fd10:10:ffff:[^,]+,){15}fd10:10:ffff:\S+ -d /.test(f.content))).toBe(true);
  });

  it('the underlay MTU floor keeps every tunnel MTU at or above 576, which the importer reads back', () => {
    const at = (mtu: number) => parseDesignText(designText((d) => {
      setPath(d, ['hosts', 2, 'underlay'], { mtu, family: 'ipv6' });
    }));
    const low = at(655);
    expect(low.ok).toBe(false);
    if (!low.ok) expect(low.errors.map(formatFieldError).join('; ')).toMatch(/hosts\[2\] \(pg-2\)\.underlay\.mtu: underlay MTU must be between 656 and 65535 bytes: \d+ is too small/);
    const floor = at(656);
    if (!floor.ok) throw new Error('656 must be accepted');
    const configs = exportBoth(floor.value).bundles.nftables.filter((f) => /^[a-z0-9-]+\/wg0\.conf$/.test(f.path));
    expect(configs.find((f) => f.path === 'pg-2/wg0.conf')?.content).toMatch(/^MTU = 576$/m);
    expect(() => importConfigs(configs.map((f) => ({ name: f.path, text: f.content })))).not.toThrow();
  });
});
