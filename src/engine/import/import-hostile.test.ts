import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../bundle/bundle-files';
import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import { buildPlan } from '../plan/build-plan';
import { ImportError, importConfigs } from './import-configs';

// Well-formed keys (any 32 bytes are a private key; a public key is only checked for shape on import).
const key = (i: number, salt: number) => {
  const b = new Uint8Array(32);
  b[0] = salt;
  b[1] = i & 255;
  b[2] = (i >> 8) & 255;
  b[3] = i >> 16;
  return btoa(String.fromCharCode(...b));
};
const SERVER = key(0, 1);
const PEER = key(1, 3);

function dump(peers: number, mutate: (lines: string[]) => void = () => undefined): string {
  const lines = [['wg0', SERVER, key(0, 2), '51820', 'off'].join('\t')];
  for (let i = 0; i < peers; i++) {
    lines.push(['wg0', key(i, 3), '(none)', '(none)', `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`, '1733560000', '1', '2', 'off'].join('\t'));
  }
  mutate(lines);
  return `${lines.join('\n')}\n`;
}

const conf = (peerLines: string) => `[Interface]\nPrivateKey = ${SERVER}\nAddress = 10.0.0.1/24\nListenPort = 51820\n\n[Peer]\n${peerLines}`;

/** The message of the ImportError `run` throws; fails the test when it throws something else or nothing. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('expected an ImportError');
}

describe('import of hostile input', () => {
  it('imports a dump of 10,000 peers in seconds, reporting them in a few short lines', () => {
    const started = Date.now();
    const { design, warnings, guesses } = importConfigs([{ name: 'big.dump', text: dump(10_000) }]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(design.hosts).toHaveLength(10_001);
    expect(design.hosts.filter((h) => h.dialsIn)).toHaveLength(10_000);
    expect(warnings.length + guesses.length).toBeLessThan(10);
    expect(warnings.join('\n')).toMatch(/big\.dump: 10000 peers \(peer-.+ and 9992 more\) are in no imported file/);
    for (const line of [...warnings, ...guesses]) expect(line.length).toBeLessThan(2_000);
  });

  it.each([
    ['a line with the wrong number of fields', (l: string[]) => l.splice(5_000, 1, 'wg0\tgarbage'), /^big\.dump line 5001: 2 tab-separated columns; wg show all dump prints 5 \(interface\) or 9 \(peer\)$/],
    ['a key of the wrong length', (l: string[]) => l.splice(7_000, 1, (l[7_000] ?? '').replace(/\t[^\t]+=\t/, '\tAAAA=\t')), /^big\.dump line 7001: PublicKey: WireGuard key: expected 44 base64 characters/],
    ['a bad AllowedIPs', (l: string[]) => l.splice(9_000, 1, (l[9_000] ?? '').replace(/10\.\d+\.\d+\.\d+\/32/, '10.0.0.0/33')), /^big\.dump line 9001: AllowedIPs: "10\.0\.0\.0\/33" is not a prefix/],
    ['a repeated peer', (l: string[]) => l.push(l[3] ?? ''), /^big\.dump line 10002: PublicKey: the same key as on line 4$/],
    ['a peer before any interface', (l: string[]) => l.unshift(l[1] ?? ''), /^big\.dump line 1: a peer of wg0 before its interface line$/],
    ['a control character in a field', (l: string[]) => l.splice(2, 1, `${l[2] ?? ''}\u001b[2J`), /^big\.dump line 3: control character U\+001B is not allowed$/],
  ])('refuses a 10,000-peer dump with %s, naming the file and line, and imports none of it', (_, mutate, message) => {
    expect(refusal(() => importConfigs([{ name: 'big.dump', text: dump(10_000, mutate) }]))).toMatch(message);
  });

  it.each([
    ['a line that is not Key = Value', conf(`PublicKey = ${PEER}\nAllowedIPs 10.0.0.2/32\n`), /^x\.conf line 8: "AllowedIPs 10\.0\.0\.2\/32" is not "Key = Value"$/],
    ['a public key one character short', conf(`PublicKey = ${PEER.slice(1)}\nAllowedIPs = 10.0.0.2/32\n`), /^x\.conf line 7: PublicKey: WireGuard key: expected 44 base64 characters ending in "=", got 43/],
    ['a preshared key of the wrong length', conf(`PublicKey = ${PEER}\nPresharedKey = abc=\n`), /^x\.conf line 8: PresharedKey: WireGuard key: expected 44 base64 characters/],
    ['a private key that is not base64', conf(`PublicKey = ${PEER}\n`).replace(SERVER, `${SERVER.slice(0, 42)}!=`), /^x\.conf line 2: PrivateKey: /],
    ['a name with a control character', conf(`PublicKey = ${PEER}\n`).replace('[Peer]', '# Client: lap\u001b]0;owned\u0007top\n[Peer]'), /^x\.conf line 6: control character U\+001B is not allowed$/],
    ['a bad Endpoint', conf(`PublicKey = ${PEER}\nEndpoint = 10.0.0.9\n`), /^x\.conf line 8: Endpoint: /],
  ])('refuses a config with %s, naming the file and line', (_, text, message) => {
    expect(refusal(() => importConfigs([{ name: 'x.conf', text }]))).toMatch(message);
  });

  it('names an --endpoint for a host that is not there, listing the hosts in one short line', () => {
    const message = refusal(() => importConfigs([{ name: 'big.dump', text: dump(10_000) }], 'x', { endpoints: { nope: 'a.example:1' } }));
    expect(message).toMatch(/^endpoint for nope: no such host \(the imported hosts are big, peer-.+ and 9993 more\)$/);
  });

  it('imports nothing when one file of several is bad', () => {
    const good = { name: 'good.conf', text: conf(`PublicKey = ${PEER}\nAllowedIPs = 10.0.0.2/32\n`) };
    expect(refusal(() => importConfigs([good, { name: 'bad.conf', text: '[Interface]\nPrivateKey = nope\n' }]))).toMatch(/^bad\.conf line 2: PrivateKey: /);
  });

  it('refuses a binary file with one clear line', () => {
    const text = String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 256));
    expect(refusal(() => importConfigs([{ name: 'blob.conf', text }]))).toMatch(/^blob\.conf line 1: control character U\+00/);
  });

  it('keeps a bidi override in a name out of every generated file, and shows it visibly in the report', () => {
    const text = conf(`PublicKey = ${PEER}\nAllowedIPs = 10.0.0.2/32\n`).replace('[Peer]', '# Client: anna\u202Ephone\n[Peer]');
    const { design, warnings } = importConfigs([{ name: 'srv.conf', text }], 'x', { endpoints: { srv: 'vpn.example.net:51820' } });
    const phone = design.hosts.find((h) => h.external);
    expect(phone?.name).toBe('anna\u202Ephone');
    expect(phone?.id).toBe('anna-phone');
    expect(warnings.join('\n')).not.toMatch(/\u202E/);
    const files = bundleFiles(buildPlan(completeDesign(design, { random: seededRandom(2), keys: true }).design));
    expect(files.find((f) => f.path === 'external/anna-phone.conf')).toBeDefined();
    // design.json is the design's own data, not a config or script (as bundle-invariants.ts treats it).
    for (const f of files.filter((x) => x.path !== 'design.json')) expect(f.content, f.path).not.toMatch(/\u202E/);
  });
});
