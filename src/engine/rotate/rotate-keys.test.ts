import { describe, expect, it } from 'vitest';
import { generateKeypair, publicKeyOf, seededRandom } from '../keys';
import type { Design } from '../model/design';
import { fixtureDesign } from '../testing/fixture-design';
import { rotateKeys } from './rotate-keys';

const at = new Date('2026-12-06T10:00:00Z');
const design = fixtureDesign('hub-and-spoke');
const rotation = rotateKeys(design, ['pg-primary'], seededRandom(3), at);
const file = (path: string) => rotation.files.find((f) => f.path === path)?.content ?? '';
const host = (d: typeof design, id: string) => d.hosts.find((h) => h.id === id);
const tunnelsOf = (id: string) => design.tunnels.filter((t) => t.a === id || t.b === id);

describe('rotateKeys', () => {
  it('writes the five scripts and the final wg0.conf for each affected host, numbered by step', () => {
    const paths = rotation.files.map((f) => f.path);
    for (const id of ['hub', 'pg-primary']) {
      for (const s of ['1-stage-new-keys.sh', '2-schedule-cut-over.sh', '3-finish.sh', 'cut-over.sh', 'cancel.sh', 'wg0.conf']) {
        expect(paths, `${id} ${s}`).toContain(`${id}/rotate/${s}`);
      }
    }
    const affected = new Set(paths.filter((p) => p.includes('/')).map((p) => p.split('/')[0]));
    expect([...affected].sort()).toEqual(['hub', 'pg-primary']);
  });

  it('gives the host a new keypair and each of its tunnels a new preshared key; nothing else changes', () => {
    expect(host(rotation.design, 'pg-primary')?.privateKey).not.toBe(host(design, 'pg-primary')?.privateKey);
    expect(host(rotation.design, 'hub')).toEqual(host(design, 'hub'));
    expect(rotation.tunnels).toEqual(tunnelsOf('pg-primary').map((t) => t.id));
    for (const t of rotation.design.tunnels) {
      const old = design.tunnels.find((o) => o.id === t.id);
      expect(t.presharedKey === old?.presharedKey, t.id).toBe(!rotation.tunnels.includes(t.id));
    }
  });

  it('keeps the new private key in its own folder\'s wg0.conf only', () => {
    const key = host(rotation.design, 'pg-primary')?.privateKey as string;
    expect(rotation.files.filter((f) => f.content.includes(key)).map((f) => f.path)).toEqual(['pg-primary/rotate/wg0.conf']);
  });

  it('stages the new key with the new PSK and no AllowedIPs or keepalive on each peer', () => {
    const stage = file('hub/rotate/1-stage-new-keys.sh');
    const newPub = host(rotation.design, 'pg-primary')?.publicKey as string;
    const psk = rotation.design.tunnels.find((t) => t.id === rotation.tunnels[0])?.presharedKey as string;
    expect(stage).toContain(`wg set wg0 peer '${newPub}' preshared-key <(printf '%s\\n' '${psk}') endpoint '203.0.113.10:51820'`);
    expect(stage).not.toMatch(/allowed-ips|persistent-keepalive/);
  });

  it('cuts over and kicks in one wg set (key, PSKs, AllowedIPs moved, old entry removed, one side 0 -> 1 -> design value)', () => {
    const newPub = host(rotation.design, 'pg-primary')?.publicKey as string;
    const oldPub = host(design, 'pg-primary')?.publicKey as string;
    const hub = file('hub/rotate/cut-over.sh');
    const k = reEscape(newPub);
    expect(hub).toMatch(new RegExp(`^wg set wg0 \\\\\\n  peer '${k}' allowed-ips '[^']+' persistent-keepalive 0 peer '${reEscape(oldPub)}' remove \\\\\\n  peer '${k}' persistent-keepalive 1 peer '${k}' persistent-keepalive off$`, 'm'));
    expect(hub.match(/^wg set /gm)).toHaveLength(1);
    // Both ends can dial each other: the one whose id sorts first kicks, and retries with a fresh entry in one call.
    expect(hub).toMatch(new RegExp(`since_t '${k}' \\|\\| \\{.*wg set wg0 peer '${k}' remove peer '${k}' allowed-ips '[^']+' endpoint '203\\.0\\.113\\.10:51820' preshared-key <\\(printf [^)]+\\) persistent-keepalive 1 peer '${k}' persistent-keepalive off; \\}`));
    const pg = file('pg-primary/rotate/cut-over.sh');
    expect(pg).toContain('private-key <(private_key)');
    expect(pg.match(/^wg set /gm)).toHaveLength(1);
    expect(pg).not.toContain('persistent-keepalive 1');
  });

  it('wakes at T with no fork but sleep and wg: the sleep is measured afresh a second before, on bash\'s own clock', () => {
    const pg = file('pg-primary/rotate/cut-over.sh');
    const wake = pg.slice(pg.indexOf('sleep_until $((t - 1000000000))'), pg.indexOf('now_ns; cut_ns=$now'));
    expect(wake).toMatch(/^sleep_until \$\(\(t - 1000000000\)\)\nsleep_until "\$t"\nnow_ns; woke_ns=\$now\nwg set wg0 /);
    expect(pg).toContain('now_ns() { if [ -n "${EPOCHREALTIME:-}" ]; then now=${EPOCHREALTIME/[.,]/}000; else now=$(date +%s%N); fi; }');
    expect(pg).toContain("printf -v frac '%09d'");
    // The time it cut over is written after the kicks, off the critical path.
    expect(pg.indexOf('echo "cut over at')).toBeGreaterThan(pg.indexOf('now_ns; cut_ns=$now'));
  });

  it('writes T into the README and every step 2 and 3, which take --at', () => {
    expect(file('README.md')).toContain('**2026-12-06T10:00:00Z**');
    expect(file('README.md')).toMatch(/1\. hub\n2\. pg-primary/);
    for (const id of ['hub', 'pg-primary']) {
      expect(file(`${id}/rotate/2-schedule-cut-over.sh`)).toContain("at='2026-12-06T10:00:00Z'");
      expect(file(`${id}/rotate/2-schedule-cut-over.sh`)).toContain('setsid nohup bash ./cut-over.sh "$at" >cut-over.log 2>&1 </dev/null &');
      expect(file(`${id}/rotate/3-finish.sh`)).toContain("at='2026-12-06T10:00:00Z'");
    }
  });

  it('step 3 keeps no copy of the old config and wipes the folder\'s secrets; cancel goes back to /etc', () => {
    const finish = file('pg-primary/rotate/3-finish.sh');
    expect(finish).not.toContain('before-rotation /');
    expect(finish).toContain('shred -u');
    expect(finish).toContain(`[ "$(wg show wg0 public-key)" = '${host(rotation.design, 'pg-primary')?.publicKey ?? ''}' ] || cut=no`);
    expect(finish).toContain('wipe wg0.conf 1-stage-new-keys.sh cut-over.sh');
    expect(file('hub/rotate/cancel.sh')).toContain('wg syncconf wg0 <(wg-quick strip /etc/wireguard/wg0.conf)');
  });

  it('refuses unknown, external and key-custody hosts with a clear message', () => {
    const custody = { ...design, hosts: design.hosts.map((h) => (h.id === 'hub' ? { ...h, privateKey: null } : h)) };
    expect(() => rotateKeys(custody, ['hub'], seededRandom(1), at)).toThrow(/hub keeps its own private key/);
    expect(() => rotateKeys(design, ['nope'], seededRandom(1), at)).toThrow(/no host has the id "nope"/);
    const own = { ...design, hosts: design.hosts.map((h) => (h.id === 'hub' ? { ...h, keys: 'host' as const, privateKey: null } : h)) };
    expect(() => rotateKeys(own, ['hub'], seededRandom(1), at)).toThrow(/hub keeps its own private key \("keys": "host"\).*run next-key\.sh.*--host hub --public-key <KEY>/);
  });
});

