import { describe, expect, it } from 'vitest';
import type { HostPlan } from '../plan/types';
import { EXIT_NOT_ENROLLED, installKeyLines } from './install-key';

const PUB = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
type Keys = Partial<Pick<HostPlan, 'privateKey' | 'publicKey'>>;
const plan = (keys: Keys) => ({ id: 'pg-1', privateKey: null, publicKey: null, ...keys }) as unknown as HostPlan;
const text = (host: Keys, custody: 'bundle' | 'host') => installKeyLines(plan(host), custody).join('\n');

describe('installKeyLines', () => {
  it('bundle custody: compares the public key of wg0.conf\'s PrivateKey with the design\'s before anything changes', () => {
    const t = text({ privateKey: PUB, publicKey: PUB }, 'bundle');
    expect(t).toContain(`expected='${PUB}'`);
    expect(t).toContain('| wg pubkey');
    expect(t).toContain('the first 8 characters of each public key');
    expect(t).not.toContain('wg genkey');
  });

  it('host custody: makes the key file when missing, prints the enroll line, and stops with 3 until enrolled', () => {
    const t = text({}, 'host');
    expect(t).toContain("expected=''");
    expect(t).toContain('umask 077 && wg genkey > "$keyfile.new"');
    expect(t).toContain('echo "enroll: pg-1 $pub"');
    expect(t).toContain('wg-designer enroll design.json --host pg-1 --public-key $pub');
    expect(t).toContain(`exit ${EXIT_NOT_ENROLLED}`);
    expect(text({ publicKey: PUB }, 'host')).toContain('--replace');
  });

  it('bundle custody with a lost private key takes the key file but never makes one', () => {
    const t = text({ publicKey: PUB }, 'bundle');
    expect(t).toContain('[ -s "$keyfile" ] || fail');
    expect(t).not.toContain('wg genkey');
  });

  it('refuses to embed a public key that is not WireGuard base64', () => {
    expect(() => text({ publicKey: "x'; rm -rf / #" }, 'host')).toThrow(/not WireGuard base64/);
  });
});
