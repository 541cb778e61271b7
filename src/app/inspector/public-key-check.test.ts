import { describe, expect, it } from 'vitest';
import { generateKeypair, seededRandom } from '../../engine';
import { emptyDesign } from '../persistence/initial-design';
import { publicKeyProblem } from './public-key-check';

const random = seededRandom(3);
const [a, b] = [generateKeypair(random), generateKeypair(random)];
const host = (id: string, name: string, publicKey: string | null) => ({ ...emptyDesign().hosts[0], id, name, publicKey }) as never;
const design = { ...emptyDesign(), hosts: [host('pg-1', 'Orders primary', a.publicKey), host('app-1', 'app-1', null)] };

describe('publicKeyProblem', () => {
  it('takes a WireGuard key, or nothing', () => {
    expect(publicKeyProblem(design, 'app-1', b.publicKey)).toBeNull();
    expect(publicKeyProblem(design, 'app-1', '')).toBeNull();
  });

  it('names the field and what is wrong with malformed text', () => {
    expect(publicKeyProblem(design, 'app-1', 'not-a-key')).toMatch(/^Public key is not a WireGuard key: expected 44 base64 characters ending in "=", got/);
    expect(publicKeyProblem(design, 'app-1', `${b.publicKey.slice(0, 42)}!=`)).toMatch(/^Public key is not a WireGuard key: character 43/);
  });

  it('refuses another host\'s key, naming that host, but not the host\'s own', () => {
    expect(publicKeyProblem(design, 'app-1', a.publicKey)).toBe('Public key is already Orders primary (pg-1)\'s: every host needs its own key, since WireGuard tells peers apart by key.');
    expect(publicKeyProblem(design, 'pg-1', a.publicKey)).toBeNull();
  });
});
