import { describe, expect, it } from 'vitest';
import { restarts } from './reinstall';

const state = (wgPid: number, ifindex: string, hs: Array<[string, string]>) => ({ wgPid, ifindex, handshakes: new Map(hs) });

describe('restarts', () => {
  it('is empty when the daemon, the interface and every session are the same', () => {
    expect(restarts(state(10, '4', [['KEY-A', '1000']]), state(10, '4', [['KEY-A', '1000']]), 1010)).toEqual([]);
  });

  it('names a new daemon, a re-created interface and a renewed or lost session', () => {
    const r = restarts(state(10, '4', [['KEY-A', '1000'], ['KEY-B', '1000']]), state(11, '5', [['KEY-A', '1020']]), 1010);
    expect(r).toHaveLength(4);
    expect(r.join('\n')).toMatch(/wireguard-go restarted/);
    expect(r.join('\n')).toMatch(/re-created/);
    expect(r.join('\n')).toMatch(/KEY-A.*1000 -> 1020/);
    expect(r.join('\n')).toMatch(/KEY-B.*gone/);
  });

  it("does not blame a renewal that WireGuard's own 120 s rekey was due for", () => {
    expect(restarts(state(10, '4', [['KEY-A', '1000']]), state(10, '4', [['KEY-A', '1125']]), 1110)).toEqual([]);
  });
});
