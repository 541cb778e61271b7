import { describe, expect, it } from 'vitest';
import { importConfigs } from './import-configs';

// Key pairs from wg genkey | wg pubkey (test fixture: these keys protect nothing).
const A_PRIV = 'YIh31Zdp+nXDMe5P/GLTvAqmWBCF5sOYdOrm3MXrvnA=';
const A_PUB = 'X3yokWD1Xfb7J5xeJfwm8YMksnyjs6XKnBi0Kj6eEgs=';
const B_PRIV = '8CmMcvYFzbQMUEzKw+trMS4nChgaSgU5cCn+pgoFOkM=';
const B_PUB = 'XNHM4f8haUsNCvjAE+PSFrHVhjxSr4dQzShUJlYtu1M=';
const C_PRIV = 'gBAIelQp4zd155vmuabF1g5MxfyJG2zfHj09PxYJImE=';

const side = (priv: string, ip: string, port: number, peer: string, peerIp: string, extra: string) =>
  `[Interface]\nPrivateKey = ${priv}\nAddress = ${ip}/32\nListenPort = ${port}\n\n[Peer]\nPublicKey = ${peer}\nAllowedIPs = ${peerIp}/32\n${extra}`;

describe('the import report', () => {
  it('says what wg will hold differently: a keepalive on one side of a tunnel whose ends are both dialled', () => {
    const { warnings } = importConfigs([
      { name: 'a.conf', text: side(A_PRIV, '10.0.0.1', 51820, B_PUB, '10.0.0.2', 'Endpoint = b.example.net:51820\nPersistentKeepalive = 25\n') },
      { name: 'b.conf', text: side(B_PRIV, '10.0.0.2', 51820, A_PUB, '10.0.0.1', 'Endpoint = a.example.net:51820\n') },
    ]);
    expect(warnings).toContain('b.conf: PersistentKeepalive to a will be 25 (was off): a tunnel has one keepalive, sent by the sides that need it or by both when both are dialled');
    expect(warnings.filter((w) => w.startsWith('a.conf: PersistentKeepalive'))).toEqual([]);
  });

  it('says when a peer gains an Endpoint another file gives, and reports nothing when all is kept', () => {
    const gains = importConfigs([
      { name: 'a.conf', text: side(A_PRIV, '10.0.0.1', 51820, B_PUB, '10.0.0.2', '') },
      { name: 'b.conf', text: side(B_PRIV, '10.0.0.2', 51820, A_PUB, '10.0.0.1', 'Endpoint = a.example.net:51820\n') },
      { name: 'c.conf', text: `[Interface]\nPrivateKey = ${C_PRIV}\nAddress = 10.0.0.3/32\n\n[Peer]\nPublicKey = ${B_PUB}\nEndpoint = b.example.net:51820\nAllowedIPs = 10.0.0.2/32\n` },
    ]).warnings;
    expect(gains).toContain('a.conf: b gets Endpoint = b.example.net:51820 (another file dials it there)');
    const same = importConfigs([
      { name: 'a.conf', text: side(A_PRIV, '10.0.0.1', 51820, B_PUB, '10.0.0.2', 'Endpoint = b.example.net:51820\n') },
      { name: 'b.conf', text: side(B_PRIV, '10.0.0.2', 51820, A_PUB, '10.0.0.1', 'Endpoint = a.example.net:51820\n') },
    ]).warnings;
    expect(same.filter((w) => / will be | gets Endpoint /.test(w))).toEqual([]);
  });
});
