import { describe, expect, it } from 'vitest';
import { isKey } from '../../engine';
import { createEngineClient } from './engine-client';

describe('engine client', () => {
  it('runs requests on the main thread where no worker can start', async () => {
    expect(typeof Worker).toBe('undefined');
    const client = createEngineClient();
    const pairs = await client.run({ type: 'keypairs', count: 2 });
    expect(pairs.every((p) => isKey(p.publicKey) && isKey(p.privateKey))).toBe(true);
    await expect(client.run({ type: 'keypairs', count: -3 })).rejects.toThrow(/count/);
  });
});