describe('rotateKeys, a host in host custody', () => {
  const own: Design = { ...design, hosts: design.hosts.map((h) => (h.id === 'pg-primary' ? { ...h, keys: 'host' as const, privateKey: null } : h)) };
  const next = publicKeyOf(generateKeypair(seededRandom(9)).privateKey);
  const r = rotateKeys(own, ['pg-primary', 'hub'], seededRandom(4), at, new Map([['pg-primary', next]]));
  const f = (path: string) => r.files.find((x) => x.path === path)?.content ?? '';

  it('takes the public key next-key.sh printed; the design learns no private key for it', () => {
    expect(host(r.design, 'pg-primary')).toMatchObject({ publicKey: next, privateKey: null });
    expect(host(r.design, 'hub')?.privateKey).not.toBe(host(design, 'hub')?.privateKey);
  });

  it('cuts over to the key file on the host, checked in every step against the key given', () => {
    const check = `if [ ! -s /etc/wireguard/wg0.key.next ] || [ "$(wg pubkey < /etc/wireguard/wg0.key.next 2>/dev/null)" != '${next}' ]; then`;
    for (const s of ['1-stage-new-keys.sh', '2-schedule-cut-over.sh', 'cut-over.sh', '3-finish.sh']) expect(f(`pg-primary/rotate/${s}`), s).toContain(check);
    expect(f('pg-primary/rotate/cut-over.sh')).toContain('wg set wg0 \\\n  private-key /etc/wireguard/wg0.key.next');
    expect(f('pg-primary/rotate/cut-over.sh')).not.toContain('private_key');
    expect(f('hub/rotate/cut-over.sh')).toContain('private-key <(private_key)');
    expect(f('pg-primary/rotate/wg0.conf')).not.toMatch(/^PrivateKey/m);
  });

  it('step 3 moves the next key into wg0.key and writes it into the final wg0.conf without a command line', () => {
    const finish = f('pg-primary/rotate/3-finish.sh');
    expect(finish).toContain('mv -f /etc/wireguard/wg0.key.next "$keyfile"');
    expect(finish).toContain('wipe "$keyfile.old"');
    expect(finish).toContain('key=$(<"$keyfile")');
    expect(finish).not.toMatch(/awk|cat "\$keyfile"/);
  });

  it('says so in the README, and no file holds a private key of that host', () => {
    expect(f('README.md')).toContain('pg-primary keeps its own key');
    const ownKeys = r.files.filter((x) => x.path.startsWith('pg-primary/')).map((x) => x.content).join('\n');
    expect(ownKeys).not.toMatch(/PrivateKey = [A-Za-z0-9+/]{43}=/);
    expect(ownKeys).not.toContain('private_key()');
  });

  it('refuses a next key that is missing, malformed, in use, another host\'s, or given for a bundle-custody host', () => {
    const rot = (keys: [string, string][], ids = ['pg-primary']) => () => rotateKeys(own, ids, seededRandom(1), at, new Map(keys));
    expect(rot([])).toThrow(/pg-primary keeps its own private key.*next-key\.sh/);
    expect(rot([['pg-primary', 'not-a-key']])).toThrow(/next public key of pg-primary is not a WireGuard public key/);
    expect(rot([['pg-primary', pub(own, 'pg-primary')]])).toThrow(/is the key it uses now/);
    expect(rot([['pg-primary', pub(own, 'hub')]])).toThrow(/is the public key of host hub/);
    const other = publicKeyOf(generateKeypair(seededRandom(10)).privateKey);
    expect(rot([['pg-primary', next], ['hub', other]], ['pg-primary', 'hub'])).toThrow(/hub is in "bundle" custody/);
    const two = { ...own, hosts: own.hosts.map((h) => (h.id === 'app-1' ? { ...h, keys: 'host' as const, privateKey: null } : h)) };
    expect(() => rotateKeys(two, ['pg-primary', 'app-1'], seededRandom(1), at, new Map([['pg-primary', next], ['app-1', next]]))).toThrow(/same next public key is given for pg-primary and app-1/);
    expect(rot([['pg-primary', next], ['app-1', other]])).toThrow(/given for app-1, which is not being rotated/);
  });
});

const pub = (d: Design, id: string) => d.hosts.find((h) => h.id === id)?.publicKey ?? '';

function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
