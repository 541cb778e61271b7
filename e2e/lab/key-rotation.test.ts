import { describe, expect, it } from 'vitest';
import { readmeOrder } from './key-rotation';

describe('readmeOrder', () => {
  it("takes the hosts in the order of the README's numbered list, only ours, the rest last", () => {
    const readme = 'Run each step in this order:\n\n1. hub\n2. pg-primary\n3. app-1\n4. app-9\n\n1. `rotate/1-stage-new-keys.sh`: ...';
    expect(readmeOrder(readme, ['app-1', 'app-2', 'pg-primary', 'hub'])).toEqual(['hub', 'pg-primary', 'app-1', 'app-2']);
  });
});
