import { describe, expect, it } from 'vitest';
import { readmeOrder } from './key-rotation';

describe('readmeOrder', () => {
  it('takes the hosts in the order the README names them, once each, the rest last', () => {
    const readme = 'Host order: `hub`, `pg-primary`, `app-1`.\n\nRun `hub` first; `app-9` is not ours.';
    expect(readmeOrder(readme, ['app-1', 'app-2', 'pg-primary', 'hub'])).toEqual(['hub', 'pg-primary', 'app-1', 'app-2']);
  });
});
